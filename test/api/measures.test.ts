// Measures (KPIs) and their values through HTTP: CRUD, derived latest/expected/rag/trend, 409 on a second
// value for a period, definitionHistory, and 400s naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type TestApp } from '../helpers/app.js';

let t: TestApp;
let planId: string;
let areaId: string;
let actionId: string;
let otherAreaId: string;

const ehcp = {
  ref: 'M2.1',
  title: 'EHC plans issued within 20 weeks (excluding exceptions)',
  definition: 'Final EHC plans issued within 20 weeks of the request, excluding exception cases, as a percentage of all final plans issued in the month.',
  unit: '%',
  direction: 'higher-is-better',
  frequency: 'monthly',
  baseline: { value: 40, period: '2022-03-31' },
  milestones: [{ by: '2022-09-30', value: 60 }],
  target: { value: 90, by: '2023-03-31' },
  tolerance: 5,
  comparators: [{ name: 'England average', value: 59.9, period: '2021-12-31' }],
};

beforeAll(async () => {
  t = await createTestApp();
  planId = (await t.admin.post('/api/v1/plans', { title: 'WSoA', kind: 'wsoa', localArea: 'Wolverhampton' })).json().id;
  areaId = (await t.admin.post(`/api/v1/plans/${planId}/areas`, { number: 2, title: 'EHC plans' })).json().id;
  actionId = (await t.admin.post(`/api/v1/plans/${planId}/actions`, { ref: '2.1', title: 'Review the pathway', dueDate: '2023-03-31', areaId })).json().id;
  const other = (await t.admin.post('/api/v1/plans', { title: 'Other', kind: 'wsoa', localArea: 'Elsewhere' })).json().id;
  otherAreaId = (await t.admin.post(`/api/v1/plans/${other}/areas`, { number: 1, title: 'Other area' })).json().id;
});
afterAll(() => t.close());

