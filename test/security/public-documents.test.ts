// Anonymous readers get stored copies: a public pack is printed once per change of its inputs (one
// build however many ask at once, while staff still get their PDFs), served with a strong ETag (304),
// rebuilt when an input changes; drafts never reach the public; a timed-out page count is remembered;
// anonymous requests are limited per address (429 + Retry-After).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPdf } from '../../src/documents/pdf-check.js';
import { ADMIN_TOKEN, createTestApp, problem, type TestApp } from '../helpers/app.js';
import { armedPdf, arms } from '../helpers/hostile-pdfs.js';
import { flat, pdfText } from '../helpers/pdf.js';
import { launchBrowser } from './browser.js';

let t: TestApp;
let meetingId: string;
let planId: string;
let areaId: string;
let draftId: string;

const anon = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const post = async (url: string, body: unknown) => {
  const res = await t.admin.post(url, body);
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`POST ${url} → ${res.statusCode}: ${res.body}`);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp({ publicRateLimit: { max: 10_000, windowMs: 60_000 } });
  planId = (await post('/api/v1/plans', { title: 'Public WSoA', kind: 'wsoa', localArea: 'Testshire', inspectionReportPublishedOn: '2022-03-01' })).id;
  areaId = (await post(`/api/v1/plans/${planId}/areas`, { number: 1, title: 'Identification of need' })).id;
  await post(`/api/v1/areas/${areaId}/updates`, { asOf: '2022-11-01', done: ['PROGRESS-MARKER-ONE done'], next: ['Next'] });
  const projectId = (await post(`/api/v1/plans/${planId}/projects`, { code: 'PR1', name: 'Inclusion' })).id;
  const published = (await post(`/api/v1/projects/${projectId}/highlight-reports`, { periodStart: '2022-09-01', periodEnd: '2022-09-30', overallStatus: 'on-target', summary: 'PUBLISHED-REPORT-MARKER' })).id;
  await post(`/api/v1/highlight-reports/${published}/publish`, undefined);
  draftId = (await post(`/api/v1/projects/${projectId}/highlight-reports`, { periodStart: '2022-10-01', periodEnd: '2022-10-31', overallStatus: 'at-risk', summary: 'DRAFT-SECRET-MARKER' })).id;
  // An upload stored before uploads were checked: it still carries JavaScript.
  const old = await t.app.repos.uploads.create(
      { bytes: await armedPdf('OLD-UPLOAD', arms.openActionJavaScript), pages: 2, sha256: 'x', size: 1, filename: 'old.pdf' },
      { tokenId: null, name: 'test', role: 'admin', requestId: 'r' },
    );
  meetingId = (
    await post('/api/v1/meetings', {
      committee: 'SEND Scrutiny Panel',
      startsAt: '2022-12-13T18:00:00Z',
      items: [
        { number: 1, title: 'Minutes', document: { type: 'minutes', text: 'MINUTES-PUBLIC-MARKER' } },
        { number: 2, title: 'Published highlight report', document: { type: 'highlight-report', id: published } },
        { number: 3, title: 'Draft highlight report', document: { type: 'highlight-report', id: draftId } },
        { number: 4, title: 'Old upload', document: { type: 'upload', id: old.id } },
        { number: 5, title: 'Progress', document: { type: 'progress-report', planId, asOf: '2022-11-18' } },
      ],
    })
  ).id;
});
afterAll(() => t.close());

