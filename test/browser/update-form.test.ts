// The owner's update form in real Chromium (JavaScript off, as the page needs none): filled in and sent
// by keyboard only, the error path (summary focused, links to fields, values kept), and axe-core with
// 0 violations at 1280 and 375 px. Screenshots go to .vitest-tmp/ for looking at.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { launchBrowser, openThroughApp } from '../security/browser.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = '.vitest-tmp/update-form';

let t: TestApp;
let browser: Browser;
let secret: string;
const ids: string[] = [];

async function axe(page: Page) {
  // Evaluated through DevTools, which the page's CSP (no scripts at all) does not govern; DevTools
  // evaluation needs script execution on (the page itself still has none).
  await page.setJavaScriptEnabled(true);
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await (globalThis as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

async function open(width: number, jsOff = true) {
  const opened = await openThroughApp(browser, t.app, `/update/${secret}`);
  const { page } = opened;
  await page.setViewport({ width, height: 900 });
  if (jsOff) await page.setJavaScriptEnabled(false);
  await page.reload({ waitUntil: 'networkidle0' });
  return opened;
}

/** Presses Tab until the element with `id` has focus (a date input takes a Tab per part); fails after `max`. */
async function tabTo(page: Page, id: string, max = 8) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)) === id) return;
  }
  throw new Error(`Tab never reached ${id} (at ${await focused(page)})`);
}

