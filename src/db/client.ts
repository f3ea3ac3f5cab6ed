// Opens the database the configuration names — a SQLite file (default) or PostgreSQL (DATABASE_URL) — with
// the committed migrations applied, as one Connection: the only place that knows which driver is in use.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type pg from 'pg';
import { ensurePrivateFolderFor, restrictDatabaseFiles, withPrivateUmask } from './file-modes.js';
import * as schema from './schema.js';

/**
 * The drizzle handle repositories write against. Typed as the SQLite database so builders stay typed; on
 * PostgreSQL it is a node-postgres drizzle handle over the twin tables (`Connection.tables`), used only
 * through awaited builders, which both drivers share.
 */
export type Db = BetterSQLite3Database<typeof schema>;
export type Tables = typeof schema;
export type Dialect = 'sqlite' | 'postgresql';

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

export interface Connection {
  dialect: Dialect;
  /** Writes and transactions (SQLite: the one writer connection; PostgreSQL: the pool). */
  writer: Db;
  /** Reads outside a transaction (SQLite: a second, read-only connection, so reads never see a transaction in flight). */
  reader: Db;
  tables: Tables;
  /** The SQLite connections (absent on PostgreSQL). */
  sqlite?: { writer: Database.Database; reader: Database.Database };
  /** The PostgreSQL pool (absent on SQLite). */
  pool?: pg.Pool;
  /** PostgreSQL: the drizzle handle over one pooled connection (a transaction's), one per connection. */
  pgHandle?: (client: pg.PoolClient) => Db;
  close(): Promise<void>;
}

/** Kept for the CLI and tests that read the SQLite file directly. */
export interface OpenedDatabase {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

export function openDatabase(path: string): OpenedDatabase {
  const onDisk = path !== ':memory:' && path !== '';
  if (onDisk) ensurePrivateFolderFor(path);
  // Created 0600 (the -wal and -shm files take the database's mode); a file made earlier is tightened.
  const sqlite = withPrivateUmask(() => {
    const opened = new Database(path);
    opened.pragma('journal_mode = WAL');
    return opened;
  });
  if (onDisk) restrictDatabaseFiles(path);
  // FULL: an acknowledged write survives a power cut, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db,
    sqlite,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

export interface ConnectOptions {
  /** A SQLite file path (ignored when `url` names PostgreSQL). */
  path: string;
  /** postgres://… selects PostgreSQL. */
  url?: string;
  maxConnections?: number;
}

export async function connect(opts: ConnectOptions): Promise<Connection> {
  if (opts.url) {
    // PostgreSQL's driver and twin tables are loaded only when it is the database in use.
    const [{ openPostgres }, { pgSchema }] = await Promise.all([import('./pg-client.js'), import('./pg-schema.js')]);
    const opened = await openPostgres(opts.url, { maxConnections: opts.maxConnections });
    const db = opened.db as unknown as Db;
    let closing: Promise<void> | undefined;
    return {
      dialect: 'postgresql',
      writer: db,
      reader: db,
      tables: pgSchema as unknown as Tables,
      pool: opened.pool,
      pgHandle: (client) => opened.handleFor(client) as unknown as Db,
      close: () => (closing ??= opened.close()),
    };
  }
  const opened = openDatabase(opts.path);
  const onDisk = opts.path !== ':memory:' && opts.path !== '';
  // An in-memory database cannot be opened twice: it reads through its writer.
  const readerSqlite = onDisk ? new Database(opts.path, { readonly: true, fileMustExist: true }) : opened.sqlite;
  if (onDisk) readerSqlite.pragma('busy_timeout = 5000');
  const reader = onDisk ? drizzle(readerSqlite, { schema }) : opened.db;
  return {
    dialect: 'sqlite',
    writer: opened.db,
    reader,
    tables: schema,
    sqlite: { writer: opened.sqlite, reader: readerSqlite },
    close: async () => {
      if (readerSqlite.open) readerSqlite.close();
      opened.close();
    },
  };
}
