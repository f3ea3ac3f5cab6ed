// The rendering sandbox: user text carrying HTML, <script>, <img src=…>, CSS url(…), file:///etc/passwd
// and very long unbroken strings renders as harmless literal text — in the PDF (through the real Chromium
// renderer) and in the HTML page (also opened in a real, script-enabled Chromium) — with no network or file
// access, and no layout blow-up: every page is still A4 landscape, nothing runs off the page, the long
// strings wrap and come out whole.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app.js';
import { launchBrowser, openThroughApp } from './browser.js';

let t: TestApp;
let listener: Server;
const hits: string[] = [];
let L = ''; // the listener's origin, used in every payload that would fetch something
const work = mkdtempSync(join(tmpdir(), 'spt-sandbox-'));

/** A deterministic unbroken string of letters and digits (no spaces, no hyphens: nothing to break at). */
function unbroken(length: number, seed: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += alphabet[x % alphabet.length];
  }
  return out;
}
const LONG_SUMMARY = unbroken(3000, 1);
const LONG_HELP = unbroken(3000, 2);
const LONG_RISK = unbroken(3000, 3);
const LONG_TASK = unbroken(480, 4);
const LONG_ITEM = unbroken(1900, 5);

const payloads = () => ({
  script: `<script>window.__pwned=1;fetch('${L}/script');alert('xss')</script>`,
  img: `<img src="${L}/img.png" onerror="alert(1)">`,
  cssUrl: `<div style="background:url(${L}/inline-style.png)">styled</div>`,
  styleBreak: `</style><style>body{background:url(${L}/style-break.png)}</style>`,
  cssImport: `@import url(${L}/import.css); body { background: url("${L}/bare-url.png") }`,
  link: `<link rel="stylesheet" href="${L}/link.css">`,
  iframe: `<iframe src="file:///etc/passwd"></iframe>`,
  file: 'file:///etc/passwd',
  js: `<a href="javascript:alert(1)">click me</a>`,
  svg: `<svg onload="alert(1)"><image href="${L}/svg.png"/></svg>`,
  object: `<object data="${L}/object"></object><embed src="${L}/embed">`,
  base: `<base href="${L}/base/">`,
  meta: `<meta http-equiv="refresh" content="0;url=${L}/refresh">`,
  handlebars: `{{constructor.constructor('return process')()}} {{{raw}}}`,
  entity: '&lt;already-escaped&gt; &amp; &#60;script&#62;',
});

