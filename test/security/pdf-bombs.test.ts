// Hostile PDF uploads (generated here, bounded): each is refused with a 4xx problem naming the limit, or
// stored without its active content — while /health keeps answering, memory stays bounded and no
// refused upload leaves a row behind.
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPdf, DEFAULT_PDF_LIMITS } from '../../src/documents/pdf-check.js';
import { ADMIN_TOKEN, createTestApp, problem, type TestApp } from '../helpers/app.js';
import { makePdf } from '../helpers/fixtures.js';
import { armedPdf, arms, contentBomb, junkAfterHeader, junkObjects, kidsCycle, manyObjects, manyPages, objectStreamBomb, parentCycle, rawPdf } from '../helpers/hostile-pdfs.js';
import { flat, pageCount, pdfText } from '../helpers/pdf.js';

let t: TestApp;
const health = { maxMs: 0, samples: 0 };
let maxRss = 0;
let sampler: NodeJS.Timeout;
let probing = false;

const upload = (payload: Buffer) =>
  t.app.inject({ method: 'POST', url: '/api/v1/uploads?filename=x.pdf', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/pdf' }, payload });
const count = async (table: string) => (await t.query<{ n: number }>(`select count(*) as n from ${table}`))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  // /health through the app every 100 ms, and the process's RSS, for the whole file.
  sampler = setInterval(() => {
    maxRss = Math.max(maxRss, process.memoryUsage().rss);
    if (probing) return;
    probing = true;
    const started = performance.now();
    void t.app.inject({ method: 'GET', url: '/health' }).then((res) => {
      probing = false;
      if (res.statusCode === 200) health.samples++;
      health.maxMs = Math.max(health.maxMs, performance.now() - started);
    });
  }, 100);
});
afterAll(async () => {
  clearInterval(sampler);
  await t.close();
});

describe('PDF bombs are refused with a problem naming the limit', () => {
  it('a small file whose content stream inflates to 512 MB', async () => {
    const bomb = await contentBomb(512);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = { uploads: await count('uploads'), audit: await count('audit_events') };
    const p = problem(await upload(bomb), 413);
    expect(p.detail).toMatch(/expand to more than 256 MB/);
    expect(p.errors?.[0]?.message).toBe(p.detail);
    expect({ uploads: await count('uploads'), audit: await count('audit_events') }).toEqual(before);
  });

  it('an object stream (inflated by parsers while loading) that inflates to 512 MB', async () => {
    const p = problem(await upload(await objectStreamBomb(512)), 413);
    expect(p.detail).toMatch(/expand to more than 256 MB/);
  });

  it('a page tree whose /Kids lead back to the root', async () => {
    expect(problem(await upload(kidsCycle()), 422).detail).toMatch(/page tree has a cycle/);
  });

  it('a page whose /Parent chain is a cycle', async () => {
    expect(problem(await upload(parentCycle()), 422).detail).toMatch(/following \/Parent .* comes back/);
  });

  it('50,000 tiny objects', async () => {
    expect(problem(await upload(manyObjects(50_000)), 413).detail).toMatch(/more than 40000 objects/);
  });

  it('more pages than allowed', async () => {
    expect(problem(await upload(manyPages(DEFAULT_PDF_LIMITS.maxPages + 1)), 413).detail).toMatch(/more than 2000 pages/);
  });

  it('a PDF header followed by junk (400, never 500)', async () => {
    for (const junk of [junkAfterHeader(64 * 1024), junkAfterHeader(1000, 99), Buffer.from('%PDF-1.4\n%%EOF\n'), rawPdf(['<< /Type /Catalog >>'])]) {
      problem(await upload(junk), 400);
    }
  });

  // Junk inside object bodies passes the quick look and is left to the parser, in its worker thread.
  it('junk the parser would crawl through a byte at a time (8 MB), without stalling the server', async () => {
    problem(await upload(junkAfterHeader(8 * 1024 * 1024, 3)), 400);
    const res = await upload(junkObjects());
    expect([400, 422]).toContain(res.statusCode);
    problem(res, res.statusCode);
  });

  it('a parse that overruns its time limit ends with its worker thread (and the next check works)', async () => {
    // A valid PDF of 20,000 objects cannot be checked within 1 ms (the worker alone takes longer to answer).
    expect(await checkPdf(manyObjects(20_000), { maxParseMs: 1 })).toMatchObject({ ok: false, problems: [{ code: 'parse-time', status: 422 }] });
    expect(await checkPdf(await makePdf('AFTER', 1))).toMatchObject({ ok: true, pages: 1 });
  });

  it('leaves no row behind for any refusal', async () => {
    expect(await count('uploads')).toBe(0);
    expect(await count('audit_events')).toBe(0);
  });

  it('checkPdf reports the same problems without throwing, for code that meets stored uploads', async () => {
    expect(await checkPdf(kidsCycle())).toMatchObject({ ok: false, pages: 0, problems: [{ code: 'page-tree-cycle', status: 422 }] });
    expect(await checkPdf(parentCycle())).toMatchObject({ ok: false, problems: [{ code: 'page-tree-cycle' }] });
    expect(await checkPdf(manyPages(30), { maxPages: 20 })).toMatchObject({ ok: false, problems: [{ code: 'pages' }] });
    expect(await checkPdf(junkAfterHeader(4096))).toMatchObject({ ok: false, problems: [{ code: 'damaged', status: 400 }] });
    expect(await checkPdf(await makePdf('FINE', 3))).toEqual({ ok: true, pages: 3, problems: [], activeContent: [] });
  });
});

