// Opens PostgreSQL (node-postgres pool, settings from the URL) and applies the committed migrations/pg/
// migrations under an advisory lock, so several processes starting together migrate once.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { pgSchema } from './pg-schema.js';

export type PgDb = NodePgDatabase<typeof pgSchema>;

export const PG_MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations/pg');

/** Held while migrating; any 64-bit number, fixed for this application ("spt-migr"). */
const MIGRATION_LOCK = 0x7370742d6d696772n;

export interface OpenedPostgres {
  db: PgDb;
  pool: pg.Pool;
  /** A drizzle handle over one pooled connection (made once per connection: a transaction's handle). */
  handleFor(client: pg.PoolClient): PgDb;
  close(): Promise<void>;
}

export interface PostgresOptions {
  /** Connections in this process's pool (default 10). */
  maxConnections?: number;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Connects with everything the URL says (host, port, user, password, database, `sslmode`, …) and brings the
 * schema up to date. Throws — with the pool closed — when the server cannot be reached or a migration fails.
 */
export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<OpenedPostgres> {
  if (!isPostgresUrl(url)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.maxConnections ?? 10,
    application_name: 'send-plan-tracker',
    connectionTimeoutMillis: 10_000,
  });
  // An idle client losing its server (restart, failover) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  try {
    await migrateLocked(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const handles = new WeakMap<pg.PoolClient, PgDb>();
  const handleFor = (client: pg.PoolClient) => {
    let handle = handles.get(client);
    if (!handle) handles.set(client, (handle = drizzle(client, { schema: pgSchema })));
    return handle;
  };
  return { db: drizzle(pool, { schema: pgSchema }), pool, handleFor, close: () => pool.end() };
}

async function migrateLocked(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    try {
      await migrate(drizzle(client), { migrationsFolder: PG_MIGRATIONS_FOLDER });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]);
    }
  } finally {
    client.release();
  }
}
