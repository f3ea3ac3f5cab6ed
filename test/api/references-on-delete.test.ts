// Deleting an area, action, measure or evidence item drops its id from the lists that named it (measures'
// areaIds/actionIds, evidence's areaIds/actionIds/measureIds, area updates' evidenceIds) in the same
// transaction: each touched record gets a version bump and an audited update; a refused delete (412)
// touches nothing; other plans' records are left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ok, problem, type TestApp } from '../helpers/app.js';

let t: TestApp;
let clock = new Date('2022-10-01T09:00:00Z');
const tick = () => (clock = new Date(clock.getTime() + 60_000));
const ids: Record<string, string> = {};

const get = async (path: string) => ok(await t.admin.get(`/api/v1/${path}`));

async function auditOf(resourceType: string, resourceId: string | undefined) {
  return (await get(`audit?resourceType=${resourceType}&resourceId=${resourceId}&limit=500`)).items as {
    operation: string;
    requestId: string | null;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
  }[];
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  const c = t.admin;
  const plan = await ok(await c.post('/api/v1/plans', { title: 'WSoA', kind: 'wsoa', localArea: 'Wolverhampton' }), 201);
  ids.plan = plan.id;
  ids.areaA = (await ok(await c.post(`/api/v1/plans/${plan.id}/areas`, { number: 1, title: 'Leadership' }), 201)).id;
  ids.areaB = (await ok(await c.post(`/api/v1/plans/${plan.id}/areas`, { number: 2, title: 'EHC plans' }), 201)).id;
  ids.actionX = (await ok(await c.post(`/api/v1/plans/${plan.id}/actions`, { ref: '2.1', title: 'Review the pathway', dueDate: '2023-03-31', areaId: ids.areaB }), 201)).id;
  ids.actionY = (await ok(await c.post(`/api/v1/plans/${plan.id}/actions`, { ref: '2.2', title: 'Revise the plan template', dueDate: '2023-03-31' }), 201)).id;
  const measure = { definition: 'SEN2', unit: '%', direction: 'higher-is-better' };
  ids.measure = (await ok(await c.post(`/api/v1/plans/${plan.id}/measures`, { ...measure, ref: 'M2.1', title: '20-week timeliness', areaIds: [ids.areaA, ids.areaB], actionIds: [ids.actionX, ids.actionY] }), 201)).id;
  ids.measure2 = (await ok(await c.post(`/api/v1/plans/${plan.id}/measures`, { ...measure, ref: 'M2.2', title: 'Advice in 6 weeks', areaIds: [ids.areaB] }), 201)).id;
  const item = (title: string, extra: Record<string, unknown>) => c.post(`/api/v1/plans/${plan.id}/evidence`, { title, kind: 'impact', asOf: '2022-09-30', url: 'https://example.org/e', ...extra });
  ids.evidence = (await ok(await item('Audit of plans', { areaIds: [ids.areaA, ids.areaB], actionIds: [ids.actionX], measureIds: [ids.measure, ids.measure2] }), 201)).id;
  ids.evidence2 = (await ok(await item('Parent survey', { areaIds: [ids.areaB] }), 201)).id;
  ids.update = (await ok(await c.post(`/api/v1/areas/${ids.areaB}/updates`, { asOf: '2022-09-30', done: ['Audit'], evidenceIds: [ids.evidence, ids.evidence2] }), 201)).id;
  // Another plan naming nothing of this one: untouched throughout.
  const other = await ok(await c.post('/api/v1/plans', { title: 'Other', kind: 'wsoa', localArea: 'Elsewhere' }), 201);
  ids.otherMeasure = (await ok(await c.post(`/api/v1/plans/${other.id}/measures`, { ...measure, ref: 'M1', title: 'Other' }), 201)).id;
});
afterAll(() => t.close());

describe('references cleaned on delete', () => {
  it('a delete refused by If-Match changes nothing', async () => {
    problem(await t.admin.delete(`/api/v1/areas/${ids.areaA}`, { 'if-match': '"7"' }), 412);
    expect((await get(`measures/${ids.measure}`)).areaIds).toEqual([ids.areaA, ids.areaB]);
    expect((await get(`evidence/${ids.evidence}`)).version).toBe(1);
  });

  it('deleting an area drops it from measures and evidence, each an audited update with a version bump', async () => {
    tick();
    expect((await t.admin.delete(`/api/v1/areas/${ids.areaA}`)).statusCode).toBe(204);
    const m = await get(`measures/${ids.measure}`);
    expect([m.areaIds, m.version]).toEqual([[ids.areaB], 2]);
    const e = await get(`evidence/${ids.evidence}`);
    expect([e.areaIds, e.version]).toEqual([[ids.areaB], 2]);
    // Records that did not name the area are not touched.
    expect((await get(`measures/${ids.measure2}`)).version).toBe(1);
    expect((await get(`evidence/${ids.evidence2}`)).version).toBe(1);
    const trail = await auditOf('measure', ids.measure);
    expect(trail.map((a) => a.operation)).toEqual(['create', 'update']);
    expect(trail[1]!.before).toEqual({ areaIds: [ids.areaA, ids.areaB], version: 1 });
    expect(trail[1]!.after).toEqual({ areaIds: [ids.areaB], version: 2 });
    // The update is recorded by the same request as the delete.
    const areaTrail = await auditOf('area', ids.areaA);
    expect(areaTrail.at(-1)!.operation).toBe('delete');
    expect(trail[1]!.requestId).toBe(areaTrail.at(-1)!.requestId);
  });

  it('a later PATCH of the record is not refused over the deleted id', async () => {
    tick();
    expect((await ok(await t.admin.patch(`/api/v1/measures/${ids.measure}`, { title: '20-week timeliness (with exceptions)' }))).version).toBe(3);
    expect((await ok(await t.admin.patch(`/api/v1/evidence/${ids.evidence}`, { title: 'Audit of EHC plans' }))).version).toBe(3);
  });

  it('deleting an action drops it from measures and evidence', async () => {
    tick();
    expect((await t.admin.delete(`/api/v1/actions/${ids.actionX}`)).statusCode).toBe(204);
    const m = await get(`measures/${ids.measure}`);
    expect([m.actionIds, m.version]).toEqual([[ids.actionY], 4]);
    const e = await get(`evidence/${ids.evidence}`);
    expect([e.actionIds, e.version]).toEqual([[], 4]);
    expect((await auditOf('evidence', ids.evidence)).at(-1)!.after).toEqual({ actionIds: [], version: 4 });
  });

  it('deleting a measure drops it from evidence', async () => {
    tick();
    expect((await t.admin.delete(`/api/v1/measures/${ids.measure}`)).statusCode).toBe(204);
    const e = await get(`evidence/${ids.evidence}`);
    expect([e.measureIds, e.version]).toEqual([[ids.measure2], 5]);
  });

  it('deleting an evidence item drops it from area updates', async () => {
    tick();
    expect((await t.admin.delete(`/api/v1/evidence/${ids.evidence}`)).statusCode).toBe(204);
    const u = await get(`updates/${ids.update}`);
    expect([u.evidenceIds, u.version]).toEqual([[ids.evidence2], 2]);
    expect((await auditOf('area-update', ids.update)).at(-1)!.after).toEqual({ evidenceIds: [ids.evidence2], version: 2 });
    expect((await get(`measures/${ids.otherMeasure}`)).version).toBe(1);
  });
});
