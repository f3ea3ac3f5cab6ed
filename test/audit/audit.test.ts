// The audit trail: every create, update, delete, publish and token change is recorded in the same
// transaction as the change (who, when, which resource, fields before and after); GET /audit filters and
// pages it; an action's history shows how its schedule moved; nothing in the API can change an entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, tokenFor, type Client, type TestApp } from '../helpers/app.js';

let t: TestApp;
let clock = new Date('2023-04-03T09:00:00Z');
const tick = (minutes = 1) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};
let editor: Client;
let viewer: Client;
let editorSecret: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  editorSecret = await tokenFor(t, 'editor', 'SEND programme manager');
  editor = t.as(editorSecret);
  viewer = t.as(await tokenFor(t, 'viewer', 'Scrutiny clerk'));
});
afterAll(() => t.close());

interface Entry {
  seq: number;
  at: string;
  actor: { name: string; role: string; tokenId: string | null };
  requestId: string | null;
  operation: string;
  resourceType: string;
  resourceId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

async function auditOf(resourceType: string, resourceId: string): Promise<Entry[]> {
  const res = await t.admin.get(`/api/v1/audit?resourceType=${resourceType}&resourceId=${resourceId}&limit=500`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

async function rawAuditCount(): Promise<number> {
  return (await t.query<{ n: number }>('select count(*) as n from audit_events'))[0]!.n;
}

const planBody = { title: 'Priority action plan', kind: 'priority-action-plan', localArea: 'Wolverhampton' };

describe('audit trail', () => {
  it('records create, update and delete with who, when and the fields before and after', async () => {
    tick();
    const created = (await editor.post('/api/v1/plans', planBody)).json();
    tick();
    const updated = await editor.patch(`/api/v1/plans/${created.id}`, { title: 'Priority action plan (revised)' }, { 'if-match': '"1"' });
    expect(updated.statusCode).toBe(200);
    tick();
    expect((await t.admin.delete(`/api/v1/plans/${created.id}`, { 'if-match': '"2"' })).statusCode).toBe(204);

    const entries = await auditOf('plan', created.id);
    expect(entries.map((e) => e.operation)).toEqual(['create', 'update', 'delete']);
    const [c, u, d] = entries as [Entry, Entry, Entry];
    expect(c.actor).toMatchObject({ name: 'SEND programme manager', role: 'editor' });
    expect(c.actor.tokenId).toMatch(/^tok_/);
    expect(c.before).toBeNull();
    expect(c.after).toMatchObject({ id: created.id, title: 'Priority action plan', version: 1 });
    expect(u.before).toEqual({ title: 'Priority action plan', version: 1 });
    expect(u.after).toEqual({ title: 'Priority action plan (revised)', version: 2 });
    expect(d.actor).toMatchObject({ name: 'admin (ADMIN_TOKEN)', role: 'admin', tokenId: null });
    expect(d.before).toMatchObject({ title: 'Priority action plan (revised)', version: 2 });
    expect(d.after).toBeNull();
    // "when": the server's clock at the change, strictly in order; request ids tie entries to logs.
    expect(new Date(c.at) < new Date(u.at) && new Date(u.at) < new Date(d.at)).toBe(true);
    expect(c.seq < u.seq && u.seq < d.seq).toBe(true);
    expect(c.requestId).toMatch(/\S/);
  });

  it('records nothing for a change that did not happen (same transaction)', async () => {
    const created = (await editor.post('/api/v1/plans', planBody)).json();
    const before = await rawAuditCount();
    problem(await editor.patch(`/api/v1/plans/${created.id}`, { title: 'stale' }, { 'if-match': '"9"' }), 412);
    problem(await editor.patch(`/api/v1/plans/${created.id}`, { kind: 'nonsense' }), 400);
    const area = await editor.post(`/api/v1/plans/${created.id}/areas`, { number: 1, title: 'EHC plans' });
    expect(area.statusCode).toBe(201);
    problem(await editor.post(`/api/v1/plans/${created.id}/areas`, { number: 1, title: 'Duplicate number' }), 409);
    // A no-op update changes nothing and records nothing.
    expect((await editor.patch(`/api/v1/plans/${created.id}`, { title: planBody.title })).json().version).toBe(1);
    expect(await rawAuditCount()).toBe(before + 1);
  });

  it('records token creation and revocation without the secret or its hash', async () => {
    const res = await t.admin.post('/api/v1/tokens', { name: 'Adviser (DfE)', role: 'viewer' });
    const { id, token } = res.json();
    expect((await t.admin.delete(`/api/v1/tokens/${id}`)).statusCode).toBe(204);
    const entries = await auditOf('token', id);
    expect(entries.map((e) => e.operation)).toEqual(['create', 'revoke']);
    expect(entries[0]!.after).toEqual({ id, name: 'Adviser (DfE)', role: 'viewer' });
    expect(entries[1]!.after).toMatchObject({ revokedAt: expect.any(String) });

    // Neither the API nor the table itself holds any secret or hash of one.
    const hashes = (await t.query<{ h: string }>('select token_hash as h from api_tokens')).map((r) => r.h);
    const dump = JSON.stringify(await t.query('select * from audit_events'));
    const api = (await t.admin.get('/api/v1/audit?limit=500')).body;
    for (const text of [dump, api]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(editorSecret);
      for (const h of hashes) expect(text).not.toContain(h);
      expect(text).not.toMatch(/spt_[A-Za-z0-9_-]{20,}/);
      expect(text).not.toMatch(/tokenHash|token_hash/);
    }
  });

  it('records publication of a highlight report', async () => {
    const plan = (await editor.post('/api/v1/plans', planBody)).json();
    const project = (await editor.post(`/api/v1/plans/${plan.id}/projects`, { code: 'PR000681', name: 'Culture of Inclusion' })).json();
    const report = (
      await editor.post(`/api/v1/projects/${project.id}/highlight-reports`, { periodStart: '2023-03-01', periodEnd: '2023-03-31', overallStatus: 'on-target' })
    ).json();
    const published = await editor.post(`/api/v1/highlight-reports/${report.id}/publish`);
    expect(published.statusCode).toBe(200);
    const entries = await auditOf('highlight-report', report.id);
    expect(entries.map((e) => e.operation)).toEqual(['create', 'publish']);
    expect(entries[1]!.before).toMatchObject({ state: 'draft', version: 1 });
    expect(entries[1]!.after).toMatchObject({ state: 'published', version: 2, pdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(entries[1]!.actor.name).toBe('SEND programme manager');
    // The frozen snapshot is not copied into the trail.
    expect(JSON.stringify(entries)).not.toContain('"snapshot"');
  });

  it('lets editors and admins read it, not viewers', async () => {
    problem(await viewer.get('/api/v1/audit'), 403);
    problem(await t.app.inject({ method: 'GET', url: '/api/v1/audit' }), 401);
    expect((await editor.get('/api/v1/audit')).statusCode).toBe(200);
  });

  it('filters by resource, operation and time, and pages without gaps or repeats', async () => {
    const plan = (await editor.post('/api/v1/plans', planBody)).json();
    const from = new Date(clock.getTime() + 60_000).toISOString();
    for (let i = 1; i <= 7; i++) {
      tick();
      await editor.post(`/api/v1/plans/${plan.id}/areas`, { number: i, title: `Area ${i}` });
    }
    const all = (await t.admin.get('/api/v1/audit?limit=500')).json().items as Entry[];
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.admin.get(url)).json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((e: Entry) => e.seq));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.seq));
    expect(new Set(seen).size).toBe(seen.length);

    const since = (await t.admin.get(`/api/v1/audit?resourceType=area&since=${encodeURIComponent(from)}`)).json().items as Entry[];
    expect(since).toHaveLength(7);
    expect(since.every((e) => e.at >= from && e.resourceType === 'area' && e.operation === 'create')).toBe(true);
    // A timestamp with an offset means the same instant.
    const offset = from.replace('Z', '+00:00');
    expect((await t.admin.get(`/api/v1/audit?resourceType=area&since=${encodeURIComponent(offset)}`)).json().items).toHaveLength(7);

    const creates = (await t.admin.get('/api/v1/audit?operation=create&limit=500')).json().items as Entry[];
    expect(creates.length).toBeGreaterThan(0);
    expect(creates.every((e) => e.operation === 'create')).toBe(true);

    // Filters left empty are no filters (a URL template filled in part).
    const emptyFilters = (await t.admin.get('/api/v1/audit?resourceType=&resourceId=&since=&cursor=&limit=500')).json().items as Entry[];
    expect(emptyFilters.map((e) => e.seq)).toEqual(all.map((e) => e.seq));

    for (const bad of ['limit=0', 'limit=501', 'cursor=nonsense', 'since=yesterday', 'resourceType=DROP%20TABLE', 'resourceId=a%27b', 'surprise=1']) {
      problem(await t.admin.get(`/api/v1/audit?${bad}`), 400);
    }
  });

  it('shows how an action’s status, dates and percent moved, and who moved them', async () => {
    const plan = (await editor.post('/api/v1/plans', planBody)).json();
    tick();
    const action = (
      await editor.post(`/api/v1/plans/${plan.id}/actions`, { ref: '2.1', title: 'Review the EHC needs assessment pathway', startDate: '2023-04-01', dueDate: '2023-09-30' })
    ).json();
    const url = `/api/v1/actions/${action.id}`;
    tick(60 * 24 * 30);
    await editor.patch(url, { status: 'in-progress', percentComplete: 40 }, { 'if-match': '"1"' });
    tick(60 * 24 * 30);
    await t.admin.patch(url, { owner: 'Head of SEND' }, { 'if-match': '"2"' });
    tick(60 * 24 * 30);
    await editor.patch(url, { revisedDueDate: '2023-12-31', delayReason: 'Staff vacancies', ragOverride: 'at-risk', ragOverrideReason: 'Recruiting' });
    tick(60 * 24 * 30);
    await editor.patch(url, { status: 'complete', percentComplete: 100, ragOverride: null });

    const res = await viewer.get(`${url}/history`);
    expect(res.statusCode).toBe(200);
    const h = res.json();
    expect(h.actionId).toBe(action.id);
    expect(h.items.map((e: { operation: string; version: number }) => [e.operation, e.version])).toEqual([
      ['create', 1],
      ['update', 2],
      ['update', 3],
      ['update', 4],
      ['update', 5],
    ]);
    const [created, started, owner, revised, done] = h.items;
    expect(created.changes).toEqual({
      status: { from: null, to: 'not-started' },
      startDate: { from: null, to: '2023-04-01' },
      dueDate: { from: null, to: '2023-09-30' },
      percentComplete: { from: null, to: 0 },
    });
    expect(started.changes).toEqual({ status: { from: 'not-started', to: 'in-progress' }, percentComplete: { from: 0, to: 40 } });
    expect(started.actor).toMatchObject({ name: 'SEND programme manager', role: 'editor' });
    expect(owner.changes).toEqual({});
    expect(owner.otherFields).toEqual(['owner']);
    expect(owner.actor).toMatchObject({ role: 'admin' });
    expect(revised.changes).toEqual({ revisedDueDate: { from: null, to: '2023-12-31' }, ragOverride: { from: null, to: 'at-risk' } });
    expect(revised.otherFields).toEqual(['delayReason', 'ragOverrideReason']);
    expect(done.changes).toEqual({
      status: { from: 'in-progress', to: 'complete' },
      percentComplete: { from: 40, to: 100 },
      ragOverride: { from: 'at-risk', to: null },
    });
    const times = h.items.map((e: { at: string }) => e.at);
    expect([...times].sort()).toEqual(times);

    // Paged like every list.
    const first = (await viewer.get(`${url}/history?limit=2`)).json();
    expect(first.items).toHaveLength(2);
    const rest = (await viewer.get(`${url}/history?limit=10&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...rest.items].map((e: { seq: number }) => e.seq)).toEqual(h.items.map((e: { seq: number }) => e.seq));

    // A deleted action keeps its history; an id never seen is 404.
    expect((await editor.delete(url)).statusCode).toBe(204);
    const after = (await viewer.get(`${url}/history`)).json();
    expect(after.items.at(-1)).toMatchObject({ operation: 'delete', version: null });
    problem(await viewer.get('/api/v1/actions/act_doesnotexist/history'), 404);
    problem(await viewer.get('/api/v1/actions/..%2F..%2Fetc/history'), 400);
  });

  it('cannot be changed or deleted through the API', async () => {
    const before = await rawAuditCount();
    const first = ((await t.admin.get('/api/v1/audit?limit=1')).json().items as Entry[])[0]!;
    const body = { operation: 'delete', actor: { name: 'nobody' } };
    const targets = ['/api/v1/audit', `/api/v1/audit/${first.seq}`, '/api/v1/actions/act_x/history'];
    for (const url of targets) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        const res = await t.app.inject({
          method,
          url,
          headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expect([404, 405]).toContain(res.statusCode);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    }
    expect(await rawAuditCount()).toBe(before);
    const again = ((await t.admin.get('/api/v1/audit?limit=1')).json().items as Entry[])[0]!;
    expect(again).toEqual(first);
    // And the OpenAPI document offers only reads of it.
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const auditPaths = Object.entries(doc.paths as Record<string, Record<string, unknown>>).filter(([p]) => /audit|history/.test(p));
    expect(auditPaths.length).toBe(2);
    for (const [, ops] of auditPaths) expect(Object.keys(ops).filter((m) => m !== 'parameters')).toEqual(['get']);
  });
});
