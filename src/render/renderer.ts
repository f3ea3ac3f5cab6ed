// The PDF renderer: one lazily launched Chromium reused across renders, a fresh page per render closed
// in `finally`, JavaScript off, every request from the page refused, a time limit per render, a bounded
// queue (full → 503), relaunch after the browser dies, and a clean close. Opening a page (a renderer to
// start, JavaScript to switch off, interception to set up) costs more than printing a short report, so
// fresh pages are opened ahead of need while the renderer is idle; each is used for one render only, so
// nothing of one document can linger into the next, and its memory goes when it closes.
import puppeteer, { type Browser, type Page, type PDFOptions } from 'puppeteer-core';
import { GatewayTimeoutError, ServiceUnavailableError } from '../shared/errors.js';
import { CHROMIUM_ARGS, findBrowser } from './browser-path.js';
import { repairOutlineTitles } from './outline-titles.js';

export interface RendererOptions {
  executablePath?: string;
  /** Renders running at once (each is a page in the one browser). */
  concurrency?: number;
  /** Renders allowed to wait beyond those running; more → ServiceUnavailableError. */
  queueLimit?: number;
  timeoutMs?: number;
}

export interface RenderStats {
  launches: number;
  renders: number;
  blockedRequests: number;
}

type Job<T> = { run: () => Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void };

/** A fresh page opened ahead of need, for the browser launch it belongs to. */
type SparePage = { page: Promise<Page>; launch: Promise<Browser> };

export class Renderer {
  private browser: Promise<Browser> | null = null;
  private running = 0;
  private readonly queue: Job<unknown>[] = [];
  private readonly spares: SparePage[] = [];
  private closed = false;
  readonly stats: RenderStats = { launches: 0, renders: 0, blockedRequests: 0 };
  private readonly concurrency: number;
  private readonly queueLimit: number;
  readonly timeoutMs: number;

  constructor(private readonly opts: RendererOptions = {}) {
    this.concurrency = opts.concurrency ?? 2;
    this.queueLimit = opts.queueLimit ?? 16;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  /** Prints self-contained HTML to PDF. The page size and margins come from the document's CSS @page rules. */
  pdf(html: string, options: PDFOptions = {}): Promise<Buffer> {
    return this.enqueue(() => this.withRetry(() => this.print(html, options)));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new ServiceUnavailableError('The server is shutting down.', 5));
    this.spares.splice(0);
    const b = this.browser;
    this.browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
  }

  /** For tests and operations: the live browser process, if launched. */
  async currentBrowser(): Promise<Browser | null> {
    return this.browser ? this.browser.catch(() => null) : null;
  }

  private enqueue<T>(run: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new ServiceUnavailableError('The renderer is closed.', 5));
    if (this.running >= this.concurrency && this.queue.length >= this.queueLimit) {
      return Promise.reject(
        new ServiceUnavailableError(`The document renderer is busy (${this.running} rendering, ${this.queue.length} waiting).`, 2),
      );
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, resolve, reject } as Job<unknown>);
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.running++;
      job
        .run()
        .then(job.resolve, job.reject)
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      this.stats.launches++;
      const launching = puppeteer.launch({
        executablePath: this.opts.executablePath ?? findBrowser(),
        headless: true,
        // Pages share at most one renderer process per concurrent render: a fresh page then starts in a
        // warm process (fonts, styles) instead of a new one, which would cost more than a short print.
        args: [...CHROMIUM_ARGS, `--renderer-process-limit=${this.concurrency}`],
        // The server owns shutdown; Chromium must not die with the terminal's Ctrl-C before we close it.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      this.browser = launching;
      launching.then(
        (b) =>
          b.once('disconnected', () => {
            if (this.browser === launching) this.browser = null;
          }),
        () => {
          if (this.browser === launching) this.browser = null;
        },
      );
    }
    return this.browser;
  }

  /** One retry when the browser died under us (the next attempt relaunches it). */
  private async withRetry<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof GatewayTimeoutError || this.closed || !isBrowserGone(err)) throw err;
      return fn();
    }
  }

  /** A fresh page with JavaScript off and every request refused. */
  private async openPage(browser: Browser): Promise<Page> {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      this.stats.blockedRequests++;
      void req.abort('blockedbyclient').catch(() => undefined);
    });
    return page;
  }

  /** A spare fresh page of this launch if one is ready, else a new one; then another is opened ahead. */
  private async takePage(launch: Promise<Browser>, browser: Browser): Promise<Page> {
    let page: Page | null = null;
    for (let spare = this.spares.shift(); spare && !page; spare = this.spares.shift()) {
      const candidate = spare.launch === launch ? await spare.page.catch(() => null) : null;
      if (candidate && !candidate.isClosed()) page = candidate;
      else void spare.page.then((p) => p.close()).catch(() => undefined);
    }
    page ??= await this.openPage(browser);
    this.refill(launch, browser);
    return page;
  }

  private refill(launch: Promise<Browser>, browser: Browser): void {
    while (!this.closed && this.browser === launch && this.spares.length < this.concurrency) {
      const page = this.openPage(browser);
      page.catch(() => undefined);
      this.spares.push({ page, launch });
    }
  }

  private async print(html: string, options: PDFOptions): Promise<Buffer> {
    const launch = this.launch();
    const browser = await launch;
    const page = await this.takePage(launch, browser);
    let timer: NodeJS.Timeout | undefined;
    try {
      const work = (async () => {
        await page.setContent(html, { waitUntil: 'load', timeout: this.timeoutMs });
        const pdf = await page.pdf({
          printBackground: true,
          preferCSSPageSize: true,
          tagged: true,
          outline: true,
          timeout: this.timeoutMs,
          ...options,
        });
        this.stats.renders++;
        return options.outline === false ? Buffer.from(pdf) : repairOutlineTitles(Buffer.from(pdf));
      })();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new GatewayTimeoutError(`Rendering took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped.`)),
          this.timeoutMs,
        );
      });
      work.catch(() => undefined); // a late failure after the timeout must not go unhandled
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
      // Closed in the background: the PDF need not wait for the page to go.
      void page.close().catch(() => undefined);
    }
  }
}

function isBrowserGone(err: unknown): boolean {
  const msg = String((err as Error)?.message ?? err);
  return /Target closed|Session closed|Connection closed|Protocol error|browser has disconnected|Navigating frame was detached|detached/i.test(msg);
}
