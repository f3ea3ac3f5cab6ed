// The impact report as real PDF (Chromium, pdftotext) and HTML: per area what is different, each measure's
// chart with RAG and figures as text, a changed definition noted, evidence by kind, then the gaps.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type TestApp } from '../helpers/app.js';
import { flat, pageCount, pdfText } from '../helpers/pdf.js';

let t: TestApp;
let planId: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = t.admin;
  planId = (await a.post('/api/v1/plans', { title: 'Wolverhampton WSoA', kind: 'wsoa', localArea: 'Wolverhampton', principalAuthority: 'City of Wolverhampton Council' })).json().id;
  const area1 = (await a.post(`/api/v1/plans/${planId}/areas`, { number: 1, title: 'Co-production with parents <b>and</b> carers' })).json().id;
  const area2 = (await a.post(`/api/v1/plans/${planId}/areas`, { number: 2, title: 'EHC plan timeliness and quality' })).json().id;
  const m = (
    await a.post(`/api/v1/plans/${planId}/measures`, {
      ref: 'M2.1',
      title: 'EHC plans issued within 20 weeks (excluding exceptions)',
      definition: 'Monthly: final EHC plans issued in the month within 20 weeks, excluding exceptions.',
      unit: '%',
      direction: 'higher-is-better',
      areaIds: [area2],
      baseline: { value: 31, period: '2022-01-31' },
      milestones: [{ by: '2022-07-31', value: 50 }],
      target: { value: 80, by: '2023-03-31' },
      tolerance: 5,
      comparators: [{ name: 'England average', value: 59.9, period: '2021-12-31' }],
    })
  ).json();
  for (const [period, value] of [['2022-03-31', 35], ['2022-06-30', 44], ['2022-09-30', 58], ['2022-10-31', 61], ['2022-12-31', 99]] as const) {
    await a.post(`/api/v1/measures/${m.id}/values`, { period, value, note: period === '2022-10-31' ? 'cumulative from now on' : undefined });
  }
  await a.patch(`/api/v1/measures/${m.id}`, { definition: 'Cumulative since April: final EHC plans issued within 20 weeks, excluding exceptions.' });
  await a.post(`/api/v1/plans/${planId}/measures`, { ref: 'M9', title: 'Plan-wide measure without values', definition: 'd', unit: 'days', direction: 'lower-is-better' });
  const ev = async (b: Record<string, unknown>) => (await a.post(`/api/v1/plans/${planId}/evidence`, { url: 'https://example.org/e', ...b })).json().id as string;
  const impact = await ev({ title: 'Tribunal appeals halved', kind: 'impact', asOf: '2022-10-01', areaIds: [area2], requestItems: ['2.4'], description: 'Appeals fell from 40 to 20.' });
  await ev({ title: 'V4P survey: parents feel listened to', kind: 'voice', asOf: '2022-09-01', areaIds: [area1, area2], requestItems: ['2.1'] });
  await ev({ title: 'EHCP quality assurance framework launched', kind: 'activity', asOf: '2022-07-01', areaIds: [area2], requestItems: ['2.2'] });
  await ev({ title: 'Future evidence', kind: 'impact', asOf: '2023-01-01', areaIds: [area2], requestItems: ['6.4'] });
  await a.post(`/api/v1/areas/${area2}/updates`, { asOf: '2022-10-31', evidenceOfImpact: '61% of plans now issued within 20 weeks, up from 31% in January.', evidenceIds: [impact] });
});
afterAll(() => t.close());

