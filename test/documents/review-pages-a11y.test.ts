// The review note and the changes page as web pages: axe-core finds no WCAG 2 A/AA violation in real
// Chromium, at desktop and phone widths, and nothing overflows the page sideways.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExample, type ExampleIds } from '../../src/example/load.js';
import { chromiumArgs, findBrowser } from '../../src/render/browser-path.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let t: TestApp;
let ids: ExampleIds;
let browser: Browser;
const pages: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  ids = await loadExample(t.app);
  const reviews = (await t.admin.get(`/api/v1/plans/${ids.planId}/reviews`)).json();
  pages.review = (await t.admin.get(`/api/v1/reviews/${reviews.items[1].id}/html`)).body;
  const changes = t.app.documents.changesPages;
  pages.changes = changes.renderHtml(await changes.view(ids.planId, '2022-11-17', '2022-12-13', 'the previous meeting (17/11/2022)'));
  browser = await puppeteer.launch({ executablePath: findBrowser(), args: chromiumArgs(), headless: true });
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

describe('review note and changes page as web pages', () => {
  for (const name of ['review', 'changes']) {
    for (const width of [1280, 375]) {
      it(`${name} at ${width} px: no axe violations, no sideways overflow`, async () => {
        const page = await browser.newPage();
        try {
          await page.setViewport({ width, height: 900 });
          await page.setContent(pages[name]!, { waitUntil: 'load' });
          if (process.env.KEEP_PDF) writeFileSync(join(process.env.KEEP_PDF, `${name}-${width}.png`), await page.screenshot({ fullPage: false }));
          await page.addScriptTag({ content: AXE });
          const violations = await page.evaluate(async () => {
            const r = await (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
            return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
          });
          expect(violations).toEqual([]);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow).toBeLessThanOrEqual(0);
        } finally {
          await page.close();
        }
      });
    }
  }
});
