// Highlight reports as records through HTTP: drafts, validation, previous statuses and publication's
// freeze. Publishing renders a real PDF in Chromium, so this file publishes only three times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, tokenFor, type TestApp } from '../helpers/app.js';

let t: TestApp;
let planId: string;
let projectId: string;
let wsA: string;
let wsB: string;
let otherProjectWs: string;

const post = async (url: string, body: unknown) => {
  const res = await t.admin.post(url, body);
  if (res.statusCode !== 201) throw new Error(`POST ${url} → ${res.statusCode}: ${res.body}`);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  planId = (await post('/api/v1/plans', { title: 'WSoA', kind: 'wsoa', localArea: 'Wolverhampton', principalAuthority: 'City of Wolverhampton Council' })).id;
  projectId = (await post(`/api/v1/plans/${planId}/projects`, { code: 'PR000681', name: 'Culture of Inclusion', author: 'Programme manager' })).id;
  wsA = (await post(`/api/v1/projects/${projectId}/workstreams`, { letter: 'A', title: 'Collaborative Working and Effective Services' })).id;
  wsB = (await post(`/api/v1/projects/${projectId}/workstreams`, { letter: 'B', title: 'Attendance' })).id;
  const other = (await post(`/api/v1/plans/${planId}/projects`, { code: 'PR000700', name: 'Preparation for adulthood' })).id;
  otherProjectWs = (await post(`/api/v1/projects/${other}/workstreams`, { letter: 'A', title: 'Other' })).id;
});
afterAll(() => t.close());

const reports = () => `/api/v1/projects/${projectId}/highlight-reports`;
const NO_SUMMARY = { tasks: null, costs: null, risks: null, issues: null, dependencies: null, financialBenefits: null, nonFinancialBenefits: null };