describe('impact report', () => {
  it('prints per area what is different, measures with RAG and figures, evidence by kind, then gaps', async () => {
    const res = await t.admin.get(`/api/v1/plans/${planId}/impact-report/pdf?asOf=2022-11-18`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    writeFileSync('/tmp/impact-report-test.pdf', pdf);
    const text = flat(pdfText(pdf));
    expect(text).toContain('What is different? Impact report');
    expect(text).toContain('Area 1: Co-production with parents <b>and</b> carers');
    expect(text).toContain('61% of plans now issued within 20 weeks, up from 31% in January.');
    expect(text).toContain('Shown by: Tribunal appeals halved (impact, 01/10/2022)');
    expect(text).toContain('M2.1 EHC plans issued within 20 weeks (excluding exceptions)');
    // Latest on or before the report date is October's 61%; the trajectory expects 61.4% then (within 5).
    expect(text).toContain('At Risk Latest 61% (31/10/2022) · expected 61.4% · target 80% by 31/03/2023 · Improving');
    expect(text).toContain('The definition changed on 18/11/2022 (before then: “Monthly: final EHC plans issued in the month within 20 weeks, excluding exceptions.”)');
    expect(text).toContain('England average 59.9% (31/12/2021)');
    expect(text).toContain('31/10/2022 61% 61.4%');
    expect(text).toContain('cumulative from now on');
    expect(text).not.toContain('99%');
    expect(text).toContain('Tribunal appeals halved');
    expect(text).toContain('V4P survey: parents feel listened to');
    expect(text).not.toContain('EHCP quality assurance framework launched'); // activity: counted, not listed
    expect(text).not.toContain('Future evidence');
    expect(text).toContain('Measures not linked to an area');
    expect(text).toContain('Information request items with no evidence');
    expect(text).toContain('6.4 Monitoring and oversight information');
    expect(text).not.toMatch(/\b2\.1 Engagement plans and impact\b/);
    expect(pageCount(pdf)).toBeLessThan(10);
  });

  it('HTML: an accessible SVG chart (role img, title, desc with the figures), no script', async () => {
    const res = await t.admin.get(`/api/v1/plans/${planId}/impact-report/html?asOf=2022-11-18`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toMatch(/<svg class="mchart-svg" role="img" aria-labelledby="chart-m\d+-title chart-m\d+-desc"/);
    expect(html).toContain('<title id="chart-m1-title">M2.1 EHC plans issued within 20 weeks (excluding exceptions): chart</title>');
    expect(html).toMatch(/<desc id="chart-m1-desc">4 values from 31\/03\/2022 \(35%\) to 31\/10\/2022 \(61%\)\. Trajectory from the baseline of 31% \(31\/01\/2022\) through 1 milestone to the target of 80% by 31\/03\/2023\./);
    expect(html).toContain('&lt;b&gt;and&lt;/b&gt;');
    expect(html).not.toMatch(/<script/i);
    problem(await t.admin.get('/api/v1/plans/pln_missing/impact-report/html'), 404);
    problem(await t.admin.get(`/api/v1/plans/${planId}/impact-report/pdf?asOf=2022-02-30`), 400);
  });
});

describe('progress report', () => {
  it('shows each area’s measures with their chart, RAG and figures', async () => {
    const res = await t.admin.get(`/api/v1/plans/${planId}/progress-report/pdf?asOf=2022-11-18`);
    expect(res.statusCode).toBe(200);
    writeFileSync('/tmp/progress-report-measures-test.pdf', res.rawPayload);
    const text = flat(pdfText(res.rawPayload));
    const area2 = text.slice(text.indexOf('Area 2: EHC plan timeliness and quality'));
    expect(area2).toContain('M2.1 EHC plans issued within 20 weeks (excluding exceptions)');
    expect(area2).toContain('At Risk Latest 61% (31/10/2022) · expected 61.4% · target 80% by 31/03/2023');
    expect(area2).toContain('The definition changed on 18/11/2022');
    const html = (await t.admin.get(`/api/v1/plans/${planId}/progress-report/html?asOf=2022-11-18`)).body;
    expect(html).toMatch(/<svg class="mchart-svg" role="img" aria-labelledby="chart-pr2-1-title chart-pr2-1-desc"/);
  });
});

describe('highlight report', () => {
  it('shows the project’s measures as of the report date', async () => {
    const projectId = (await t.admin.post(`/api/v1/plans/${planId}/projects`, { code: 'PR000681', name: 'Culture of Inclusion' })).json().id;
    const m = (
      await t.admin.post(`/api/v1/plans/${planId}/measures`, {
        ref: 'P1',
        title: 'Schools using the graduated response toolkit',
        definition: 'Schools reporting use of the toolkit in the SENCO survey, as a percentage of schools.',
        unit: '%',
        direction: 'higher-is-better',
        projectId,
        baseline: { value: 20, period: '2022-04-30' },
        target: { value: 80, by: '2023-03-31' },
      })
    ).json();
    await t.admin.post(`/api/v1/measures/${m.id}/values`, { period: '2022-10-31', value: 45 });
    await t.admin.post(`/api/v1/measures/${m.id}/values`, { period: '2022-12-31', value: 70 });
    const report = (await t.admin.post(`/api/v1/projects/${projectId}/highlight-reports`, { periodStart: '2022-10-24', periodEnd: '2022-11-20', overallStatus: 'on-target' })).json();
    const res = await t.admin.get(`/api/v1/highlight-reports/${report.id}/pdf`);
    expect(res.statusCode).toBe(200);
    writeFileSync('/tmp/highlight-report-measures-test.pdf', res.rawPayload);
    const text = flat(pdfText(res.rawPayload));
    expect(text).toContain('P1 Schools using the graduated response toolkit');
    expect(text).toContain('Latest 45% (31/10/2022)');
    expect(text).not.toContain('70%');
  });
});
