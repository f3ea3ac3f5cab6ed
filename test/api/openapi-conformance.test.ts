// The OpenAPI document against the server it describes: linted by Redocly (recommended-strict, offline)
// with no problem, and every operation called for real on a small data set built through the API, each
// answer checked against the document — its status declared, its media type listed, its body valid
// (ajv, compiled from the document's own schemas) and every header the document marks required present.
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';
import { simpleParser } from 'mailparser';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fallbackOperationId } from '../../src/plugins/openapi-document.js';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app.js';
import { makePdf } from '../helpers/fixtures.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
let t: TestApp;
let doc: Json;
let ajv: InstanceType<typeof Ajv2020>;
const DOC_ID = 'https://send-plan-tracker.invalid/openapi.json';

beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema({ ...structuredClone(doc), $id: DOC_ID });
});
afterAll(() => t?.close());

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

interface Checked {
  op: string;
  status: number;
}
const checked: Checked[] = [];
const failures: string[] = [];

/** Calls the operation `method template` with path values, and checks the answer against the document. */
async function call(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
  template: string,
  opts: { params?: Record<string, string | number | undefined>; query?: string; body?: unknown; raw?: Buffer | string; type?: string; headers?: Record<string, string>; token?: string | null } = {},
): Promise<LightMyRequestResponse> {
  const url = template.replace(/\{(\w+)\}/g, (_m, k: string) => encodeURIComponent(String(opts.params?.[k]))) + (opts.query ? `?${opts.query}` : '');
  const headers: Record<string, string> = { ...(opts.token === null ? {} : { authorization: `Bearer ${opts.token ?? ADMIN_TOKEN}` }), ...opts.headers };
  let payload: string | Buffer | undefined;
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(opts.body);
  } else if (opts.raw !== undefined) {
    headers['content-type'] = opts.type!;
    payload = opts.raw;
  }
  const res = await t.app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
  check(method.toLowerCase(), template, res);
  return res;
}

/** The secret of the owner's link in the (only) email of the test's outbox. */
async function secretFromOutbox(): Promise<string> {
  const dir = join(t.dir, 'outbox');
  const files = readdirSync(dir).sort();
  expect(files.length).toBeGreaterThan(0);
  const mail = await simpleParser(readFileSync(join(dir, files[0]!)));
  return /\/update\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? '')![1]!;
}

function check(method: string, template: string, res: LightMyRequestResponse) {
  const name = `${method.toUpperCase()} ${template} → ${res.statusCode}`;
  // A 405 answers a method the path does not serve: it is documented on the operations the path has.
  const item = doc.paths[template] ?? {};
  const documented = item[method] ? method : res.statusCode === 405 ? Object.keys(item)[0] : undefined;
  const op = documented ? item[documented] : undefined;
  if (!op) return void failures.push(`${name}: no such operation in the document`);
  const response = op.responses[String(res.statusCode)];
  checked.push({ op: `${method} ${template}`, status: res.statusCode });
  if (!response) return void failures.push(`${name}: status not declared (declared: ${Object.keys(op.responses).join(', ')})`);
  for (const [header, spec] of Object.entries<Json>(response.headers ?? {})) {
    if (spec.required && res.headers[header.toLowerCase()] === undefined) failures.push(`${name}: required header ${header} missing`);
  }
  if (!response.content) {
    if (res.rawPayload.length > 0) failures.push(`${name}: a body where the document declares none`);
    return;
  }
  const type = String(res.headers['content-type'] ?? '').split(';')[0]!.trim();
  const media = Object.keys(response.content).find((m) => m === type);
  if (!media) return void failures.push(`${name}: served as ${type}, documented as ${Object.keys(response.content).join(', ')}`);
  if (!/json$/.test(media)) return;
  const ref = `${DOC_ID}#/${pointer('paths', template, documented!, 'responses', String(res.statusCode), 'content', media, 'schema')}`;
  const validate = ajv.getSchema(ref);
  if (!validate) return void failures.push(`${name}: no schema to validate against`);
  if (!validate(res.json())) failures.push(`${name}: ${ajv.errorsText(validate.errors, { separator: '; ' }).slice(0, 600)}`);
}

