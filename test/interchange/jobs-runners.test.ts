// Import jobs with several server processes: a job marked interrupted while it runs stays interrupted and
// its import is undone (both databases); on PostgreSQL a job is alive while its runner holds the job's
// advisory lock, whatever the pid says (processes on other machines).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_NAMESPACES } from '../../src/db/advisory-locks.js';
import { SYSTEM_ACTOR } from '../../src/db/store.js';
import type { ImportResult } from '../../src/resources/interchange/importer.js';
import { ImportJobs } from '../../src/resources/interchange/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { ON_POSTGRES } from '../helpers/postgres.js';
import { newPlan } from './helpers.js';

let t: TestApp;
let planId: string;
beforeAll(async () => {
  t = await createTestApp();
  planId = await newPlan(t);
});
afterAll(() => t.close());

const noProblems = { problems: [] } as unknown as ImportResult;

async function insertJob(id: string, runnerId: string, runnerPid: number) {
  await t.query(
    `insert into import_jobs (id, plan_id, status, dry_run, rows, actor_name, actor_role, actor_token_id, runner_pid, runner_id, submitted_at, started_at)
     values (?, ?, 'running', ${ON_POSTGRES ? 'false' : '0'}, 10, 'Programme manager', 'editor', null, ?, ?, '2022-11-18T11:59:00.000Z', '2022-11-18T11:59:01.000Z')`,
    [id, planId, runnerPid, runnerId],
  );
}
const status = async (id: string) => (await t.query<{ status: string }>('select status from import_jobs where id = ?', [id]))[0]!.status;

describe('import jobs and their runners', () => {
  it('a job marked interrupted while it runs stays so, and what its import wrote is undone', async () => {
    const jobs = new ImportJobs(t.app.store);
    let go!: () => void;
    const gate = new Promise<void>((r) => (go = r));
    const job = await jobs.submit(planId, 1, false, SYSTEM_ACTOR, async (finish) => {
      await gate;
      await t.app.store.tx(async (tx) => {
        await tx.update(t.app.store.tables.plans).set({ title: 'Written by an interrupted job' });
        await finish(tx, noProblems);
      });
      return noProblems;
    });
    for (let i = 0; i < 500 && (await status(job.id)) !== 'running'; i++) await new Promise((r) => setTimeout(r, 10));
    // Another process, finding this runner gone, marks the job interrupted.
    await t.query("update import_jobs set status = 'interrupted' where id = ?", [job.id]);
    go();
    expect(await jobs.settled(job.id)).toMatchObject({ status: 'interrupted' });
    expect((await t.query<{ title: string }>('select title from plans where id = ?', [planId]))[0]!.title).not.toBe('Written by an interrupted job');
    await jobs.close();
  });

  it.runIf(ON_POSTGRES)('on PostgreSQL, a running job is interrupted when no session holds its lock, whatever its pid', async () => {
    const other = new pg.Client({ connectionString: t.database.databaseUrl });
    await other.connect();
    const jobs = new ImportJobs(t.app.store);
    try {
      // Both pids are this (live) process: on PostgreSQL the pid is not looked at.
      await insertJob('imp_heldelsewhere', 'run_other', process.pid);
      await insertJob('imp_nolock', 'run_gone', process.pid);
      await other.query('select pg_advisory_lock($1, hashtext($2))', [LOCK_NAMESPACES.importJob, 'imp_heldelsewhere']);
      expect(await jobs.markInterrupted()).toBe(1);
      expect(await status('imp_nolock')).toBe('interrupted');
      expect(await status('imp_heldelsewhere')).toBe('running');
      // Testing the lock did not keep it: the other runner still holds it, and nobody else does.
      expect(await jobs.markInterrupted()).toBe(0);
      await other.end();
      expect(await jobs.markInterrupted()).toBe(1);
      expect(await status('imp_heldelsewhere')).toBe('interrupted');
    } finally {
      await other.end().catch(() => {});
      await jobs.close();
    }
  });

  it.runIf(ON_POSTGRES)('on PostgreSQL, a runner holds the lock of its job from submission until it is over', async () => {
    const jobs = new ImportJobs(t.app.store);
    const elsewhere = new ImportJobs(t.app.store);
    let go!: () => void;
    const gate = new Promise<void>((r) => (go = r));
    const job = await jobs.submit(planId, 1, true, SYSTEM_ACTOR, async (finish) => {
      await gate;
      await t.app.store.tx((tx) => finish(tx, noProblems));
      return noProblems;
    });
    expect(await elsewhere.markInterrupted()).toBe(0);
    expect(await status(job.id)).not.toBe('interrupted');
    go();
    expect(await jobs.settled(job.id)).toMatchObject({ status: 'succeeded' });
    // Released: a transaction-scoped try (gone with its statement) gets it.
    const free = await t.query<{ got: number }>('select pg_try_advisory_xact_lock(?, hashtext(?)) as got', [LOCK_NAMESPACES.importJob, job.id]);
    expect(free[0]!.got).toBe(1);
    await jobs.close();
    await elsewhere.close();
  });
});