describe('measures', () => {
  let id: string;

  it('creates a measure: 201, Location, ETag, no values yet so nothing derived', async () => {
    const res = await t.admin.post(`/api/v1/plans/${planId}/measures`, { ...ehcp, areaIds: [areaId], actionIds: [actionId] });
    expect(res.statusCode).toBe(201);
    const m = res.json();
    id = m.id;
    expect(res.headers.location).toBe(`/api/v1/measures/${id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(m).toMatchObject({ ...ehcp, planId, areaIds: [areaId], actionIds: [actionId], projectId: null, source: null, version: 1 });
    expect(m).toMatchObject({ latest: null, expected: null, rag: null, trend: null, definitionHistory: [] });
  });

  it('derives latest, expected, rag and trend from the values', async () => {
    expect((await t.admin.post(`/api/v1/measures/${id}/values`, { period: '2022-09-30', value: 58, note: 'September' })).statusCode).toBe(201);
    let m = (await t.admin.get(`/api/v1/measures/${id}`)).json();
    // On the milestone date the trajectory expects 60: 58 is 2 worse, within the tolerance of 5.
    expect(m).toMatchObject({ latest: { period: '2022-09-30', value: 58 }, expected: 60, rag: 'at-risk', trend: null });
    const v = await t.admin.post(`/api/v1/measures/${id}/values`, { period: '2022-12-30', value: 76 });
    expect(v.statusCode).toBe(201);
    expect(v.headers.location).toBe(`/api/v1/measure-values/${v.json().id}`);
    m = (await t.admin.get(`/api/v1/measures/${id}`)).json();
    expect(m).toMatchObject({ latest: { period: '2022-12-30', value: 76 }, expected: 75, rag: 'on-target', trend: 'improving' });
    // An earlier period added later does not become the latest.
    await t.admin.post(`/api/v1/measures/${id}/values`, { period: '2022-06-30', value: 30 });
    m = (await t.admin.get(`/api/v1/measures/${id}`)).json();
    expect(m.latest).toEqual({ period: '2022-12-30', value: 76 });
    // Far below expectation → off target; worse than the value before → worsening.
    const late = (await t.admin.post(`/api/v1/measures/${id}/values`, { period: '2023-01-31', value: 50 })).json();
    m = (await t.admin.get(`/api/v1/measures/${id}`)).json();
    expect(m).toMatchObject({ rag: 'off-target', trend: 'worsening' });
    expect((await t.admin.delete(`/api/v1/measure-values/${late.id}`)).statusCode).toBe(204);
  });

  it('a second value for the same period → 409 naming period', async () => {
    const body = problem(await t.admin.post(`/api/v1/measures/${id}/values`, { period: '2022-09-30', value: 1 }), 409);
    expect(body.errors?.[0]?.path).toBe('period');
  });

  it('lists values and measures (filters areaId) as pages', async () => {
    const values = (await t.admin.get(`/api/v1/measures/${id}/values?limit=2`)).json();
    expect(values.items).toHaveLength(2);
    expect(values.nextCursor).toEqual(expect.any(String));
    const more = (await t.admin.get(`/api/v1/measures/${id}/values?limit=2&cursor=${values.nextCursor}`)).json();
    expect(more.items).toHaveLength(1);
    expect((await t.admin.get(`/api/v1/plans/${planId}/measures?areaId=${areaId}`)).json().items.map((m: { id: string }) => m.id)).toEqual([id]);
    expect((await t.admin.get(`/api/v1/plans/${planId}/measures?areaId=are_nothere`)).json().items).toEqual([]);
  });

  it('a PATCH changing the definition keeps the old one with until = today; ETag and If-Match apply', async () => {
    const before = (await t.admin.get(`/api/v1/measures/${id}`)).json();
    const res = await t.admin.patch(`/api/v1/measures/${id}`, { definition: 'Cumulative since April: final EHC plans issued within 20 weeks.' }, { 'if-match': `"${before.version}"` });
    expect(res.statusCode).toBe(200);
    expect(res.json().definitionHistory).toEqual([{ definition: ehcp.definition, until: '2022-11-18' }]);
    // The same definition again adds nothing; a stale If-Match changes nothing.
    const same = await t.admin.patch(`/api/v1/measures/${id}`, { definition: 'Cumulative since April: final EHC plans issued within 20 weeks.' });
    expect(same.json().definitionHistory).toHaveLength(1);
    problem(await t.admin.patch(`/api/v1/measures/${id}`, { title: 'x' }, { 'if-match': `"${before.version}"` }), 412);
  });

  it('a duplicate ref → 409; the audit trail records the writes', async () => {
    problem(await t.admin.post(`/api/v1/plans/${planId}/measures`, ehcp), 409);
    const audit = (await t.admin.get(`/api/v1/audit?resourceType=measure&resourceId=${id}`)).json();
    expect(audit.items.map((e: { operation: string }) => e.operation)).toEqual(['create', 'update']);
    const valueAudit = (await t.admin.get('/api/v1/audit?resourceType=measure-value')).json();
    expect(valueAudit.items.length).toBeGreaterThanOrEqual(4);
  });

  it('bad input → 400 naming the field', async () => {
    const post = (b: unknown) => t.admin.post(`/api/v1/plans/${planId}/measures`, b);
    const paths = async (res: Promise<import('fastify').LightMyRequestResponse>) => problem(await res, 400).errors!.map((e) => e.path);
    const { unit: _u, ...noUnit } = ehcp;
    expect(await paths(post({ ...noUnit, ref: 'X1' }))).toContain('unit');
    expect(await paths(post({ ...ehcp, ref: 'X2', unit: '  ' }))).toContain('unit');
    expect(await paths(post({ ...ehcp, ref: 'X3', direction: 'up' }))).toContain('direction');
    expect(await paths(post({ ...ehcp, ref: 'X4', milestones: [{ by: '2022-10-31', value: 60 }, { by: '2022-08-31', value: 50 }] }))).toEqual(['milestones.1.by']);
    expect(await paths(post({ ...ehcp, ref: 'X5', tolerance: -1 }))).toContain('tolerance');
    expect(await paths(post({ ...ehcp, ref: 'X6', areaIds: [areaId, otherAreaId] }))).toEqual(['areaIds.1']);
    expect(await paths(post({ ...ehcp, ref: 'X7', actionIds: ['act_missing'] }))).toEqual(['actionIds.0']);
    expect(await paths(post({ ...ehcp, ref: 'X8', baseline: { value: 1, period: '2022-13-01' } }))).toContain('baseline.period');
    expect(await paths(post({ ...ehcp, ref: 'X9', comparators: [{ name: 'England', value: 'high', period: '2022-01-01' }] }))).toContain('comparators.0.value');
    const vals = `/api/v1/measures/${(await t.admin.get(`/api/v1/plans/${planId}/measures`)).json().items[0].id}/values`;
    expect(await paths(t.admin.post(vals, { period: '2022-Q3', value: 1 }))).toEqual(['period']);
    expect(await paths(t.admin.post(vals, { period: '2022-02-30', value: 1 }))).toEqual(['period']);
    expect(await paths(t.admin.post(vals, { period: '2022-02-28' }))).toEqual(['value']);
    expect(await paths(t.admin.post(vals, { period: '2022-02-28', value: 1e300 }))).toEqual(['value']);
    // Nothing half-written.
    expect((await t.admin.get(`/api/v1/plans/${planId}/measures`)).json().items).toHaveLength(1);
  });

  it('unknown ids → 404; deleting a measure removes its values', async () => {
    problem(await t.admin.get('/api/v1/measures/msr_missing'), 404);
    problem(await t.admin.get('/api/v1/measures/msr_missing/values'), 404);
    problem(await t.admin.post('/api/v1/plans/pln_missing/measures', ehcp), 404);
    const valueId = (await t.admin.get(`/api/v1/measures/${id}/values`)).json().items[0].id;
    expect((await t.admin.delete(`/api/v1/measures/${id}`)).statusCode).toBe(204);
    problem(await t.admin.get(`/api/v1/measure-values/${valueId}`), 404);
  });
});

describe('starter definitions', () => {
  it('lists SEND measure definitions without figures, each adoptable as a measure', async () => {
    const { items } = (await t.admin.get('/api/v1/measure-definitions')).json();
    expect(items.map((d: { ref: string }) => d.ref)).toEqual(expect.arrayContaining(['EHCP-20WK-EXCL', 'EHCP-20WK-INCL', 'ADVICE-6WK-HEALTH', 'SUSP-EHCP', 'ABS-SENS', 'PCF-EXPERIENCE']));
    for (const d of items) {
      expect(Object.keys(d).sort()).toEqual(['definition', 'direction', 'frequency', 'ref', 'source', 'title', 'unit']);
      expect((await t.admin.post(`/api/v1/plans/${planId}/measures`, d)).statusCode).toBe(201);
    }
  });
});
