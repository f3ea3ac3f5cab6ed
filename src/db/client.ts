// Opens the SQLite file with the pragmas we rely on and applies the committed drizzle-kit migrations.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { ensurePrivateFolderFor, restrictDatabaseFiles, withPrivateUmask } from './file-modes.js';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

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
