// The four registers of a project (risks, issues, dependencies, benefits) through HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type TestApp } from '../helpers/app.js';

let t: TestApp;
let planId: string;
let projectId: string;
let otherProjectId: string;

beforeAll(async () => {
  t = await createTestApp();
  planId = (await t.admin.post('/api/v1/plans', { title: 'WSoA', kind: 'wsoa', localArea: 'Wolverhampton' })).json().id;
  projectId = (await t.admin.post(`/api/v1/plans/${planId}/projects`, { code: 'PR000681', name: 'Culture of Inclusion' })).json().id;
  otherProjectId = (await t.admin.post(`/api/v1/plans/${planId}/projects`, { code: 'PR000700', name: 'Preparation for adulthood' })).json().id;
});
afterAll(() => t.close());

interface Kind {
  kind: 'risks' | 'issues' | 'dependencies' | 'benefits';
  create: Record<string, unknown>;
  /** What the create response adds or defaults. */
  expected: Record<string, unknown>;
  patch: Record<string, unknown>;
  patched: Record<string, unknown>;
  nullable: string[];
}

const kinds: Kind[] = [
  {
    kind: 'risks',
    create: {
      ref: '00011',
      owner: 'Head of SEND',
      description: 'Schools do not engage with the inclusion charter',
      likelihood: 3,
      impact: 4,
      mitigation: 'Termly headteacher briefings',
      targetResolutionDate: '2023-03-31',
    },
    expected: { score: 12, status: 'open', impactDescription: null },
    patch: { likelihood: 2, status: 'closed' },
    patched: { likelihood: 2, impact: 4, score: 8, status: 'closed' },
    nullable: ['owner', 'impactDescription', 'mitigation', 'targetResolutionDate'],
  },
  {
    kind: 'issues',
    create: {
      ref: 'ISS-1',
      description: 'Capacity in the educational psychology service',
      impactDescription: 'Delays to EHC needs assessments',
      impactScore: 4,
      resolutionDate: '2023-01-31',
    },
    expected: { status: 'open', owner: null, mitigation: null },
    patch: { impactScore: 5, mitigation: 'Locum educational psychologists' },
    patched: { impactScore: 5, mitigation: 'Locum educational psychologists' },
    nullable: ['owner', 'impactDescription', 'mitigation', 'resolutionDate'],
  },
  {
    kind: 'dependencies',
    create: {
      ref: '00001',
      owner: 'ICB commissioning lead',
      description: 'ICB commissioning of the neurodevelopmental pathway',
      impactScore: 3,
      status: 'managed',
      updates: [
        { date: '2022-05-31', text: 'May 2022 Update: pathway agreed in principle' },
        { date: '2022-09-30', text: 'September 2022 Update: funding bid submitted' },
      ],
    },
    expected: { mitigation: null, targetResolutionDate: null },
    patch: { updates: [{ date: '2022-11-15', text: 'November 2022 Update: funding confirmed' }], status: 'escalated' },
    patched: { updates: [{ date: '2022-11-15', text: 'November 2022 Update: funding confirmed' }], status: 'escalated' },
    nullable: ['owner', 'mitigation', 'targetResolutionDate'],
  },
  {
    kind: 'benefits',
    create: {
      ref: 'BEN.681.01',
      description: 'Reduced spend on independent special school places',
      kind: 'cashable',
      valueGbpThousands: 250.5,
      targetDate: '2024-03-31',
    },
    expected: { owner: null },
    patch: { valueGbpThousands: 300 },
    patched: { valueGbpThousands: 300, kind: 'cashable' },
    nullable: ['owner', 'valueGbpThousands', 'targetDate'],
  },
];

