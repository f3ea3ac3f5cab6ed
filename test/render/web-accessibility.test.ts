// The web pages of our documents, checked in real Chromium with axe-core at desktop (1280 px) and phone
// (375 px) widths: the public meeting page, each public item page, and the HTML of the highlight report
// and the progress report. Each must have 0 axe violations, a <main> landmark reached by a skip link,
// nothing wider than the screen, and (item pages) a link back to the agenda. Screenshots are written to
// $SCREENSHOT_DIR when it is set, to look at.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExample, type ExampleIds } from '../../src/example/load.js';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app.js';
import { launchBrowser, openThroughApp } from '../security/browser.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = process.env.SCREENSHOT_DIR;

let t: TestApp;
let ids: ExampleIds;
let browser: Browser;

beforeAll(async () => {
  t = await createTestApp();
  ids = await loadExample(t.app);
  browser = await launchBrowser();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

interface Checked {
  violations: { id: string; impact: string | null; help: string; nodes: string[] }[];
  overflow: { scrollWidth: number; offenders: string[] };
  main: number;
  skipTarget: string | null;
  backLink: string | null;
}

async function check(path: string, width: number, name: string, token?: string): Promise<Checked> {
  const { page, response } = await openThroughApp(browser, t.app, path, token ? { authorization: `Bearer ${token}` } : {});
  try {
    expect(response?.status(), path).toBe(200);
    await page.setViewport({ width, height: 900 });
    if (SHOTS) {
      // In screen-high slices, so each can be looked at.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const slice = width < 800 ? 1400 : 1000;
      for (let y = 0, n = 1; y < height && n <= 12; y += slice, n++) {
        await page.screenshot({ path: join(SHOTS, `${name}-${width}-${n}.png`), clip: { x: 0, y, width, height: Math.min(slice, height - y) }, captureBeyondViewport: true });
      }
    }
    // The page's own CSP allows no script: axe is evaluated through the DevTools protocol, in this test only.
    await page.evaluate(axeSource);
    const violations = (await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    })) as Checked['violations'];
    const rest = await page.evaluate(() => {
      const doc = document.documentElement;
      const offenders = Array.from(document.querySelectorAll('body *'))
        .filter((e) => e.getBoundingClientRect().right > doc.clientWidth + 1 && getComputedStyle(e).position !== 'absolute')
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${Array.from(e.classList).join('.')}`);
      const skip = document.querySelector('a.skip-link') as HTMLAnchorElement | null;
      const back = Array.from(document.querySelectorAll('a')).find((a) => /agenda/i.test(a.textContent ?? '') && /\/meetings\//.test(a.getAttribute('href') ?? ''));
      return {
        overflow: { scrollWidth: doc.scrollWidth, offenders },
        main: document.querySelectorAll('main').length,
        skipTarget: skip && document.querySelector(skip.getAttribute('href') ?? '#none')?.tagName.toLowerCase() ? skip.getAttribute('href') : null,
        backLink: back?.getAttribute('href') ?? null,
      };
    });
    return { violations, ...rest };
  } finally {
    await page.close();
  }
}

const WIDTHS = [1280, 375];

function expectGood(r: Checked, width: number) {
  expect(r.violations, JSON.stringify(r.violations, null, 1)).toEqual([]);
  expect(r.main).toBe(1);
  expect(r.skipTarget).toBe('#main');
  expect(r.overflow.scrollWidth, JSON.stringify(r.overflow.offenders)).toBeLessThanOrEqual(width);
}

describe('web pages pass axe-core at 1280 and 375 px', () => {
  it('the public meeting page', async () => {
    for (const w of WIDTHS) expectGood(await check(`/meetings/${ids.meetingId}`, w, 'meeting'), w);
  }, 120_000);

  it('each public item page, with a link back to the agenda', async () => {
    const meeting = (await t.admin.get(`/api/v1/meetings/${ids.meetingId}`)).json();
    const items = (meeting.items as { number: number; document?: { type: string } }[]).filter((i) => i.document && i.document.type !== 'upload' && (meeting.items as { part?: number }[]).length);
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const item of items) {
      for (const w of WIDTHS) {
        const r = await check(`/meetings/${ids.meetingId}/items/${item.number}`, w, `item-${item.number}`);
        expectGood(r, w);
        expect(r.backLink).toBe(`/meetings/${ids.meetingId}#item-${item.number}`);
      }
    }
  }, 240_000);

  it('the highlight report and progress report web pages (GET …/html)', async () => {
    const hr = ids.highlightReportIds[ids.highlightReportIds.length - 1]!;
    for (const w of WIDTHS) {
      expectGood(await check(`/api/v1/highlight-reports/${hr}/html`, w, 'highlight-report', ADMIN_TOKEN), w);
      expectGood(await check(`/api/v1/plans/${ids.planId}/progress-report/html?asOf=2022-11-18`, w, 'progress-report', ADMIN_TOKEN), w);
    }
  }, 240_000);
});