describe('drafts never reach the public', () => {
  it('the public page lists a draft report with a note and no link', async () => {
    const res = await anon(`/meetings/${meetingId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('This report has not been published yet.');
    expect(res.body).not.toContain(`/meetings/${meetingId}/items/3`);
    expect(res.body).toContain(`/meetings/${meetingId}/items/2`);
    problem(await anon(`/meetings/${meetingId}/items/3`), 404);
    expect((await anon(`/meetings/${meetingId}/items/2`)).body).toContain('PUBLISHED-REPORT-MARKER');
  });
});

let packEtag: string;

describe('the public pack is printed once and stored', () => {
  it('many concurrent anonymous requests cause one print, and staff still get their PDF meanwhile', async () => {
    // Page counts measured first (as the agenda page does): that prints each document once, and the pack
    // is assembled from those prints, so 20 anonymous pack requests print nothing more.
    await t.app.inject({ method: 'GET', url: `/meetings/${meetingId}` });
    await t.app.documents.packs.outline(meetingId, 1, { publishedOnly: true });
    const before = t.app.renderer.stats.renders;
    const [staff, ...packs] = await Promise.all([
      t.admin.get(`/api/v1/highlight-reports/${draftId}/pdf`),
      ...Array.from({ length: 20 }, () => anon(`/meetings/${meetingId}/pack.pdf`)),
    ]);
    expect(staff!.statusCode).toBe(200);
    expect(pdfText(staff!.rawPayload)).toContain('DRAFT-SECRET-MARKER');
    for (const p of packs) expect(p.statusCode).toBe(200);
    expect(new Set(packs.map((p) => p.headers.etag)).size).toBe(1);
    expect(t.app.renderer.stats.renders - before).toBe(1); // the staff report only
    packEtag = String(packs[0]!.headers.etag);
    expect(packEtag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(packs[0]!.headers['cache-control']).toBe('public, max-age=60');

    if (process.env.SCREENSHOT_DIR) writeFileSync(`${process.env.SCREENSHOT_DIR}/public-pack.pdf`, packs[0]!.rawPayload);
    const text = flat(pdfText(packs[0]!.rawPayload));
    expect(text).toContain('PUBLISHED-REPORT-MARKER');
    expect(text).toContain('This report has not been published yet.');
    expect(text).toContain('PROGRESS-MARKER-ONE');
    expect(text).not.toContain('DRAFT-SECRET-MARKER');
  });

  it('answers If-None-Match with 304, and later requests from the stored copy', async () => {
    const before = t.app.renderer.stats.renders;
    const again = await anon(`/meetings/${meetingId}/pack.pdf`, { 'if-none-match': packEtag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect(again.headers.etag).toBe(packEtag);
    expect((await anon(`/meetings/${meetingId}/pack.pdf`, { 'if-none-match': `W/${packEtag}, "other"` })).statusCode).toBe(304);
    expect((await anon(`/meetings/${meetingId}/pack.pdf`)).headers.etag).toBe(packEtag);
    // The agenda now takes its page numbers from the stored pack.
    const agenda = await anon(`/meetings/${meetingId}`);
    expect(agenda.body).toMatch(/Pack pages \d+–\d+/);
    expect((await anon(`/meetings/${meetingId}`, { 'if-none-match': String(agenda.headers.etag) })).statusCode).toBe(304);
    expect(t.app.renderer.stats.renders).toBe(before);
  });

  it('is printed again when an input changes (a new progress update), and only then', async () => {
    await post(`/api/v1/areas/${areaId}/updates`, { asOf: '2022-11-10', done: ['PROGRESS-MARKER-TWO done'], next: ['Next'] });
    const res = await anon(`/meetings/${meetingId}/pack.pdf`, { 'if-none-match': packEtag });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).not.toBe(packEtag);
    expect(flat(pdfText(res.rawPayload))).toContain('PROGRESS-MARKER-TWO');
    const before = t.app.renderer.stats.renders;
    expect((await anon(`/meetings/${meetingId}/pack.pdf`)).headers.etag).toBe(res.headers.etag);
    expect(t.app.renderer.stats.renders).toBe(before);
    // Only the newest copy of the pack is kept.
    expect(await t.query(`select count(*) as n from public_documents where meeting_id = ? and kind = 'pack'`, [meetingId])).toEqual([{ n: 1 }]);
  });

  it('shows a report once it is published', async () => {
    await post(`/api/v1/highlight-reports/${draftId}/publish`, undefined);
    const text = flat(pdfText((await anon(`/meetings/${meetingId}/pack.pdf`)).rawPayload));
    expect(text).toContain('DRAFT-SECRET-MARKER');
    expect(text).not.toContain('This report has not been published yet.');
    expect((await anon(`/meetings/${meetingId}/items/3`)).statusCode).toBe(200);
  });

  it('serves an upload stored before checks were made without its JavaScript', async () => {
    const res = await anon(`/meetings/${meetingId}/items/4`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(res.rawPayload.toString('latin1')).not.toContain('/JavaScript');
    expect((await checkPdf(res.rawPayload)).activeContent).toEqual([]);
    expect(pdfText(res.rawPayload)).toContain('OLD-UPLOAD page 1');
  });
});

describe('the public page with a report left out', () => {
  it('passes axe-core in real Chromium, on a desktop and a phone', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const html = (await anon(`/meetings/${meetingId}`)).body;
    const browser = await launchBrowser();
    try {
      for (const width of [1280, 375]) {
        const page = await browser.newPage();
        await page.setViewport({ width, height: 900 });
        await page.setBypassCSP(true);
        await page.setContent(html, { waitUntil: 'load' });
        await page.addScriptTag({ content: axe });
        const violations = await page.evaluate(async () => {
          const result = await (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }).axe.run();
          return result.violations.map((v) => v.id);
        });
        expect(violations).toEqual([]);
        // Nothing wider than the viewport.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/public-meeting-${width}.png`, fullPage: true });
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});

describe('a page count that timed out is remembered', () => {
  it('the agenda answers without page numbers and does not print again on the next view', async () => {
    // Every render times out (the limit is 1 ms).
    const slow = await createTestApp({ render: { timeoutMs: 1 }, publicDocuments: { agendaWaitMs: 60_000, failureTtlMs: 60_000 } });
    try {
      const plan = (await slow.admin.post('/api/v1/plans', { title: 'P', kind: 'wsoa', localArea: 'X' })).json().id;
      const m = (
        await slow.admin.post('/api/v1/meetings', { committee: 'Panel', startsAt: '2022-12-13T18:00:00Z', items: [{ number: 1, title: 'Progress', document: { type: 'progress-report', planId: plan } }] })
      ).json().id;
      let prints = 0;
      const pdf = slow.app.renderer.pdf.bind(slow.app.renderer);
      slow.app.renderer.pdf = (...args) => {
        prints++;
        return pdf(...args);
      };
      const first = await slow.app.inject({ method: 'GET', url: `/meetings/${m}` });
      expect(first.statusCode).toBe(200);
      expect(first.body).not.toContain('Pack pages');
      expect(prints).toBeGreaterThan(0);
      const counted = prints;
      const second = await slow.app.inject({ method: 'GET', url: `/meetings/${m}` });
      expect(second.statusCode).toBe(200);
      expect(prints).toBe(counted);
      // The pack too: its failure is answered again without a new print.
      problem(await slow.app.inject({ method: 'GET', url: `/meetings/${m}/pack.pdf` }), 504);
      const afterPack = prints;
      problem(await slow.app.inject({ method: 'GET', url: `/meetings/${m}/pack.pdf` }), 504);
      expect(prints).toBe(afterPack);
    } finally {
      await slow.close();
    }
  });
});

describe('anonymous requests are limited per client address', () => {
  it('answers 429 with Retry-After after the limit, and leaves the API alone', async () => {
    const limited = await createTestApp({ publicRateLimit: { max: 3, windowMs: 60_000 } });
    try {
      for (let i = 0; i < 3; i++) problem(await limited.app.inject({ method: 'GET', url: '/meetings/mtg_missing' }), 404);
      const p = problem(await limited.app.inject({ method: 'GET', url: '/meetings/mtg_missing/pack.pdf' }), 429);
      expect(p.detail).toMatch(/Too many requests for public pages/);
      const res = await limited.app.inject({ method: 'GET', url: '/calendars/whatever.ics' });
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // Percent-encoded spellings reach the same route and count too.
      expect((await limited.app.inject({ method: 'GET', url: '/%6Deetings/mtg_missing' })).statusCode).toBe(429);
      expect((await limited.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      expect((await limited.app.inject({ method: 'GET', url: '/api/v1/plans', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('counts each client behind a trusted proxy by its own address', async () => {
    const proxied = await createTestApp({ trustProxy: true, publicRateLimit: { max: 2, windowMs: 60_000 } });
    try {
      const from = (ip: string) => proxied.app.inject({ method: 'GET', url: '/meetings/mtg_missing', headers: { 'x-forwarded-for': ip } });
      expect((await from('203.0.113.1')).statusCode).toBe(404);
      expect((await from('203.0.113.1')).statusCode).toBe(404);
      expect((await from('203.0.113.1')).statusCode).toBe(429);
      expect((await from('203.0.113.2')).statusCode).toBe(404);
      // One IPv6 /64 is one client.
      expect((await from('2001:db8:1:2::1')).statusCode).toBe(404);
      expect((await from('2001:db8:1:2::ffff')).statusCode).toBe(404);
      expect((await from('2001:db8:1:2:abcd::1')).statusCode).toBe(429);
    } finally {
      await proxied.close();
    }
  });
});
