// Approval before publishing: draft → submitted → approved → published, four eyes, edits send the
// report back to draft, and the Approvals section prints who approved it and when (one real publish).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, tokenFor, type Client, type TestApp } from '../helpers/app.js';

let t: TestApp;
let projectId: string;
let alice: Client;
let bob: Client;
let viewer: Client;

beforeAll(async () => {
  t = await createTestApp();
  alice = t.as(await tokenFor(t, 'editor', 'Alice Author'));
  bob = t.as(await tokenFor(t, 'editor', 'Bob Approver'));
  viewer = t.as(await tokenFor(t, 'viewer', 'Vic Viewer'));
  const planId = (await t.admin.post('/api/v1/plans', { title: 'WSoA', kind: 'wsoa', localArea: 'Wolverhampton' })).json().id;
  projectId = (await t.admin.post(`/api/v1/plans/${planId}/projects`, { code: 'PR1', name: 'Culture of Inclusion', approver: 'Brenda Wile' })).json().id;
});
afterAll(() => t.close());

const newReport = async (periodStart = '2022-10-01', periodEnd = '2022-10-31') =>
  (await alice.post(`/api/v1/projects/${projectId}/highlight-reports`, { periodStart, periodEnd, overallStatus: 'on-target' })).json();

describe('approval before publishing', () => {
  it('refuses to publish an unapproved report when the project has an approver (409)', async () => {
    const r = await newReport();
    const p = problem(await alice.post(`/api/v1/highlight-reports/${r.id}/publish`), 409);
    expect(p.detail).toMatch(/must be approved/);
  });

  it('four eyes: the submitter cannot approve (403); another editor can', async () => {
    const r = await newReport();
    const submitted = await alice.post(`/api/v1/highlight-reports/${r.id}/submit`, undefined, { 'if-match': '"1"' });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'submitted', submittedBy: 'Alice Author', approvedBy: null });
    expect(submitted.headers.etag).toBe('"2"');
    const own = problem(await alice.post(`/api/v1/highlight-reports/${r.id}/approve`), 403);
    expect(own.detail).toMatch(/someone else must approve/);
    problem(await viewer.post(`/api/v1/highlight-reports/${r.id}/approve`), 403);
    const approved = (await bob.post(`/api/v1/highlight-reports/${r.id}/approve`)).json();
    expect(approved).toMatchObject({ state: 'approved', approvedBy: 'Bob Approver', approvedAt: '2022-11-18T12:00:00.000Z' });
    // Wrong states: 409 with a clear detail.
    expect(problem(await bob.post(`/api/v1/highlight-reports/${r.id}/approve`), 409).detail).toMatch(/approved report cannot be approved/);
    expect(problem(await bob.post(`/api/v1/highlight-reports/${r.id}/submit`), 409).detail).toMatch(/must be draft/);
  });

  it('approving a draft is 409; returning needs a note and goes back to draft', async () => {
    const r = await newReport();
    expect(problem(await bob.post(`/api/v1/highlight-reports/${r.id}/approve`), 409).detail).toMatch(/draft report cannot be approved/);
    await alice.post(`/api/v1/highlight-reports/${r.id}/submit`);
    const bad = problem(await bob.post(`/api/v1/highlight-reports/${r.id}/return`, {}), 400);
    expect(bad.errors?.[0]?.path).toBe('note');
    const back = (await bob.post(`/api/v1/highlight-reports/${r.id}/return`, { note: 'Please add the costs.' })).json();
    expect(back).toMatchObject({ state: 'draft', returnNote: 'Please add the costs.', submittedBy: null });
  });

  it('any change to a submitted or approved report returns it to draft', async () => {
    const r = await newReport();
    await alice.post(`/api/v1/highlight-reports/${r.id}/submit`);
    await bob.post(`/api/v1/highlight-reports/${r.id}/approve`);
    const edited = (await alice.patch(`/api/v1/highlight-reports/${r.id}`, { summary: 'A late change' })).json();
    expect(edited).toMatchObject({ state: 'draft', approvedBy: null, approvedAt: null, summary: 'A late change' });
    // A PATCH that changes nothing keeps the approval.
    await alice.post(`/api/v1/highlight-reports/${r.id}/submit`);
    await bob.post(`/api/v1/highlight-reports/${r.id}/approve`);
    const same = (await alice.patch(`/api/v1/highlight-reports/${r.id}`, { summary: 'A late change' })).json();
    expect(same.state).toBe('approved');
    expect((await alice.get(`/api/v1/projects/${projectId}/highlight-reports?state=approved`)).json().items.map((x: { id: string }) => x.id)).toContain(r.id);
  });

  it('publishes an approved report; the Approvals section says who approved it and when', async () => {
    const r = await newReport('2022-09-01', '2022-09-30');
    await alice.post(`/api/v1/highlight-reports/${r.id}/submit`);
    const draftHtml = (await alice.get(`/api/v1/highlight-reports/${r.id}/html`)).body;
    expect(draftHtml).toContain('Submitted for approval: not yet approved');
    await bob.post(`/api/v1/highlight-reports/${r.id}/approve`);
    const res = await alice.post(`/api/v1/highlight-reports/${r.id}/publish`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'published', approvedBy: 'Bob Approver' });
    const html = (await alice.get(`/api/v1/highlight-reports/${r.id}/html`)).body;
    expect(html).toContain('Approved by Bob Approver on 18 November 2022');
    expect(problem(await bob.post(`/api/v1/highlight-reports/${r.id}/return`, { note: 'x' }), 409).detail).toMatch(/published/);
  });

  it('without an approver on the project, a draft publishes as before', async () => {
    const planId = (await t.admin.post('/api/v1/plans', { title: 'P2', kind: 'wsoa', localArea: 'X' })).json().id;
    const p2 = (await t.admin.post(`/api/v1/plans/${planId}/projects`, { code: 'PR2', name: 'No approver' })).json().id;
    const r = (await alice.post(`/api/v1/projects/${p2}/highlight-reports`, { periodStart: '2022-10-01', periodEnd: '2022-10-31', overallStatus: 'on-target' })).json();
    // Checked before rendering: a stale If-Match still answers 412, not 409.
    problem(await alice.post(`/api/v1/highlight-reports/${r.id}/publish`, undefined, { 'if-match': '"9"' }), 412);
  });
});
