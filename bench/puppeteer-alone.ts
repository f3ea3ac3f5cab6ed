// The bare cost of printing: Puppeteer alone, in its own process, driving the same Chromium with the same
// launch arguments and printing HTML with the same page.pdf options our renderer uses
// (printBackground, preferCSSPageSize, tagged, outline) — setContent + pdf on one reused page, nothing
// else: no queue, no request blocking, no JavaScript switch, no page per render, no PDF post-processing.
// Driven by the benchmark over IPC: {cmd:'print', htmlPath, id, concurrency?, count?} → {id, ms[], pages, bytes}.
import { readFileSync } from 'node:fs';
import puppeteer, { type Page } from 'puppeteer-core';
import { chromiumArgs, findBrowser } from '../src/render/browser-path.js';
import { countPdfPages } from '../src/render/pdf-pages.js';

const PDF_OPTIONS = { printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, timeout: 120_000 } as const;

const started = performance.now();
const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: chromiumArgs(), handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
// The blank tab Chromium opens at launch is the first page (as in our renderer): no renderer process idles.
const pages: Page[] = [(await browser.pages())[0] ?? (await browser.newPage())];
const launchMs = performance.now() - started;
const htmlCache = new Map<string, string>();

async function printOn(page: Page, html: string): Promise<{ ms: number; pages: number; bytes: number }> {
  const t = performance.now();
  await page.setContent(html, { waitUntil: 'load', timeout: 120_000 });
  const pdf = await page.pdf(PDF_OPTIONS);
  return { ms: performance.now() - t, pages: countPdfPages(Buffer.from(pdf)), bytes: pdf.length };
}

interface PrintCommand {
  cmd: 'print';
  id: number;
  htmlPath: string;
  /** Prints `count` times on `concurrency` pages at once (default 1 × 1). */
  concurrency?: number;
  count?: number;
}

process.on('message', async (msg: PrintCommand | { cmd: 'close' }) => {
  if (msg.cmd === 'close') {
    await browser.close();
    process.exit(0);
  }
  try {
    let html = htmlCache.get(msg.htmlPath);
    if (!html) htmlCache.set(msg.htmlPath, (html = readFileSync(msg.htmlPath, 'utf8')));
    const concurrency = msg.concurrency ?? 1;
    while (pages.length < concurrency) pages.push(await browser.newPage());
    let remaining = msg.count ?? 1;
    const results: { ms: number; pages: number; bytes: number }[] = [];
    const t = performance.now();
    await Promise.all(
      pages.slice(0, concurrency).map(async (page) => {
        while (remaining > 0) {
          remaining--;
          results.push(await printOn(page, html!));
        }
      }),
    );
    process.send!({ id: msg.id, ms: results.map((r) => r.ms), wallMs: performance.now() - t, pages: results[0]?.pages, bytes: results[0]?.bytes });
  } catch (err) {
    process.send!({ id: msg.id, error: String((err as Error)?.stack ?? err) });
  }
});

process.send!({ ready: true, launchMs, version: await browser.version(), pid: process.pid });
