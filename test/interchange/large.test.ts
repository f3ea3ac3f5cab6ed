// A 5,000-row import: accepted as a job (202 + status URL), written whole in one transaction, re-imported
// without duplicates, and — with one bad row among 5,000 — not written at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type TestApp } from '../helpers/app.js';
import { counts, finishedJob, newPlan, upload, workbook, type SheetRows } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const ROWS = 5000;

function bigSheets(bad?: number): Record<string, SheetRows> {
  const areas: SheetRows = [['Number', 'Title']];
  for (let n = 1; n <= 10; n++) areas.push([n, `Area ${n}`]);
  const actions: SheetRows = [['Ref', 'Title', 'Area', 'Owner', 'Start date', 'Due date', '% complete', 'Status']];
  for (let i = 1; i <= ROWS; i++) {
    const area = ((i - 1) % 10) + 1;
    actions.push([`${area}.${i}`, `Action number ${i} of the plan`, area, `Officer ${i % 37}`, new Date(Date.UTC(2022, 3, 1)), i === bad ? '31/02/2023' : new Date(Date.UTC(2023, 2, 31)), i % 101, i % 3 === 0 ? 'In progress' : 'Not started']);
  }
  return { Areas: areas, Actions: actions };
}

describe(`an import of ${ROWS} rows`, () => {
  it('is accepted as a job, then written whole and audited', async () => {
    const planId = await newPlan(t);
    const bytes = await workbook(bigSheets());
    const before = await counts(t);
    const started = Date.now();
    const res = await upload(t, planId, bytes);
    expect(res.statusCode, res.body).toBe(202);
    const location = res.headers.location as string;
    expect(location).toMatch(/^\/api\/v1\/import-jobs\/imp_[0-9a-z]+$/);
    expect(res.json()).toMatchObject({ planId, status: 'queued', rows: ROWS + 10, dryRun: false, result: null });
    const job = await finishedJob(t, location);
    const ms = Date.now() - started;
    console.log(`${ROWS}-row import (upload, read, validate, write, audit): ${ms} ms`);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ applied: true, problems: [], created: { areas: 10, actions: ROWS } });
    const after = await counts(t);
    expect(after.actions - before.actions).toBe(ROWS);
    expect(after.audit_events - before.audit_events).toBe(ROWS + 10);
    const page = (await t.admin.get(`/api/v1/plans/${planId}/actions?limit=500&status=in-progress`)).json();
    expect(page.items.length).toBe(500);

    // The same file again: nothing new, nothing changed.
    const again = await finishedJob(t, (await upload(t, planId, bytes)).headers.location as string);
    expect(again.status).toBe('succeeded');
    expect(again.result).toMatchObject({ created: { actions: 0 }, updated: { actions: 0 }, unchanged: { areas: 10, actions: ROWS } });
    expect(await counts(t)).toEqual(after);
  }, 180_000); // 5,000 rows through the services: slower on a loaded machine and on PostgreSQL

  it('writes nothing when one row of 5,000 is wrong, and says which', async () => {
    const planId = await newPlan(t);
    const before = await counts(t);
    const res = await upload(t, planId, await workbook(bigSheets(4321)));
    expect(res.statusCode).toBe(202);
    const job = await finishedJob(t, res.headers.location as string);
    expect(job.status).toBe('failed');
    expect(job.error).toBeNull();
    expect(job.result.applied).toBe(false);
    expect(job.result.problems).toEqual([{ sheet: 'Actions', row: 4322, column: 'Due date', cell: 'F4322', path: 'Actions!F4322', message: "Due date '31/02/2023' is not a real date" }]);
    expect(await counts(t)).toEqual(before);
  }, 180_000); // 5,000 rows through the services: slower on a loaded machine and on PostgreSQL

  it('runs a dry run as a job too, and any import as a job when asked', async () => {
    const planId = await newPlan(t);
    const before = await counts(t);
    const dry = await finishedJob(t, (await upload(t, planId, await workbook(bigSheets()), { query: 'dryRun=true' })).headers.location as string);
    expect(dry).toMatchObject({ status: 'succeeded', dryRun: true, result: { applied: false, created: { actions: ROWS } } });
    expect(await counts(t)).toEqual(before);

    const small = await upload(t, planId, await workbook({ Areas: [['Number', 'Title'], [1, 'One']] }), { headers: { prefer: 'respond-async' } });
    expect(small.statusCode).toBe(202);
    expect(small.headers['retry-after']).toBe('1');
    expect(await finishedJob(t, small.headers.location as string)).toMatchObject({ status: 'succeeded', rows: 1, result: { created: { areas: 1 } } });
    problem(await t.admin.get('/api/v1/import-jobs/imp_unknown'), 404);
  }, 180_000); // 5,000 rows through the services: slower on a loaded machine and on PostgreSQL
});
