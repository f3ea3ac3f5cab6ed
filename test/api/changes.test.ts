// GET /plans/:planId/changes over history built through the API on several simulated dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ok, problem, type TestApp } from '../helpers/app.js';

let t: TestApp;
let clock = new Date('2022-06-01T09:00:00Z');
const on = (iso: string) => (clock = new Date(iso));
const ids: Record<string, string> = {};
let planId = '';

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  const c = t.admin;
  on('2022-06-01T09:00:00Z');
  planId = (await ok(await c.post('/api/v1/plans', { title: 'WSoA', kind: 'wsoa', localArea: 'Wolverhampton' }), 201)).id;
  const project = await ok(await c.post(`/api/v1/plans/${planId}/projects`, { code: 'PR000681', name: 'Culture of Inclusion' }), 201);
  const mk = async (ref: string, title: string, dueDate: string, extra: Record<string, unknown> = {}) =>
    (ids[ref] = (await ok(await c.post(`/api/v1/plans/${planId}/actions`, { ref, title, dueDate, startDate: '2022-01-01', percentComplete: 50, status: 'in-progress', ...extra }), 201)).id);
  await mk('2.1', 'Full review of statutory assessment', '2022-09-30');
  await mk('2.2', 'Revised EHC plan', '2022-12-31');
  await mk('3.1', 'Joint Commissioning Strategy', '2023-03-31');
  ids.R1 = (await ok(await c.post(`/api/v1/projects/${project.id}/risks`, { ref: 'R1', description: 'Recruitment', likelihood: 2, impact: 3 }), 201)).id;
  ids.R2 = (await ok(await c.post(`/api/v1/projects/${project.id}/risks`, { ref: 'R2', description: 'Capita One', likelihood: 3, impact: 3 }), 201)).id;
  ids.I1 = (await ok(await c.post(`/api/v1/projects/${project.id}/issues`, { ref: 'I1', description: 'EHC hub closed', impactScore: 3 }), 201)).id;

  // August: 2.1 is extended once.
  on('2022-08-15T10:00:00Z');
  await ok(await c.patch(`/api/v1/actions/${ids['2.1']}`, { revisedDueDate: '2022-11-30', delayReason: 'Leaving the EHC hub', mitigation: 'Capita' }));
  // Late on 30 September in London (22:30 UTC = 23:30 BST): still the since day.
  on('2022-09-30T22:30:00Z');
  await ok(await c.patch(`/api/v1/risks/${ids.R1}`, { likelihood: 3 }));
  // October: 2.1 extended again, 2.2 completed, 3.1 removed, 2.12 added, R2 closed, R3 and I2 opened, I1 closed.
  on('2022-10-20T09:00:00Z');
  await ok(await c.patch(`/api/v1/actions/${ids['2.1']}`, { revisedDueDate: '2023-03-31' }));
  await ok(await c.patch(`/api/v1/actions/${ids['2.2']}`, { status: 'complete', percentComplete: 100 }));
  expect((await c.delete(`/api/v1/actions/${ids['3.1']}`)).statusCode).toBe(204);
  await mk('2.12', 'Practice week', '2023-01-31');
  await ok(await c.patch(`/api/v1/risks/${ids.R2}`, { status: 'closed' }));
  await ok(await c.patch(`/api/v1/risks/${ids.R1}`, { impact: 4 }));
  ids.R3 = (await ok(await c.post(`/api/v1/projects/${project.id}/risks`, { ref: 'R3', description: 'Budget', likelihood: 1, impact: 5 }), 201)).id;
  await ok(await c.patch(`/api/v1/issues/${ids.I1}`, { status: 'closed' }));
  ids.I2 = (await ok(await c.post(`/api/v1/projects/${project.id}/issues`, { ref: 'I2', description: 'Staffing', impactScore: 2 }), 201)).id;
  // After 18 November: not part of the period.
  on('2022-11-19T09:00:00Z');
  await ok(await c.patch(`/api/v1/actions/${ids['2.12']}`, { status: 'complete' }));
  on('2022-11-18T12:00:00Z');
});

