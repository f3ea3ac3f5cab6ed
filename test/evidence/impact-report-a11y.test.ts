// The impact report's web page in a real Chromium: axe-core finds no violations, and it reads at desktop
// and phone widths (screenshots written for a person to look at).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { launchBrowser } from '../security/browser.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let t: TestApp;
let browser: Browser;
let planId: string;

beforeAll(async () => {
  t = await createTestApp();
  browser = await launchBrowser();
  const a = t.admin;
  planId = (await a.post('/api/v1/plans', { title: 'Wolverhampton WSoA', kind: 'wsoa', localArea: 'Wolverhampton' })).json().id;
  const area = (await a.post(`/api/v1/plans/${planId}/areas`, { number: 2, title: 'EHC plan timeliness' })).json().id;
  const m = (
    await a.post(`/api/v1/plans/${planId}/measures`, {
      ref: 'M2.1',
      title: 'EHC plans within 20 weeks',
      definition: 'Monthly',
      unit: '%',
      direction: 'higher-is-better',
      areaIds: [area],
      baseline: { value: 31, period: '2022-01-31' },
      target: { value: 80, by: '2023-03-31' },
      comparators: [{ name: 'England average', value: 59.9, period: '2021-12-31' }],
    })
  ).json();
  await a.post(`/api/v1/measures/${m.id}/values`, { period: '2022-09-30', value: 58 });
  await a.patch(`/api/v1/measures/${m.id}`, { definition: 'Cumulative' });
  await a.post(`/api/v1/plans/${planId}/evidence`, { title: 'Survey', kind: 'voice', asOf: '2022-09-01', url: 'https://example.org/s', areaIds: [area], requestItems: ['2.1'] });
  await a.post(`/api/v1/areas/${area}/updates`, { asOf: '2022-10-31', evidenceOfImpact: 'More plans on time.' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t.close();
});

describe('impact report web page', () => {
  it('passes axe-core and fits 1280 and 375 px', async () => {
    const html = (await t.admin.get(`/api/v1/plans/${planId}/impact-report/html?asOf=2022-11-18`)).body;
    const page = await browser.newPage();
    try {
      for (const width of [1280, 375]) {
        await page.setViewport({ width, height: 900 });
        await page.setContent(html);
        await page.screenshot({ path: `/tmp/impact-report-${width}.png`, fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
      }
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const r = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
        return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
