// Measures in "what changed" and in reviews, over history built through the API on simulated dates:
// changes.measures.moved (values as recorded at the end of since and until), a review's areas[].measures
// (values by period on or before heldOn), and the review note, the meeting's changes page and the
// highlight report's "Changes since the last report" printing them (read back with pdftotext).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ok, type TestApp } from '../helpers/app.js';
import { flat, pdfText } from '../helpers/pdf.js';

let t: TestApp;
let clock = new Date('2022-06-01T09:00:00Z');
const on = (iso: string) => (clock = new Date(iso));
const ids: Record<string, string> = {};
const values: Record<string, string> = {};

const keep = (name: string, pdf: Buffer) => {
  if (process.env.KEEP_PDF) writeFileSync(join(process.env.KEEP_PDF, name), pdf);
};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  const c = t.admin;
  const plan = await ok(await c.post('/api/v1/plans', { title: 'Wolverhampton SEND Written Statement of Action', kind: 'wsoa', localArea: 'Wolverhampton' }), 201);
  ids.plan = plan.id;
  const area = async (number: number, title: string) => (await ok(await c.post(`/api/v1/plans/${plan.id}/areas`, { number, title }), 201)).id;
  ids.area2 = await area(2, 'EHC plans and the statutory process');
  ids.area3 = await area(3, 'Joint commissioning');
  ids.area4 = await area(4, 'Health outcomes for young people');
  ids.project = (await ok(await c.post(`/api/v1/plans/${plan.id}/projects`, { code: 'PR000681', name: 'EHC timeliness' }), 201)).id;
  const measure = async (key: string, body: Record<string, unknown>) =>
    (ids[key] = (await ok(await c.post(`/api/v1/plans/${plan.id}/measures`, { definition: 'As defined in the SEN2 return.', direction: 'higher-is-better', ...body }), 201)).id);
  const value = async (key: string, measureKey: string, period: string, v: number) =>
    (values[key] = (await ok(await c.post(`/api/v1/measures/${ids[measureKey]}/values`, { period, value: v }), 201)).id);

  // 1 June: the measures, and May's figure for 20-week timeliness.
  await measure('M2.1', {
    ref: 'M2.1',
    title: 'EHC plans issued within 20 weeks',
    unit: '%',
    areaIds: [ids.area2],
    projectId: ids.project,
    baseline: { value: 30, period: '2022-03-31' },
    target: { value: 60, by: '2023-03-31' },
    tolerance: 5,
  });
  await measure('M2.2', { ref: 'M2.2', title: 'Average days to return health advice', unit: 'days', direction: 'lower-is-better', areaIds: [ids.area2] });
  await measure('M4.1', { ref: 'M4.1', title: '14–25 year olds with an annual health check', unit: '%', areaIds: [ids.area4], baseline: { value: 50, period: '2022-03-31' }, target: { value: 56, by: '2023-03-31' } });
  await measure('M4.2', {
    ref: 'M4.2',
    title: 'Suspensions of pupils with EHC plans',
    unit: 'per 100 pupils',
    direction: 'lower-is-better',
    areaIds: [ids.area4],
    baseline: { value: 10, period: '2022-03-31' },
    target: { value: 6, by: '2023-03-31' },
    tolerance: 0.5,
  });
  await measure('M4.3', { ref: 'M4.3', title: 'A measure deleted later', unit: '%', areaIds: [ids.area4] });
  await value('m21may', 'M2.1', '2022-05-31', 35);
  await value('m42apr', 'M4.2', '2022-04-30', 9.8);
  await value('m43may', 'M4.3', '2022-05-31', 10);

  // 10 August: July's and June's figures.
  on('2022-08-10T09:00:00Z');
  await value('m21jul', 'M2.1', '2022-07-31', 40);
  await value('m41jun', 'M4.1', '2022-06-30', 52);
  await value('m22jul', 'M2.2', '2022-07-31', 40);
  // The September highlight report is published (the project's "last report").
  on('2022-09-30T15:00:00Z');
  ids.september = (await ok(await c.post(`/api/v1/projects/${ids.project}/highlight-reports`, { periodStart: '2022-09-01', periodEnd: '2022-09-30', reportDate: '2022-09-30', overallStatus: 'on-target' }), 201)).id;
  await ok(await c.post(`/api/v1/highlight-reports/${ids.september}/publish`));

  // Late on 30 September in London (22:30 UTC = 23:30 BST): still recorded on the since day.
  on('2022-09-30T22:30:00Z');
  await value('m21sep', 'M2.1', '2022-09-30', 44);
  // 12 October: September's health-check figure arrives late (recorded after since, for a period before it).
  on('2022-10-12T09:00:00Z');
  await value('m41sep', 'M4.1', '2022-09-30', 55);
  // 20 October: October's timeliness falls; July's advice figure is corrected.
  on('2022-10-20T09:00:00Z');
  await value('m21oct', 'M2.1', '2022-10-31', 41);
  await ok(await c.patch(`/api/v1/measure-values/${values.m22jul}`, { value: 38, note: 'Corrected: two returns counted twice' }));
  await value('m43oct', 'M4.3', '2022-10-31', 20);
  // 25 October: a new measure with its first figure.
  on('2022-10-25T09:00:00Z');
  await measure('M2.3', { ref: 'M2.3', title: 'Parent carers rating their experience good or better', unit: '%', areaIds: [ids.area2] });
  await value('m23', 'M2.3', '2022-10-01', 62);
  // 1 November: M4.3 is deleted.
  on('2022-11-01T09:00:00Z');
  expect((await c.delete(`/api/v1/measures/${ids['M4.3']}`)).statusCode).toBe(204);
  // The review of 7 November, and the committee's meeting on 18 November with a changes page since 30 September.
  on('2022-11-02T09:00:00Z');
  ids.review = (await ok(await c.post(`/api/v1/plans/${plan.id}/reviews`, { title: 'WSoA Review Meeting (MR3)', heldOn: '2022-11-07' }), 201)).id;
  ids.meeting = (
    await ok(
      await c.post('/api/v1/meetings', {
        committee: 'SEND Written Statement of Action - Cross Party Scrutiny Review Group',
        startsAt: '2022-11-18T17:00:00Z',
        items: [{ number: 1, title: 'What changed since 30 September', document: { type: 'changes', planId: plan.id, since: '2022-09-30' } }],
      }),
      201,
    )
  ).id;
  // 15 November: a figure for after the review day; 19 November: one after until.
  on('2022-11-15T09:00:00Z');
  await value('m21nov', 'M2.1', '2022-11-15', 47);
  on('2022-11-19T09:00:00Z');
  await value('m41nov', 'M4.1', '2022-11-18', 60);
  on('2022-11-18T12:00:00Z');
  ids.october = (await ok(await c.post(`/api/v1/projects/${ids.project}/highlight-reports`, { periodStart: '2022-10-01', periodEnd: '2022-11-18', reportDate: '2022-11-18', overallStatus: 'at-risk' }), 201)).id;
});
afterAll(() => t.close());

