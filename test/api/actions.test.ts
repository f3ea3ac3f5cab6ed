// Actions through HTTP. The clock is pinned at 2022-11-18, so dates below are chosen around it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Fixture {
  planId: string;
  area1: string;
  area2: string;
  projectId: string;
  workstreamId: string;
}

const created = async (url: string, body: unknown) => {
  const res = await t.admin.post(url, body);
  if (res.statusCode !== 201) throw new Error(`POST ${url} → ${res.statusCode}: ${res.body}`);
  return res.json();
};

async function fixture(title = 'Wolverhampton SEND Written Statement of Action'): Promise<Fixture> {
  const planId = (await created('/api/v1/plans', { title, kind: 'wsoa', localArea: 'Wolverhampton' })).id;
  const area1 = (await created(`/api/v1/plans/${planId}/areas`, { number: 1, title: 'Leadership' })).id;
  const area2 = (await created(`/api/v1/plans/${planId}/areas`, { number: 2, title: 'EHC plans' })).id;
  const projectId = (await created(`/api/v1/plans/${planId}/projects`, { code: 'PR000681', name: 'Culture of Inclusion' })).id;
  const workstreamId = (await created(`/api/v1/projects/${projectId}/workstreams`, { letter: 'B', title: 'Attendance' })).id;
  return { planId, area1, area2, projectId, workstreamId };
}

const ids = (body: { items: { id: string }[] }) => body.items.map((a) => a.id);