describe.each(kinds)('$kind', ({ kind, create, expected, patch, patched, nullable }) => {
  const collection = () => `/api/v1/projects/${projectId}/${kind}`;

  it('creates, reads and lists an entry', async () => {
    const res = await t.admin.post(collection(), create);
    expect(res.statusCode).toBe(201);
    const entry = res.json();
    expect(res.headers.location).toBe(`/api/v1/${kind}/${entry.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(entry).toMatchObject({ ...create, ...expected, projectId, version: 1 });

    const got = await t.admin.get(`/api/v1/${kind}/${entry.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toEqual(entry);

    const list = await t.admin.get(collection());
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((e: { id: string }) => e.id)).toContain(entry.id);
    expect((await t.admin.get(`/api/v1/projects/${otherProjectId}/${kind}`)).json()).toEqual({ items: [], nextCursor: null });
  });

  it('updates partially with If-Match, clears optionals with null, deletes', async () => {
    const entry = (await t.admin.post(collection(), { ...create, ref: `${create.ref}-u` })).json();
    const url = `/api/v1/${kind}/${entry.id}`;

    const stale = problem(await t.admin.patch(url, patch, { 'if-match': '"3"' }), 412);
    expect(stale).toMatchObject({ currentVersion: 1 });
    expect((await t.admin.get(url)).json()).toEqual(entry);

    const ok = await t.admin.patch(url, patch, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ ...patched, description: create.description, version: 2 });
    expect((await t.admin.get(url)).json()).toEqual(ok.json());

    const cleared = (await t.admin.patch(url, Object.fromEntries(nullable.map((k) => [k, null])))).json();
    for (const k of nullable) expect(cleared[k]).toBeNull();
    expect(cleared.version).toBe(3);
    problem(await t.admin.patch(url, { description: null }), 400);
    problem(await t.admin.patch(url, { ref: '' }), 400);

    problem(await t.admin.delete(url, { 'if-match': '"2"' }), 412);
    expect((await t.admin.get(url)).statusCode).toBe(200);
    expect((await t.admin.delete(url, { 'if-match': '"3"' })).statusCode).toBe(204);
    problem(await t.admin.get(url), 404);
    problem(await t.admin.patch(url, patch), 404);
    problem(await t.admin.delete(url), 404);
  });

  it('keeps refs unique in the project (409 naming ref), but not across projects', async () => {
    const ref = `${create.ref}-d`;
    expect((await t.admin.post(collection(), { ...create, ref })).statusCode).toBe(201);
    const dup = problem(await t.admin.post(collection(), { ...create, ref }), 409);
    expect(dup.errors!.map((e) => e.path)).toEqual(['ref']);
    expect(dup.detail).toMatch(/already exists/);
    expect(JSON.stringify(dup)).not.toMatch(/SQLITE|constraint failed/i);

    const second = (await t.admin.post(collection(), { ...create, ref: `${ref}2` })).json();
    const clash = problem(await t.admin.patch(`/api/v1/${kind}/${second.id}`, { ref }), 409);
    expect(clash.errors!.map((e) => e.path)).toEqual(['ref']);
    expect((await t.admin.get(`/api/v1/${kind}/${second.id}`)).json().ref).toBe(`${ref}2`);

    const elsewhere = await t.admin.post(`/api/v1/projects/${otherProjectId}/${kind}`, { ...create, ref });
    expect(elsewhere.statusCode).toBe(201);
    expect(elsewhere.json().projectId).toBe(otherProjectId);
  });

  it('requires ref and description, refuses unknown fields, 404s for an unknown project', async () => {
    const { ref: _r, description: _d, ...rest } = create;
    const p = problem(await t.admin.post(collection(), { ...rest, surprise: 1 }), 400);
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['description', 'ref', 'surprise']);
    expect(p.errors!.find((e) => e.path === 'ref')!.message).toBe('is required');
    problem(await t.admin.post(`/api/v1/projects/prj_unknown/${kind}`, create), 404);
    problem(await t.admin.get(`/api/v1/projects/prj_unknown/${kind}`), 404);
    problem(await t.admin.get(`/api/v1/${kind}/x_unknown`), 404);
  });

  it('pages in creation order', async () => {
    const fresh = (await t.admin.post(`/api/v1/plans/${planId}/projects`, { code: `PAGE-${kind}`, name: 'Paging' })).json().id;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await t.admin.post(`/api/v1/projects/${fresh}/${kind}`, { ...create, ref: `P${i}` })).json().id);
    const first = (await t.admin.get(`/api/v1/projects/${fresh}/${kind}?limit=3`)).json();
    const second = (await t.admin.get(`/api/v1/projects/${fresh}/${kind}?limit=3&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((e: { id: string }) => e.id)).toEqual(ids);
    expect(second.nextCursor).toBeNull();
  });
});

describe('risk scores', () => {
  const url = () => `/api/v1/projects/${projectId}/risks`;
  const risk = { ref: 'S-1', description: 'x', likelihood: 5, impact: 5 };

  it('scores likelihood × impact', async () => {
    expect((await t.admin.post(url(), risk)).json().score).toBe(25);
    expect((await t.admin.post(url(), { ...risk, ref: 'S-2', likelihood: 1, impact: 1 })).json().score).toBe(1);
    const r = (await t.admin.post(url(), { ...risk, ref: 'S-3', likelihood: 2, impact: 3 })).json();
    expect(r.score).toBe(6);
    expect((await t.admin.patch(`/api/v1/risks/${r.id}`, { impact: 5 })).json()).toMatchObject({ likelihood: 2, impact: 5, score: 10 });
  });

  it('keeps likelihood and impact within 1–5', async () => {
    for (const likelihood of [0, 6, 2.5]) {
      const p = problem(await t.admin.post(url(), { ...risk, ref: 'S-bad', likelihood }), 400);
      expect(p.errors!.map((e) => e.path)).toEqual(['likelihood']);
    }
    const p = problem(await t.admin.post(url(), { ...risk, ref: 'S-bad', impact: 0, likelihood: 6 }), 400);
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['impact', 'likelihood']);
    const r = (await t.admin.post(url(), { ...risk, ref: 'S-4' })).json();
    problem(await t.admin.patch(`/api/v1/risks/${r.id}`, { likelihood: 6 }), 400);
    problem(await t.admin.patch(`/api/v1/risks/${r.id}`, { status: 'managed' }), 400);
  });
});

describe('issues', () => {
  it('need an impact score of 1–5', async () => {
    const url = `/api/v1/projects/${projectId}/issues`;
    const p = problem(await t.admin.post(url, { ref: 'I-1', description: 'x' }), 400);
    expect(p.errors).toEqual([expect.objectContaining({ path: 'impactScore', message: 'is required' })]);
    problem(await t.admin.post(url, { ref: 'I-1', description: 'x', impactScore: 6 }), 400);
  });
});

describe('dependency updates', () => {
  it('round-trip in order, are replaced by a PATCH, and are validated', async () => {
    const url = `/api/v1/projects/${projectId}/dependencies`;
    const updates = [
      { date: '2022-05-31', text: 'May 2022 Update – pathway agreed' },
      { date: '2022-07-31', text: 'July 2022 Update – “funding” bid drafted' },
      { date: '2022-09-30', text: 'September 2022 Update – bid submitted' },
    ];
    const dep = (await t.admin.post(url, { ref: 'DEP-U', description: 'x', impactScore: 2, updates })).json();
    expect(dep.updates).toEqual(updates);
    expect((await t.admin.get(`/api/v1/dependencies/${dep.id}`)).json().updates).toEqual(updates);

    const none = (await t.admin.post(url, { ref: 'DEP-N', description: 'x', impactScore: 2 })).json();
    expect(none).toMatchObject({ updates: [], status: 'open' });

    const replaced = (await t.admin.patch(`/api/v1/dependencies/${dep.id}`, { updates: [updates[2]] })).json();
    expect(replaced).toMatchObject({ updates: [updates[2]], version: 2 });
    // A PATCH without updates leaves them alone.
    expect((await t.admin.patch(`/api/v1/dependencies/${dep.id}`, { status: 'closed' })).json()).toMatchObject({ updates: [updates[2]], version: 3 });
    expect((await t.admin.patch(`/api/v1/dependencies/${dep.id}`, { updates: [] })).json()).toMatchObject({ updates: [], version: 4 });

    const bad = problem(await t.admin.post(url, { ref: 'DEP-B', description: 'x', impactScore: 2, updates: [{ date: '2022-13-01', text: '' }] }), 400);
    expect(bad.errors!.map((e) => e.path).sort()).toEqual(['updates.0.date', 'updates.0.text']);
    problem(await t.admin.post(url, { ref: 'DEP-B', description: 'x', impactScore: 2, updates: [{ date: '2022-01-01', text: 'x', by: 'me' }] }), 400);
    problem(await t.admin.post(url, { ref: 'DEP-B', description: 'x', impactScore: 2, status: 'managing' }), 400);
  });
});

describe('benefits', () => {
  it('need a kind; cashable ones carry a £k value', async () => {
    const url = `/api/v1/projects/${projectId}/benefits`;
    const p = problem(await t.admin.post(url, { ref: 'BEN.681.02', description: 'x' }), 400);
    expect(p.errors).toEqual([expect.objectContaining({ path: 'kind', message: 'is required' })]);
    problem(await t.admin.post(url, { ref: 'BEN.681.02', description: 'x', kind: 'financial' }), 400);
    problem(await t.admin.post(url, { ref: 'BEN.681.02', description: 'x', kind: 'cashable', valueGbpThousands: -5 }), 400);

    const cashable = (await t.admin.post(url, { ref: 'BEN.681.02', description: 'Fewer out-of-area placements', kind: 'cashable', valueGbpThousands: 120 })).json();
    expect(cashable).toMatchObject({ kind: 'cashable', valueGbpThousands: 120, targetDate: null });
    const nonCashable = (
      await t.admin.post(url, { ref: 'BEN.681.03', description: 'Improved parental confidence', kind: 'non-cashable', targetDate: '2023-07-31' })
    ).json();
    expect(nonCashable).toMatchObject({ kind: 'non-cashable', valueGbpThousands: null, targetDate: '2023-07-31' });
    expect((await t.admin.patch(`/api/v1/benefits/${nonCashable.id}`, { kind: 'cashable', valueGbpThousands: 10 })).json()).toMatchObject({
      kind: 'cashable',
      valueGbpThousands: 10,
      version: 2,
    });
  });
});

describe('registers of a deleted project', () => {
  it('go with it', async () => {
    const p = (await t.admin.post(`/api/v1/plans/${planId}/projects`, { code: 'GONE', name: 'Gone' })).json().id;
    const ids: Record<string, string> = {};
    for (const { kind, create } of kinds) ids[kind] = (await t.admin.post(`/api/v1/projects/${p}/${kind}`, create)).json().id;
    expect((await t.admin.delete(`/api/v1/projects/${p}`)).statusCode).toBe(204);
    for (const { kind } of kinds) problem(await t.admin.get(`/api/v1/${kind}/${ids[kind]}`), 404);
  });
});
