// PostgreSQL: the by-id read, page, conditional UPDATE … RETURNING, INSERT … RETURNING and audit INSERT run
// as named statements (src/db/pg-statements.ts) on the transaction's own connection. What they read must be
// what drizzle reads (booleans, numbers, jsonb, NULLs), what they write what drizzle wrote (jsonb values,
// not JSON text in a string; NULL, never jsonb 'null'), and the hand-sent BEGIN / COMMIT / savepoints must
// keep a transaction's all-or-nothing. Runs when TEST_DATABASE_URL names a server.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { PgTableStatements } from '../../src/db/pg-statements.js';
import { actions } from '../../src/db/schema.js';
import { SYSTEM_ACTOR } from '../../src/db/store.js';
import { createTestApp, ok, type TestApp } from '../helpers/app.js';
import { createEmptyTestDatabase, type TestDatabase } from '../helpers/postgres.js';

const ADMIN_URL = process.env.TEST_DATABASE_URL;

describe('named statements per table', () => {
  it('name the same text the same way, and stop naming new shapes past the bound', () => {
    const a = new PgTableStatements(actions);
    const b = new PgTableStatements(actions);
    expect(a.update(['percentComplete', 'updatedAt', 'version'])).toEqual(b.update(['percentComplete', 'updatedAt', 'version']));
    expect(a.byId.name).toMatch(/^spt_/);
    expect(a.byId.text).toContain('"plan_id" as "planId"');
    const keys = ['title', 'owner', 'status', 'milestone', 'mitigation', 'delayReason', 'startDate', 'dueDate', 'ragOverride'];
    const c = new PgTableStatements(actions);
    const shapes = [];
    for (let mask = 1; mask < 1 << keys.length; mask++) shapes.push(c.update(keys.filter((_, i) => mask & (1 << i))));
    expect(shapes.filter((s) => s.name !== undefined)).toHaveLength(200);
    expect(shapes.at(-1)!.name).toBeUndefined();
    expect(shapes.at(-1)!.text).toMatch(/^update "actions" set /);
  });
});