describe('changes.measures.moved', () => {
  it('compares the latest values as recorded at the end of since and of until, with the RAG at until', async () => {
    const body = await ok(await t.admin.get(`/api/v1/plans/${ids.plan}/changes?since=2022-09-30&until=2022-11-14`));
    expect(body.measures).toEqual({
      moved: [
        // 44% recorded late on 30 September; 41% for October. Expected on 31/10/2022: 30 + 30 × 214/365 ≈ 47.59, worse by > 5.
        { id: ids['M2.1'], ref: 'M2.1', title: 'EHC plans issued within 20 weeks', unit: '%', from: 44, to: 41, fromPeriod: '2022-09-30', toPeriod: '2022-10-31', rag: 'off-target' },
        // The same period, corrected after since: what was recorded then, and now. No trajectory: no RAG.
        { id: ids['M2.2'], ref: 'M2.2', title: 'Average days to return health advice', unit: 'days', from: 40, to: 38, fromPeriod: '2022-07-31', toPeriod: '2022-07-31', rag: null },
        // Created after since.
        { id: ids['M2.3'], ref: 'M2.3', title: 'Parent carers rating their experience good or better', unit: '%', from: null, to: 62, fromPeriod: null, toPeriod: '2022-10-01', rag: null },
        // September's figure was recorded on 12 October: not known at the end of 30 September. Expected ≈ 53.01: on target.
        { id: ids['M4.1'], ref: 'M4.1', title: '14–25 year olds with an annual health check', unit: '%', from: 52, to: 55, fromPeriod: '2022-06-30', toPeriod: '2022-09-30', rag: 'on-target' },
      ],
    });
  });

  it('until defaults to today; values recorded after it (or for periods after it) are left out', async () => {
    const body = await ok(await t.admin.get(`/api/v1/plans/${ids.plan}/changes?since=2022-09-30`));
    expect(body.until).toBe('2022-11-18');
    const m21 = body.measures.moved.find((m: { ref: string }) => m.ref === 'M2.1');
    // 47% for 15 November (recorded that day); expected 30 + 30 × 229/365 ≈ 48.82, worse by ≈ 1.82: at risk.
    expect(m21).toMatchObject({ from: 44, to: 47, toPeriod: '2022-11-15', rag: 'at-risk' });
    expect(body.measures.moved.find((m: { ref: string }) => m.ref === 'M4.1')).toMatchObject({ from: 52, to: 55 });
    expect(body.measures.moved.map((m: { ref: string }) => m.ref)).toEqual(['M2.1', 'M2.2', 'M2.3', 'M4.1']);
  });

  it('nothing moved inside a quiet period', async () => {
    const body = await ok(await t.admin.get(`/api/v1/plans/${ids.plan}/changes?since=2022-08-11&until=2022-09-29`));
    expect(body.measures).toEqual({ moved: [] });
  });
});

