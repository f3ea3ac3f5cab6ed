// Opens pages of the app in a real, script-enabled Chromium. Requests to the app's origin are answered by
// the app itself (app.inject: the real routes, hooks and headers, CSP included) through request
// interception, so the test does not depend on Chromium's own networking (proxies, sandboxed network
// namespaces); every request the page makes anywhere else is recorded and refused.
import type { FastifyInstance } from 'fastify';
import puppeteer, { type Browser, type HTTPResponse, type Page } from 'puppeteer-core';
import { chromiumArgs, findBrowser } from '../../src/render/browser-path.js';

export const APP_ORIGIN = 'http://send-plan-tracker.test';
/** Browsers treat localhost as a secure context (no upgrade of http requests, for one). */
export const LOCAL_ORIGIN = 'http://localhost:3000';
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date']);

export interface OpenedPage {
  page: Page;
  response: HTTPResponse | null;
  /** Requests the page made to anywhere but the app (refused). */
  elsewhere: string[];
  /** JavaScript dialogs (alert, confirm, prompt) the page opened. */
  dialogs: string[];
  /** Console messages, CSP reports included. */
  console: string[];
}

export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: findBrowser(), headless: true, args: chromiumArgs() });
}

export async function openThroughApp(
  browser: Browser,
  app: FastifyInstance,
  path: string,
  headers: Record<string, string> = {},
  origin = APP_ORIGIN,
): Promise<OpenedPage> {
  const page = await browser.newPage();
  const opened: OpenedPage = { page, response: null, elsewhere: [], dialogs: [], console: [] };
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss().catch(() => undefined);
  });
  page.on('console', (m) => opened.console.push(m.text()));
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:')) return void req.continue().catch(() => undefined);
    if (!url.startsWith(`${origin}/`)) {
      opened.elsewhere.push(url);
      return void req.abort('blockedbyclient').catch(() => undefined);
    }
    const u = new URL(url);
    void app
      .inject({
        method: req.method() as 'GET',
        url: u.pathname + u.search,
        headers: { ...req.headers(), ...headers },
        ...(req.postData() !== undefined ? { payload: req.postData() } : {}),
      })
      .then((res) => {
        const h: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) h[k] = Array.isArray(v) ? v.join(', ') : String(v);
        return req.respond({ status: res.statusCode, headers: h, body: res.rawPayload });
      })
      .catch(() => req.abort('failed').catch(() => undefined));
  });
  opened.response = await page.goto(origin + path, { waitUntil: 'networkidle0', timeout: 60_000 });
  return opened;
}
