// Updates and audit records are written through statements prepared once. What lands in SQLite must be
// what drizzle wrote before: booleans as 0/1, JSON as its text, and a null as NULL (never the text 'null').
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let raw: Database.Database;
beforeAll(async () => {
  t = await createTestApp();
  raw = new Database(t.dbPath, { readonly: true });
});
afterAll(async () => {
  raw.close();
  await t.close();
});

const row = (table: string, id: string) => raw.prepare(`select * from ${table} where id = ?`).get(id) as Record<string, unknown>;

describe('prepared writes', () => {
  it('store booleans, JSON and nulls exactly as drizzle did', async () => {
    const plan = (await t.admin.post('/api/v1/plans', { title: 'P', kind: 'wsoa', localArea: 'L' })).json();
    const project = (await t.admin.post(`/api/v1/plans/${plan.id}/projects`, { code: 'C1', name: 'N' })).json();
    const action = (await t.admin.post(`/api/v1/plans/${plan.id}/actions`, { ref: '1.1', title: 'A', dueDate: '2023-01-31', ragOverride: 'at-risk', ragOverrideReason: 'why' })).json();

    let res = await t.admin.patch(`/api/v1/actions/${action.id}`, { milestone: true, ragOverride: null, percentComplete: 40 }, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(200);
    expect(row('actions', action.id)).toMatchObject({ milestone: 1, rag_override: null, rag_override_reason: null, percent_complete: 40, version: 2 });
    res = await t.admin.patch(`/api/v1/actions/${action.id}`, { milestone: false }, { 'if-match': '"2"' });
    expect(row('actions', action.id)).toMatchObject({ milestone: 0, version: 3 });

    const dep = (await t.admin.post(`/api/v1/projects/${project.id}/dependencies`, { ref: 'D1', description: 'd', impactScore: 3 })).json();
    const updates = [{ date: '2023-01-01', text: 'first' }];
    expect((await t.admin.patch(`/api/v1/dependencies/${dep.id}`, { updates, owner: null })).statusCode).toBe(200);
    expect(row('dependencies', dep.id)).toMatchObject({ updates: JSON.stringify(updates), owner: null });

    const report = (
      await t.admin.post(`/api/v1/projects/${project.id}/highlight-reports`, {
        periodStart: '2023-01-01',
        periodEnd: '2023-01-31',
        overallStatus: 'on-target',
        statusSummary: { tasks: { status: 'at-risk', explanation: 'x' } },
        costs: { spendToDate: 1, forecastSpend: 2, budget: 3 },
      })
    ).json();
    expect((await t.admin.patch(`/api/v1/highlight-reports/${report.id}`, { statusSummary: null, costs: null })).statusCode).toBe(200);
    expect(row('highlight_reports', report.id)).toMatchObject({ status_summary: null, costs: null });
    expect((await t.admin.get(`/api/v1/highlight-reports/${report.id}`)).json()).toMatchObject({ costs: null, version: 2 });
  });

  it('write audit records with NULL before a create and JSON text after', async () => {
    const plan = (await t.admin.post('/api/v1/plans', { title: 'Audited', kind: 'wsoa', localArea: 'L' })).json();
    await t.admin.patch(`/api/v1/plans/${plan.id}`, { title: 'Audited again' });
    const events = raw.prepare('select operation, before, after, typeof(before) as tb from audit_events where resource_id = ? order by seq').all(plan.id) as Record<string, unknown>[];
    expect(events.map((e) => e.operation)).toEqual(['create', 'update']);
    expect(events[0]).toMatchObject({ before: null, tb: 'null' });
    expect(JSON.parse(events[0]!.after as string)).toMatchObject({ id: plan.id, title: 'Audited' });
    expect(JSON.parse(events[1]!.before as string)).toEqual({ title: 'Audited', version: 1 });
    expect(JSON.parse(events[1]!.after as string)).toEqual({ title: 'Audited again', version: 2 });
  });
});