function pdftotext(pdf: Buffer, name: string, ...args: string[]): string {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function pageSizes(pdf: Buffer, name: string): { w: number; h: number }[] {
  const file = join(work, `${name}-info.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ w: Number(m[1]), h: Number(m[2]) }));
}

/** Words that reach beyond their page's edges (pdftotext -bbox-layout gives every word's box). */
function offPageWords(pdf: Buffer, name: string): string[] {
  const xml = pdftotext(pdf, `${name}-bbox`, '-bbox');
  const out: string[] = [];
  for (const page of xml.split('<page ').slice(1)) {
    const w = Number(/width="([\d.]+)"/.exec(page)![1]);
    const h = Number(/height="([\d.]+)"/.exec(page)![1]);
    for (const m of page.matchAll(/<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g)) {
      const [x0, y0, x1, y1] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
      if (x0 < 0 || y0 < 0 || x1 > w + 0.5 || y1 > h + 0.5) out.push(`${m[5]!.slice(0, 40)} (${x0},${y0})-(${x1},${y1}) on ${w}x${h}`);
    }
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Whether `target` appears whole in `flat`, in order, as runs of at least `minRun` characters: a wrapped
 * string comes out line by line, and where it crosses a page the running header, footer and repeated
 * table header sit between its lines. Every character must be there (nothing cut off), in order.
 */
function wholeInOrder(flat: string, target: string, minRun = 16): boolean {
  let pos = 0;
  let cursor = 0;
  while (pos < target.length) {
    let lo = 0;
    let hi = target.length - pos;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (flat.indexOf(target.slice(pos, pos + mid), cursor) >= 0) lo = mid;
      else hi = mid - 1;
    }
    if (lo < Math.min(minRun, target.length - pos)) return false;
    cursor = flat.indexOf(target.slice(pos, pos + lo), cursor) + lo;
    pos += lo;
  }
  return true;
}

let reportId: string;
let hostileText: string[] = [];

beforeAll(async () => {
  listener = createServer((req: IncomingMessage, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('fetched');
  });
  await new Promise<void>((r) => listener.listen(0, '127.0.0.1', () => r()));
  L = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;

  t = await createTestApp();
  const p = payloads();
  hostileText = Object.values(p);
  const a = t.admin;
  const ok = async (res: Promise<{ statusCode: number; body: string; json(): { id: string } }>) => {
    const r = await res;
    if (r.statusCode !== 201) throw new Error(`setup: ${r.statusCode} ${r.body}`);
    return r.json().id;
  };
  const plan = await ok(a.post('/api/v1/plans', { title: p.script, kind: 'wsoa', localArea: p.img.slice(0, 200), principalAuthority: p.file }));
  const project = await ok(
    a.post(`/api/v1/plans/${plan}/projects`, {
      code: p.img.slice(0, 200),
      name: `${p.script} Culture of Inclusion ${p.styleBreak}`.slice(0, 500),
      author: p.styleBreak.slice(0, 200),
      gatewayStage: p.file,
      approver: p.iframe,
      budget: 100000,
    }),
  );
  const ws = await ok(a.post(`/api/v1/projects/${project}/workstreams`, { letter: 'A', title: `<h1>Injected heading</h1> ${p.link}`.slice(0, 500), aim: p.cssImport }));
  await ok(
    a.post(`/api/v1/plans/${plan}/actions`, {
      ref: '1.1',
      title: p.script,
      projectId: project,
      workstreamId: ws,
      startDate: '2022-04-01',
      dueDate: '2023-03-31',
      percentComplete: 40,
      delayReason: p.img,
      mitigation: p.cssUrl,
    }),
  );
  await ok(a.post(`/api/v1/plans/${plan}/actions`, { ref: '1.2', title: LONG_TASK, projectId: project, startDate: '2022-06-01', dueDate: '2022-12-31', milestone: true }));
  await ok(a.post(`/api/v1/plans/${plan}/actions`, { ref: '1.3', title: `${p.svg} ${p.meta}`.slice(0, 500), projectId: project, dueDate: '2023-01-31' }));
  await ok(
    a.post(`/api/v1/projects/${project}/risks`, {
      ref: 'R1',
      description: `${p.img} ${LONG_RISK}`,
      impactDescription: p.object,
      likelihood: 3,
      impact: 4,
      mitigation: p.cssImport,
      owner: p.base.slice(0, 200),
    }),
  );
  await ok(a.post(`/api/v1/projects/${project}/issues`, { ref: 'I1', description: p.iframe, impactDescription: p.js, impactScore: 2, mitigation: p.handlebars }));
  await ok(
    a.post(`/api/v1/projects/${project}/dependencies`, {
      ref: 'D1',
      description: p.link,
      impactScore: 3,
      mitigation: p.svg,
      updates: [{ date: '2022-05-01', text: p.meta }],
    }),
  );
  await ok(a.post(`/api/v1/projects/${project}/benefits`, { ref: 'BEN.1', description: p.cssUrl, kind: 'cashable', valueGbpThousands: 12 }));
  await ok(a.post(`/api/v1/projects/${project}/benefits`, { ref: 'BEN.2', description: p.entity, kind: 'non-cashable' }));
  reportId = await ok(
    a.post(`/api/v1/projects/${project}/highlight-reports`, {
      periodStart: '2022-11-01',
      periodEnd: '2022-11-30',
      overallStatus: 'at-risk',
      summary: [...hostileText, LONG_SUMMARY].join('\n\n'),
      helpRequired: LONG_HELP,
      achievements: [
        { workstreamId: ws, text: p.img },
        { workstreamId: ws, text: p.link },
        { text: LONG_ITEM },
      ],
      nextSteps: [{ text: p.cssImport }, { text: p.meta }, { text: p.js }],
      statusSummary: {
        tasks: { status: 'at-risk', explanation: p.base },
        costs: { status: 'on-target', explanation: p.object },
        risks: { status: 'off-target', explanation: p.styleBreak },
      },
      costs: { spendToDate: 1000, forecastSpend: 2000, budget: 100000 },
    }),
  );
}, 120_000);

afterAll(async () => {
  await t?.close();
  await new Promise((r) => listener?.close(r));
  rmSync(work, { recursive: true, force: true });
});

function expectLiteral(text: string, label: string) {
  const flat = squash(text);
  for (const payload of hostileText) expect(flat, `${label}: ${payload}`).toContain(squash(payload));
  for (const [name, long] of Object.entries({ LONG_SUMMARY, LONG_HELP, LONG_RISK, LONG_TASK, LONG_ITEM })) {
    expect(wholeInOrder(flat, long), `${label}: ${name} whole`).toBe(true);
  }
  // Nothing was read from the file system.
  expect(text).not.toMatch(/root:x:0:0|\/bin\/(ba)?sh/);
  expect(text).not.toContain('Injected heading\n\n'); // (as literal text it sits inside its tags)
}

async function checkPdf(pdf: Buffer, name: string) {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdftotext(pdf, name);
  expectLiteral(text, name);
  // The long strings wrapped: several lines each, and no line wider than the page allows.
  const longLines = text.split('\n').filter((l) => l.length > 20 && LONG_SUMMARY.includes(l.trim()));
  expect(longLines.length).toBeGreaterThanOrEqual(10);
  expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThan(400);
  // Every page still A4 landscape, a sane number of them, and no word beyond a page edge.
  const sizes = pageSizes(pdf, name);
  expect(sizes.length).toBeGreaterThan(0);
  expect(sizes.length).toBeLessThanOrEqual(15);
  for (const s of sizes) {
    expect(Math.abs(s.w - 841.89)).toBeLessThan(2);
    expect(Math.abs(s.h - 595.28)).toBeLessThan(2);
  }
  expect(offPageWords(pdf, name)).toEqual([]);
}

describe('rendering sandbox', () => {
  it('prints hostile text literally in the PDF, with no network or file access and no layout blow-up', { timeout: 180_000 }, async () => {
    const before = t.app.renderer.stats.blockedRequests;
    const res = await t.admin.get(`/api/v1/highlight-reports/${reportId}/pdf`);
    expect(res.statusCode).toBe(200);
    await checkPdf(res.rawPayload, 'draft');
    expect(hits).toEqual([]);
    // Not even an attempt: the page asked for nothing that the renderer had to refuse.
    expect(t.app.renderer.stats.blockedRequests - before).toBe(0);
  });

  it('serves escaped HTML: no markup from user data survives', async () => {
    const res = await t.admin.get(`/api/v1/highlight-reports/${reportId}/html`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    const lower = html.toLowerCase();
    for (const tag of ['<script', '<img', '<iframe', '<object', '<embed', '<svg', '<base', '<link', '<meta http-equiv', '<h1>injected', 'href="javascript:', '<div style=']) {
      expect(lower, tag).not.toContain(tag);
    }
    expect(html).toContain('&lt;script&gt;');
    expect(html).toMatch(/&lt;img src(=|&#x3d;)/i); // Handlebars escapes = as well
    expect(html).toContain('&amp;lt;already-escaped&amp;gt;');
    // The listener's address appears only as escaped text, never inside a <style> element.
    for (const style of html.match(/<style[\s\S]*?<\/style>/gi) ?? []) expect(style).not.toContain(L);
    expect(html).not.toContain(`url(${L}`.replace('(', '\\('));
    // Handlebars never evaluated user text as a template.
    expect(html).toContain('{{constructor.constructor(');
    expect(hits).toEqual([]);
  });

  it('stays inert when the HTML page is opened in a browser with scripts on', { timeout: 120_000 }, async () => {
    const browser = await launchBrowser();
    try {
      const { page, response, elsewhere, dialogs, console: messages } = await openThroughApp(browser, t.app, `/api/v1/highlight-reports/${reportId}/html`, {
        authorization: `Bearer ${ADMIN_TOKEN}`,
      });
      expect(response?.status()).toBe(200);
      const found = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        elements: document.querySelectorAll('script, iframe, object, embed, base, link, svg, meta[http-equiv], img').length,
        text: document.body.innerText,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }));
      expect(found.pwned).toBeNull();
      expect(found.elements).toBe(0);
      expect(dialogs).toEqual([]);
      // The page asked for nothing beyond itself (its CSP, default-src 'none', would refuse it anyway).
      expect(elsewhere).toEqual([]);
      expect(messages.filter((m) => /Refused|Content Security Policy/i.test(m))).toEqual([]);
      expectLiteral(found.text, 'browser');
      // The long strings wrap on screen too: the page does not scroll sideways.
      expect(found.overflow).toBeLessThanOrEqual(0);
      expect(hits).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('keeps all of this true for the published, frozen record', { timeout: 180_000 }, async () => {
    // The project has an approver: submitted by one token, approved by another whose name is hostile too
    // (it is printed in the Approvals section).
    const approver = await t.admin.post('/api/v1/tokens', { name: payloads().iframe, role: 'editor' });
    expect((await t.admin.post(`/api/v1/highlight-reports/${reportId}/submit`)).statusCode).toBe(200);
    expect((await t.as(approver.json().token).post(`/api/v1/highlight-reports/${reportId}/approve`)).statusCode).toBe(200);
    const published = await t.admin.post(`/api/v1/highlight-reports/${reportId}/publish`);
    expect(published.statusCode).toBe(200);
    const res = await t.admin.get(`/api/v1/highlight-reports/${reportId}/pdf`);
    expect(res.statusCode).toBe(200);
    await checkPdf(res.rawPayload, 'published');
    expect(hits).toEqual([]);
  });
});
