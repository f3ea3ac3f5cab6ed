// The PDF renderer: one lazily launched Chromium reused across renders, JavaScript off, every request
// from the page refused, a time limit per render, a bounded queue (full → 503), relaunch after the
// browser dies, and a clean close.
//
// Pages are reused, emptied between renders: measured on our 2-core machine, opening and closing a page
// per render made a monthly report 1.6× slower and halved the throughput of two renders at once (a new
// renderer process each time). So each render gets an EMPTY page: after every print the page navigates
// to about:blank before it may serve again, so nothing of one document lingers into the next; a page is
// closed (in `finally`) after any failure or time-out, and retired after RECYCLE_AFTER renders. After a
// large document its renderer is also told, once idle for a second, to give memory back (it keeps
// ~400 MB after printing a 67-page report otherwise).
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

/** An idle page of a browser (the launch it came from), usable once `ready` (emptied) resolves true. */
type IdlePage = { page: Page; launch: Promise<Browser>; ready: Promise<boolean>; uses: number };

/** A page is retired after this many renders, so no renderer's state grows without bound. */
export const RECYCLE_AFTER = 100;

/** After printing more HTML than this, a page's renderer is asked to release memory (see above)… */
export const RELEASE_MEMORY_AFTER_HTML = 256 * 1024;
/** …once the page has been idle this long. */
export const RELEASE_MEMORY_IDLE_MS = 1000;

export class Renderer {
  private browser: Promise<Browser> | null = null;
  private running = 0;
  private readonly queue: Job<unknown>[] = [];
  private readonly idle: IdlePage[] = [];
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
    this.idle.splice(0);
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
        args: CHROMIUM_ARGS,
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

  /** An idle page of this browser, or a new one with JavaScript off and every request refused. */
  private async acquirePage(launch: Promise<Browser>, browser: Browser): Promise<{ page: Page; uses: number }> {
    for (let idle = this.idle.pop(); idle; idle = this.idle.pop()) {
      if (idle.launch === launch && (await idle.ready) && !idle.page.isClosed()) return { page: idle.page, uses: idle.uses };
      void idle.page.close().catch(() => undefined);
    }
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      this.stats.blockedRequests++;
      void req.abort('blockedbyclient').catch(() => undefined);
    });
    return { page, uses: 0 };
  }

  /**
   * Back to the pool, emptied, after a render that succeeded (after a large document its renderer is also
   * told memory is short once it has stayed idle a while, so it frees what it kept); closed otherwise.
   * In the background: the PDF need not wait, the next render on this page does.
   */
  private releasePage(page: Page, launch: Promise<Browser>, succeeded: boolean, large: boolean, uses: number): void {
    if (!succeeded || uses >= RECYCLE_AFTER || this.closed || this.browser !== launch || this.idle.length >= this.concurrency) {
      void page.close().catch(() => undefined);
      return;
    }
    const ready = page
      .goto('about:blank', { timeout: this.timeoutMs })
      .then(() => true)
      .catch(() => false);
    const entry: IdlePage = { page, launch, ready, uses };
    this.idle.push(entry);
    if (!large) return;
    setTimeout(() => {
      if (!this.idle.includes(entry)) return; // in use again: its memory is being put to use
      const release = async () => {
        const cdp = await page.createCDPSession();
        await cdp.send('Memory.simulatePressureNotification', { level: 'critical' });
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.detach();
        return true;
      };
      // A renderer that does not answer within the render time limit is not worth keeping.
      entry.ready = entry.ready.then((ok) => (ok ? withTimeout(release(), this.timeoutMs) : false)).catch(() => false);
    }, RELEASE_MEMORY_IDLE_MS).unref();
  }

  private async print(html: string, options: PDFOptions): Promise<Buffer> {
    const launch = this.launch();
    const browser = await launch;
    const { page, uses } = await this.acquirePage(launch, browser);
    let timer: NodeJS.Timeout | undefined;
    let succeeded = false;
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
      const pdf = await Promise.race([work, timeout]);
      succeeded = true;
      return pdf;
    } finally {
      clearTimeout(timer);
      this.releasePage(page, launch, succeeded, html.length > RELEASE_MEMORY_AFTER_HTML, uses + 1);
    }
  }
}

/** `promise`'s value, or false once `ms` have passed. */
function withTimeout(promise: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function isBrowserGone(err: unknown): boolean {
  const msg = String((err as Error)?.message ?? err);
  return /Target closed|Session closed|Connection closed|Protocol error|browser has disconnected|Navigating frame was detached|detached/i.test(msg);
}
