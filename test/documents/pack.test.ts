import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createTestApp, problem, tokenFor, type TestApp } from '../helpers/app.js';
import { makePdf } from '../helpers/fixtures.js';
import { flat, outlineTitles, pageCount, pdfInfo, pdfPagesText } from '../helpers/pdf.js';

let t: TestApp;
let meetingId: string;
let privateMeetingId: string;
let planId: string;
let packPdf: Buffer;
let pages: string[];
let ranges: { number: number; title: string; firstPage: number | null; lastPage: number | null }[];

async function upload(marker: string, n: number, size?: [number, number]) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/uploads?filename=${marker}.pdf`,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/pdf' },
    payload: await makePdf(marker, n, size),
  });
  expect(res.statusCode).toBe(201);
  expect(res.json().pages).toBe(n);
  return res.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  planId = (await t.admin.post('/api/v1/plans', { title: 'Test WSoA', kind: 'wsoa', localArea: 'Testshire', inspectionReportPublishedOn: '2022-03-01' })).json().id;
  const area = (await t.admin.post(`/api/v1/plans/${planId}/areas`, { number: 1, title: 'Identification of need' })).json();
  await t.admin.post(`/api/v1/areas/${area.id}/updates`, { asOf: '2022-11-01', done: ['PROGRESS-MARKER done'], next: ['Next thing'], evidenceOfImpact: 'Fewer complaints.' });
  const twoPages = await upload('UPLOAD-TWO', 2);
  const threePages = await upload('UPLOAD-THREE', 3, [841.89, 595.28]);
  const secret = await upload('SECRET-UPLOAD', 1);
  const meeting = {
    council: 'Testshire County Council',
    committee: 'SEND Improvement Scrutiny Panel',
    startsAt: '2022-12-13T18:00:00Z',
    venue: 'Council Chamber',
    meetingType: 'Scrutiny Reviews',
    members: [{ name: 'Cllr A', role: 'chair' }, { name: 'Cllr B', role: 'vice-chair' }, { name: 'Cllr C' }],
    contact: { name: 'Clerk', phone: '01234 567890', email: 'clerk@example.gov.uk' },
    items: [
      { number: 1, title: 'Apologies for Absence', section: 'procedural' },
      { number: 2, title: 'Minutes of the last meeting', section: 'procedural', document: { type: 'minutes', text: '# Minutes\n\nMINUTES-MARKER\n\n**Resolved:** agreed.' } },
      { number: 3, title: 'Two page report', section: 'discussion', presenter: 'Officer One, Head of Service', document: { type: 'upload', id: twoPages } },
      { number: 4, title: 'Three page report', section: 'discussion', document: { type: 'upload', id: threePages } },
      { number: 5, title: 'Progress report', section: 'discussion', document: { type: 'progress-report', planId, asOf: '2022-11-18' } },
      { number: 6, title: 'Exempt contract matter', part: 2, document: { type: 'upload', id: secret } },
      { number: 7, title: 'Exempt minutes', part: 2, document: { type: 'minutes', text: 'SECRET-MINUTES' } },
      { number: 8, title: 'Guidance for information', section: 'information', description: 'Published for information.' },
    ],
  };
  const res = await t.admin.post('/api/v1/meetings', meeting);
  expect(res.statusCode).toBe(201);
  meetingId = res.json().id;
  privateMeetingId = (await t.admin.post('/api/v1/meetings', { ...meeting, isPublic: false })).json().id;

  const r = await t.admin.get(`/api/v1/meetings/${meetingId}/pack`);
  expect(r.statusCode).toBe(200);
  ranges = r.json().items;
  const pdf = await t.admin.get(`/api/v1/meetings/${meetingId}/pack/pdf`);
  expect(pdf.statusCode).toBe(200);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  packPdf = pdf.rawPayload;
  pages = pdfPagesText(packPdf);
});
afterAll(() => t.close());

const FRONT = 2; // front page + agenda
const physical = (n: number) => pages[FRONT + n - 1]!;

describe('meeting pack page ranges', () => {
  it('lists every Part 1 item in agenda order, null for items without a document', () => {
    expect(ranges.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 8]);
    expect(ranges[0]).toMatchObject({ firstPage: null, lastPage: null });
    expect(ranges.find((r) => r.number === 8)).toMatchObject({ firstPage: null, lastPage: null });
  });

  it('starts every document on an odd page and pads odd lengths', () => {
    const byNumber = Object.fromEntries(ranges.map((r) => [r.number, r]));
    expect(byNumber[2]).toMatchObject({ firstPage: 1, lastPage: 2 }); // 1 page of minutes + blank
    expect(byNumber[3]).toMatchObject({ firstPage: 3, lastPage: 4 }); // 2 pages, no padding
    expect(byNumber[4]).toMatchObject({ firstPage: 5, lastPage: 8 }); // 3 pages + blank
    expect(byNumber[5]!.firstPage).toBe(9);
    for (const r of ranges) if (r.firstPage) expect(r.firstPage % 2).toBe(1);
    for (const r of ranges) if (r.lastPage) expect(r.lastPage % 2).toBe(0);
  });

  it('has exactly the pages the ranges promise', () => {
    const last = Math.max(...ranges.map((r) => r.lastPage ?? 0));
    expect(pageCount(packPdf)).toBe(FRONT + last);
    expect(pdfInfo(packPdf).Tagged).toBe('yes');
  });

  it('holds each document in the pages the agenda names, with padding pages inside the range', () => {
    expect(physical(1)).toContain('MINUTES-MARKER');
    expect(physical(2)).toContain('This page is intentionally left blank');
    expect(physical(3)).toContain('UPLOAD-TWO page 1');
    expect(physical(4)).toContain('UPLOAD-TWO page 2');
    expect(physical(5)).toContain('UPLOAD-THREE page 1');
    expect(physical(7)).toContain('UPLOAD-THREE page 3');
    expect(physical(8)).toContain('This page is intentionally left blank');
    expect(physical(9)).toContain('PROGRESS-MARKER done');
    const r5 = ranges.find((r) => r.number === 5)!;
    const printed = pages.slice(FRONT + r5.firstPage! - 1, FRONT + r5.lastPage!);
    const blanks = printed.filter((p) => p.includes('This page is intentionally left blank')).length;
    // A padding page only ever ends a range, and only when the document itself has an odd length.
    expect(blanks).toBeLessThanOrEqual(1);
    if (blanks) expect(printed[printed.length - 1]).toContain('This page is intentionally left blank');
  });

  it('numbers the document pages from 1, front pages unnumbered', () => {
    expect(pages[0]).not.toMatch(/Page \d+/);
    expect(pages[1]).not.toMatch(/Page \d+/);
    for (let n = 1; n <= pages.length - FRONT; n++) expect(physical(n), `page ${n}`).toMatch(new RegExp(`Page ${n}\\b`));
  });

  it('prints the same ranges on the agenda as the JSON', () => {
    const agenda = flat(pages[1]!);
    expect(agenda).toContain('PART 1 – Items open to all attendees');
    for (const r of ranges) {
      if (r.firstPage) expect(agenda).toContain(`${r.title} (Pages ${r.firstPage} - ${r.lastPage})`);
      else expect(agenda).toMatch(new RegExp(`${r.title}(?! \\(Pages)`));
    }
    expect(agenda).toContain('DISCUSSION ITEMS');
    expect(agenda).toContain('INFORMATION');
    expect(agenda).toContain('[Officer One, Head of Service, to present report]');
    expect(agenda).toContain('Published for information.');
  });

  it('lays out the front page like the council’s', () => {
    const front = flat(pages[0]!);
    for (const s of ['TESTSHIRE COUNTY COUNCIL', 'SEND Improvement Scrutiny Panel', '13 December 2022', '6.00 pm', 'YES', 'Council Chamber', 'Cllr A (Chair)', 'Cllr B (Vice Chair)', 'Clerk', '01234 567890 / clerk@example.gov.uk']) {
      expect(front).toContain(s);
    }
  });

  it('has an outline entry per item with a document', async () => {
    const titles = await outlineTitles(packPdf);
    for (const n of [2, 3, 4, 5]) expect(titles.some((t) => t.startsWith(`Agenda Item ${n}: `)), `item ${n}`).toBe(true);
  });
});

describe('Part 2 (exempt) items', () => {
  it('never appear in the public pack', () => {
    const text = flat(pages.join(' '));
    expect(text).not.toContain('Exempt contract matter');
    expect(text).not.toContain('SECRET-UPLOAD');
    expect(text).not.toContain('SECRET-MINUTES');
    expect(JSON.stringify(ranges)).not.toContain('Exempt');
  });

  it('appear only in the exempt pack, which needs an editor', async () => {
    const viewer = t.as(await tokenFor(t, 'viewer'));
    problem(await viewer.get(`/api/v1/meetings/${meetingId}/exempt-pack/pdf`), 403);
    expect((await viewer.get(`/api/v1/meetings/${meetingId}/pack/pdf`)).statusCode).toBe(200);
    const res = await t.admin.get(`/api/v1/meetings/${meetingId}/exempt-pack/pdf`);
    expect(res.statusCode).toBe(200);
    const text = flat(pdfPagesText(res.rawPayload).join(' '));
    expect(text).toContain('NOT FOR PUBLICATION');
    expect(text).toContain('PART 2 – Items not open to the public and press');
    expect(text).toContain('Exempt contract matter (Pages 1 - 2)');
    expect(text).toContain('SECRET-UPLOAD page 1');
    expect(text).toContain('SECRET-MINUTES');
    expect(text).not.toContain('UPLOAD-TWO');
  });
});

describe('uploads', () => {
  const send = (payload: Buffer | string, type: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': type }, payload });

  it('refuses anything that is not a readable PDF', async () => {
    problem(await send('hello, world', 'application/pdf'), 400);
    problem(await send(Buffer.from('%PDF-1.7\n1 0 obj garbage'), 'application/pdf'), 400);
    problem(await send(Buffer.alloc(0), 'application/pdf'), 400);
    problem(await send('{"a":1}', 'application/json'), 415);
    problem(await send('plain', 'text/plain'), 415);
  });

  it('refuses an oversized upload with 413', async () => {
    problem(await send(Buffer.alloc(26 * 1024 * 1024, 0x20), 'application/pdf'), 413);
  });

  it('rejects meetings pointing at documents that do not exist', async () => {
    const p = problem(
      await t.admin.post('/api/v1/meetings', {
        committee: 'X',
        startsAt: '2022-12-13T18:00:00Z',
        items: [
          { number: 1, title: 'A', document: { type: 'upload', id: 'upl_missing' } },
          { number: 1, title: 'B' },
        ],
      }),
      400,
    );
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['items.0.document.id', 'items.1.number']);
  });
});

describe('public meeting page', () => {
  it('lists the agenda with links, without a token', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/meetings/${meetingId}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const html = res.body;
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('name="viewport"');
    expect(html).toContain(`/meetings/${meetingId}/pack.pdf`);
    expect(html).toContain(`/meetings/${meetingId}/items/2`);
    expect(html).toContain('Pack pages 1–2');
    expect(html).not.toContain('Exempt');
    expect(html).not.toMatch(/<script/i);
  });

  it('serves each Part 1 document and the pack, and nothing private', async () => {
    const get = (url: string) => t.app.inject({ method: 'GET', url });
    const minutes = await get(`/meetings/${meetingId}/items/2`);
    expect(minutes.statusCode).toBe(200);
    expect(minutes.body).toContain('MINUTES-MARKER');
    expect((await get(`/meetings/${meetingId}/items/3`)).headers['content-type']).toBe('application/pdf');
    expect((await get(`/meetings/${meetingId}/items/5`)).body).toContain('PROGRESS-MARKER done');
    problem(await get(`/meetings/${meetingId}/items/6`), 404); // Part 2
    problem(await get(`/meetings/${meetingId}/items/1`), 404); // no document
    const pack = await get(`/meetings/${meetingId}/pack.pdf`);
    expect(pack.statusCode).toBe(200);
    expect(pageCount(pack.rawPayload)).toBe(pageCount(packPdf));
    problem(await get(`/meetings/${privateMeetingId}`), 404);
    problem(await get(`/meetings/${privateMeetingId}/pack.pdf`), 404);
  });
});
