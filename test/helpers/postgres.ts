// The PostgreSQL side of the test suite: when the `postgresql` project runs (TEST_DATABASE_URL set), every
// test app gets its own database, copied from a template migrated once per run (pg-global-setup.ts).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const ON_POSTGRES = process.env.SPT_TEST_DIALECT === 'postgresql';
export const TEMPLATE_DATABASE = 'spt_test_template';

export function databaseUrl(name: string): string {
  const u = new URL(process.env.TEST_DATABASE_URL!);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database with the schema already in place (a copy of the template). */
export async function createTestDatabase(): Promise<TestDatabase> {
  return newDatabase(`template "${TEMPLATE_DATABASE}"`);
}

/** A fresh, empty database (no template: its migrations are the caller's; for test files outside the
 * `postgresql` project, where no template was made). */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  return newDatabase('');
}

async function newDatabase(from: string): Promise<TestDatabase> {
  const name = `spt_t_${randomBytes(6).toString('hex')}`;
  await admin(async (c) => {
    // Two copies started at once may find the template busy for a moment.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`create database "${name}" ${from}`);
        return;
      } catch (err) {
        if (attempt >= 20 || !/being accessed by other users/.test(String((err as Error).message))) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  return {
    url: databaseUrl(name),
    drop: () => admin((c) => c.query(`drop database if exists "${name}" with (force)`).then(() => undefined)),
  };
}