afterAll(async () => {
  await t.close();
});

describe('GET /plans/:planId/changes', () => {
  it('lists exactly what moved between the end of since and the end of until', async () => {
    const body = await ok(await t.admin.get(`/api/v1/plans/${planId}/changes?since=2022-09-30&until=2022-11-18`));
    expect(body).toEqual({
      since: '2022-09-30',
      until: '2022-11-18',
      actions: {
        // 2.1: on 30 Sept due 30 Nov, 50% against ≈ 81% expected → at risk; on 18 Nov due March 2023 → ≈ 72% expected, at risk still.
        ragChanged: [{ id: ids['2.2'], ref: '2.2', title: 'Revised EHC plan', from: 'at-risk', to: 'complete' }],
        redated: [{ id: ids['2.1'], ref: '2.1', title: 'Full review of statutory assessment', from: '2022-11-30', to: '2023-03-31', timesRedated: 2, slipDays: 182 }],
        completed: [{ id: ids['2.2'], ref: '2.2', title: 'Revised EHC plan' }],
        added: [{ id: ids['2.12'], ref: '2.12', title: 'Practice week' }],
        removed: [{ id: ids['3.1'], ref: '3.1', title: 'Joint Commissioning Strategy' }],
      },
      risks: {
        opened: [{ id: ids.R3, ref: 'R3', title: 'Budget' }],
        closed: [{ id: ids.R2, ref: 'R2', title: 'Capita One' }],
        scoreChanged: [{ id: ids.R1, ref: 'R1', title: 'Recruitment', from: 9, to: 12 }],
      },
      issues: { opened: [{ id: ids.I2, ref: 'I2', title: 'Staffing' }], closed: [{ id: ids.I1, ref: 'I1', title: 'EHC hub closed' }] },
      measures: { moved: [] },
    });
  });

  it('until defaults to today in England; a later period sees the later completion', async () => {
    const today = await ok(await t.admin.get(`/api/v1/plans/${planId}/changes?since=2022-11-18`));
    expect(today.until).toBe('2022-11-18');
    expect(today.actions.completed).toEqual([]);
    const later = await ok(await t.admin.get(`/api/v1/plans/${planId}/changes?since=2022-11-18&until=2022-11-19`));
    expect(later.actions.completed).toEqual([{ id: ids['2.12'], ref: '2.12', title: 'Practice week' }]);
  });

  it('a since before the August extension counts it in the same re-dating', async () => {
    const body = await ok(await t.admin.get(`/api/v1/plans/${planId}/changes?since=2022-08-01&until=2022-11-18`));
    expect(body.actions.redated).toEqual([{ id: ids['2.1'], ref: '2.1', title: 'Full review of statutory assessment', from: '2022-09-30', to: '2023-03-31', timesRedated: 2, slipDays: 182 }]);
    // Added after 1 August and before until: 2.12 only (3.1 existed then and is gone).
    expect(body.actions.added.map((a: { ref: string }) => a.ref)).toEqual(['2.12']);
    expect(body.risks.scoreChanged).toEqual([{ id: ids.R1, ref: 'R1', title: 'Recruitment', from: 6, to: 12 }]);
  });

  it('since after until → 400 naming since; bad dates and unknown plans are refused', async () => {
    const p = problem(await t.admin.get(`/api/v1/plans/${planId}/changes?since=2022-11-19&until=2022-11-18`), 400);
    expect(p.errors?.map((e) => e.path)).toEqual(['since']);
    const bad = problem(await t.admin.get(`/api/v1/plans/${planId}/changes?since=2022-02-30`), 400);
    expect(bad.errors?.[0]?.path).toBe('since');
    problem(await t.admin.get(`/api/v1/plans/${planId}/changes`), 400);
    problem(await t.admin.get(`/api/v1/plans/pln_nope/changes?since=2022-01-01`), 404);
    problem(await t.admin.get(`/api/v1/plans/${planId}/changes?since=2022-01-01&extra=1`), 400);
  });
});