describe('actions: create and read', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await fixture();
  });

  it('creates with defaults, Location, ETag, and a derived RAG', async () => {
    const res = await t.admin.post(`/api/v1/plans/${f.planId}/actions`, {
      ref: '2.1',
      title: 'Full review of existing statutory assessment and review processes',
      dueDate: '2023-03-31',
    });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(res.headers.location).toBe(`/api/v1/actions/${a.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(a).toEqual({
      id: expect.any(String),
      version: 1,
      createdAt: '2022-11-18T12:00:00.000Z',
      updatedAt: '2022-11-18T12:00:00.000Z',
      planId: f.planId,
      ref: '2.1',
      title: 'Full review of existing statutory assessment and review processes',
      areaId: null,
      projectId: null,
      workstreamId: null,
      responsibleOrganisation: null,
      owner: null,
      ownerEmail: null,
      startDate: null,
      dueDate: '2023-03-31',
      revisedDueDate: null,
      percentComplete: 0,
      milestone: false,
      status: 'not-started',
      delayReason: null,
      mitigation: null,
      ragOverride: null,
      ragOverrideReason: null,
      rag: 'on-target',
      ragSource: 'derived',
      behindSchedule: false,
    });
    const got = await t.admin.get(`/api/v1/actions/${a.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toEqual(a);
  });

  it('derives rag and behindSchedule from dates, progress and status as of today (2022-11-18)', async () => {
    const make = async (ref: string, body: Record<string, unknown>) =>
      created(`/api/v1/plans/${f.planId}/actions`, { ref, title: `Action ${ref}`, ...body });
    expect(await make('r.1', { dueDate: '2022-10-31', status: 'in-progress', percentComplete: 80 })).toMatchObject({
      rag: 'off-target',
      ragSource: 'derived',
      behindSchedule: true,
    });
    // Revised due date in the future: no longer late.
    expect(await make('r.2', { dueDate: '2022-10-31', revisedDueDate: '2023-01-31' })).toMatchObject({ rag: 'on-target', behindSchedule: false });
    // Half the time gone with nothing done: at risk.
    expect(await make('r.3', { startDate: '2022-09-01', dueDate: '2023-01-31', percentComplete: 0 })).toMatchObject({ rag: 'at-risk', behindSchedule: false });
    expect(await make('r.4', { startDate: '2022-09-01', dueDate: '2023-01-31', percentComplete: 50 })).toMatchObject({ rag: 'on-target' });
    expect(await make('r.5', { dueDate: '2022-10-31', status: 'complete', percentComplete: 100 })).toMatchObject({ rag: 'complete', behindSchedule: false });
    expect(await make('r.6', { dueDate: '2022-10-31', status: 'cancelled' })).toMatchObject({ rag: null, ragSource: 'derived', behindSchedule: false });
    // Due today is not late.
    expect(await make('r.7', { dueDate: '2022-11-18' })).toMatchObject({ rag: 'on-target', behindSchedule: false });
    expect(await make('r.8', { dueDate: '2022-11-17' })).toMatchObject({ rag: 'off-target', behindSchedule: true });
  });

  it('lets an override win, with its reason (ragSource override)', async () => {
    const a = await created(`/api/v1/plans/${f.planId}/actions`, {
      ref: 'o.1',
      title: 'Override',
      dueDate: '2022-10-31',
      status: 'complete',
      ragOverride: 'at-risk',
      ragOverrideReason: 'Completed late; impact not yet evidenced',
    });
    expect(a).toMatchObject({ rag: 'at-risk', ragSource: 'override', ragOverride: 'at-risk' });

    // Clearing the override clears its reason and falls back to the derived status.
    const cleared = await t.admin.patch(`/api/v1/actions/${a.id}`, { ragOverride: null });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ rag: 'complete', ragSource: 'derived', ragOverride: null, ragOverrideReason: null, version: 2 });

    // An override on a cancelled action shows; without one it has no RAG.
    const c = await created(`/api/v1/plans/${f.planId}/actions`, {
      ref: 'o.2',
      title: 'Cancelled',
      dueDate: '2023-01-31',
      status: 'cancelled',
      ragOverride: 'off-target',
      ragOverrideReason: 'Cancelled without replacement',
    });
    expect(c).toMatchObject({ rag: 'off-target', ragSource: 'override' });
  });

  it('needs ragOverrideReason with ragOverride (400 naming it), on create and on PATCH', async () => {
    const p = problem(
      await t.admin.post(`/api/v1/plans/${f.planId}/actions`, { ref: 'o.3', title: 'x', dueDate: '2023-01-31', ragOverride: 'off-target' }),
      400,
    );
    expect(p.errors!.map((e) => e.path)).toEqual(['ragOverrideReason']);
    problem(
      await t.admin.post(`/api/v1/plans/${f.planId}/actions`, { ref: 'o.3', title: 'x', dueDate: '2023-01-31', ragOverride: 'off-target', ragOverrideReason: '  ' }),
      400,
    );

    const a = await created(`/api/v1/plans/${f.planId}/actions`, { ref: 'o.4', title: 'x', dueDate: '2023-01-31' });
    const q = problem(await t.admin.patch(`/api/v1/actions/${a.id}`, { ragOverride: 'at-risk' }), 400);
    expect(q.errors!.map((e) => e.path)).toEqual(['ragOverrideReason']);
    const withReason = await t.admin.patch(`/api/v1/actions/${a.id}`, { ragOverride: 'at-risk', ragOverrideReason: 'Staffing' });
    expect(withReason.json()).toMatchObject({ rag: 'at-risk', ragSource: 'override', version: 2 });
    // Removing only the reason is refused while the override stands.
    const r = problem(await t.admin.patch(`/api/v1/actions/${a.id}`, { ragOverrideReason: null }), 400);
    expect(r.errors!.map((e) => e.path)).toEqual(['ragOverrideReason']);
    expect((await t.admin.get(`/api/v1/actions/${a.id}`)).json()).toMatchObject({ ragOverrideReason: 'Staffing', version: 2 });
  });

  it('refuses startDate after dueDate (400 naming startDate), on create and on a PATCH moving dueDate', async () => {
    const p = problem(
      await t.admin.post(`/api/v1/plans/${f.planId}/actions`, { ref: 'd.1', title: 'x', startDate: '2023-02-01', dueDate: '2023-01-31' }),
      400,
    );
    expect(p.errors!.map((e) => e.path)).toEqual(['startDate']);

    const a = await created(`/api/v1/plans/${f.planId}/actions`, { ref: 'd.1', title: 'x', startDate: '2022-09-01', dueDate: '2023-01-31' });
    const q = problem(await t.admin.patch(`/api/v1/actions/${a.id}`, { dueDate: '2022-08-31' }, { 'if-match': '"1"' }), 400);
    expect(q.errors!.map((e) => e.path)).toEqual(['startDate']);
    const s = problem(await t.admin.patch(`/api/v1/actions/${a.id}`, { startDate: '2023-02-01' }), 400);
    expect(s.errors!.map((e) => e.path)).toEqual(['startDate']);
    expect((await t.admin.get(`/api/v1/actions/${a.id}`)).json()).toMatchObject({ startDate: '2022-09-01', dueDate: '2023-01-31', version: 1 });
    // Same day is fine.
    expect((await t.admin.patch(`/api/v1/actions/${a.id}`, { dueDate: '2022-09-01' })).statusCode).toBe(200);
  });

  it('validates percentComplete, enums, dates, required and unknown fields', async () => {
    const url = `/api/v1/plans/${f.planId}/actions`;
    const base = { ref: 'v.1', title: 'x', dueDate: '2023-01-31' };
    expect(problem(await t.admin.post(url, { ...base, percentComplete: 101 }), 400).errors!.map((e) => e.path)).toEqual(['percentComplete']);
    expect(problem(await t.admin.post(url, { ...base, percentComplete: -1 }), 400).errors!.map((e) => e.path)).toEqual(['percentComplete']);
    expect(problem(await t.admin.post(url, { ...base, percentComplete: 12.5 }), 400).errors!.map((e) => e.path)).toEqual(['percentComplete']);
    const unknown = problem(await t.admin.post(url, { ...base, priority: 'high' }), 400);
    expect(unknown.errors).toEqual([expect.objectContaining({ path: 'priority', message: expect.stringMatching(/unknown field/) })]);
    const many = problem(await t.admin.post(url, { ref: '', status: 'done', ragOverride: 'green', dueDate: '31/01/2023', milestone: 'yes' }), 400);
    expect(many.errors!.map((e) => e.path).sort()).toEqual(['dueDate', 'milestone', 'ragOverride', 'ref', 'status', 'title']);

    const a = await created(url, base);
    expect(problem(await t.admin.patch(`/api/v1/actions/${a.id}`, { percentComplete: 101 }), 400).errors!.map((e) => e.path)).toEqual(['percentComplete']);
    expect(problem(await t.admin.patch(`/api/v1/actions/${a.id}`, { colour: 'red' }), 400).errors!.map((e) => e.path)).toEqual(['colour']);
    problem(await t.admin.patch(`/api/v1/actions/${a.id}`, { dueDate: null }), 400);
  });

  it('keeps refs unique in the plan (409 naming ref), but not across plans', async () => {
    const url = `/api/v1/plans/${f.planId}/actions`;
    await created(url, { ref: 'u.1', title: 'x', dueDate: '2023-01-31' });
    const dup = problem(await t.admin.post(url, { ref: 'u.1', title: 'y', dueDate: '2023-01-31' }), 409);
    expect(dup.errors!.map((e) => e.path)).toEqual(['ref']);
    const b = await created(url, { ref: 'u.2', title: 'y', dueDate: '2023-01-31' });
    const clash = problem(await t.admin.patch(`/api/v1/actions/${b.id}`, { ref: 'u.1' }), 409);
    expect(clash.errors!.map((e) => e.path)).toEqual(['ref']);

    const other = await fixture('Another plan');
    await created(`/api/v1/plans/${other.planId}/actions`, { ref: 'u.1', title: 'x', dueDate: '2023-01-31' });
  });

  it('keeps areaId, projectId and workstreamId inside the plan (400 naming the field)', async () => {
    const other = await fixture('A third plan');
    const url = `/api/v1/plans/${f.planId}/actions`;
    const base = { ref: 'x.1', title: 'x', dueDate: '2023-01-31' };
    const paths = async (body: Record<string, unknown>) => problem(await t.admin.post(url, { ...base, ...body }), 400).errors!.map((e) => e.path);
    expect(await paths({ areaId: other.area1 })).toEqual(['areaId']);
    expect(await paths({ projectId: other.projectId })).toEqual(['projectId']);
    expect(await paths({ workstreamId: other.workstreamId })).toEqual(['workstreamId']);
    expect(await paths({ areaId: 'are_nothing' })).toEqual(['areaId']);
    expect(await paths({ workstreamId: 'wst_nothing' })).toEqual(['workstreamId']);
    // A workstream of a different project than the one named.
    const otherProject = (await created(`/api/v1/plans/${f.planId}/projects`, { code: 'PR000700', name: 'Other' })).id;
    expect(await paths({ projectId: otherProject, workstreamId: f.workstreamId })).toEqual(['workstreamId']);

    const a = await created(url, base);
    const q = problem(await t.admin.patch(`/api/v1/actions/${a.id}`, { areaId: other.area2 }), 400);
    expect(q.errors!.map((e) => e.path)).toEqual(['areaId']);
    const r = problem(await t.admin.patch(`/api/v1/actions/${a.id}`, { workstreamId: other.workstreamId }), 400);
    expect(r.errors!.map((e) => e.path)).toEqual(['workstreamId']);
    expect((await t.admin.get(`/api/v1/actions/${a.id}`)).json()).toMatchObject({ areaId: null, projectId: null, workstreamId: null, version: 1 });
  });

  it('fills projectId from workstreamId alone, on create and on PATCH', async () => {
    const url = `/api/v1/plans/${f.planId}/actions`;
    const a = await created(url, { ref: 'WSB-1', title: 'Develop an EBSNA pathway', workstreamId: f.workstreamId, dueDate: '2023-01-31' });
    expect(a).toMatchObject({ workstreamId: f.workstreamId, projectId: f.projectId });
    expect((await t.admin.get(`/api/v1/actions/${a.id}`)).json()).toMatchObject({ projectId: f.projectId });

    const b = await created(url, { ref: 'WSB-2', title: 'y', dueDate: '2023-01-31' });
    const patched = await t.admin.patch(`/api/v1/actions/${b.id}`, { workstreamId: f.workstreamId });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ workstreamId: f.workstreamId, projectId: f.projectId, version: 2 });
    expect((await t.admin.get(`/api/v1/actions/${b.id}`)).json()).toMatchObject({ projectId: f.projectId });
  });

  it('updates with If-Match and deletes; 404 for unknown plans and actions', async () => {
    const a = await created(`/api/v1/plans/${f.planId}/actions`, { ref: 'e.1', title: 'x', dueDate: '2023-01-31' });
    const url = `/api/v1/actions/${a.id}`;
    problem(await t.admin.patch(url, { percentComplete: 40 }, { 'if-match': '"2"' }), 412);
    const ok = await t.admin.patch(url, { percentComplete: 40, status: 'in-progress' }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ percentComplete: 40, status: 'in-progress', version: 2 });
    problem(await t.admin.patch(url, { percentComplete: 50 }, { 'if-match': '"1"' }), 412);
    expect((await t.admin.get(url)).json().percentComplete).toBe(40);

    problem(await t.admin.delete(url, { 'if-match': '"1"' }), 412);
    expect((await t.admin.delete(url, { 'if-match': '"2"' })).statusCode).toBe(204);
    problem(await t.admin.get(url), 404);
    problem(await t.admin.post('/api/v1/plans/pln_unknown/actions', { ref: '1', title: 'x', dueDate: '2023-01-31' }), 404);
    problem(await t.admin.get('/api/v1/plans/pln_unknown/actions'), 404);
  });
});