describe.skipIf(!ADMIN_URL)('PostgreSQL named statements', () => {
  let database: TestDatabase | undefined;
  let t: TestApp;

  beforeAll(async () => {
    database = await createEmptyTestDatabase();
    t = await createTestApp({ databaseUrl: database.url });
  });

  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const raw = async (text: string, values: unknown[] = []) => (await t.app.database.pool!.query(text, values)).rows as Record<string, unknown>[];

  it('read rows exactly as drizzle reads them, and write what drizzle wrote', async () => {
    const plan = await ok(await t.admin.post('/api/v1/plans', { title: 'P', kind: 'wsoa', localArea: 'L' }), 201);
    const project = await ok(await t.admin.post(`/api/v1/plans/${plan.id}/projects`, { code: 'C1', name: 'N' }), 201);
    const action = await ok(await t.admin.post(`/api/v1/plans/${plan.id}/actions`, { ref: '1.1', title: 'A', dueDate: '2023-01-31', ragOverride: 'at-risk', ragOverrideReason: 'why' }), 201);
    const patched = await ok(await t.admin.patch(`/api/v1/actions/${action.id}`, { milestone: true, ragOverride: null, percentComplete: 40 }, { 'if-match': '"1"' }));
    expect(patched).toMatchObject({ milestone: true, ragOverride: null, ragOverrideReason: null, percentComplete: 40, version: 2 });
    expect((await raw('select milestone, rag_override, rag_override_reason, percent_complete, version from actions where id = $1', [action.id]))[0]).toEqual({
      milestone: true,
      rag_override: null,
      rag_override_reason: null,
      percent_complete: 40,
      version: 2,
    });

    const dep = await ok(await t.admin.post(`/api/v1/projects/${project.id}/dependencies`, { ref: 'D1', description: 'd', impactScore: 3 }), 201);
    const updates = [{ date: '2023-01-01', text: 'first' }];
    await ok(await t.admin.patch(`/api/v1/dependencies/${dep.id}`, { updates, owner: null }));
    expect((await raw('select jsonb_typeof(updates) as kind, updates, owner from dependencies where id = $1', [dep.id]))[0]).toEqual({ kind: 'array', updates, owner: null });

    const report = await ok(
      await t.admin.post(`/api/v1/projects/${project.id}/highlight-reports`, {
        periodStart: '2023-01-01',
        periodEnd: '2023-01-31',
        overallStatus: 'on-target',
        statusSummary: { tasks: { status: 'at-risk', explanation: 'x' } },
        costs: { spendToDate: 1.5, forecastSpend: 2, budget: 3 },
      }),
      201,
    );
    expect((await raw('select jsonb_typeof(costs) as kind from highlight_reports where id = $1', [report.id]))[0]).toEqual({ kind: 'object' });
    await ok(await t.admin.patch(`/api/v1/highlight-reports/${report.id}`, { statusSummary: null, costs: null }));
    // SQL NULL, not the JSON value null.
    expect((await raw('select status_summary is null as s, costs is null as c from highlight_reports where id = $1', [report.id]))[0]).toEqual({ s: true, c: true });

    // Every row read through a named statement equals drizzle's select of it.
    const { store, repos } = t.app as unknown as { store: { db: Db; tables: typeof import('../../src/db/schema.js') }; repos: Record<string, { get(id: string): Promise<unknown> }> };
    const tables = store.tables;
    for (const [repo, table, id] of [
      ['actions', tables.actions, action.id],
      ['dependencies', tables.dependencies, dep.id],
      ['highlightReports', tables.highlightReports, report.id],
      ['plans', tables.plans, plan.id],
    ] as const) {
      const viaDrizzle = (await store.db.select().from(table).where(eq(table.id, id)))[0];
      expect(await repos[repo]!.get(id)).toEqual(viaDrizzle);
    }

    // The audit trail: NULL before a create, jsonb objects after.
    const events = await raw("select operation, before is null as no_before, jsonb_typeof(after) as after_kind, before, after from audit_events where resource_id = $1 order by seq", [action.id]);
    expect(events.map((e) => e.operation)).toEqual(['create', 'update']);
    expect(events[0]).toMatchObject({ no_before: true, after_kind: 'object' });
    expect(events[1]).toMatchObject({ before: { milestone: false, ragOverride: 'at-risk', ragOverrideReason: 'why', percentComplete: 0, version: 1 }, after: { milestone: true, ragOverride: null, ragOverrideReason: null, percentComplete: 40, version: 2 } });
  });

  it('prepare each statement once on the connection that runs it', async () => {
    const plan = await ok(await t.admin.post('/api/v1/plans', { title: 'Named', kind: 'wsoa', localArea: 'L' }), 201);
    const store = (t.app as unknown as { store: import('../../src/db/store.js').Store }).store;
    const repos = (t.app as unknown as { repos: import('../../src/db/repos/index.js').Repos }).repos;
    const names = await store.tx(async (tx) => {
      await repos.plans.get(plan.id, tx);
      await repos.plans.get(plan.id, tx);
      const runner = store.pgRunnerOf(tx)!;
      return (await runner.query<{ name: string; statement: string }>("select name, statement from pg_prepared_statements where name like 'spt_%'")).rows;
    });
    expect(names.filter((n) => n.statement.includes('from "plans" where "id" = $1'))).toHaveLength(1);
  });

  it('keep a transaction all-or-nothing, and a savepoint undoes only its own writes', async () => {
    const plan = await ok(await t.admin.post('/api/v1/plans', { title: 'Tx', kind: 'wsoa', localArea: 'L' }), 201);
    const store = (t.app as unknown as { store: import('../../src/db/store.js').Store }).store;
    const repos = (t.app as unknown as { repos: import('../../src/db/repos/index.js').Repos }).repos;
    const actor = { ...SYSTEM_ACTOR, name: 'test' };
    const values = (ref: string) => ({ planId: plan.id, ref, title: ref, dueDate: '2024-01-01', status: 'not-started' }) as never;

    await expect(
      store.tx(async (tx) => {
        await repos.actions.createIn(tx, actor, values('R1'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await raw('select ref from actions where plan_id = $1', [plan.id])).toEqual([]);

    await store.tx(async (tx) => {
      await repos.actions.createIn(tx, actor, values('S1'));
      // A refused statement inside a savepoint: undone alone, the transaction goes on.
      await expect(store.savepoint(async (inner) => repos.actions.createIn(inner, actor, values('S1')))).rejects.toMatchObject({ status: 409 });
      await store.savepoint(async (inner) => repos.actions.createIn(inner, actor, values('S2')));
    });
    expect((await raw('select ref from actions where plan_id = $1 order by ref', [plan.id])).map((r) => r.ref)).toEqual(['S1', 'S2']);
    // Every connection went back to the pool idle, none left in a transaction.
    const pool = t.app.database.pool!;
    expect(pool.idleCount).toBe(pool.totalCount);
    expect(await raw("select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'")).toEqual([{ n: 0 }]);
  });

  it('survive a transaction losing its connection: the caller gets the error, the pool goes on with a new one', async () => {
    const plan = await ok(await t.admin.post('/api/v1/plans', { title: 'Cut', kind: 'wsoa', localArea: 'L' }), 201);
    const store = (t.app as unknown as { store: import('../../src/db/store.js').Store }).store;
    const repos = (t.app as unknown as { repos: import('../../src/db/repos/index.js').Repos }).repos;
    await expect(
      store.tx(async (tx) => {
        const pid = (await store.pgRunnerOf(tx)!.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
        await raw('select pg_terminate_backend($1)', [pid]);
        // The server's goodbye arrives while no statement is running on that connection.
        await new Promise((r) => setTimeout(r, 200));
        await repos.plans.get(plan.id, tx);
      }),
    ).rejects.toThrow();
    expect((await repos.plans.get(plan.id))?.title).toBe('Cut');
    expect((await t.admin.patch(`/api/v1/plans/${plan.id}`, { title: 'Still here' }, { 'if-match': '"1"' })).statusCode).toBe(200);
  });
});
