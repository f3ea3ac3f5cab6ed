import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const newPlan = async (title = 'Wolverhampton SEND Written Statement of Action') => {
  const res = await t.admin.post('/api/v1/plans', { title, kind: 'wsoa', localArea: 'Wolverhampton' });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
};

const newProject = async (planId: string, code = 'PR000681') => {
  const res = await t.admin.post(`/api/v1/plans/${planId}/projects`, { code, name: 'Culture of Inclusion' });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
};

const ehcpArea = {
  number: 2,
  title: 'The lack of accuracy in EHC plans and the delays in assessment, writing and review of those plans',
};

describe('areas', () => {
  it('creates, reads and lists an area with Location and ETag', async () => {
    const planId = await newPlan();
    const res = await t.admin.post(`/api/v1/plans/${planId}/areas`, ehcpArea);
    expect(res.statusCode).toBe(201);
    const area = res.json();
    expect(res.headers.location).toBe(`/api/v1/areas/${area.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(area).toMatchObject({ ...ehcpArea, planId, description: null, version: 1 });
    expect(area.id).toEqual(expect.any(String));

    const got = await t.admin.get(`/api/v1/areas/${area.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toEqual(area);

    const list = await t.admin.get(`/api/v1/plans/${planId}/areas`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ items: [area], nextCursor: null });
  });

  it('keeps numbers unique in the plan (409 naming number), but not across plans', async () => {
    const planId = await newPlan();
    expect((await t.admin.post(`/api/v1/plans/${planId}/areas`, ehcpArea)).statusCode).toBe(201);
    const dup = problem(await t.admin.post(`/api/v1/plans/${planId}/areas`, { ...ehcpArea, title: 'Another' }), 409);
    expect(dup.errors?.map((e) => e.path)).toEqual(['number']);
    expect(JSON.stringify(dup)).not.toMatch(/SQLITE|constraint|areas\./i);

    const other = await newPlan('Another plan');
    expect((await t.admin.post(`/api/v1/plans/${other}/areas`, ehcpArea)).statusCode).toBe(201);

    // Renumbering onto a taken number is a conflict too, and changes nothing.
    const third = (await t.admin.post(`/api/v1/plans/${planId}/areas`, { number: 3, title: 'Area three' })).json();
    const clash = problem(await t.admin.patch(`/api/v1/areas/${third.id}`, { number: 2 }), 409);
    expect(clash.errors?.map((e) => e.path)).toEqual(['number']);
    expect((await t.admin.get(`/api/v1/areas/${third.id}`)).json()).toMatchObject({ number: 3, version: 1 });
  });

  it('validates numbers and fields', async () => {
    const planId = await newPlan();
    const p = problem(await t.admin.post(`/api/v1/plans/${planId}/areas`, { number: 0, title: '', colour: 'red' }), 400);
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['colour', 'number', 'title']);
    problem(await t.admin.post(`/api/v1/plans/${planId}/areas`, { number: 1.5, title: 'x' }), 400);
    const missing = problem(await t.admin.post(`/api/v1/plans/${planId}/areas`, { title: 'x' }), 400);
    expect(missing.errors).toEqual([expect.objectContaining({ path: 'number', message: 'is required' })]);
  });

  it('404s for an unknown plan on create and list', async () => {
    problem(await t.admin.post('/api/v1/plans/pln_unknown/areas', ehcpArea), 404);
    problem(await t.admin.get('/api/v1/plans/pln_unknown/areas'), 404);
    problem(await t.admin.get('/api/v1/areas/are_unknown'), 404);
  });

  it('updates and deletes with If-Match (412 changes nothing)', async () => {
    const planId = await newPlan();
    const area = (await t.admin.post(`/api/v1/plans/${planId}/areas`, ehcpArea)).json();
    const url = `/api/v1/areas/${area.id}`;

    const stale = problem(await t.admin.patch(url, { description: 'New' }, { 'if-match': '"2"' }), 412);
    expect(stale).toMatchObject({ currentVersion: 1 });
    expect((await t.admin.get(url)).json()).toMatchObject({ description: null, version: 1 });

    const ok = await t.admin.patch(url, { description: 'Accuracy and timeliness of EHC plans' }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ ...ehcpArea, description: 'Accuracy and timeliness of EHC plans', version: 2 });

    problem(await t.admin.delete(url, { 'if-match': '"1"' }), 412);
    expect((await t.admin.get(url)).statusCode).toBe(200);
    expect((await t.admin.delete(url, { 'if-match': '"2"' })).statusCode).toBe(204);
    problem(await t.admin.get(url), 404);
    problem(await t.admin.patch(url, { title: 'x' }), 404);
  });

  it('deleting an area leaves its actions in the plan without an area, and removes its updates', async () => {
    const planId = await newPlan();
    const area = (await t.admin.post(`/api/v1/plans/${planId}/areas`, ehcpArea)).json();
    const action = (
      await t.admin.post(`/api/v1/plans/${planId}/actions`, { ref: '2.1', title: 'Review the EHC pathway', areaId: area.id, dueDate: '2023-03-31' })
    ).json();
    expect(action.areaId).toBe(area.id);
    const update = (await t.admin.post(`/api/v1/areas/${area.id}/updates`, { asOf: '2022-11-01', done: ['Hired staff'] })).json();

    expect((await t.admin.delete(`/api/v1/areas/${area.id}`)).statusCode).toBe(204);
    const after = await t.admin.get(`/api/v1/actions/${action.id}`);
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ ref: '2.1', areaId: null });
    problem(await t.admin.get(`/api/v1/updates/${update.id}`), 404);
  });

  it('pages through areas with limit and cursor', async () => {
    const planId = await newPlan();
    const ids: string[] = [];
    for (let n = 1; n <= 6; n++) ids.push((await t.admin.post(`/api/v1/plans/${planId}/areas`, { number: n, title: `Area ${n}` })).json().id);
    const first = (await t.admin.get(`/api/v1/plans/${planId}/areas?limit=4`)).json();
    expect(first.items.map((a: { id: string }) => a.id)).toEqual(ids.slice(0, 4));
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await t.admin.get(`/api/v1/plans/${planId}/areas?limit=4&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((a: { id: string }) => a.id)).toEqual(ids.slice(4));
    expect(second.nextCursor).toBeNull();
  });
});

describe('projects', () => {
  const project = {
    code: 'PR000681',
    name: 'Culture of Inclusion',
    author: 'Jane Smith',
    gatewayStage: 'Delivery (RIBA Stage 5)',
    plannedEndDate: '2024-03-31',
    budget: 250000,
    approver: 'Deputy Director of Education',
  };

  it('creates, reads, updates and deletes a project', async () => {
    const planId = await newPlan();
    const res = await t.admin.post(`/api/v1/plans/${planId}/projects`, project);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(res.headers.location).toBe(`/api/v1/projects/${created.id}`);
    expect(created).toMatchObject({ ...project, planId, version: 1 });

    const minimal = (await t.admin.post(`/api/v1/plans/${planId}/projects`, { code: 'PR000700', name: 'Preparation for adulthood' })).json();
    expect(minimal).toMatchObject({ author: null, gatewayStage: null, plannedEndDate: null, budget: null, approver: null });

    const url = `/api/v1/projects/${created.id}`;
    problem(await t.admin.patch(url, { budget: 1 }, { 'if-match': '"5"' }), 412);
    const patched = await t.admin.patch(url, { budget: 300000, approver: null }, { 'if-match': '"1"' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ budget: 300000, approver: null, version: 2, code: 'PR000681' });

    const list = (await t.admin.get(`/api/v1/plans/${planId}/projects`)).json();
    expect(list.items.map((p: { code: string }) => p.code)).toEqual(['PR000681', 'PR000700']);

    problem(await t.admin.delete(url, { 'if-match': '"1"' }), 412);
    expect((await t.admin.delete(url, { 'if-match': '"2"' })).statusCode).toBe(204);
    problem(await t.admin.get(url), 404);
  });

  it('keeps codes unique in the plan (409 naming code), but not across plans', async () => {
    const planId = await newPlan();
    await newProject(planId);
    const dup = problem(await t.admin.post(`/api/v1/plans/${planId}/projects`, { code: 'PR000681', name: 'Other' }), 409);
    expect(dup.errors?.map((e) => e.path)).toEqual(['code']);
    await newProject(await newPlan('Another plan'));
  });

  it('validates fields and 404s for an unknown plan', async () => {
    const planId = await newPlan();
    const p = problem(await t.admin.post(`/api/v1/plans/${planId}/projects`, { code: '', name: 'x', budget: -1, plannedEndDate: '2024-02-30' }), 400);
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['budget', 'code', 'plannedEndDate']);
    problem(await t.admin.post('/api/v1/plans/pln_unknown/projects', { code: 'X', name: 'x' }), 404);
    problem(await t.admin.get('/api/v1/plans/pln_unknown/projects'), 404);
  });
});

describe('workstreams', () => {
  it('creates, reads, updates and deletes a workstream', async () => {
    const projectId = await newProject(await newPlan());
    const res = await t.admin.post(`/api/v1/projects/${projectId}/workstreams`, { letter: 'A', title: 'Collaborative Working and Effective Services' });
    expect(res.statusCode).toBe(201);
    const ws = res.json();
    expect(res.headers.location).toBe(`/api/v1/workstreams/${ws.id}`);
    expect(ws).toMatchObject({ projectId, letter: 'A', title: 'Collaborative Working and Effective Services', aim: null, version: 1 });

    const url = `/api/v1/workstreams/${ws.id}`;
    expect((await t.admin.get(url)).json()).toEqual(ws);
    problem(await t.admin.patch(url, { aim: 'x' }, { 'if-match': '"9"' }), 412);
    expect((await t.admin.patch(url, { aim: 'Every school is inclusive' }, { 'if-match': '"1"' })).json()).toMatchObject({ aim: 'Every school is inclusive', version: 2 });
    problem(await t.admin.delete(url, { 'if-match': '"1"' }), 412);
    expect((await t.admin.delete(url)).statusCode).toBe(204);
    problem(await t.admin.get(url), 404);
  });

  it('needs one capital letter (400 naming letter)', async () => {
    const projectId = await newProject(await newPlan());
    for (const letter of ['a', 'AB', '', '1', 'É']) {
      const p = problem(await t.admin.post(`/api/v1/projects/${projectId}/workstreams`, { letter, title: 'x' }), 400);
      expect(p.errors!.map((e) => e.path)).toEqual(['letter']);
    }
    const ws = (await t.admin.post(`/api/v1/projects/${projectId}/workstreams`, { letter: 'B', title: 'x' })).json();
    problem(await t.admin.patch(`/api/v1/workstreams/${ws.id}`, { letter: 'b' }), 400);
  });

  it('keeps letters unique in the project (409 naming letter), but not across projects', async () => {
    const planId = await newPlan();
    const projectId = await newProject(planId);
    expect((await t.admin.post(`/api/v1/projects/${projectId}/workstreams`, { letter: 'A', title: 'x' })).statusCode).toBe(201);
    const dup = problem(await t.admin.post(`/api/v1/projects/${projectId}/workstreams`, { letter: 'A', title: 'y' }), 409);
    expect(dup.errors?.map((e) => e.path)).toEqual(['letter']);
    const b = (await t.admin.post(`/api/v1/projects/${projectId}/workstreams`, { letter: 'B', title: 'y' })).json();
    const clash = problem(await t.admin.patch(`/api/v1/workstreams/${b.id}`, { letter: 'A' }), 409);
    expect(clash.errors?.map((e) => e.path)).toEqual(['letter']);

    const other = await newProject(planId, 'PR000700');
    expect((await t.admin.post(`/api/v1/projects/${other}/workstreams`, { letter: 'A', title: 'x' })).statusCode).toBe(201);
  });

  it('404s for an unknown project, and pages in creation order', async () => {
    problem(await t.admin.post('/api/v1/projects/prj_unknown/workstreams', { letter: 'A', title: 'x' }), 404);
    problem(await t.admin.get('/api/v1/projects/prj_unknown/workstreams'), 404);

    const projectId = await newProject(await newPlan());
    const ids: string[] = [];
    for (const letter of 'ABCDE') ids.push((await t.admin.post(`/api/v1/projects/${projectId}/workstreams`, { letter, title: `Workstream ${letter}` })).json().id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await t.admin.get(`/api/v1/projects/${projectId}/workstreams?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((w: { id: string }) => w.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
  });

  it('deleting a project deletes its workstreams and detaches its actions', async () => {
    const planId = await newPlan();
    const projectId = await newProject(planId);
    const ws = (await t.admin.post(`/api/v1/projects/${projectId}/workstreams`, { letter: 'A', title: 'x' })).json();
    const action = (await t.admin.post(`/api/v1/plans/${planId}/actions`, { ref: 'WSA-1', title: 'Task', workstreamId: ws.id, dueDate: '2023-01-31' })).json();
    expect(action).toMatchObject({ projectId, workstreamId: ws.id });
    expect((await t.admin.delete(`/api/v1/projects/${projectId}`)).statusCode).toBe(204);
    problem(await t.admin.get(`/api/v1/workstreams/${ws.id}`), 404);
    expect((await t.admin.get(`/api/v1/actions/${action.id}`)).json()).toMatchObject({ projectId: null, workstreamId: null });
  });
});