describe('highlight report drafts', () => {
  it('creates a draft with defaults and no previous report', async () => {
    const res = await t.admin.post(reports(), { periodStart: '2022-06-01', periodEnd: '2022-06-30', overallStatus: 'on-target' });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(res.headers.location).toBe(`/api/v1/highlight-reports/${r.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(r).toEqual({
      id: expect.any(String),
      version: 1,
      createdAt: '2022-11-18T12:00:00.000Z',
      updatedAt: '2022-11-18T12:00:00.000Z',
      projectId,
      periodStart: '2022-06-01',
      periodEnd: '2022-06-30',
      reportDate: null,
      overallStatus: 'on-target',
      previousOverallStatus: null,
      previousReportId: null,
      summary: null,
      helpRequired: null,
      achievements: [],
      nextSteps: [],
      statusSummary: NO_SUMMARY,
      costs: null,
      state: 'draft',
      submittedAt: null,
      submittedBy: null,
      approvedAt: null,
      approvedBy: null,
      returnNote: null,
      publishedAt: null,
      pdfSha256: null,
    });
    expect(JSON.stringify(r)).not.toContain('snapshot');
    const got = await t.admin.get(`/api/v1/highlight-reports/${r.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toEqual(r);
  });

  it('stores items, statuses and costs; lists; updates with If-Match; deletes a draft', async () => {
    const body = {
      periodStart: '2022-07-01',
      periodEnd: '2022-07-31',
      reportDate: '2022-08-05',
      overallStatus: 'at-risk',
      summary: 'Good progress on the inclusion charter.',
      helpRequired: 'None this period.',
      achievements: [
        { workstreamId: wsB, text: 'EBSNA pathway drafted' },
        { workstreamId: wsA, text: 'Inclusion charter launched' },
        { text: 'Programme board met' },
      ],
      nextSteps: [{ workstreamId: null, text: 'Consult schools' }],
      statusSummary: { tasks: { status: 'at-risk', explanation: 'Two tasks late' }, costs: { status: 'on-target' } },
      costs: { spendToDate: 12000, forecastSpend: 48000, budget: 50000 },
    };
    const r = await post(reports(), body);
    expect(r).toMatchObject({
      ...body,
      achievements: [
        { workstreamId: wsB, text: 'EBSNA pathway drafted' },
        { workstreamId: wsA, text: 'Inclusion charter launched' },
        { workstreamId: null, text: 'Programme board met' },
      ],
      statusSummary: {
        ...NO_SUMMARY,
        tasks: { status: 'at-risk', explanation: 'Two tasks late', previousStatus: null },
        costs: { status: 'on-target', explanation: null, previousStatus: null },
      },
    });

    const list = (await t.admin.get(reports())).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(r.id);
    expect((await t.admin.get(`${reports()}?state=published`)).json().items).toEqual([]);

    const url = `/api/v1/highlight-reports/${r.id}`;
    problem(await t.admin.patch(url, { summary: 'x' }, { 'if-match': '"2"' }), 412);
    const ok = await t.admin.patch(url, { summary: 'Revised summary', costs: null }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ summary: 'Revised summary', costs: null, version: 2, achievements: r.achievements });

    problem(await t.admin.delete(url, { 'if-match': '"1"' }), 412);
    expect((await t.admin.delete(url, { 'if-match': '"2"' })).statusCode).toBe(204);
    problem(await t.admin.get(url), 404);
    problem(await t.admin.patch(url, { summary: 'x' }), 404);
  });

  it('merges a statusSummary PATCH per key, and null clears it', async () => {
    const r = await post(reports(), {
      periodStart: '2022-05-01',
      periodEnd: '2022-05-31',
      overallStatus: 'on-target',
      statusSummary: { tasks: { status: 'on-target', explanation: 'All on track' }, risks: { status: 'at-risk', explanation: 'Two new risks' } },
    });
    const url = `/api/v1/highlight-reports/${r.id}`;
    const merged = (await t.admin.patch(url, { statusSummary: { risks: { status: 'on-target', explanation: 'Mitigated' }, issues: { status: 'off-target' } } })).json();
    expect(merged.statusSummary).toEqual({
      ...NO_SUMMARY,
      tasks: { status: 'on-target', explanation: 'All on track', previousStatus: null },
      risks: { status: 'on-target', explanation: 'Mitigated', previousStatus: null },
      issues: { status: 'off-target', explanation: null, previousStatus: null },
    });
    expect((await t.admin.get(url)).json().statusSummary).toEqual(merged.statusSummary);
    // An empty object changes nothing.
    expect((await t.admin.patch(url, { statusSummary: {} })).json()).toMatchObject({ version: merged.version });
    expect((await t.admin.patch(url, { statusSummary: null })).json().statusSummary).toEqual(NO_SUMMARY);
    problem(await t.admin.patch(url, { statusSummary: { tasks: { status: 'green' } } }), 400);
    problem(await t.admin.patch(url, { statusSummary: { quality: { status: 'on-target' } } }), 400);
  });

  it('refuses periodEnd before periodStart, on create and on PATCH', async () => {
    const p = problem(await t.admin.post(reports(), { periodStart: '2022-10-31', periodEnd: '2022-10-01', overallStatus: 'on-target' }), 400);
    expect(p.errors!.map((e) => e.path)).toEqual(['periodEnd']);
    const r = await post(reports(), { periodStart: '2022-04-01', periodEnd: '2022-04-30', overallStatus: 'on-target' });
    const q = problem(await t.admin.patch(`/api/v1/highlight-reports/${r.id}`, { periodEnd: '2022-03-31' }), 400);
    expect(q.errors!.map((e) => e.path)).toEqual(['periodEnd']);
    expect((await t.admin.get(`/api/v1/highlight-reports/${r.id}`)).json()).toMatchObject({ periodEnd: '2022-04-30', version: 1 });
    // A one-day period is fine.
    expect((await t.admin.patch(`/api/v1/highlight-reports/${r.id}`, { periodEnd: '2022-04-01' })).statusCode).toBe(200);
  });

  it('refuses an item whose workstream is not of this project (400 naming the item)', async () => {
    const base = { periodStart: '2022-03-01', periodEnd: '2022-03-31', overallStatus: 'on-target' };
    const p = problem(await t.admin.post(reports(), { ...base, achievements: [{ workstreamId: otherProjectWs, text: 'Elsewhere' }] }), 400);
    expect(p.errors!.map((e) => e.path)).toEqual(['achievements.0.workstreamId']);
    const q = problem(
      await t.admin.post(reports(), { ...base, nextSteps: [{ workstreamId: wsA, text: 'ok' }, { workstreamId: 'wst_nothing', text: 'Nowhere' }] }),
      400,
    );
    expect(q.errors!.map((e) => e.path)).toEqual(['nextSteps.1.workstreamId']);

    const r = await post(reports(), base);
    const s = problem(await t.admin.patch(`/api/v1/highlight-reports/${r.id}`, { achievements: [{ workstreamId: otherProjectWs, text: 'x' }] }), 400);
    expect(s.errors!.map((e) => e.path)).toEqual(['achievements.0.workstreamId']);
  });

  it('validates fields: required, enums, costs, unknown fields', async () => {
    const p = problem(await t.admin.post(reports(), { periodStart: '2022-02-30', overallStatus: 'amber', colour: 'red' }), 400);
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['colour', 'overallStatus', 'periodEnd', 'periodStart']);
    const base = { periodStart: '2022-03-01', periodEnd: '2022-03-31', overallStatus: 'on-target' };
    const c = problem(await t.admin.post(reports(), { ...base, costs: { spendToDate: 1, budget: -1 } }), 400);
    expect(c.errors!.map((e) => e.path).sort()).toEqual(['costs.budget', 'costs.forecastSpend']);
    problem(await t.admin.post(reports(), { ...base, achievements: [{ text: '' }] }), 400);
    problem(await t.admin.post(reports(), { ...base, achievements: [{ text: 'x', when: 'today' }] }), 400);
  });

  it('keeps editing a draft whose item points at a since-deleted workstream', async () => {
    const ws = (await post(`/api/v1/projects/${projectId}/workstreams`, { letter: 'F', title: 'Short-lived' })).id;
    const r = await post(reports(), {
      periodStart: '2022-02-01',
      periodEnd: '2022-02-28',
      overallStatus: 'on-target',
      achievements: [{ workstreamId: ws, text: 'Done under F' }],
    });
    expect((await t.admin.delete(`/api/v1/workstreams/${ws}`)).statusCode).toBe(204);
    const res = await t.admin.patch(`/api/v1/highlight-reports/${r.id}`, { summary: 'Still editable' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ summary: 'Still editable', version: 2 });
    // Resending the dangling item is refused, naming it.
    const p = problem(await t.admin.patch(`/api/v1/highlight-reports/${r.id}`, { achievements: [{ workstreamId: ws, text: 'Done under F' }] }), 400);
    expect(p.errors!.map((e) => e.path)).toEqual(['achievements.0.workstreamId']);
  });

  it('404s for an unknown project or report', async () => {
    problem(await t.admin.post('/api/v1/projects/prj_unknown/highlight-reports', { periodStart: '2022-03-01', periodEnd: '2022-03-31', overallStatus: 'on-target' }), 404);
    problem(await t.admin.get('/api/v1/projects/prj_unknown/highlight-reports'), 404);
    problem(await t.admin.get('/api/v1/highlight-reports/hlr_unknown'), 404);
    problem(await t.admin.post('/api/v1/highlight-reports/hlr_unknown/publish'), 404);
  });

  it('lets a viewer read but neither write nor publish (403)', async () => {
    const viewer = t.as(await tokenFor(t, 'viewer'));
    const r = await post(reports(), { periodStart: '2022-01-01', periodEnd: '2022-01-31', overallStatus: 'on-target' });
    expect((await viewer.get(`/api/v1/highlight-reports/${r.id}`)).statusCode).toBe(200);
    problem(await viewer.post(`/api/v1/highlight-reports/${r.id}/publish`), 403);
    problem(await viewer.patch(`/api/v1/highlight-reports/${r.id}`, { summary: 'x' }), 403);
    problem(await viewer.delete(`/api/v1/highlight-reports/${r.id}`), 403);
    expect((await t.admin.get(`/api/v1/highlight-reports/${r.id}`)).json()).toMatchObject({ state: 'draft', version: 1 });
  });

  it('refuses to publish with a stale If-Match (412) before rendering anything', async () => {
    const r = await post(reports(), { periodStart: '2021-12-01', periodEnd: '2021-12-31', overallStatus: 'on-target' });
    const p = problem(await t.admin.post(`/api/v1/highlight-reports/${r.id}/publish`, undefined, { 'if-match': '"5"' }), 412);
    expect(p).toMatchObject({ currentVersion: 1 });
    expect((await t.admin.get(`/api/v1/highlight-reports/${r.id}`)).json()).toMatchObject({ state: 'draft', version: 1 });
  });
});