/** Types a date into a date input by keyboard, in whichever order the browser's locale shows its parts. */
async function typeDate(page: Page, id: string, iso: string) {
  const [y, m, d] = iso.split('-');
  const order = await page.evaluate(() => new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2023, 5, 30)).map((p) => p.type));
  const digits = order.filter((t) => t === 'day' || t === 'month' || t === 'year').map((t) => (t === 'day' ? d : t === 'month' ? m : y)).join('');
  await page.keyboard.type(digits!);
  expect(await page.$eval(`#${id}`, (i) => (i as HTMLInputElement).value)).toBe(iso);
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  t = await createTestApp();
  const planId = (await t.admin.post('/api/v1/plans', { title: 'Wolverhampton Written Statement of Action', kind: 'wsoa', localArea: 'Wolverhampton' })).json().id;
  for (const [ref, title] of [
    ['2.1', 'Full review of existing statutory assessment and review processes, including the quality assurance of EHC plans'],
    ['4.3', 'Co-produce the Local Offer website with the parent carer forum'],
  ]) {
    const a = await t.admin.post(`/api/v1/plans/${planId}/actions`, {
      ref,
      title,
      dueDate: '2023-03-31',
      percentComplete: 40,
      status: 'in-progress',
      owner: 'Alex Owner',
      ownerEmail: 'alex.owner@example.org',
    });
    ids.push(a.json().id);
  }
  await t.admin.post(`/api/v1/plans/${planId}/update-rounds`, { title: 'November 2022 update', opensOn: '2022-11-18', dueOn: '2022-11-25' });
  const { readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const file = readdirSync(join(t.dir, 'outbox'))[0]!;
  const mail = await simpleParser(readFileSync(join(t.dir, 'outbox', file)));
  secret = /\/update\/([A-Za-z0-9_-]{43})/.exec(mail.text!)![1]!;
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the owner’s update form in Chromium', () => {
  it('has no axe-core violations at 1280 and 375 px, and honours its own CSP (no violations reported)', async () => {
    for (const width of [1280, 375]) {
      const { page, console: messages, elsewhere } = await open(width);
      await page.screenshot({ path: `${SHOTS}/form-${width}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await axe(page)).toEqual([]);
      // The stylesheet applied (its hash matches the CSP): the button is green.
      expect(await page.$eval('button', (b) => getComputedStyle(b).backgroundColor)).toBe('rgb(0, 112, 60)');
      expect(messages.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
      expect(elsewhere).toEqual([]);
      await page.close();
    }
  }, 60_000);

  it('error path by keyboard: the summary takes focus, links to each field, values kept, each error beside its field; axe clean', async () => {
    const { page } = await open(1280);
    const pct = `#${ids[0]}-percentComplete`;
    // Keyboard only: Tab past the skip link to the first field, type, then Enter submits the form.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('A');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(`${ids[0]}-percentComplete`);
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.type('150');
    await page.focus(`#${ids[0]}-revisedDueDate`);
    await typeDate(page, `${ids[0]}-revisedDueDate`, '2023-06-30');
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.keyboard.press('Enter')]);
    expect(await page.title()).toMatch(/^Error: Update your items/);
    expect(await focused(page)).toBe('DIV');
    expect(await page.$eval('.error-summary', (e) => e.textContent)).toContain('Percent complete for 2.1 must be a whole number from 0 to 100');
    expect(await page.$$eval('.error-summary a', (as) => as.map((a) => a.getAttribute('href')))).toEqual([
      `#${ids[0]}-percentComplete`,
      `#${ids[0]}-delayReason`,
      `#${ids[0]}-mitigation`,
    ]);
    expect(await page.$eval(pct, (i) => (i as HTMLInputElement).value)).toBe('150');
    expect(await page.$eval(`#${ids[0]}-revisedDueDate`, (i) => (i as HTMLInputElement).value)).toBe('2023-06-30');
    expect(await page.$eval(pct, (i) => i.getAttribute('aria-describedby'))).toContain(`${ids[0]}-percentComplete-error`);
    await page.screenshot({ path: `${SHOTS}/errors-1280.png`, fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.setViewport({ width: 375, height: 900 });
    await page.screenshot({ path: `${SHOTS}/errors-375.png`, fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/errors-375-top.png` });
    expect(await axe(page)).toEqual([]);
    // Tab into the summary, follow the first link with Enter: focus lands on the field.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), { timeout: 5000 }, pct).catch(() => undefined);
    expect(await focused(page)).toBe(`${ids[0]}-percentComplete`);
    await page.close();
  }, 60_000);

  it('happy path by keyboard only, JavaScript off: fill, submit, and the thank-you page', async () => {
    const { page } = await open(375);
    await page.focus(`#${ids[0]}-percentComplete`);
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.type('75');
    await tabTo(page, `${ids[0]}-status`, 1);
    await tabTo(page, `${ids[0]}-comment`, 1);
    await page.keyboard.type('Reviewed with the SEND team.');
    await tabTo(page, `${ids[0]}-revisedDueDate`, 1);
    await typeDate(page, `${ids[0]}-revisedDueDate`, '2023-06-30');
    await tabTo(page, `${ids[0]}-delayReason`, 3);
    await page.keyboard.type('Waiting for the panel');
    await tabTo(page, `${ids[0]}-mitigation`, 1);
    await page.keyboard.type('Interim panel arrangements');
    await tabTo(page, `${ids[1]}-status`, 2); // the second item's percent is left as it is
    await page.keyboard.press('ArrowDown'); // in-progress → complete
    await tabTo(page, 'BUTTON', 8);
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.keyboard.press('Enter')]);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Your update has been sent');
    await page.screenshot({ path: `${SHOTS}/sent-375.png`, fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.close();

    const round = (await t.admin.get(`/api/v1/plans/${(await t.admin.get(`/api/v1/actions/${ids[0]}`)).json().planId}/update-rounds`)).json().items[0];
    const req = (await t.admin.get(`/api/v1/update-requests/${round.requests[0].id}`)).json();
    expect(req.state).toBe('submitted');
    expect(req.items.map((i: { update: unknown }) => i.update)).toEqual([
      { percentComplete: 75, status: 'in-progress', comment: 'Reviewed with the SEND team.', revisedDueDate: '2023-06-30', delayReason: 'Waiting for the panel', mitigation: 'Interim panel arrangements' },
      { percentComplete: 40, status: 'complete', comment: null, revisedDueDate: null, delayReason: null, mitigation: null },
    ]);
  }, 60_000);

  it('the 404 page for a dead link is accessible too', async () => {
    const { page, response } = await openThroughApp(browser, t.app, `/update/${'x'.repeat(43)}`);
    expect(response?.status()).toBe(404);
    await page.setViewport({ width: 375, height: 700 });
    expect(await axe(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