describe('the OpenAPI document', () => {
  it('passes Redocly’s recommended-strict rules with no problem', async () => {
    const config = await createConfig({ extends: ['recommended-strict'] });
    const all = await lintFromString({ source: JSON.stringify(doc), absoluteRef: '/openapi.json', config });
    expect(all.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
  });

  it('gives every operation a stable operationId, servers, licence and contact, and no "Default Response"', () => {
    const ids: string[] = [];
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      for (const [method, op] of Object.entries<Json>(item)) {
        ids.push(op.operationId);
        // Named by its route (listMeasures, acceptUpdateRequest), not made up from the path's words
        // (getPlansByPlanIdReadiness), which would rename it whenever the path is reworded.
        if (/\{/.test(path)) expect(op.operationId, `${method} ${path}`).not.toBe(fallbackOperationId(method, path));
        for (const [status, r] of Object.entries<Json>(op.responses)) expect(r.description, `${op.operationId} ${status}`).not.toBe('Default Response');
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        ...['listActions', 'getAction', 'createAction', 'updateAction', 'deleteAction', 'publishHighlightReport', 'getHighlightReportPdf'],
        ...['submitHighlightReport', 'approveHighlightReport', 'returnHighlightReport', 'listMeasures', 'createMeasureValue', 'createEvidenceItem'],
        ...['getReadiness', 'getImpactReportPdf', 'getEvidenceBundle', 'getPlanChanges', 'getReviewPdf', 'createUpdateRound', 'acceptUpdateRequest'],
        ...['returnUpdateRequest', 'listActionComments', 'getOwnerUpdateForm', 'submitOwnerUpdateForm'],
      ]),
    );
    expect(doc.servers.length).toBeGreaterThan(0);
    expect(doc.info.license.name).toEqual(expect.any(String));
    expect(doc.info.contact.name).toEqual(expect.any(String));
    // Components are schemas inside the document, not documents of their own (swagger-ui cannot read those).
    for (const [name, schema] of Object.entries<Json>(doc.components.schemas)) expect(Object.keys(schema), name).not.toEqual(expect.arrayContaining(['$id']));
  });

  it('says null where a value can be null, and documents query booleans as booleans', () => {
    const action = doc.components.schemas.Action.properties;
    for (const field of ['rag', 'ragOverride']) expect(JSON.stringify(action[field]), field).toContain('"type":"null"');
    const report = doc.components.schemas.HighlightReport.properties;
    expect(JSON.stringify(report.previousOverallStatus)).toContain('"type":"null"');
    const tasks = report.statusSummary.properties.tasks.anyOf.find((s: Json) => s.type === 'object');
    expect(JSON.stringify(tasks.properties.previousStatus)).toContain('"type":"null"');
    const list = doc.paths['/api/v1/plans/{planId}/actions'].get.parameters.find((p: Json) => p.name === 'behindSchedule');
    expect(list.schema.type).toBe('boolean');
    // Defaulted fields are optional on input.
    expect(doc.components.schemas.CreateActionInput.required).not.toContain('percentComplete');
  });
});

