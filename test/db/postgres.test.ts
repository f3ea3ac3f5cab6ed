// PostgreSQL: the migrations apply (twice, idempotently) to a fresh database, every table has the same
// columns as on SQLite, the audit trail refuses rewrites, and one query written for SQLite runs unchanged.
// Runs when TEST_DATABASE_URL names a server (`.ci/run` starts one with scripts/pg-cluster.sh).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { openPostgres, PG_MIGRATIONS_FOLDER, type OpenedPostgres } from '../../src/db/pg-client.js';
import { pgSchema } from '../../src/db/pg-schema.js';
import type { Db } from '../../src/db/client.js';
import * as sqliteSchema from '../../src/db/schema.js';
import { createEmptyTestDatabase, type TestDatabase } from '../helpers/postgres.js';

const ADMIN_URL = process.env.TEST_DATABASE_URL;

describe.skipIf(!ADMIN_URL)('PostgreSQL', () => {
  let url = '';
  let database: TestDatabase | undefined;
  let opened: OpenedPostgres | undefined;

  beforeAll(async () => {
    database = await createEmptyTestDatabase();
    url = database.url;
  });

  afterAll(async () => {
    await opened?.close();
    await database?.drop();
  });

  const journalLength = () => (JSON.parse(readFileSync(join(PG_MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

  it('applies every migration once, and again without applying anything twice', async () => {
    // Two processes starting together: the advisory lock makes the second wait and find nothing to do.
    const [first, second] = await Promise.all([openPostgres(url, { maxConnections: 2 }), openPostgres(url, { maxConnections: 2 })]);
    await first.close();
    await second.close();
    opened = await openPostgres(url, { maxConnections: 2 });
    const { rows } = await opened.pool.query<{ n: string }>('select count(*) as n from drizzle.__drizzle_migrations');
    expect(Number(rows[0]!.n)).toBe(journalLength());
  });

  it('has every table of the SQLite schema with the same columns', async () => {
    const sqlite = openDatabase(':memory:');
    const sqliteColumns = new Map<string, string[]>();
    try {
      const tables = sqlite.sqlite
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations'")
        .all() as { name: string }[];
      for (const { name } of tables) {
        const cols = sqlite.sqlite.prepare(`select name from pragma_table_info(?)`).all(name) as { name: string }[];
        sqliteColumns.set(name, cols.map((c) => c.name).sort());
      }
    } finally {
      sqlite.close();
    }
    const { rows } = await opened!.pool.query<{ table_name: string; column_name: string }>(
      "select table_name, column_name from information_schema.columns where table_schema = 'public' order by table_name, column_name",
    );
    const pgColumns = new Map<string, string[]>();
    for (const r of rows) pgColumns.set(r.table_name, [...(pgColumns.get(r.table_name) ?? []), r.column_name]);
    for (const cols of pgColumns.values()) cols.sort();

    expect(sqliteColumns.size).toBeGreaterThan(20);
    expect(Object.fromEntries([...pgColumns].sort())).toEqual(Object.fromEntries([...sqliteColumns].sort()));
  });

  it('sorts text bytewise, as SQLite does', async () => {
    const { rows } = await opened!.pool.query<{ collation_name: string | null; n: string }>(
      "select collation_name, count(*) as n from information_schema.columns where table_schema = 'public' and data_type = 'text' group by collation_name",
    );
    expect(rows.map((r) => r.collation_name)).toEqual(['C']);
  });

  it('refuses to update, delete or truncate audit events', async () => {
    const pool = opened!.pool;
    const { rows } = await pool.query<{ seq: number }>(
      "insert into audit_events (at, actor_name, actor_role, operation, resource_type, resource_id, after) values ($1, 'admin', 'admin', 'create', 'plan', 'pln_1', $2) returning seq",
      ['2022-11-18T12:00:00.000Z', { title: 'x' }],
    );
    const seq = rows[0]!.seq;
    await expect(pool.query("update audit_events set actor_name = 'someone else' where seq = $1", [seq])).rejects.toThrow(/append-only/);
    await expect(pool.query('delete from audit_events where seq = $1', [seq])).rejects.toThrow(/append-only/);
    await expect(pool.query('truncate audit_events')).rejects.toThrow(/append-only/);
    const after = await pool.query('select actor_name, after from audit_events where seq = $1', [seq]);
    expect(after.rows).toEqual([{ actor_name: 'admin', after: { title: 'x' } }]);
  });

  it('runs a query written against the SQLite tables on the PostgreSQL twins', async () => {
    // The port's premise: repository code typed with src/db/schema.ts, awaited, works on both.
    const db = opened!.db as unknown as Db;
    const { plans, actions } = pgSchema as unknown as typeof sqliteSchema;
    const ts = '2022-11-18T12:00:00.000Z';
    await db.insert(plans).values({ id: 'pln_a', createdAt: ts, updatedAt: ts, title: 'Plan', kind: 'wsoa', localArea: 'Wolverhampton' });
    await db.insert(actions).values([
      { id: 'act_B', createdAt: ts, updatedAt: ts, planId: 'pln_a', ref: '1.1', title: 'Upper', dueDate: '2023-01-31', status: 'not-started', milestone: true },
      { id: 'act_a', createdAt: ts, updatedAt: ts, planId: 'pln_a', ref: '1.2', title: 'lower', dueDate: '2023-02-28', status: 'in-progress' },
    ]);
    const rows = await db.select({ id: actions.id, milestone: actions.milestone }).from(actions).where(eq(actions.planId, 'pln_a')).orderBy(actions.id);
    // Bytewise: 'B' (0x42) before 'a' (0x61), as SQLite's BINARY collation orders them.
    expect(rows).toEqual([
      { id: 'act_B', milestone: true },
      { id: 'act_a', milestone: false },
    ]);
    // count() maps to a number on both (a bare count(*) comes back from node-postgres as a string).
    expect(await db.select({ n: count() }).from(actions)).toEqual([{ n: 2 }]);
    // A plan's deletion cascades to its actions, as on SQLite.
    await db.delete(plans).where(eq(plans.id, 'pln_a'));
    expect(await db.select().from(actions)).toEqual([]);
  });

  it('a conditional UPDATE … WHERE version = n lets exactly one of two racing writers win, across pools', async () => {
    // Two pools stand for two server processes; READ COMMITTED re-checks the WHERE after waiting for the
    // other's row lock, so the loser updates nothing (→ 412), whichever order the commits come in.
    const other = await openPostgres(url, { maxConnections: 2 });
    try {
      const { plans } = pgSchema as unknown as typeof sqliteSchema;
      const ts = '2022-11-18T12:00:00.000Z';
      const first = opened!.db as unknown as Db;
      await first.insert(plans).values({ id: 'pln_race', createdAt: ts, updatedAt: ts, title: 'Before', kind: 'wsoa', localArea: 'Wolverhampton' });
      const write = (db: Db, title: string) =>
        db.transaction(async (tx) => {
          const rows = await tx
            .update(plans)
            .set({ title, version: 2 })
            .where(and(eq(plans.id, 'pln_race'), eq(plans.version, 1)))
            .returning({ id: plans.id });
          return rows.length;
        });
      const results = await Promise.all([write(first, 'A'), write(other.db as unknown as Db, 'B')]);
      expect([...results].sort()).toEqual([0, 1]);
      const [row] = await first.select({ title: plans.title, version: plans.version }).from(plans).where(eq(plans.id, 'pln_race'));
      expect(row).toEqual({ title: results[0] === 1 ? 'A' : 'B', version: 2 });
    } finally {
      await other.close();
    }
  });
});
