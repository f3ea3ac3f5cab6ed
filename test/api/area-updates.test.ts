// Area progress updates ("What we have done / What we will do next / Evidence of impact") through HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, tokenFor, type TestApp } from '../helpers/app.js';

let t: TestApp;
let areaId: string;
let otherAreaId: string;

beforeAll(async () => {
  t = await createTestApp();
  const planId = (await t.admin.post('/api/v1/plans', { title: 'WSoA', kind: 'wsoa', localArea: 'Wolverhampton' })).json().id;
  areaId = (await t.admin.post(`/api/v1/plans/${planId}/areas`, { number: 2, title: 'EHC plans' })).json().id;
  otherAreaId = (await t.admin.post(`/api/v1/plans/${planId}/areas`, { number: 3, title: 'Joint commissioning' })).json().id;
});
afterAll(() => t.close());

const update = {
  asOf: '2022-11-30',
  done: ['Recruited four additional EHC plan coordinators', 'Cleared the backlog of annual reviews older than 12 months'],
  next: ['Launch the quality assurance framework for EHC plans'],
  evidenceOfImpact: '58% of new EHC plans issued within 20 weeks (up from 31%).',
};

describe('area progress updates', () => {
  it('creates, reads and lists an update with its done and next lists in order', async () => {
    const res = await t.admin.post(`/api/v1/areas/${areaId}/updates`, update);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(res.headers.location).toBe(`/api/v1/updates/${created.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(created).toEqual({
      id: expect.any(String),
      version: 1,
      createdAt: '2022-11-18T12:00:00.000Z',
      updatedAt: '2022-11-18T12:00:00.000Z',
      areaId,
      evidenceIds: [],
      ...update,
    });
    const got = await t.admin.get(`/api/v1/updates/${created.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toEqual(created);

    const list = (await t.admin.get(`/api/v1/areas/${areaId}/updates`)).json();
    expect(list).toEqual({ items: [created], nextCursor: null });
    expect((await t.admin.get(`/api/v1/areas/${otherAreaId}/updates`)).json()).toEqual({ items: [], nextCursor: null });
  });

  it('defaults done and next to empty lists and evidence to null', async () => {
    const res = await t.admin.post(`/api/v1/areas/${otherAreaId}/updates`, { asOf: '2022-10-31' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ areaId: otherAreaId, asOf: '2022-10-31', done: [], next: [], evidenceOfImpact: null });
  });

  it('updates partially (a list is replaced whole) with If-Match, then deletes', async () => {
    const created = (await t.admin.post(`/api/v1/areas/${areaId}/updates`, { ...update, asOf: '2022-12-31' })).json();
    const url = `/api/v1/updates/${created.id}`;

    problem(await t.admin.patch(url, { next: [] }, { 'if-match': '"2"' }), 412);
    expect((await t.admin.get(url)).json()).toEqual(created);

    const ok = await t.admin.patch(url, { next: ['Audit 50 plans', 'Report to the SEND board'] }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ done: update.done, next: ['Audit 50 plans', 'Report to the SEND board'], asOf: '2022-12-31', version: 2 });

    const cleared = (await t.admin.patch(url, { evidenceOfImpact: null, done: [] })).json();
    expect(cleared).toMatchObject({ evidenceOfImpact: null, done: [], version: 3 });
    expect((await t.admin.patch(url, {})).json().version).toBe(3);

    problem(await t.admin.delete(url, { 'if-match': '"2"' }), 412);
    expect((await t.admin.delete(url, { 'if-match': '"3"' })).statusCode).toBe(204);
    problem(await t.admin.get(url), 404);
    problem(await t.admin.patch(url, { done: [] }), 404);
    problem(await t.admin.delete(url), 404);
  });

  it('validates the body and names each bad field', async () => {
    const url = `/api/v1/areas/${areaId}/updates`;
    const missing = problem(await t.admin.post(url, { done: ['x'] }), 400);
    expect(missing.errors).toEqual([expect.objectContaining({ path: 'asOf', message: 'is required' })]);

    const p = problem(await t.admin.post(url, { asOf: '30/11/2022', done: ['ok', ''], next: 'one thing', impact: 'x' }), 400);
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['asOf', 'done.1', 'impact', 'next']);
    problem(await t.admin.post(url, { asOf: '2022-11-31' }), 400);
    problem(await t.admin.post(url, { asOf: '2022-11-30', done: [42] }), 400);
    problem(await t.admin.post(url, { asOf: '2022-11-30', evidenceOfImpact: 'x'.repeat(10_001) }), 400);

    const created = (await t.admin.post(url, { asOf: '2022-09-30' })).json();
    problem(await t.admin.patch(`/api/v1/updates/${created.id}`, { asOf: null }), 400);
    problem(await t.admin.patch(`/api/v1/updates/${created.id}`, { done: null }), 400);
    problem(await t.admin.patch(`/api/v1/updates/${created.id}`, { areaId: otherAreaId }), 400);
  });

  it('404s for an unknown area, and goes with its area', async () => {
    problem(await t.admin.post('/api/v1/areas/are_unknown/updates', update), 404);
    problem(await t.admin.get('/api/v1/areas/are_unknown/updates'), 404);
    problem(await t.admin.get('/api/v1/updates/upd_unknown'), 404);

    const planId = (await t.admin.post('/api/v1/plans', { title: 'Other', kind: 'wsoa', localArea: 'Leeds' })).json().id;
    const area = (await t.admin.post(`/api/v1/plans/${planId}/areas`, { number: 1, title: 'x' })).json().id;
    const u = (await t.admin.post(`/api/v1/areas/${area}/updates`, update)).json().id;
    expect((await t.admin.delete(`/api/v1/areas/${area}`)).statusCode).toBe(204);
    problem(await t.admin.get(`/api/v1/updates/${u}`), 404);
  });

  it('pages in creation order', async () => {
    const planId = (await t.admin.post('/api/v1/plans', { title: 'Paging', kind: 'wsoa', localArea: 'Leeds' })).json().id;
    const area = (await t.admin.post(`/api/v1/plans/${planId}/areas`, { number: 1, title: 'x' })).json().id;
    const ids: string[] = [];
    for (const asOf of ['2022-06-30', '2022-07-31', '2022-08-31', '2022-09-30', '2022-10-31']) {
      ids.push((await t.admin.post(`/api/v1/areas/${area}/updates`, { asOf })).json().id);
    }
    const first = (await t.admin.get(`/api/v1/areas/${area}/updates?limit=2`)).json();
    const second = (await t.admin.get(`/api/v1/areas/${area}/updates?limit=2&cursor=${first.nextCursor}`)).json();
    const third = (await t.admin.get(`/api/v1/areas/${area}/updates?limit=2&cursor=${second.nextCursor}`)).json();
    expect([...first.items, ...second.items, ...third.items].map((u: { id: string }) => u.id)).toEqual(ids);
    expect(third.nextCursor).toBeNull();
  });

  it('lets a viewer read but not write', async () => {
    const viewer = t.as(await tokenFor(t, 'viewer'));
    expect((await viewer.get(`/api/v1/areas/${areaId}/updates`)).statusCode).toBe(200);
    problem(await viewer.post(`/api/v1/areas/${areaId}/updates`, update), 403);
  });
});