describe('actions: list filters', () => {
  let f: Fixture;
  const a: Record<string, string> = {};
  beforeAll(async () => {
    f = await fixture('Filter plan');
    const url = `/api/v1/plans/${f.planId}/actions`;
    const make = async (key: string, body: Record<string, unknown>) => {
      a[key] = (await created(url, { ref: key, title: `Action ${key}`, ...body })).id;
    };
    await make('1.1', { areaId: f.area1, dueDate: '2022-10-31', status: 'in-progress', percentComplete: 60 }); // off-target, behind
    await make('1.2', { areaId: f.area1, startDate: '2022-09-01', dueDate: '2023-03-31' }); // at-risk
    await make('2.1', { areaId: f.area2, projectId: f.projectId, dueDate: '2022-09-30', status: 'complete', percentComplete: 100 }); // complete
    await make('2.2', { areaId: f.area2, dueDate: '2022-11-30' }); // on-target today, late by December
    await make('2.3', { workstreamId: f.workstreamId, dueDate: '2022-10-01', revisedDueDate: '2023-02-28' }); // on-target (revised)
    await make('2.4', { dueDate: '2022-01-01', status: 'cancelled' }); // no RAG, not behind
    await make('3.1', { dueDate: '2022-08-01', ragOverride: 'on-target', ragOverrideReason: 'Agreed extension' }); // override, but behind
  });

  const list = async (query: string) => {
    const res = await t.admin.get(`/api/v1/plans/${f.planId}/actions${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { items: { id: string; ref: string; rag: string | null; behindSchedule: boolean }[]; nextCursor: string | null };
  };
  const refs = async (query: string) => (await list(query)).items.map((x) => x.ref);

  it('lists every action of the plan in creation order', async () => {
    const body = await list('');
    expect(body.items.map((x) => x.ref)).toEqual(['1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '3.1']);
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((x) => x.rag)).toEqual(['off-target', 'at-risk', 'complete', 'on-target', 'on-target', null, 'on-target']);
    expect(ids(body)).toEqual(Object.values(a));
  });

  it('filters by areaId, projectId and status', async () => {
    expect(await refs(`?areaId=${f.area1}`)).toEqual(['1.1', '1.2']);
    expect(await refs(`?areaId=${f.area2}`)).toEqual(['2.1', '2.2']);
    expect(await refs(`?projectId=${f.projectId}`)).toEqual(['2.1', '2.3']);
    expect(await refs('?status=complete')).toEqual(['2.1']);
    expect(await refs('?status=cancelled')).toEqual(['2.4']);
    expect(await refs('?status=not-started')).toEqual(['1.2', '2.2', '2.3', '3.1']);
    expect(await refs(`?areaId=${f.area2}&status=not-started`)).toEqual(['2.2']);
  });

  it('filters by rag (the effective status)', async () => {
    expect(await refs('?rag=off-target')).toEqual(['1.1']);
    expect(await refs('?rag=at-risk')).toEqual(['1.2']);
    expect(await refs('?rag=complete')).toEqual(['2.1']);
    expect(await refs('?rag=on-target')).toEqual(['2.2', '2.3', '3.1']);
    expect(await refs(`?rag=on-target&areaId=${f.area2}`)).toEqual(['2.2']);
  });

  it('filters by behindSchedule=true and =false', async () => {
    const behind = await list('?behindSchedule=true');
    expect(behind.items.map((x) => x.ref)).toEqual(['1.1', '3.1']);
    expect(behind.items.every((x) => x.behindSchedule)).toBe(true);
    const notBehind = await list('?behindSchedule=false');
    expect(notBehind.items.map((x) => x.ref)).toEqual(['1.2', '2.1', '2.2', '2.3', '2.4']);
    expect(notBehind.items.every((x) => !x.behindSchedule)).toBe(true);
    expect(await refs(`?behindSchedule=true&areaId=${f.area1}`)).toEqual(['1.1']);
  });

  it('judges rag and behindSchedule as of asOf', async () => {
    expect(await refs('?behindSchedule=true&asOf=2022-12-01')).toEqual(['1.1', '2.2', '3.1']);
    expect(await refs('?behindSchedule=false&asOf=2022-12-01')).toEqual(['1.2', '2.1', '2.3', '2.4']);
    expect(await refs('?rag=off-target&asOf=2022-12-01')).toEqual(['1.1', '2.2']);
    expect(await refs('?behindSchedule=true&asOf=2022-07-01')).toEqual([]);
    expect(await refs('?behindSchedule=true&asOf=2023-03-01')).toEqual(['1.1', '2.2', '2.3', '3.1']);
    const later = await list('?asOf=2023-04-01');
    expect(later.items.find((x) => x.ref === '1.2')).toMatchObject({ rag: 'off-target', behindSchedule: true });
  });

  it('rejects bad filter values', async () => {
    for (const q of ['?behindSchedule=yes', '?rag=green', '?status=done', '?asOf=2022-02-30', '?areaId=%27x%27', '?colour=red']) {
      problem(await t.admin.get(`/api/v1/plans/${f.planId}/actions${q}`), 400);
    }
  });
});

describe('actions: pages with a filter', () => {
  it('pages a rag filter across the plan with the cursor, in creation order', async () => {
    const f = await fixture('Paging plan');
    const url = `/api/v1/plans/${f.planId}/actions`;
    const late: string[] = [];
    for (let i = 1; i <= 11; i++) {
      // Every other action is late; the rest are on target.
      const isLate = i % 2 === 1;
      const body = await created(url, { ref: `p.${i}`, title: `Task ${i}`, dueDate: isLate ? '2022-10-31' : '2023-03-31' });
      if (isLate) late.push(body.id);
    }
    expect(late).toHaveLength(6);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await t.admin.get(`${url}?rag=off-target&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(4);
      for (const item of body.items) expect(item.rag).toBe('off-target');
      seen.push(...ids(body));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(late);

    // Exactly one page's worth: no empty trailing page.
    const exact = (await t.admin.get(`${url}?rag=off-target&limit=6`)).json();
    expect(ids(exact)).toEqual(late);
    expect(exact.nextCursor).toBeNull();

    // The same with an SQL filter.
    const behind: string[] = [];
    cursor = null;
    do {
      const body: { items: { id: string }[]; nextCursor: string | null } = (
        await t.admin.get(`${url}?behindSchedule=true&limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      behind.push(...ids(body));
      cursor = body.nextCursor;
    } while (cursor);
    expect(behind).toEqual(late);
  });
});