describe('a review’s areas[].measures', () => {
  it('lists each area’s measures with the latest value on or before heldOn and its RAG', async () => {
    const review = await ok(await t.admin.get(`/api/v1/reviews/${ids.review}`));
    expect(review.areas.map((a: { number: number; measures: unknown[] }) => [a.number, a.measures])).toEqual([
      [
        2,
        [
          // The 15 November value is after the review day.
          { id: ids['M2.1'], ref: 'M2.1', title: 'EHC plans issued within 20 weeks', unit: '%', latest: 41, period: '2022-10-31', rag: 'off-target' },
          { id: ids['M2.2'], ref: 'M2.2', title: 'Average days to return health advice', unit: 'days', latest: 38, period: '2022-07-31', rag: null },
          { id: ids['M2.3'], ref: 'M2.3', title: 'Parent carers rating their experience good or better', unit: '%', latest: 62, period: '2022-10-01', rag: null },
        ],
      ],
      [3, []],
      [
        4,
        [
          { id: ids['M4.1'], ref: 'M4.1', title: '14–25 year olds with an annual health check', unit: '%', latest: 55, period: '2022-09-30', rag: 'on-target' },
          // Lower is better: expected on 30/04/2022 ≈ 9.67; 9.8 is worse by ≈ 0.13, within 0.5.
          { id: ids['M4.2'], ref: 'M4.2', title: 'Suspensions of pupils with EHC plans', unit: 'per 100 pupils', latest: 9.8, period: '2022-04-30', rag: 'at-risk' },
        ],
      ],
    ]);
  });
});

describe('documents', () => {
  it('the review note lists each area’s measures with the latest value, its period and the RAG', async () => {
    const res = await t.admin.get(`/api/v1/reviews/${ids.review}/pdf`);
    expect(res.statusCode).toBe(200);
    keep('review-measures.pdf', res.rawPayload);
    // Laid out as the page shows it: a row's cells on one line, the period under the figure.
    const text = pdfText(res.rawPayload, { layout: true });
    expect(text).toMatch(/M2\.1\s+EHC plans issued within 20 weeks\s+41%\s+Off Target\s+at 31\/10\/2022/);
    expect(text).toMatch(/M2\.2\s+Average days to return health advice\s+38 days\s+No trajectory\s+at 31\/07\/2022/);
    expect(text).toMatch(/M4\.1\s+14–25 year olds with an annual health check\s+55%\s+On Target\s+at 30\/09\/2022/);
    expect(text).toMatch(/M4\.2\s+Suspensions of pupils with EHC plans\s+9\.8 per 100 pupils\s+At Risk\s+at 30\/04\/2022/);
    expect(flat(text)).toContain('Measures: the latest value on or before 07/11/2022');
    expect(text).not.toContain('A measure deleted later');
    const html = (await t.admin.get(`/api/v1/reviews/${ids.review}/html`)).body;
    expect(html).toMatch(/<td class="rag rag-off-target">Off Target<\/td>/);
    expect(html).toMatch(/<td class="rag rag-on-target">On Target<\/td>/);
  });

  it('the meeting’s changes page lists the measures that moved, from → to with the RAG', async () => {
    const res = await t.admin.get(`/api/v1/meetings/${ids.meeting}/pack/pdf`);
    expect(res.statusCode).toBe(200);
    keep('changes-measures.pdf', res.rawPayload);
    const text = pdfText(res.rawPayload, { layout: true });
    expect(flat(text)).toContain('4 measures moved Measures that moved');
    expect(text).toMatch(/M2\.1\s+EHC plans issued within 20 weeks\s+44%\s+47%\s+At Risk\s+30\/09\/2022\s+15\/11\/2022/);
    expect(text).toMatch(/M2\.2\s+Average days to return health advice\s+40 days\s+38 days\s+No trajectory\s+31\/07\/2022\s+31\/07\/2022/);
    expect(text).toMatch(/M2\.3\s+Parent carers rating their experience good or\s+–\s+62%\s+No trajectory\s+better\s+01\/10\/2022/);
    expect(text).toMatch(/M4\.1\s+14–25 year olds with an annual health check\s+52%\s+55%\s+On Target\s+30\/06\/2022\s+30\/09\/2022/);
  });

  it('the highlight report’s “Changes since the last report” lists the project’s measures that moved', async () => {
    const html = (await t.admin.get(`/api/v1/highlight-reports/${ids.october}/html`)).body;
    const i = html.indexOf('Changes since the last report');
    const section = flat(html.slice(i, html.indexOf('</section>', i)).replace(/<[^>]+>/g, ' '));
    expect(section).toContain('1 measure moved');
    expect(section).toContain('M2.1 EHC plans issued within 20 weeks 44% 30/09/2022 47% 15/11/2022 At Risk');
    // The plan's other measures are not this project's.
    expect(section).not.toContain('M4.1');
    const pdf = (await t.admin.get(`/api/v1/highlight-reports/${ids.october}/pdf`)).rawPayload;
    keep('highlight-measures.pdf', pdf);
    const text = pdfText(pdf, { layout: true });
    expect(flat(text)).toContain('Tasks, risks, issues and measures of this project');
    expect(text).toMatch(/M2\.1\s+EHC plans issued within 20 weeks\s+44%\s+47%\s+At Risk\s+30\/09\/2022\s+15\/11\/2022/);
  });
});