describe('active content is removed before a PDF is stored', () => {
  const stored = async (pdf: Buffer) => {
    const res = await upload(pdf);
    expect(res.statusCode).toBe(201);
    const got = await t.admin.get(`/api/v1/uploads/${res.json().id}/pdf`);
    expect(got.statusCode).toBe(200);
    expect(res.json().size).toBe(got.rawPayload.length);
    return got.rawPayload;
  };
  const catalogOf = async (pdf: Buffer) => (await PDFDocument.load(pdf, { updateMetadata: false })).catalog;

  it('JavaScript: /OpenAction, the /JavaScript name tree and a page /AA', async () => {
    const armed = await armedPdf('JS-DOC', arms.openActionJavaScript);
    expect((await checkPdf(armed)).activeContent).toEqual(expect.arrayContaining(['JavaScript', 'automatic actions (/AA)', 'an action run on opening (/OpenAction)']));
    const pdf = await stored(armed);
    const catalog = await catalogOf(pdf);
    expect(catalog.get(PDFName.of('OpenAction'))).toBeUndefined();
    expect((catalog.lookup(PDFName.of('Names')) as PDFDict | undefined)?.get(PDFName.of('JavaScript'))).toBeUndefined();
    const raw = pdf.toString('latin1');
    for (const s of ['/JavaScript', '/JS', '/OpenAction', '/AA', 'PWNED', 'app.alert']) expect(raw).not.toContain(s);
    expect((await checkPdf(pdf)).activeContent).toEqual([]);
    expect(pageCount(pdf)).toBe(2);
    expect(flat(pdfText(pdf))).toContain('JS-DOC page 2');
  });

  it('/Launch (the ordinary link beside it stays)', async () => {
    const pdf = await stored(await armedPdf('LAUNCH-DOC', arms.launch));
    const raw = pdf.toString('latin1');
    expect(raw).not.toContain('/Launch');
    expect(raw).not.toContain('calc.exe');
    expect(raw).toContain('https://www.gov.uk/');
    expect((await checkPdf(pdf)).activeContent).toEqual([]);
  });

  it('embedded files, /SubmitForm and XFA', async () => {
    const pdf = await stored(await armedPdf('FILES-DOC', arms.embeddedFiles));
    const catalog = await catalogOf(pdf);
    expect((catalog.lookup(PDFName.of('Names')) as PDFDict | undefined)?.get(PDFName.of('EmbeddedFiles'))).toBeUndefined();
    expect((catalog.lookup(PDFName.of('AcroForm')) as PDFDict).get(PDFName.of('XFA'))).toBeUndefined();
    const raw = pdf.toString('latin1');
    for (const s of ['/EmbeddedFile', '/SubmitForm', 'EVIL', 'payload.exe', '/XFA']) expect(raw).not.toContain(s);
    expect(flat(pdfText(pdf))).toContain('FILES-DOC page 1');
  });

  it('keeps a tagged PDF tagged (structure tree, marked content) when cleaning it', async () => {
    const printed = await t.app.renderer.pdf('<!doctype html><html lang="en"><title>Tagged</title><h1>TAGGED-HEADING</h1><p>Body text.</p></html>');
    const doc = await PDFDocument.load(printed, { updateMetadata: false });
    arms.openActionJavaScript(doc);
    const pdf = await stored(Buffer.from(await doc.save()));
    const catalog = await catalogOf(pdf);
    expect(catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
    expect(catalog.get(PDFName.of('MarkInfo'))).toBeDefined();
    expect(catalog.get(PDFName.of('OpenAction'))).toBeUndefined();
    expect(pdfText(pdf)).toContain('TAGGED-HEADING');
  });

  it('stores a PDF without active content byte for byte', async () => {
    const clean = await makePdf('CLEAN', 2);
    expect((await stored(clean)).equals(clean)).toBe(true);
  });
});

describe('the server throughout', () => {
  it('answered /health within 2 s and stayed under 1.5 GB', () => {
    expect(health.samples).toBeGreaterThan(5);
    expect(health.maxMs).toBeLessThan(2000);
    expect(maxRss).toBeLessThan(1.5 * 1024 ** 3);
  });
});