describe('publication and previous statuses', () => {
  // A separate project, so the drafts above do not interfere.
  let pid: string;
  const url = () => `/api/v1/projects/${pid}/highlight-reports`;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let september: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let october: any;

  beforeAll(async () => {
    pid = (await post(`/api/v1/plans/${planId}/projects`, { code: 'PR000682', name: 'Published project', author: 'Programme manager' })).id;
  });

  it('publishes a report: 200, state published, publishedAt, SHA-256; then it is frozen (409)', async () => {
    september = await post(url(), {
      periodStart: '2022-09-01',
      periodEnd: '2022-09-30',
      overallStatus: 'at-risk',
      statusSummary: { tasks: { status: 'at-risk', explanation: 'Late' }, risks: { status: 'on-target' } },
    });
    const res = await t.admin.post(`/api/v1/highlight-reports/${september.id}/publish`, undefined, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    const published = res.json();
    expect(published).toMatchObject({
      id: september.id,
      state: 'published',
      publishedAt: '2022-11-18T12:00:00.000Z',
      version: 2,
      previousOverallStatus: null,
      previousReportId: null,
    });
    expect(published.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.admin.get(`/api/v1/highlight-reports/${september.id}`)).json()).toEqual(published);
    expect((await t.admin.get(`${url()}?state=published`)).json().items.map((x: { id: string }) => x.id)).toEqual([september.id]);

    const item = `/api/v1/highlight-reports/${september.id}`;
    expect(problem(await t.admin.patch(item, { summary: 'Changed afterwards' }), 409).detail).toMatch(/published/);
    problem(await t.admin.patch(item, { statusSummary: { tasks: { status: 'complete' } } }), 409);
    problem(await t.admin.delete(item), 409);
    problem(await t.admin.post(`${item}/publish`), 409);
    expect((await t.admin.get(item)).json()).toEqual(published);
  });

  it('takes previous statuses from the latest published report with an earlier periodEnd', async () => {
    october = await post(url(), {
      periodStart: '2022-10-01',
      periodEnd: '2022-10-31',
      overallStatus: 'on-target',
      statusSummary: { tasks: { status: 'on-target' }, risks: { status: 'at-risk' }, costs: { status: 'on-target' } },
    });
    expect(october).toMatchObject({ previousOverallStatus: 'at-risk', previousReportId: september.id });
    expect(october.statusSummary).toMatchObject({
      tasks: { status: 'on-target', previousStatus: 'at-risk' },
      risks: { status: 'at-risk', previousStatus: 'on-target' },
      costs: { status: 'on-target', previousStatus: null },
      issues: null,
    });

    // A report ending on the same day or earlier has no previous report.
    const sameEnd = await post(url(), { periodStart: '2022-09-15', periodEnd: '2022-09-30', overallStatus: 'on-target' });
    expect(sameEnd).toMatchObject({ previousOverallStatus: null, previousReportId: null });
    const earlier = await post(url(), { periodStart: '2022-08-01', periodEnd: '2022-08-31', overallStatus: 'on-target' });
    expect(earlier.previousOverallStatus).toBeNull();

    // Drafts do not count: November still looks back to September while October is a draft.
    const november = await post(url(), { periodStart: '2022-11-01', periodEnd: '2022-11-30', overallStatus: 'on-target', statusSummary: { tasks: { status: 'on-target' } } });
    expect(november).toMatchObject({ previousOverallStatus: 'at-risk', previousReportId: september.id });

    // Once October is published, November looks back to it.
    const pub = await t.admin.post(`/api/v1/highlight-reports/${october.id}/publish`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ state: 'published', previousOverallStatus: 'at-risk', previousReportId: september.id });
    const nov = (await t.admin.get(`/api/v1/highlight-reports/${november.id}`)).json();
    expect(nov).toMatchObject({ previousOverallStatus: 'on-target', previousReportId: october.id });
    expect(nov.statusSummary.tasks).toEqual({ status: 'on-target', explanation: null, previousStatus: 'on-target' });

    // Moving a draft's period changes which report is previous.
    const moved = (await t.admin.patch(`/api/v1/highlight-reports/${november.id}`, { periodStart: '2022-10-01', periodEnd: '2022-10-20' })).json();
    expect(moved).toMatchObject({ previousOverallStatus: 'at-risk', previousReportId: september.id });
  });

  it('freezes a published report’s previous statuses, even when a report is later published in between', async () => {
    // Published third, with a period ending between September and October.
    const between = await post(url(), { periodStart: '2022-10-01', periodEnd: '2022-10-15', overallStatus: 'off-target' });
    expect((await t.admin.post(`/api/v1/highlight-reports/${between.id}/publish`)).statusCode).toBe(200);

    // October keeps showing September as its previous report, as when it was published.
    expect((await t.admin.get(`/api/v1/highlight-reports/${october.id}`)).json()).toMatchObject({
      state: 'published',
      previousOverallStatus: 'at-risk',
      previousReportId: september.id,
    });
    // A draft ending after both follows the latest period end (October), and one ending on
    // 2022-10-20 now follows the report published in between.
    const december = await post(url(), { periodStart: '2022-12-01', periodEnd: '2022-12-31', overallStatus: 'on-target' });
    expect(december).toMatchObject({ previousOverallStatus: 'on-target', previousReportId: october.id });
    const list = (await t.admin.get(`${url()}?limit=500`)).json().items as { periodEnd: string; state: string; previousReportId: string | null }[];
    expect(list.find((x) => x.periodEnd === '2022-10-20')).toMatchObject({ state: 'draft', previousReportId: between.id });
  });

  it('refuses to delete the project (409) and the plan (409) holding published reports', async () => {
    const p = problem(await t.admin.delete(`/api/v1/projects/${pid}`), 409);
    expect(p.detail).toMatch(/published/);
    expect((await t.admin.get(`/api/v1/projects/${pid}`)).statusCode).toBe(200);
    problem(await t.admin.delete(`/api/v1/plans/${planId}`), 409);
    expect((await t.admin.get(`/api/v1/plans/${planId}`)).statusCode).toBe(200);
    expect((await t.admin.get(`/api/v1/highlight-reports/${september.id}`)).statusCode).toBe(200);
    // The project's other parts stay editable.
    expect((await t.admin.patch(`/api/v1/projects/${pid}`, { gatewayStage: 'Closure' })).statusCode).toBe(200);
  });

  it('deletes a project holding only drafts, with its drafts', async () => {
    const p = (await post(`/api/v1/plans/${planId}/projects`, { code: 'DRAFTS', name: 'Drafts only' })).id;
    const r = await post(`/api/v1/projects/${p}/highlight-reports`, { periodStart: '2022-10-01', periodEnd: '2022-10-31', overallStatus: 'on-target' });
    expect((await t.admin.delete(`/api/v1/projects/${p}`)).statusCode).toBe(204);
    problem(await t.admin.get(`/api/v1/highlight-reports/${r.id}`), 404);
  });
});
