// The evidence library, the information request (Annex A) and readiness through HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createTestApp, problem, type TestApp } from '../helpers/app.js';
import { docx, MEDIA } from '../helpers/files.js';

let t: TestApp;
let planId: string;
let areaId: string;
let area2Id: string;
let actionId: string;
let measureId: string;
let uploadId: string;
let foreignAreaId: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = t.admin;
  planId = (await a.post('/api/v1/plans', { title: 'WSoA', kind: 'wsoa', localArea: 'Wolverhampton' })).json().id;
  areaId = (await a.post(`/api/v1/plans/${planId}/areas`, { number: 1, title: 'Co-production' })).json().id;
  area2Id = (await a.post(`/api/v1/plans/${planId}/areas`, { number: 2, title: 'EHC plans' })).json().id;
  actionId = (await a.post(`/api/v1/plans/${planId}/actions`, { ref: '2.1', title: 'Pathway', dueDate: '2023-03-31' })).json().id;
  measureId = (await a.post(`/api/v1/plans/${planId}/measures`, { ref: 'M1', title: 'Timeliness', definition: 'd', unit: '%', direction: 'higher-is-better' })).json().id;
  const other = (await a.post('/api/v1/plans', { title: 'Other', kind: 'wsoa', localArea: 'Elsewhere' })).json().id;
  foreignAreaId = (await a.post(`/api/v1/plans/${other}/areas`, { number: 1, title: 'x' })).json().id;
  uploadId = (
    await t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': MEDIA.docx }, payload: await docx() })
  ).json().id;
});
afterAll(() => t.close());

describe('GET /information-request', () => {
  it('lists Annex A items 1.1 to 6.4 word for word, no 7.x', async () => {
    const { items } = (await t.admin.get('/api/v1/information-request')).json();
    expect(items[0]).toMatchObject({
      code: '1.1',
      title: 'Local area partnership structure',
      description:
        'The education, health and care partners involved in the local area partnership; the governance arrangements, decision-making structures, how partners work together and who is responsible for delivering what',
    });
    expect(items.at(-1)).toMatchObject({ code: '6.4', title: 'Monitoring and oversight information' });
    expect(items).toHaveLength(33);
    expect(items.map((i: { code: string }) => i.code)).not.toContain('7.1');
    expect(items.find((i: { code: string }) => i.code === '3.4').description).toBe(
      'Data about destinations after leaving school, including data about young people not in education, employment and training',
    );
    expect((await t.admin.get('/api/v1/information-request?group=5')).json().items.map((i: { code: string }) => i.code)).toEqual(['5.1', '5.2']);
  });
});

