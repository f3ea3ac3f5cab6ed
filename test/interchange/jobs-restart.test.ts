// Import jobs live in the database: a finished job is still there after a restart, and a job a previous
// process left queued or running is marked interrupted at start-up (telling the user to upload again) —
// unless the process running it is still alive.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { ADMIN_TOKEN, createTestApp, FIXED_NOW, type TestApp } from '../helpers/app.js';
import { finishedJob, newPlan, upload, workbook } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.app.close().catch(() => {});
  rmSync(t.dir, { recursive: true, force: true });
});

describe('import jobs across a restart', () => {
  it('are recorded, and those a stopped process left unfinished say they were interrupted', async () => {
    const planId = await newPlan(t);
    const res = await upload(t, planId, await workbook({ Areas: [['Number', 'Title'], [1, 'One']] }), { headers: { prefer: 'respond-async' } });
    expect(res.statusCode).toBe(202);
    const done = await finishedJob(t, res.headers.location as string);
    expect(done).toMatchObject({ status: 'succeeded', rows: 1, startedBy: 'admin (ADMIN_TOKEN)', result: { applied: true, created: { areas: 1 } } });

    // What a killed server leaves behind: jobs still queued or running under its process id.
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
    const insert = t.app.database.sqlite!.writer.prepare(
      `insert into import_jobs (id, plan_id, status, dry_run, rows, actor_name, actor_role, actor_token_id, runner_pid, submitted_at, started_at)
       values (?, ?, ?, 0, 5000, 'Programme manager', 'editor', null, ?, '2022-11-18T11:59:00.000Z', ?)`,
    );
    insert.run('imp_deadrunning', planId, 'running', deadPid, '2022-11-18T11:59:01.000Z');
    insert.run('imp_samepidqueued', planId, 'queued', process.pid, null); // a container restart reuses the pid
    insert.run('imp_otherlive', planId, 'running', process.ppid, '2022-11-18T11:59:01.000Z'); // another process still at it
    await t.app.close();

    const app = await buildApp({ ...t.database, adminToken: ADMIN_TOKEN, now: () => FIXED_NOW });
    t.app = app;
    const get = async (id: string) => {
      const r = await app.inject({ method: 'GET', url: `/api/v1/import-jobs/${id}`, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    for (const id of ['imp_deadrunning', 'imp_samepidqueued']) {
      const job = await get(id);
      expect(job).toMatchObject({ id, planId, status: 'interrupted', rows: 5000, startedBy: 'Programme manager', finishedAt: FIXED_NOW.toISOString(), result: null });
      expect(job.error).toMatch(/Nothing of it was written.*upload the file again to re-run it/);
    }
    expect(await get('imp_otherlive')).toMatchObject({ status: 'running', error: null });
    // The finished job is still there, as it was.
    expect(await get(done.id)).toEqual(done);
  });
});
