import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExample, type ExampleIds } from '../../src/example/load.js';
import { createTestApp, problem, tokenFor, type TestApp } from '../helpers/app.js';
import { flat, pageCount, pdfInfo, pdfPagesText, pdfText } from '../helpers/pdf.js';

let t: TestApp;
let ids: ExampleIds;
let novemberPdf: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  ids = await loadExample(t.app);
  const res = await t.admin.get(`/api/v1/highlight-reports/${ids.highlightReportIds[1]}/pdf`);
  expect(res.statusCode).toBe(200);
  novemberPdf = res.rawPayload;
});
afterAll(() => t.close());

describe('the November 2022 highlight report (published example)', () => {
  it('is a real, tagged A4 landscape PDF with metadata and embedded fonts, of sensible size', () => {
    const info = pdfInfo(novemberPdf);
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toMatch(/841\.9\d x 59[45]\.\d+ pts \(A4\)/);
    expect(info.Title).toBe('Highlight Report – Culture of Inclusion – 2022-11-18');
    expect(info.Author).toBe('Nicola Harris');
    expect(novemberPdf.length).toBeGreaterThan(20_000);
    expect(novemberPdf.length).toBeLessThan(1_000_000);
    expect(novemberPdf.toString('latin1')).toMatch(/OpenSans/);
  });

  it('holds every section of the seed report, in order', () => {
    const text = flat(pdfText(novemberPdf));
    const sections = [
      'Overall Summary',
      'Key Achievements this Reporting Period (24.10.22 to 20.11.22)',
      'Next Steps (from 21.11.22)',
      'Status Summary',
      'Tasks & Milestones',
      'Costs',
      'Risks',
      'Issues',
      'Dependencies',
      'Cashable Benefits',
      'Non-Cashable Benefits',
      'Approvals',
    ];
    let at = 0;
    for (const s of sections) {
      const i = text.indexOf(s, at);
      expect(i, `section "${s}"`).toBeGreaterThanOrEqual(0);
      at = i;
    }
    expect(text).toContain('PR000681');
    expect(text).toContain('Delivery (RIBA Stage 5)');
    expect(text).toContain('Interim support required until posts can be permanently recruited to.');
    expect(text).toContain('May 2022 Update');
    expect(text).toContain('BEN.681.11');
    expect(text).toContain('£200,000');
    expect(text).toContain('Published 18 November 2022 by Nicola Harris');
  });

  it('prints RAG words, the previous statuses and the status explanations', () => {
    const lines = pdfText(novemberPdf, { layout: true }).split('\n');
    const line = (label: string) => lines.find((l) => l.includes(label)) ?? '';
    expect(line('Overall Project Status')).toMatch(/Overall Project Status\s+On Target\s+Previous Project Status\s+On Target/);
    expect(line('Issues Status')).toMatch(/Issues Status\s+At Risk\s+On Target\s+All issues have been reviewed\./);
    expect(line('Costs Status')).toMatch(/Costs Status\s+On Target\s+On Target/);
    const text = flat(pdfText(novemberPdf));
    for (const label of ['On Target', 'At Risk', 'Complete']) expect(text).toContain(label);
  });

  it('draws the Gantt over the financial year with month headers and milestones', () => {
    const layout = pdfText(novemberPdf, { layout: true });
    expect(layout).toMatch(/Apr\s+May\s+Jun\s+Jul\s+Aug\s+Sep\s+Oct\s+Nov\s+Dec\s+Jan\s+Feb\s+Mar/);
    expect(layout).toMatch(/2022\s+2023/);
    const diamonds = (pdfText(novemberPdf).match(/◆/g) ?? []).length;
    expect(diamonds).toBe(6 + 1); // six milestone rows, and the key in the caption
    expect(flat(pdfText(novemberPdf))).toContain('WSB - Whole family approach is embedded into graduated approach');
  });

  it('repeats the running header and "Page x of y" footer on every page', () => {
    const pages = pdfPagesText(novemberPdf);
    expect(pages.length).toBe(pageCount(novemberPdf));
    pages.forEach((p, i) => {
      expect(p).toContain('Culture of Inclusion (PR000681) – Highlight Report');
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p).toContain('Report date 18/11/2022');
    });
  });

  it('has a stable page count (8, like the seed’s)', () => {
    expect(pageCount(novemberPdf)).toBe(8);
  });

  it('serves the same document as an accessible web page', async () => {
    const res = await t.admin.get(`/api/v1/highlight-reports/${ids.highlightReportIds[1]}/html`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
    const html = res.body;
    expect(html).toMatch(/<html lang="en-GB">/);
    expect(html).toMatch(/<caption>Status Summary<\/caption>/);
    expect(html).toMatch(/<th scope="col">Current Period<\/th>/);
    expect(html).toMatch(/<td class="rag rag-at-risk"( data-label="[^"]+")?>At Risk<\/td>/);
    expect(html).toMatch(/<main id="main">/);
    expect(html).not.toMatch(/<script/i);
  });
});

describe('publication freezes a report', () => {
  it('keeps the published PDF and HTML byte for byte after live edits, and says so with the hash', async () => {
    const reportUrl = `/api/v1/highlight-reports/${ids.highlightReportIds[1]}`;
    const report = (await t.admin.get(reportUrl)).json();
    expect(report.state).toBe('published');
    expect(report.pdfSha256).toBe(createHash('sha256').update(novemberPdf).digest('hex'));
    const htmlBefore = (await t.admin.get(`${reportUrl}/html`)).body;

    // Edit the live data the report shows: a task, a risk, the project.
    const tasks = (await t.admin.get(`/api/v1/plans/${ids.planId}/actions?projectId=${ids.projectId}&limit=500`)).json().items;
    const task = tasks.find((a: { title: string }) => a.title.startsWith('WSE - Draft Transitions Protocol'));
    expect((await t.admin.patch(`/api/v1/actions/${task.id}`, { title: 'RENAMED TASK', percentComplete: 99 })).statusCode).toBe(200);
    const risks = (await t.admin.get(`/api/v1/projects/${ids.projectId}/risks`)).json().items;
    await t.admin.patch(`/api/v1/risks/${risks[0].id}`, { description: 'CHANGED RISK' });
    await t.admin.patch(`/api/v1/projects/${ids.projectId}`, { name: 'Renamed Project' });

    const after = (await t.admin.get(`${reportUrl}/pdf`)).rawPayload;
    expect(after.equals(novemberPdf)).toBe(true);
    expect((await t.admin.get(`${reportUrl}/html`)).body).toBe(htmlBefore);
    expect(flat(pdfText(after))).not.toContain('RENAMED TASK');

    // A new draft shows the live data.
    const draft = await t.admin.post(`/api/v1/projects/${ids.projectId}/highlight-reports`, {
      periodStart: '2022-11-21',
      periodEnd: '2022-12-18',
      overallStatus: 'at-risk',
    });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ previousOverallStatus: 'on-target', previousReportId: ids.highlightReportIds[1] });
    const draftText = flat(pdfText((await t.admin.get(`/api/v1/highlight-reports/${draft.json().id}/pdf`)).rawPayload));
    expect(draftText).toContain('RENAMED TASK');
    expect(draftText).toContain('Renamed Project');
    expect(draftText).toContain('DRAFT');
  });

  it('refuses changes to a published report, and publishing needs an editor', async () => {
    const url = `/api/v1/highlight-reports/${ids.highlightReportIds[1]}`;
    problem(await t.admin.patch(url, { summary: 'x' }), 409);
    problem(await t.admin.delete(url), 409);
    problem(await t.admin.post(`${url}/publish`), 409);
    const viewer = t.as(await tokenFor(t, 'viewer'));
    expect((await viewer.get(`${url}/pdf`)).statusCode).toBe(200);
    problem(await viewer.post(`${url}/publish`), 403);
  });
});
