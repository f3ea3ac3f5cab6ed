// The highlight report's "Changes since the last report", over history built through the API on simulated
// dates: live in a draft, frozen once published.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ok, type TestApp } from '../helpers/app.js';
import { flat, pdfText } from '../helpers/pdf.js';

let t: TestApp;
let clock = new Date('2022-09-01T09:00:00Z');
const on = (iso: string) => (clock = new Date(iso));
const ids: Record<string, string> = {};

const report = (periodStart: string, periodEnd: string) => ({ periodStart, periodEnd, reportDate: periodEnd, overallStatus: 'on-target' });
/** The section's text in the HTML page, tags dropped. */
const section = (html: string) => {
  const i = html.indexOf('Changes since the last report');
  const j = html.indexOf('</section>', i);
  return i < 0 ? null : flat(html.slice(i, j).replace(/<[^>]+>/g, ' ')).trim();
};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  const c = t.admin;
  const plan = await ok(await c.post('/api/v1/plans', { title: 'WSoA', kind: 'wsoa', localArea: 'Wolverhampton' }), 201);
  const project = await ok(await c.post(`/api/v1/plans/${plan.id}/projects`, { code: 'PR000681', name: 'Culture of Inclusion' }), 201);
  ids.project = project.id;
  const task = async (ref: string, title: string, dueDate: string) =>
    (ids[ref] = (await ok(await c.post(`/api/v1/plans/${plan.id}/actions`, { ref, title, projectId: project.id, dueDate, status: 'in-progress' }), 201)).id);
  await task('COI-01', 'Graduated Response document launched', '2022-10-31');
  await task('COI-02', 'EBSNA pathway developed', '2022-12-16');
  await ok(await c.post(`/api/v1/plans/${plan.id}/actions`, { ref: '2.1', title: 'Not a task of the project', dueDate: '2022-10-31' }), 201);
  ids.R1 = (await ok(await c.post(`/api/v1/projects/${project.id}/risks`, { ref: '00001', description: 'Recruitment of staff', likelihood: 2, impact: 2 }), 201)).id;
  ids.september = (await ok(await c.post(`/api/v1/projects/${project.id}/highlight-reports`, report('2022-09-01', '2022-09-30')), 201)).id;
  on('2022-09-30T15:00:00Z');
  await ok(await c.post(`/api/v1/highlight-reports/${ids.september}/publish`));

  on('2022-10-10T10:00:00Z');
  await ok(await c.patch(`/api/v1/actions/${ids['COI-01']}`, { revisedDueDate: '2022-12-16' }));
  await ok(await c.patch(`/api/v1/actions/${ids['COI-02']}`, { status: 'complete', percentComplete: 100 }));
  await task('COI-03', 'Local Offer website redeveloped', '2023-03-31');
  await ok(await c.patch(`/api/v1/risks/${ids.R1}`, { likelihood: 3 }));
  ids.R2 = (await ok(await c.post(`/api/v1/projects/${project.id}/risks`, { ref: '00002', description: 'Capita One delays', likelihood: 3, impact: 3 }), 201)).id;
  on('2022-10-21T09:00:00Z');
  ids.october = (await ok(await c.post(`/api/v1/projects/${project.id}/highlight-reports`, report('2022-10-01', '2022-10-21')), 201)).id;
});
afterAll(() => t.close());

describe('Changes since the last report', () => {
  it('the first report has no previous report and no section', async () => {
    const html = (await t.admin.get(`/api/v1/highlight-reports/${ids.september}/html`)).body;
    expect(section(html)).toBeNull();
  });

  it('a draft lists what moved in the project since the previous published report', async () => {
    const html = (await t.admin.get(`/api/v1/highlight-reports/${ids.october}/html`)).body;
    const s = section(html)!;
    expect(s).toContain('against 21/10/2022');
    expect(s).toContain('1 task re-dated 1 RAG change 1 task completed 1 task added 1 risk opened 1 risk re-scored');
    expect(s).toContain('COI-01 Graduated Response document launched 31/10/2022 16/12/2022 1 46');
    expect(s).toContain('COI-02 EBSNA pathway developed On Target Complete');
    expect(s).toContain('New tasks (1) COI-03 Local Offer website redeveloped');
    expect(s).toContain('New risks (1) 00002 Capita One delays');
    expect(s).toContain('00001 Recruitment of staff 4 6');
    expect(s).not.toContain('Not a task of the project');
    const pdf = (await t.admin.get(`/api/v1/highlight-reports/${ids.october}/pdf`)).rawPayload;
    if (process.env.KEEP_PDF) writeFileSync(join(process.env.KEEP_PDF, 'highlight-changes.pdf'), pdf);
    const text = flat(pdfText(pdf));
    expect(text).toContain('Changes since the last report');
    expect(text.indexOf('Status Summary')).toBeLessThan(text.indexOf('Changes since the last report'));
  });

  it('is frozen with the report when published', async () => {
    await ok(await t.admin.post(`/api/v1/highlight-reports/${ids.october}/publish`));
    const before = section((await t.admin.get(`/api/v1/highlight-reports/${ids.october}/html`)).body);
    on('2022-10-25T09:00:00Z');
    await ok(await t.admin.patch(`/api/v1/actions/${ids['COI-01']}`, { status: 'complete', percentComplete: 100 }));
    const after = section((await t.admin.get(`/api/v1/highlight-reports/${ids.october}/html`)).body);
    expect(after).toBe(before);
    // The next draft compares against the October report.
    const november = await ok(await t.admin.post(`/api/v1/projects/${ids.project}/highlight-reports`, report('2022-10-22', '2022-11-18')), 201);
    const s = section((await t.admin.get(`/api/v1/highlight-reports/${november.id}/html`)).body)!;
    expect(s).toContain('the end of 21/10/2022');
    expect(s).toContain('Completed tasks (1) COI-01 Graduated Response document launched');
    expect(s).not.toContain('COI-03');
  });
});
