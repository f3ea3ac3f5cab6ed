import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExample, type ExampleIds } from '../../src/example/load.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { flat, pageCount, pdfPagesText, pdfText } from '../helpers/pdf.js';
import { fonts, qpdfCheck, readPdf } from '../helpers/pdf-accessibility.js';

let t: TestApp;
let ids: ExampleIds;
let pack: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  ids = await loadExample(t.app);
  pack = (await t.admin.get(`/api/v1/meetings/${ids.meetingId}/pack/pdf`)).rawPayload;
});
afterAll(() => t.close());

describe('the 13 December 2022 pack rebuilt from the example data', () => {
  it('prints the seed’s agenda, with the seed’s first page ranges', () => {
    const agenda = flat(pdfPagesText(pack)[1]!);
    expect(agenda).toContain('PART 1 – Items open to all attendees');
    expect(agenda).toContain('Notes of the Previous Meeting (27.9.22) (Pages 1 - 4)');
    expect(agenda).toContain('Culture of Inclusion Update Report November 2022 - presentation (Pages 5 - 12)');
    expect(agenda).toContain('Culture of Inclusion Highlight Report November 2022 (Pages 13 - 20)');
    expect(agenda).toContain('[Brenda Wile, Deputy Director of Education, to present report]');
    expect(agenda).toContain('Please use this link to read the guidance published 29 November 2022. A copy has also been attached for information.');
  });

  it('matches its JSON ranges and page count', async () => {
    const { items } = (await t.admin.get(`/api/v1/meetings/${ids.meetingId}/pack`)).json();
    expect(items.map((i: { number: number }) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const last = items[items.length - 1];
    expect(pageCount(pack)).toBe(2 + last.lastPage);
    const pages = pdfPagesText(pack);
    expect(pages[2 + 13 - 1]).toContain('Highlight Report');
    expect(pages[2 + 13 - 1]).toContain('Agenda Item 5');
    expect(pages[2 + 4 - 1]).toContain('This page is intentionally left blank');
  });

  it('carries the front page of the seed', () => {
    const front = flat(pdfPagesText(pack)[0]!);
    for (const s of [
      'CITY OF WOLVERHAMPTON COUNCIL',
      'SEND Written Statement of Action - Cross Party Scrutiny Review Group',
      '13 December 2022',
      '6.00 pm',
      'Committee Room 2 - 3rd Floor - Civic Centre',
      'Councillor Adam Collinge (Vice Chair)',
      'Councillor Rita Potter (Chair)',
      'Earl Piggott-Smith',
      '01902 551251 / earl.piggott-smith@wolverhampton.gov.uk',
    ]) {
      expect(front).toContain(s);
    }
  });

  it('is reproducible text for text', async () => {
    const again = (await t.admin.get(`/api/v1/meetings/${ids.meetingId}/pack/pdf`)).rawPayload;
    expect(pdfText(again)).toBe(pdfText(pack));
  });
});

describe('the WSoA progress report as of 18 November 2022', () => {
  it('shows each area’s update, the actions behind schedule and the RAG summary', async () => {
    const res = await t.admin.get(`/api/v1/plans/${ids.planId}/progress-report/pdf?asOf=2022-11-18`);
    expect(res.statusCode).toBe(200);
    const text = flat(pdfText(res.rawPayload));
    expect(text).toContain('Written Statement of Action: progress update');
    expect(text).toContain('Area 2: The lack of accuracy in EHC plans and the delays in assessment, writing and review of those plans');
    for (const h of ['What we have done', 'What we will do next', 'Evidence of impact', 'Actions behind schedule', 'Mitigation/remedial action']) {
      expect(text).toContain(h);
    }
    expect(text).toContain('A Universal Transfer Form has been shared with Secondary Heads and disseminated through schools.');
    expect(text).toContain('The SENCO Survey provides a baseline');
    // The review note's table: every action it lists, with its reason and mitigation.
    for (const ref of ['2.1', '2.2', '2.3', '2.5', '2.12', '3.1', '3.3', '5.3', '6.8']) expect(text).toMatch(new RegExp(`(^| )${ref.replace('.', '\\.')} `));
    expect(text).toContain('Leaving the EHC hub platform has delayed the assessment pathway until Spring 2023');
    expect(text).toContain('Timeline has been extended, to March 2023');
    expect(text).toContain('Actions by status, per area, as of 18/11/2022');
  });

  it('uses the latest update on or before the date', async () => {
    const before = await t.admin.get(`/api/v1/plans/${ids.planId}/progress-report/html?asOf=2022-11-06`);
    expect(before.body).toContain('No progress update recorded on or before 06/11/2022.');
    expect(before.body).not.toContain('What we have done');
    // From 7 November: what the area supplied for the MR3 review.
    const review = await t.admin.get(`/api/v1/plans/${ids.planId}/progress-report/html?asOf=2022-11-17`);
    expect(review.body).toContain('New DCISO commenced in post 30 August 2022.');
  });
});

/** What every PDF of ours promises a screen-reader user. */
async function expectAccessible(pdf: Buffer, title: string | RegExp, labels?: (n: number) => string) {
  const r = await readPdf(pdf);
  r.pages.forEach((p, i) => {
    expect(p.unmarked, `page ${i + 1}: text outside marked content`).toEqual([]);
    if (p.tagged.trim()) expect(p.structure, `page ${i + 1}: no structure`).toBe(true);
  });
  expect(r.xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
  expect(r.xmp).toContain('<dc:title>');
  if (typeof title === 'string') expect(r.info.Title).toBe(title);
  else expect(r.info.Title).toMatch(title);
  expect(r.info.Language).toBe('en-GB');
  expect(r.labels).toEqual(r.pages.map((_, i) => (labels ? labels(i) : String(i + 1))));
  expect(fonts(pdf).every((f) => f.embedded)).toBe(true);
  for (const o of r.outline) expect(o.title).not.toMatch(/^(.+)\1$/);
  expect(qpdfCheck(pdf).status).toBe(0);
  return r;
}

describe('every example document is accessible', () => {
  it('the pack: every page tagged or artifact, labels i, ii then 1…, fonts embedded, PDF/UA id', async () => {
    const r = await expectAccessible(pack, 'SEND Written Statement of Action - Cross Party Scrutiny Review Group – 13 December 2022', (i) => (i < 2 ? ['i', 'ii'][i]! : String(i - 1)));
    // The uploaded documents (items 4, 7 and 8) keep their structure inside the pack.
    const { items } = (await t.admin.get(`/api/v1/meetings/${ids.meetingId}/pack`)).json();
    for (const n of [4, 7, 8]) {
      const item = items.find((i: { number: number }) => i.number === n);
      expect(item.accessibility.tagged).toBe(true);
      expect(r.pages[2 + item.firstPage - 1]!.structure, `item ${n}`).toBe(true);
    }
    // Words not run together in the bookmarks.
    expect(r.outline.map((o) => o.title)).toContain('SEND Written Statement of Action - Cross Party Scrutiny Review Group 13 December 2022');
  });

  it('the highlight report and the progress report', async () => {
    const hr = await t.admin.get(`/api/v1/highlight-reports/${ids.highlightReportIds[ids.highlightReportIds.length - 1]}/pdf`);
    expect(hr.statusCode).toBe(200);
    const r = await expectAccessible(hr.rawPayload, 'Highlight Report – Culture of Inclusion – 2022-11-18');
    expect(r.pages[0]!.artifacts).toContain('Page 1 of');
    const pr = await t.admin.get(`/api/v1/plans/${ids.planId}/progress-report/pdf?asOf=2022-11-18`);
    await expectAccessible(pr.rawPayload, / – progress update – 2022-11-18$/);
  });
});