describe('real responses of every route match the document', () => {
  it('builds a small data set through the API and checks every answer', { timeout: 180_000 }, async () => {
    const ids: Record<string, string> = {};
    const created = async (template: string, params: Record<string, string>, body: unknown) => {
      const res = await call('POST', template, { params, body });
      expect(res.statusCode, `${template}: ${res.body}`).toBe(201);
      // The Location resolves.
      const loc = String(res.headers.location);
      expect((await t.admin.get(loc)).statusCode, loc).toBe(200);
      return res.json().id as string;
    };

    await call('GET', '/health', { token: null });
    ids.plan = await created('/api/v1/plans', {}, { title: 'Priority action plan', kind: 'priority-action-plan', localArea: 'Wolverhampton', inspectionReportPublishedOn: '2022-10-03' });
    const plan = { planId: ids.plan };
    ids.area = await created('/api/v1/plans/{planId}/areas', plan, { number: 1, title: 'EHC plans' });
    ids.project = await created('/api/v1/plans/{planId}/projects', plan, { code: 'PR000681', name: 'Culture of Inclusion', approver: 'Deputy Director' });
    const project = { projectId: ids.project };
    ids.workstream = await created('/api/v1/projects/{projectId}/workstreams', project, { letter: 'A', title: 'Collaborative working' });
    ids.action = await created('/api/v1/plans/{planId}/actions', plan, {
      ref: '1.1',
      title: 'Review the pathway',
      areaId: ids.area,
      workstreamId: ids.workstream,
      startDate: '2022-04-01',
      dueDate: '2022-10-31',
      owner: 'Alex Owner',
      ownerEmail: 'alex.owner@example.org',
    });
    ids.action2 = await created('/api/v1/plans/{planId}/actions', plan, { ref: '1.2', title: 'Cancelled one', dueDate: '2023-03-31', status: 'cancelled' });
    ids.risk = await created('/api/v1/projects/{projectId}/risks', project, { ref: 'R1', description: 'Capacity', likelihood: 3, impact: 4 });
    ids.issue = await created('/api/v1/projects/{projectId}/issues', project, { ref: 'I1', description: 'Backlog', impactScore: 3 });
    ids.dependency = await created('/api/v1/projects/{projectId}/dependencies', project, { ref: 'D1', description: 'ICB funding', impactScore: 2, updates: [{ date: '2022-05-01', text: 'Agreed' }] });
    ids.benefit = await created('/api/v1/projects/{projectId}/benefits', project, { ref: 'B1', description: 'Fewer tribunals', kind: 'cashable', valueGbpThousands: 12.5 });
    const reportBody = { periodStart: '2022-10-01', periodEnd: '2022-10-31', overallStatus: 'at-risk', statusSummary: { tasks: { status: 'at-risk', explanation: 'Late' } } };
    ids.report = await created('/api/v1/projects/{projectId}/highlight-reports', project, reportBody);
    ids.report2 = await created('/api/v1/projects/{projectId}/highlight-reports', project, { ...reportBody, periodStart: '2022-11-01', periodEnd: '2022-11-30' });
    ids.update = await created('/api/v1/areas/{areaId}/updates', { areaId: ids.area }, { asOf: '2022-11-01', done: ['Audit'], next: ['Training'] });

    const pdf = await makePdf('Appendix', 2);
    const upload = await call('POST', '/api/v1/uploads', { raw: pdf, type: 'application/pdf', query: 'filename=appendix.pdf' });
    expect(upload.statusCode).toBe(201);
    ids.upload = upload.json().id;
    ids.meeting = await created('/api/v1/meetings', {}, {
      committee: 'Scrutiny Review Group',
      startsAt: '2022-12-13T18:00:00Z',
      items: [
        { number: 1, title: 'Minutes', section: 'procedural', document: { type: 'minutes', text: 'Resolved: agreed.' } },
        { number: 2, title: 'Appendix', document: { type: 'upload', id: ids.upload } },
        { number: 3, title: 'Exempt item', part: 2, document: { type: 'minutes', text: 'Confidential.' } },
      ],
    });
    const feed = await call('POST', '/api/v1/plans/{planId}/calendar-feeds', { params: plan, body: { name: 'Members' } });
    expect(feed.statusCode).toBe(201);
    expect((await t.admin.get(String(feed.headers.location))).statusCode).toBe(200);
    ids.feed = feed.json().id;
    const token = await call('POST', '/api/v1/tokens', { body: { name: 'Clerk', role: 'viewer' } });
    expect((await t.admin.get(String(token.headers.location))).statusCode).toBe(200);
    ids.token = token.json().id;

    // Reads of every kind, and the conditional GET.
    for (const [collection, param, item, id] of [
      ['/api/v1/plans', null, '/api/v1/plans/{id}', ids.plan],
      ['/api/v1/plans/{planId}/areas', plan, '/api/v1/areas/{id}', ids.area],
      ['/api/v1/plans/{planId}/projects', plan, '/api/v1/projects/{id}', ids.project],
      ['/api/v1/projects/{projectId}/workstreams', project, '/api/v1/workstreams/{id}', ids.workstream],
      ['/api/v1/plans/{planId}/actions', plan, '/api/v1/actions/{id}', ids.action],
      ['/api/v1/projects/{projectId}/risks', project, '/api/v1/risks/{id}', ids.risk],
      ['/api/v1/projects/{projectId}/issues', project, '/api/v1/issues/{id}', ids.issue],
      ['/api/v1/projects/{projectId}/dependencies', project, '/api/v1/dependencies/{id}', ids.dependency],
      ['/api/v1/projects/{projectId}/benefits', project, '/api/v1/benefits/{id}', ids.benefit],
      ['/api/v1/projects/{projectId}/highlight-reports', project, '/api/v1/highlight-reports/{id}', ids.report],
      ['/api/v1/areas/{areaId}/updates', { areaId: ids.area }, '/api/v1/updates/{id}', ids.update],
      ['/api/v1/meetings', null, '/api/v1/meetings/{id}', ids.meeting],
    ] as [string, Record<string, string> | null, string, string][]) {
      expect((await call('GET', collection, { params: param ?? {}, query: 'limit=1' })).statusCode).toBe(200);
      const one = await call('GET', item, { params: { id } });
      expect(one.statusCode).toBe(200);
      expect((await call('GET', item, { params: { id }, headers: { 'if-none-match': String(one.headers.etag) } })).statusCode).toBe(304);
      expect((await call('PATCH', item, { params: { id }, body: {}, headers: { 'if-match': 'W/"1"' } })).statusCode).toBe(412);
      expect((await call('PUT', item, { params: { id }, body: {} })).statusCode).toBe(405);
    }
    await call('GET', '/api/v1/plans/{planId}/actions', { params: plan, query: 'behindSchedule=true&asOf=2022-11-18&rag=off-target' });
    await call('GET', '/api/v1/plans/{planId}/actions', { params: plan, query: 'behindSchedule=maybe' });
    await call('PATCH', '/api/v1/actions/{id}', { params: { id: ids.action }, body: { percentComplete: 40, ragOverride: null }, headers: { 'if-match': '"1"' } });
    await call('PATCH', '/api/v1/actions/{id}', { params: { id: ids.action }, body: { percentComplete: 50 }, headers: { 'if-match': '"1"' } });
    await call('PATCH', '/api/v1/actions/{id}', { params: { id: ids.action }, body: { nope: 1 } });
    await call('GET', '/api/v1/actions/{id}', { params: { id: 'act_doesnotexist' } });
    await call('GET', '/api/v1/actions/{id}', { params: { id: ids.action }, token: null });
    await call('GET', '/api/v1/actions/{id}', { params: { id: ids.action }, token: 'spt_not-a-token' });
    await call('POST', '/api/v1/plans/{planId}/actions', { params: plan, raw: 'ref=1', type: 'text/plain' });
    await call('POST', '/api/v1/plans/{planId}/actions', { params: plan, body: { ref: '1.1', title: 'Duplicate', dueDate: '2023-01-01' } });
    await call('GET', '/api/v1/actions/{id}/history', { params: { id: ids.action } });
    await call('GET', '/api/v1/audit', { query: 'resourceType=action&limit=5' });

    // Documents (real Chromium renders), publication and the published PDF.
    await call('GET', '/api/v1/highlight-reports/{id}/html', { params: { id: ids.report } });
    await call('GET', '/api/v1/highlight-reports/{id}/pdf', { params: { id: ids.report2 }, query: 'download=true' });
    // The project has an approver: submitted by one token, approved by another, then published.
    const approver = await call('POST', '/api/v1/tokens', { body: { name: 'Deputy Director', role: 'editor' } });
    expect((await call('POST', '/api/v1/highlight-reports/{id}/submit', { params: { id: ids.report }, headers: { 'if-match': '"1"' } })).statusCode).toBe(200);
    expect((await call('POST', '/api/v1/highlight-reports/{id}/approve', { params: { id: ids.report }, token: approver.json().token })).statusCode).toBe(200);
    const published = await call('POST', '/api/v1/highlight-reports/{id}/publish', { params: { id: ids.report }, headers: { 'if-match': '"3"' } });
    expect(published.statusCode).toBe(200);
    const frozen = await call('GET', '/api/v1/highlight-reports/{id}/pdf', { params: { id: ids.report } });
    expect(frozen.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    await call('GET', '/api/v1/highlight-reports/{id}/pdf', { params: { id: ids.report }, headers: { 'if-none-match': String(frozen.headers.etag) } });
    await call('PATCH', '/api/v1/highlight-reports/{id}', { params: { id: ids.report }, body: { summary: 'x' } });
    await call('GET', '/api/v1/highlight-reports/{id}', { params: { id: ids.report2 } });
    await call('GET', '/api/v1/plans/{planId}/progress-report/html', { params: plan, query: 'asOf=2022-11-18' });
    await call('GET', '/api/v1/plans/{planId}/progress-report/pdf', { params: plan, query: 'asOf=2022-11-18' });
    await call('GET', '/api/v1/meetings/{id}/pack', { params: { id: ids.meeting } });
    await call('GET', '/api/v1/meetings/{id}/pack/pdf', { params: { id: ids.meeting } });
    await call('GET', '/api/v1/meetings/{id}/exempt-pack', { params: { id: ids.meeting } });
    const exempt = await call('GET', '/api/v1/meetings/{id}/exempt-pack/pdf', { params: { id: ids.meeting } });
    expect(exempt.headers['cache-control']).toBe('no-store');
    await call('GET', '/api/v1/uploads/{id}', { params: { id: ids.upload } });
    await call('GET', '/api/v1/uploads/{id}/pdf', { params: { id: ids.upload } });
    await call('POST', '/api/v1/uploads', { raw: 'not a pdf', type: 'application/pdf' });

    // Public pages (no token).
    await call('GET', '/meetings/{id}', { params: { id: ids.meeting }, token: null });
    await call('GET', '/meetings/{id}/pack.pdf', { params: { id: ids.meeting }, token: null });
    await call('GET', '/meetings/{id}/items/{number}', { params: { id: ids.meeting, number: 2 }, token: null });
    await call('GET', '/meetings/{id}/items/{number}', { params: { id: ids.meeting, number: 9 }, token: null });
    const secretUrl = feed.json().url as string;
    await call('GET', '/calendars/{file}', { params: { file: secretUrl.split('/').pop()! }, token: null });

    // Spreadsheets and calendars.
    await call('GET', '/api/v1/spreadsheet-template.xlsx', { query: 'sheets=actions' });
    await call('GET', '/api/v1/plans/{planId}/export.xlsx', { params: plan });
    await call('GET', '/api/v1/plans/{planId}/export.csv', { params: plan, query: 'sheet=actions' });
    await call('GET', '/api/v1/plans/{planId}/calendar.ics', { params: plan });
    await call('POST', '/api/v1/plans/{planId}/import', { params: plan, raw: 'Ref,Title,Due\r\n1.3,Imported,31/03/2023\r\n', type: 'text/csv', query: 'sheet=actions&dryRun=true' });
    await call('POST', '/api/v1/plans/{planId}/import', { params: plan, raw: 'Ref,Title,Due\r\n1.3,x,30/02/2023\r\n', type: 'text/csv', query: 'sheet=actions' });
    const job = await call('POST', '/api/v1/plans/{planId}/import', { params: plan, raw: 'Ref,Title,Due\r\n1.4,Job,31/03/2023\r\n', type: 'text/csv', query: 'sheet=actions', headers: { prefer: 'respond-async' } });
    expect(job.statusCode).toBe(202);
    await call('GET', '/api/v1/import-jobs/{id}', { params: { id: job.json().id } });
    await call('GET', '/api/v1/plans/{planId}/calendar-feeds', { params: plan });
    await call('GET', '/api/v1/calendar-feeds/{id}', { params: { id: ids.feed } });
    await call('GET', '/api/v1/tokens', {});
    await call('GET', '/api/v1/tokens/{id}', { params: { id: ids.token } });

    // Approval: a submitted report returned to draft with a note.
    await call('POST', '/api/v1/highlight-reports/{id}/submit', { params: { id: ids.report2 } });
    expect((await call('POST', '/api/v1/highlight-reports/{id}/return', { params: { id: ids.report2 }, body: { note: 'Add the costs' } })).statusCode).toBe(200);
    expect((await call('PATCH', '/api/v1/highlight-reports/{id}', { params: { id: ids.report2 }, body: { costs: { spendToDate: 10, forecastSpend: 20, budget: 30 } } })).statusCode).toBe(200);

    // The monthly update round: opened at once (opensOn is today), one email to the action's owner.
    const round = await call('POST', '/api/v1/plans/{planId}/update-rounds', {
      params: plan,
      body: { title: 'November 2022 update', opensOn: '2022-11-18', dueOn: '2022-11-25', escalateTo: { name: 'Sam Senior', email: 'sam@example.org' } },
    });
    expect(round.statusCode, round.body).toBe(201);
    expect((await t.admin.get(String(round.headers.location))).statusCode).toBe(200);
    ids.round = round.json().id;
    ids.request = round.json().requests[0].id;
    await call('GET', '/api/v1/plans/{planId}/update-rounds', { params: plan });
    const roundRes = await call('GET', '/api/v1/update-rounds/{id}', { params: { id: ids.round } });
    await call('GET', '/api/v1/update-rounds/{id}', { params: { id: ids.round }, headers: { 'if-none-match': String(roundRes.headers.etag) } });
    await call('POST', '/api/v1/update-rounds/{id}/remind', { params: { id: ids.round } });
    const secret = await secretFromOutbox();
    expect((await call('GET', '/update/{secret}', { params: { secret }, token: null })).statusCode).toBe(200);
    await call('GET', '/update/{secret}', { params: { secret: 'A'.repeat(43) }, token: null });
    const owner = (fields: Record<string, string>) =>
      call('POST', '/update/{secret}', { params: { secret }, raw: new URLSearchParams(fields).toString(), type: 'application/x-www-form-urlencoded', token: null });
    expect((await owner({ [`${ids.action}.percentComplete`]: '150', [`${ids.action}.status`]: 'in-progress' })).statusCode).toBe(400);
    const submission = { [`${ids.action}.percentComplete`]: '60', [`${ids.action}.status`]: 'in-progress', [`${ids.action}.comment`]: 'Audit done.' };
    expect((await owner(submission)).statusCode).toBe(303);
    await call('GET', '/api/v1/update-requests/{id}', { params: { id: ids.request } });
    expect((await call('POST', '/api/v1/update-requests/{id}/return', { params: { id: ids.request }, body: { note: 'Say what the audit found' } })).statusCode).toBe(200);
    expect((await owner(submission)).statusCode).toBe(303);
    expect((await call('POST', '/api/v1/update-requests/{id}/accept', { params: { id: ids.request } })).statusCode).toBe(200);
    await call('POST', '/api/v1/update-requests/{id}/accept', { params: { id: ids.request } });
    // A post after the submission changes nothing: the page says the update was sent.
    expect((await owner(submission)).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/actions/{id}/comments', { params: { id: ids.action } })).json()).toHaveLength(1);
    await call('PATCH', '/api/v1/update-rounds/{id}', { params: { id: ids.round }, body: { state: 'closed' }, headers: { 'if-match': `"${(await t.admin.get(`/api/v1/update-rounds/${ids.round}`)).json().version}"` } });

    // Measures and their values, the starter definitions.
    ids.measure = await created('/api/v1/plans/{planId}/measures', plan, {
      ref: 'M1.1',
      title: 'EHC plans issued within 20 weeks',
      definition: 'New EHC plans issued within 20 weeks, excluding exceptions, as a share of all issued.',
      unit: '%',
      direction: 'higher-is-better',
      frequency: 'monthly',
      areaIds: [ids.area],
      actionIds: [ids.action],
      baseline: { value: 40, period: '2022-03-31' },
      target: { value: 80, by: '2023-03-31' },
      tolerance: 5,
      comparators: [{ name: 'England', value: 50.7, period: '2021-12-31' }],
    });
    ids.value = await created('/api/v1/measures/{id}/values', { id: ids.measure }, { period: '2022-09-30', value: 55 });
    ids.value2 = await created('/api/v1/measures/{id}/values', { id: ids.measure }, { period: '2022-10-31', value: 58, note: 'Provisional' });
    await call('POST', '/api/v1/measures/{id}/values', { params: { id: ids.measure }, body: { period: '2022-10-31', value: 1 } });
    await call('GET', '/api/v1/plans/{planId}/measures', { params: plan });
    await call('GET', '/api/v1/measures/{id}', { params: { id: ids.measure } });
    await call('PATCH', '/api/v1/measures/{id}', { params: { id: ids.measure }, body: { definition: 'Issued within 20 weeks, all plans.' } });
    await call('GET', '/api/v1/measures/{id}/values', { params: { id: ids.measure } });
    await call('GET', '/api/v1/measure-values/{id}', { params: { id: ids.value } });
    await call('PATCH', '/api/v1/measure-values/{id}', { params: { id: ids.value }, body: { value: 56 } });
    await call('GET', '/api/v1/measure-definitions', { query: 'frequency=monthly' });

    // Evidence (a CSV file and a link), the information request, readiness, the impact report and the bundle.
    const csv = await call('POST', '/api/v1/uploads', { raw: 'Month,Issued within 20 weeks\r\n2022-10,58\r\n', type: 'text/csv', query: 'filename=timeliness.csv' });
    expect(csv.statusCode, csv.body).toBe(201);
    ids.csv = csv.json().id;
    await call('GET', '/api/v1/uploads/{id}/file', { params: { id: ids.csv } });
    ids.evidence = await created('/api/v1/plans/{planId}/evidence', plan, {
      title: 'Timeliness figures',
      kind: 'impact',
      asOf: '2022-10-31',
      uploadId: ids.csv,
      areaIds: [ids.area],
      actionIds: [ids.action],
      measureIds: [ids.measure],
      requestItems: ['1.1'],
    });
    ids.evidence2 = await created('/api/v1/plans/{planId}/evidence', plan, { title: 'Parent forum survey', kind: 'voice', asOf: '2022-11-01', url: 'https://example.org/survey', areaIds: [ids.area] });
    await call('GET', '/api/v1/plans/{planId}/evidence', { params: plan, query: `areaId=${ids.area}&kind=impact` });
    await call('GET', '/api/v1/evidence/{id}', { params: { id: ids.evidence } });
    await call('PATCH', '/api/v1/evidence/{id}', { params: { id: ids.evidence }, body: { description: 'Monthly return' } });
    await call('GET', '/api/v1/information-request', { query: 'group=1' });
    await call('GET', '/api/v1/plans/{planId}/readiness', { params: plan, query: 'asOf=2022-11-18' });
    await call('GET', '/api/v1/plans/{planId}/impact-report/html', { params: plan, query: 'asOf=2022-11-18' });
    await call('GET', '/api/v1/plans/{planId}/impact-report/pdf', { params: plan, query: 'asOf=2022-11-18' });
    const bundle = await call('GET', '/api/v1/plans/{planId}/evidence-bundle', { params: plan, query: 'asOf=2022-11-18' });
    expect(bundle.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // Reviews and what changed since a date.
    ids.review = await created('/api/v1/plans/{planId}/reviews', plan, {
      title: 'WSoA Review Meeting (MR3)',
      heldOn: '2022-11-15',
      attendees: [{ name: 'Hannah Bell', role: 'SEND adviser', organisation: 'DfE' }],
      agreedActions: [{ text: 'Share the audit tool', who: 'HB', status: 'open' }],
      nextReviewOn: '2023-03-14',
    });
    await call('GET', '/api/v1/plans/{planId}/reviews', { params: plan });
    await call('GET', '/api/v1/reviews/{id}', { params: { id: ids.review } });
    await call('PATCH', '/api/v1/reviews/{id}', { params: { id: ids.review }, body: { conclusion: 'Good progress.' } });
    await call('GET', '/api/v1/reviews/{id}/html', { params: { id: ids.review } });
    await call('GET', '/api/v1/reviews/{id}/pdf', { params: { id: ids.review } });
    await call('GET', '/api/v1/plans/{planId}/changes', { params: plan, query: 'since=2022-11-01&until=2022-11-18' });

    // Refusals of the new routes, each a documented problem (or, for the owner's link, page).
    expect((await call('POST', '/api/v1/highlight-reports/{id}/approve', { params: { id: ids.report2 }, token: approver.json().token })).statusCode).toBe(409);
    expect((await call('POST', '/api/v1/update-rounds/{id}/remind', { params: { id: ids.round } })).statusCode).toBe(409);
    expect((await call('PATCH', '/api/v1/update-rounds/{id}', { params: { id: ids.round }, body: { message: 'Too late' } })).statusCode).toBe(409);
    expect((await call('GET', '/update/{secret}', { params: { secret }, token: null })).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/reviews/{id}', { params: { id: 'rvw_doesnotexist' } })).statusCode).toBe(404);
    expect((await call('POST', '/api/v1/plans/{planId}/reviews', { params: plan, body: { title: 'x', heldOn: '2022-11-15' }, token: token.json().token })).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/plans/{planId}/evidence', { params: plan, body: { title: 'x', kind: 'impact', asOf: '2022-10-01', url: 'javascript:alert(1)' } })).statusCode).toBe(400);
    expect((await call('POST', '/api/v1/measures/{id}/values', { params: { id: ids.measure }, body: { period: '2022-13-01', value: 'high' } })).statusCode).toBe(400);
    expect((await call('GET', '/api/v1/plans/{planId}/readiness', { params: plan, query: 'asOf=2022-02-30' })).statusCode).toBe(400);
    expect((await call('GET', '/api/v1/plans/{planId}/changes', { params: plan, query: 'since=yesterday' })).statusCode).toBe(400);
    expect((await call('GET', '/api/v1/plans/{planId}/evidence-bundle', { params: plan, query: 'areaId=are_doesnotexist' })).statusCode).toBe(400);
    expect((await call('GET', '/api/v1/plans/{planId}/impact-report/html', { params: { planId: 'pln_doesnotexist' } })).statusCode).toBe(404);

    // Deletes, last.
    ids.plan2 = await created('/api/v1/plans', {}, { title: 'Improvement plan', kind: 'improvement-plan', localArea: 'Leeds' });
    ids.project2 = await created('/api/v1/plans/{planId}/projects', { planId: ids.plan2 }, { code: 'PR1', name: 'Short-lived' });
    await call('DELETE', '/api/v1/calendar-feeds/{id}', { params: { id: ids.feed } });
    await call('DELETE', '/api/v1/tokens/{id}', { params: { id: ids.token } });
    for (const [item, id] of [
      ['/api/v1/reviews/{id}', ids.review],
      ['/api/v1/evidence/{id}', ids.evidence2],
      ['/api/v1/measure-values/{id}', ids.value2],
      ['/api/v1/measures/{id}', ids.measure],
      ['/api/v1/updates/{id}', ids.update],
      ['/api/v1/highlight-reports/{id}', ids.report2],
      ['/api/v1/benefits/{id}', ids.benefit],
      ['/api/v1/dependencies/{id}', ids.dependency],
      ['/api/v1/issues/{id}', ids.issue],
      ['/api/v1/risks/{id}', ids.risk],
      ['/api/v1/actions/{id}', ids.action2],
      ['/api/v1/workstreams/{id}', ids.workstream],
      ['/api/v1/meetings/{id}', ids.meeting],
      ['/api/v1/areas/{id}', ids.area],
      // A project with a published report is a record (409): a plan and project of their own are deleted.
      ['/api/v1/projects/{id}', ids.project2],
      ['/api/v1/plans/{id}', ids.plan2],
    ] as [string, string][]) {
      await call('PATCH', item, { params: { id }, body: {}, headers: { 'if-match': '"1"' } });
      expect((await call('DELETE', item, { params: { id }, headers: { 'if-match': '"99"' } })).statusCode).toBe(412);
      const gone = await call('DELETE', item, { params: { id } });
      expect(gone.statusCode, `${item}: ${gone.body}`).toBe(204);
    }

    expect(failures).toEqual([]);
    // Every operation of the document was answered successfully at least once. The owner's form post is
    // an HTML form: its success is 303 See Other (post/redirect/get), never a 2xx.
    const succeeded = (c: Checked) => c.status < 300 || (c.op === 'post /update/{secret}' && c.status === 303);
    const ok = new Set(checked.filter(succeeded).map((c) => c.op));
    const missing: string[] = [];
    for (const [path, item] of Object.entries<Json>(doc.paths)) for (const method of Object.keys(item)) if (!ok.has(`${method} ${path}`)) missing.push(`${method} ${path}`);
    expect(missing).toEqual([]);
    // And the statuses beyond success were seen too: 304, 400, 401, 404, 405, 409, 412, 415.
    for (const s of [304, 400, 401, 404, 405, 409, 412, 415]) expect(checked.some((c) => c.status === s), String(s)).toBe(true);
  });
});
