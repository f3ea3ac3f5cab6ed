// The pack a scrutiny member downloads, read as assistive technology reads it: built from generated
// documents and a tagged uploaded PDF (printed here with our renderer), every page with text has
// structure and all its text is marked content (tagged, or an artifact for page furniture); the page
// labels match the agenda; every font is embedded; XMP carries the PDF/UA identifier; qpdf finds
// nothing wrong. Uploads report their accessibility, and a stored upload that is broken (written
// straight into the database, since the upload route refuses it) leaves the rest of the pack working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownToPdf } from '../../src/example/markdown-document.js';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app.js';
import { makePdf } from '../helpers/fixtures.js';
import { flat, pdfPagesText } from '../helpers/pdf.js';
import { fonts, qpdfCheck, readPdf } from '../helpers/pdf-accessibility.js';

let t: TestApp;
let meetingId: string;
let planId: string;
let pack: Buffer;
let report: Awaited<ReturnType<typeof readPdf>>;
let ranges: { number: number; title: string; firstPage: number | null; lastPage: number | null; accessibility?: Record<string, unknown> | null; problem?: string | null }[];
let tagged: Record<string, unknown>;
let untagged: Record<string, unknown>;
let brokenIds: string[];

async function upload(bytes: Buffer, filename: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/uploads?filename=${filename}`,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/pdf' },
    payload: bytes,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

/** Stored uploads the upload route would refuse: the pack must survive them all the same. */
async function insertBrokenUploads(): Promise<string[]> {
  const cycle = Buffer.from(
    '%PDF-1.7\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type /Pages /Kids [2 0 R 3 0 R] /Count 2>>\nendobj\n' +
      '3 0 obj\n<</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>>\nendobj\ntrailer\n<</Root 1 0 R /Size 4>>\n%%EOF\n',
    'latin1',
  );
  const garbage = Buffer.from('%PDF-1.7\n1 0 obj garbage that is not a PDF at all\n', 'latin1');
  const insert = 'INSERT INTO uploads (id, created_at, filename, size, pages, sha256, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)';
  await t.query(insert, ['upl_brokencycle', '2022-11-18T12:00:00Z', 'cycle.pdf', cycle.length, 2, 'x', cycle]);
  await t.query(insert, ['upl_brokengarbage', '2022-11-18T12:00:00Z', 'garbage.pdf', garbage.length, 1, 'y', garbage]);
  return ['upl_brokencycle', 'upl_brokengarbage'];
}

beforeAll(async () => {
  t = await createTestApp();
  planId = (await t.admin.post('/api/v1/plans', { title: 'Test WSoA', kind: 'wsoa', localArea: 'Testshire', inspectionReportPublishedOn: '2022-03-01' })).json().id;
  const area = (await t.admin.post(`/api/v1/plans/${planId}/areas`, { number: 1, title: 'Identification of need' })).json();
  await t.admin.post(`/api/v1/areas/${area.id}/updates`, { asOf: '2022-11-01', done: ['PROGRESS-MARKER done'], next: ['Next thing'], evidenceOfImpact: 'Fewer complaints.' });
  // A tagged PDF as a council officer's tools would make it: printed from HTML by our renderer.
  const taggedPdf = await markdownToPdf(t.app, '# Supplied report\n\nTAGGED-UPLOAD first page.\n\n## Findings\n\n- One\n- Two\n\n| Area | RAG |\n|---|---|\n| 1 | Green |\n', {
    title: 'Supplied report',
    author: 'Officer',
  });
  tagged = await upload(taggedPdf, 'supplied.pdf');
  untagged = await upload(await makePdf('UNTAGGED-UPLOAD', 1), 'scan.pdf');
  brokenIds = await insertBrokenUploads();
  const res = await t.admin.post('/api/v1/meetings', {
    council: 'Testshire County Council',
    committee: 'SEND Improvement Scrutiny Panel',
    startsAt: '2022-12-13T18:00:00Z',
    items: [
      { number: 1, title: 'Apologies for Absence' },
      { number: 2, title: 'Minutes of the last meeting', document: { type: 'minutes', text: '# Minutes\n\nMINUTES-MARKER\n\n**Resolved:** agreed.' } },
      { number: 3, title: 'Supplied report', section: 'discussion', document: { type: 'upload', id: tagged.id } },
      { number: 4, title: 'Progress report', section: 'discussion', document: { type: 'progress-report', planId, asOf: '2022-11-18' } },
      { number: 5, title: 'Scanned letter', section: 'information', document: { type: 'upload', id: untagged.id } },
    ],
  });
  expect(res.statusCode).toBe(201);
  meetingId = res.json().id;
  ranges = (await t.admin.get(`/api/v1/meetings/${meetingId}/pack`)).json().items;
  const pdf = await t.admin.get(`/api/v1/meetings/${meetingId}/pack/pdf`);
  expect(pdf.statusCode).toBe(200);
  pack = pdf.rawPayload;
  report = await readPdf(pack);
});
afterAll(() => t.close());

describe('the pack, read by assistive technology', () => {
  it('has structure and marked content on every page with text, and no unmarked text anywhere', () => {
    // The untagged upload is kept as supplied (and reported to the clerk, below): only its pages may carry unmarked text.
    const scan = ranges.find((r) => r.number === 5)!;
    report.pages.forEach((p, i) => {
      const n = i + 1 - 2;
      if (n >= scan.firstPage! && n <= scan.lastPage!) expect(p.unmarked.join(' ')).toBe(n === scan.firstPage ? 'UNTAGGED-UPLOAD page 1' : '');
      else expect(p.unmarked, `page ${i + 1}: text outside marked content`).toEqual([]);
      if (p.tagged.trim()) expect(p.structure, `page ${i + 1}: tagged text but no structure`).toBe(true);
    });
    const front = 2;
    const supplied = ranges.find((r) => r.number === 3)!;
    // The uploaded (tagged) document keeps its structure inside the pack.
    expect(report.pages[front + supplied.firstPage! - 1]!.tagged).toContain('TAGGED-UPLOAD');
    expect(report.pages[front + supplied.firstPage! - 1]!.structure).toBe(true);
    // Generated documents too; page numbers and running headers are artifacts.
    const minutes = report.pages[front]!;
    expect(minutes.tagged).toContain('MINUTES-MARKER');
    expect(minutes.artifacts).toContain('Page 1');
    expect(minutes.tagged).not.toContain('Page 1');
  });

  it('labels pages as printed: front pages i, ii…, then 1… as the agenda says', () => {
    expect(report.labels.slice(0, 2)).toEqual(['i', 'ii']);
    const agenda = flat(pdfPagesText(pack)[1]!);
    for (const r of ranges.filter((x) => x.firstPage)) {
      expect(agenda).toContain(`${r.title} (Pages ${r.firstPage} - ${r.lastPage})`);
      expect(report.labels[2 + r.firstPage! - 1]).toBe(String(r.firstPage));
      expect(report.labels[2 + r.lastPage! - 1]).toBe(String(r.lastPage));
      expect(report.pages[2 + r.firstPage! - 1]!.artifacts).toContain(`Page ${r.firstPage}`);
    }
    expect(report.labels.length).toBe(report.pages.length);
  });

  it('embeds every font', () => {
    const all = fonts(pack);
    expect(all.length).toBeGreaterThan(0);
    // The untagged upload uses Helvetica unembedded: it is kept as supplied, and reported (below).
    expect(all.filter((f) => !f.embedded).map((f) => f.name)).toEqual(['Helvetica']);
  });

  it('carries title, language and the PDF/UA identifier', () => {
    expect(report.xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(report.xmp).toContain('SEND Improvement Scrutiny Panel – 13 December 2022');
    expect(report.info.Title).toBe('SEND Improvement Scrutiny Panel – 13 December 2022');
    expect(report.info.Language).toBe('en-GB');
  });

  it('has one bookmark per item, words neither run together nor repeated', () => {
    const titles = report.outline.map((o) => o.title);
    for (const n of [2, 3, 4, 5]) expect(titles.filter((x) => x.startsWith(`Agenda Item ${n}: `))).toHaveLength(1);
    expect(titles).toContain('Agenda');
    expect(titles).toContain('SEND Improvement Scrutiny Panel 13 December 2022');
    for (const x of [...titles, ...report.outline.flatMap((o) => o.children)]) expect(x).not.toMatch(/^(.+)\1$/);
  });

  it('passes qpdf --check', () => {
    const { status, output } = qpdfCheck(pack);
    expect(output).toContain('No syntax or stream encoding errors found');
    expect(output).not.toMatch(/WARNING/i);
    expect(status).toBe(0);
  });
});

describe('printing', () => {
  it('prints each document once, even for requests at the same moment', async () => {
    const res = await t.admin.post('/api/v1/meetings', {
      committee: 'Panel printed once',
      startsAt: '2022-12-15T18:00:00Z',
      items: [
        { number: 1, title: 'Minutes', document: { type: 'minutes', text: 'ONCE-MARKER' } },
        { number: 2, title: 'Progress', document: { type: 'progress-report', planId, asOf: '2022-11-18' } },
      ],
    });
    const id = res.json().id;
    const before = t.app.renderer.stats.renders;
    const [a, b, json] = await Promise.all([
      t.admin.get(`/api/v1/meetings/${id}/pack/pdf`),
      t.admin.get(`/api/v1/meetings/${id}/pack/pdf`),
      t.admin.get(`/api/v1/meetings/${id}/pack`),
    ]);
    expect([a.statusCode, b.statusCode, json.statusCode]).toEqual([200, 200, 200]);
    // Two documents and the front matter: three prints in all.
    expect(t.app.renderer.stats.renders - before).toBe(3);
    expect(pdfPagesText(a.rawPayload)).toEqual(pdfPagesText(b.rawPayload));
  });
});

describe('uploads report their accessibility', () => {
  it('in the upload response', async () => {
    expect(tagged.accessibility).toMatchObject({ tagged: true, title: 'Supplied report', language: 'en-GB', fontsEmbedded: true, pdfUa: true, problems: [] });
    expect(untagged.accessibility).toMatchObject({ tagged: false, language: null, fontsEmbedded: false, fontsNotEmbedded: ['Helvetica'] });
    expect((untagged.accessibility as { problems: string[] }).problems.join(' ')).toMatch(/not tagged.*no document title.*no document language.*fonts not embedded: Helvetica/);
    const again = await t.admin.get(`/api/v1/uploads/${untagged.id}`);
    expect(again.json()).toMatchObject({ id: untagged.id, pages: 1, accessibility: untagged.accessibility });
  });

  it('per item in the pack JSON', () => {
    expect(ranges.find((r) => r.number === 3)!.accessibility).toMatchObject({ tagged: true });
    expect(ranges.find((r) => r.number === 5)!.accessibility).toMatchObject({ tagged: false });
    expect(ranges.find((r) => r.number === 2)!.accessibility).toBeUndefined();
  });
});

describe('a broken stored upload', () => {
  let brokenMeeting: string;
  beforeAll(async () => {
    const res = await t.admin.post('/api/v1/meetings', {
      committee: 'Panel with broken uploads',
      startsAt: '2022-12-14T18:00:00Z',
      items: [
        { number: 1, title: 'Cyclic file', document: { type: 'upload', id: brokenIds[0] } },
        { number: 2, title: 'Minutes', document: { type: 'minutes', text: 'STILL-HERE' } },
        { number: 3, title: 'Garbage file', document: { type: 'upload', id: brokenIds[1] } },
      ],
    });
    expect(res.statusCode).toBe(201);
    brokenMeeting = res.json().id;
  });

  it('is flagged in the pack JSON, and the pack carries a note page in its place', async () => {
    const json = await t.admin.get(`/api/v1/meetings/${brokenMeeting}/pack`);
    expect(json.statusCode).toBe(200);
    const items = json.json().items;
    expect(items[0].problem).toMatch(/could not be/);
    expect(items[0].accessibility).toBeNull();
    expect(items[2].problem).toMatch(/could not be read/);
    expect(items[1].problem ?? null).toBeNull();
    const pdf = await t.admin.get(`/api/v1/meetings/${brokenMeeting}/pack/pdf`);
    expect(pdf.statusCode).toBe(200);
    const pages = pdfPagesText(pdf.rawPayload);
    expect(flat(pages[2 + items[0].firstPage - 1]!)).toContain('This document could not be included');
    expect(flat(pages[2 + items[1].firstPage - 1]!)).toContain('STILL-HERE');
    expect(flat(pages[2 + items[2].firstPage - 1]!)).toContain('This document could not be included');
    expect(qpdfCheck(pdf.rawPayload).status).toBe(0);
  });

  it('answers its description with a null accessibility rather than an error', async () => {
    const res = await t.admin.get(`/api/v1/uploads/${brokenIds[1]}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().accessibility).toBeNull();
  });
});