describe('evidence', () => {
  let fileItem: string;
  let linkItem: string;

  it('creates items with a file or a link, tagged to areas, actions, measures and request items', async () => {
    const res = await t.admin.post(`/api/v1/plans/${planId}/evidence`, {
      title: 'Co-production charter',
      kind: 'activity',
      asOf: '2022-06-30',
      uploadId,
      areaIds: [areaId, area2Id, areaId],
      actionIds: [actionId],
      measureIds: [measureId],
      requestItems: ['2.1', '1.4'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/evidence/${res.json().id}`);
    expect(res.json()).toMatchObject({ planId, uploadId, url: null, areaIds: [areaId, area2Id], requestItems: ['2.1', '1.4'], version: 1 });
    fileItem = res.json().id;
    // The same file serves a second item.
    const again = await t.admin.post(`/api/v1/plans/${planId}/evidence`, { title: 'Charter (area 2)', kind: 'impact', asOf: '2022-09-30', uploadId, areaIds: [area2Id], requestItems: ['2.2'] });
    expect(again.statusCode).toBe(201);
    const link = await t.admin.post(`/api/v1/plans/${planId}/evidence`, {
      title: 'Parent carer forum survey',
      kind: 'voice',
      asOf: '2022-11-01',
      url: 'https://example.org/v4p-survey-2022',
      areaIds: [areaId],
      requestItems: ['2.1'],
    });
    expect(link.statusCode).toBe(201);
    linkItem = link.json().id;
  });

  it('lists with filters areaId, kind, requestItem, from, to', async () => {
    const titles = async (q: string) => (await t.admin.get(`/api/v1/plans/${planId}/evidence?${q}`)).json().items.map((i: { title: string }) => i.title);
    expect(await titles('')).toHaveLength(3);
    expect(await titles(`areaId=${areaId}`)).toEqual(['Co-production charter', 'Parent carer forum survey']);
    expect(await titles('kind=voice')).toEqual(['Parent carer forum survey']);
    expect(await titles('requestItem=2.1')).toEqual(['Co-production charter', 'Parent carer forum survey']);
    expect(await titles('from=2022-07-01&to=2022-10-31')).toEqual(['Charter (area 2)']);
    expect(problem(await t.admin.get(`/api/v1/plans/${planId}/evidence?requestItem=9.9`), 400).errors![0]!.path).toBe('requestItem');
  });

  it('bad input → 400 naming the field; nothing written', async () => {
    const post = async (b: Record<string, unknown>) =>
      problem(await t.admin.post(`/api/v1/plans/${planId}/evidence`, { title: 'x', kind: 'impact', asOf: '2022-10-01', ...b }), 400).errors!.map((e) => e.path);
    expect(await post({ url: 'javascript:alert(1)' })).toEqual(['url']);
    expect(await post({ url: 'file:///etc/passwd' })).toEqual(['url']);
    expect(await post({ url: 'ftp://example.org/x' })).toEqual(['url']);
    expect(await post({})).toEqual(['url']);
    expect(await post({ url: 'https://example.org', uploadId })).toEqual(['url']);
    expect(await post({ uploadId: 'upl_missing' })).toEqual(['uploadId']);
    expect(await post({ url: 'https://example.org', requestItems: ['1.1', '7.1'] })).toEqual(['requestItems.1']);
    expect(await post({ url: 'https://example.org', requestItems: ['1.1', '2.1', '3.7'] })).toEqual(['requestItems.2']);
    expect(await post({ url: 'https://example.org', areaIds: [areaId, foreignAreaId] })).toEqual(['areaIds.1']);
    expect(await post({ url: 'https://example.org', measureIds: ['msr_missing'] })).toEqual(['measureIds.0']);
    expect(await post({ url: 'https://example.org', kind: 'anecdote' })).toEqual(['kind']);
    expect(await post({ url: 'https://example.org', asOf: '2022-31-12' })).toEqual(['asOf']);
    expect((await t.admin.get(`/api/v1/plans/${planId}/evidence`)).json().items).toHaveLength(3);
  });

  it('PATCH: a link replaces the file; If-Match applies; writes are audited', async () => {
    const res = await t.admin.patch(`/api/v1/evidence/${fileItem}`, { url: 'http://example.org/charter' }, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ url: 'http://example.org/charter', uploadId: null, version: 2 });
    problem(await t.admin.patch(`/api/v1/evidence/${fileItem}`, { title: 'y' }, { 'if-match': '"1"' }), 412);
    expect(problem(await t.admin.patch(`/api/v1/evidence/${fileItem}`, { url: null }), 400).errors![0]!.path).toBe('url');
    expect((await t.admin.patch(`/api/v1/evidence/${fileItem}`, { uploadId })).json()).toMatchObject({ uploadId, url: null });
    const audit = (await t.admin.get(`/api/v1/audit?resourceType=evidence&resourceId=${fileItem}`)).json();
    expect(audit.items.map((e: { operation: string }) => e.operation)).toEqual(['create', 'update', 'update']);
  });

  it('area progress updates link evidence of the same plan', async () => {
    const res = await t.admin.post(`/api/v1/areas/${areaId}/updates`, { asOf: '2022-11-01', evidenceOfImpact: 'Parents report…', evidenceIds: [linkItem, fileItem] });
    expect(res.statusCode).toBe(201);
    expect(res.json().evidenceIds).toEqual([linkItem, fileItem]);
    expect((await t.admin.post(`/api/v1/areas/${areaId}/updates`, { asOf: '2022-11-02' })).json().evidenceIds).toEqual([]);
    expect(problem(await t.admin.post(`/api/v1/areas/${areaId}/updates`, { asOf: '2022-11-01', evidenceIds: ['evd_missing'] }), 400).errors![0]!.path).toBe('evidenceIds.0');
    expect(problem(await t.admin.patch(`/api/v1/updates/${res.json().id}`, { evidenceIds: [fileItem, 'evd_x'] }), 400).errors![0]!.path).toBe('evidenceIds.1');
  });

  it('readiness: every request item with its evidence on or before asOf; the rest are gaps', async () => {
    const r = (await t.admin.get(`/api/v1/plans/${planId}/readiness?asOf=2022-10-31`)).json();
    expect(r.total).toBe(33);
    expect(r.covered).toBe(3);
    expect(r.items.find((i: { code: string }) => i.code === '2.1')).toEqual({
      code: '2.1',
      title: 'Engagement plans and impact',
      evidenceCount: 1,
      latestAsOf: '2022-06-30',
      kinds: { activity: 1, impact: 0, voice: 0 },
    });
    expect(r.items.find((i: { code: string }) => i.code === '6.4')).toMatchObject({ evidenceCount: 0, latestAsOf: null, kinds: { activity: 0, impact: 0, voice: 0 } });
    // Default today (2022-11-18): the survey of 1 November counts.
    const now = (await t.admin.get(`/api/v1/plans/${planId}/readiness`)).json();
    expect(now.items.find((i: { code: string }) => i.code === '2.1')).toMatchObject({ evidenceCount: 2, latestAsOf: '2022-11-01', kinds: { activity: 1, impact: 0, voice: 1 } });
    problem(await t.admin.get('/api/v1/plans/pln_missing/readiness'), 404);
    problem(await t.admin.get(`/api/v1/plans/${planId}/readiness?asOf=yesterday`), 400);
  });

  it('delete → 204, then 404', async () => {
    expect((await t.admin.delete(`/api/v1/evidence/${linkItem}`)).statusCode).toBe(204);
    problem(await t.admin.get(`/api/v1/evidence/${linkItem}`), 404);
  });
});
