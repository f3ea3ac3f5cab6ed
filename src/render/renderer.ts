// The PDF renderer: one lazily launched Chromium reused across renders, JavaScript off, every request
// from the page refused, a time limit per render, bounded queues (full → 503), relaunch after the
// browser dies, and a clean close. Bounded in memory: HTML over a size limit is refused before printing,
// and while renders run each Chromium process is sampled (RSS, every MEMORY_SAMPLE_MS); a renderer over
// the memory limit is killed and its render answered 422 (DocumentTooLargeError). Chromium is driven over
// a pipe, so it exits when this process dies (even by SIGKILL), and is closed after an idle period.
// Capacity is kept for staff: anonymous ('public', see ./audience.ts) renders never take the last slot
// and wait in a small queue of their own.
//
// Pages are reused, emptied between renders: measured on our 2-core machine, opening and closing a page
// per render made a monthly report 1.6× slower and halved the throughput of two renders at once (a new
// renderer process each time). So each render gets an EMPTY page: after every print the page navigates
// to about:blank before it may serve again, so nothing of one document lingers into the next; a page is
// closed (in `finally`) after any failure or time-out, and retired after RECYCLE_AFTER renders. Emptied,
// with no other render printing, its renderer is also told to give memory back (it keeps ~400 MB after
// printing a 67-page report otherwise, and ~35 MB more than it needs between monthly reports, which the
// next print then adds to): measured, ~40 ms (~250 ms after a 67-page report) before the page serves
// again, and the next print is no slower.
import puppeteer, { type Browser, type Page, type PDFOptions } from 'puppeteer-core';
import { AppError, GatewayTimeoutError, ServiceUnavailableError } from '../shared/errors.js';
import { currentAudience, type RenderAudience } from './audience.js';
import { chromiumArgs, findBrowser } from './browser-path.js';
import { repairOutlineTitles } from './outline-titles.js';
import { isRendererProcess, processTree, rssMb } from './process-memory.js';
import { DocumentTooLargeError } from './render-errors.js';

export interface RendererOptions {
  executablePath?: string;
  /** Renders running at once (each is a page in the one browser). */
  concurrency?: number;
  /** Renders allowed to wait beyond those running; more → ServiceUnavailableError. */
  queueLimit?: number;
  timeoutMs?: number;
  /** Anonymous ('public') renders allowed to wait; more → ServiceUnavailableError. Staff keep their own queue. */
  publicQueueLimit?: number;
  /** A Chromium process over this resident size (MB) is killed and its render refused (422). 0: no watch. */
  memoryLimitMb?: number;
  /** HTML longer than this (bytes) is refused (422) before it reaches Chromium. */
  maxHtmlBytes?: number;
  /** Chromium is closed after this long without a render (started again on demand). 0: never. */
  idleCloseMs?: number;
}

export interface RenderStats {
  launches: number;
  renders: number;
  blockedRequests: number;
  /** Renderer processes killed for going over the memory limit. */
  memoryKills: number;
  /** Times Chromium was closed after the idle period. */
  idleCloses: number;
  /** The largest resident size (MB) seen of one Chromium process while renders ran. */
  peakProcessMb: number;
}

type Job<T> = { run: () => Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void; audience: RenderAudience };

/** A render in progress, and how to stop it. */
type ActiveRender = { abort: (err: Error) => void };

/**
 * An idle page of a browser (the launch it came from), usable once `ready` resolves true. `holds`: the
 * size (HTML bytes) of the document it still holds, 0 once emptied (when no render has run for
 * EMPTY_AFTER_MS; a render may take it before that: its own document replaces the old one).
 */
type IdlePage = { page: Page; launch: Promise<Browser>; ready: Promise<boolean>; uses: number; settled?: boolean; holds: number };

/**
 * How long the renderer stays idle before its pages are emptied and their memory given back. Emptying a
 * large document's page costs its renderer 0.1–0.3 s of CPU: done at once, it slowed the print that
 * follows (a pack's agenda, printed as soon as its longest document is: 100 → 250–330 ms).
 */
export const EMPTY_AFTER_MS = 50;

/** A page is retired after this many renders, so no renderer's state grows without bound. */
export const RECYCLE_AFTER = 100;

/** How often Chromium's processes are sampled while renders run. */
export const MEMORY_SAMPLE_MS = 200;
export const DEFAULT_MEMORY_LIMIT_MB = 1024;
/** Measured: 3 MB of plain table HTML took one renderer past 4 GB while printing tagged; a monthly report is ~0.2 MB. */
export const DEFAULT_MAX_HTML_BYTES = 3 * 1024 * 1024;
export const DEFAULT_IDLE_CLOSE_MS = 60_000;

export class Renderer {
  private browser: Promise<Browser> | null = null;
  private readonly running = { staff: 0, public: 0 };
  private readonly queues: Record<RenderAudience, Job<unknown>[]> = { staff: [], public: [] };
  private readonly idle: IdlePage[] = [];
  /** The tab Chromium opened at launch, not yet used (see acquirePage). */
  private blankTab: { launch: Promise<Browser>; page: Promise<Page | null> } | null = null;
  private readonly active = new Set<ActiveRender>();
  private sampler: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private emptyTimer: NodeJS.Timeout | null = null;
  private closed = false;
  readonly stats: RenderStats = { launches: 0, renders: 0, blockedRequests: 0, memoryKills: 0, idleCloses: 0, peakProcessMb: 0 };
  private readonly concurrency: number;
  private readonly queueLimit: number;
  private readonly publicQueueLimit: number;
  readonly timeoutMs: number;
  readonly memoryLimitMb: number;
  readonly maxHtmlBytes: number;
  readonly idleCloseMs: number;

  constructor(private readonly opts: RendererOptions = {}) {
    this.concurrency = opts.concurrency ?? 2;
    this.queueLimit = opts.queueLimit ?? 16;
    this.publicQueueLimit = opts.publicQueueLimit ?? 4;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.memoryLimitMb = opts.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB;
    this.maxHtmlBytes = opts.maxHtmlBytes ?? DEFAULT_MAX_HTML_BYTES;
    this.idleCloseMs = opts.idleCloseMs ?? DEFAULT_IDLE_CLOSE_MS;
  }

  /**
   * Prints self-contained HTML to PDF. The page size and margins come from the document's CSS @page rules.
   * Counted for the audience of the calling context (./audience.ts): staff unless inside renderingFor('public').
   */
  pdf(html: string, options: PDFOptions = {}): Promise<Buffer> {
    const bytes = Buffer.byteLength(html, 'utf8');
    if (bytes > this.maxHtmlBytes) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      return Promise.reject(
        new DocumentTooLargeError(`The document is ${mb(bytes)} MB of HTML; at most ${mb(this.maxHtmlBytes)} MB can be printed. Print a smaller part of it.`, {
          name: 'RENDER_MAX_HTML_MB',
          value: this.maxHtmlBytes / 1024 / 1024,
          unit: 'MB',
        }),
      );
    }
    return this.enqueue(currentAudience(), () => this.withRetry(() => this.print(html, options)));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of [...this.queues.staff.splice(0), ...this.queues.public.splice(0)]) {
      job.reject(new ServiceUnavailableError('The server is shutting down.', 5));
    }
    this.stopSampling();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.emptyTimer) clearTimeout(this.emptyTimer);
    await this.closeBrowser();
  }

  /** Renders running now, by audience (for tests and operations). */
  get load(): { staff: number; public: number; waiting: number } {
    return { ...this.running, waiting: this.queues.staff.length + this.queues.public.length };
  }

  private async closeBrowser(): Promise<void> {
    this.idle.splice(0);
    this.blankTab = null;
    const b = this.browser;
    this.browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
  }

  /** For tests and operations: the live browser process, if launched. */
  async currentBrowser(): Promise<Browser | null> {
    return this.browser ? this.browser.catch(() => null) : null;
  }

  private enqueue<T>(audience: RenderAudience, run: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new ServiceUnavailableError('The renderer is closed.', 5));
    const queue = this.queues[audience];
    const limit = audience === 'public' ? this.publicQueueLimit : this.queueLimit;
    if (!this.canStart(audience) && queue.length >= limit) {
      const running = this.running.staff + this.running.public;
      return Promise.reject(
        new ServiceUnavailableError(
          audience === 'public'
            ? `Public documents are busy being printed (${this.running.public} printing, ${queue.length} waiting); try again shortly.`
            : `The document renderer is busy (${running} rendering, ${queue.length} waiting).`,
          audience === 'public' ? 5 : 2,
        ),
      );
    }
    return new Promise<T>((resolve, reject) => {
      queue.push({ run, resolve, reject, audience } as Job<unknown>);
      this.pump();
    });
  }

  /**
   * Public renders never take the last slot: at most concurrency − 1 of them run (at least one). Staff may
   * use every slot; with a concurrency of 1 the slot a public render holds is made up by one extra for staff.
   */
  private canStart(audience: RenderAudience): boolean {
    const total = this.running.staff + this.running.public;
    if (audience === 'public') return total < this.concurrency && this.running.public < Math.max(1, this.concurrency - 1);
    return total < this.concurrency || (this.concurrency === 1 && this.running.staff === 0 && total < 2);
  }

  private pump(): void {
    for (const audience of ['staff', 'public'] as const) {
      const queue = this.queues[audience];
      while (queue.length > 0 && this.canStart(audience)) {
        const job = queue.shift()!;
        this.running[audience]++;
        if (this.idleTimer) clearTimeout(this.idleTimer);
        this.idleTimer = null;
        this.startSampling();
        // The slot is given back before the caller hears, so what it does next sees it free.
        const done = () => {
          this.running[audience]--;
          this.pump();
          if (this.running.staff + this.running.public === 0) this.whenIdle();
        };
        job.run().then(
          (v) => {
            done();
            job.resolve(v);
          },
          (e: unknown) => {
            done();
            job.reject(e);
          },
        );
      }
    }
  }

  /** Nothing running: stop sampling, empty the pages soon, and close Chromium if nothing comes for the idle period. */
  private whenIdle(): void {
    this.stopSampling();
    this.emptyPagesSoon();
    if (this.idleCloseMs <= 0 || this.closed || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.closed || this.running.staff + this.running.public > 0 || !this.browser) return;
      this.stats.idleCloses++;
      void this.closeBrowser();
    }, this.idleCloseMs);
    this.idleTimer.unref();
  }

  private startSampling(): void {
    if (this.sampler || this.memoryLimitMb <= 0 || process.platform !== 'linux') return;
    this.sampler = setInterval(() => void this.sampleMemory(), MEMORY_SAMPLE_MS);
    this.sampler.unref();
  }

  private stopSampling(): void {
    if (this.sampler) clearInterval(this.sampler);
    this.sampler = null;
  }

  private memoryError(): DocumentTooLargeError {
    return new DocumentTooLargeError(
      `Printing the document took more than ${this.memoryLimitMb} MB of memory and was stopped. Print a smaller part of it.`,
      { name: 'RENDER_MEMORY_LIMIT_MB', value: this.memoryLimitMb, unit: 'MB' },
    );
  }

  /**
   * Every Chromium process over the limit is killed. A renderer process: the page it served crashes, and
   * that render (told by its crash, see print) is refused. Any other process (a helper, or the browser
   * itself, which also grows while printing a large tagged PDF) serves every render in progress: all are
   * refused, and the browser is started again for the next one.
   * (Which renderer process serves which page cannot be asked of Chromium, and guessing from process
   * creation is wrong: Chromium hands a new page a spare renderer it started earlier.)
   */
  private async sampleMemory(): Promise<void> {
    const browser = await this.currentBrowser();
    const root = browser?.process()?.pid;
    if (!browser || !root) return;
    for (const pid of processTree(root)) {
      const mb = rssMb(pid);
      if (mb > this.stats.peakProcessMb) this.stats.peakProcessMb = Math.round(mb);
      if (mb <= this.memoryLimitMb) continue;
      this.stats.memoryKills++;
      if (pid === root || !isRendererProcess(pid)) for (const a of this.active) a.abort(this.memoryError());
      if (pid === root) {
        if (this.browser && (await this.browser.catch(() => null)) === browser) this.browser = null;
        this.idle.splice(0);
        try {
          process.kill(root, 'SIGKILL');
        } catch {
          // already gone
        }
        return;
      }
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      this.stats.launches++;
      const launching = puppeteer.launch({
        executablePath: this.opts.executablePath ?? findBrowser(),
        headless: true,
        args: chromiumArgs(),
        // Over a pipe (not a WebSocket): when this process dies, even by SIGKILL, the pipe closes and
        // Chromium exits with it instead of staying behind.
        pipe: true,
        // The server owns shutdown; Chromium must not die with the terminal's Ctrl-C before we close it.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      this.browser = launching;
      const blank = launching.then(async (b) => (await b.pages()).find((p) => p.url() === 'about:blank') ?? null).catch(() => null);
      this.blankTab = { launch: launching, page: blank };
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
      if (err instanceof AppError || this.closed || !isBrowserGone(err)) throw err;
      return fn();
    }
  }

  /** An idle page of this browser, or a new one with JavaScript off and every request refused. */
  private async acquirePage(launch: Promise<Browser>, browser: Browser): Promise<{ page: Page; uses: number }> {
    // An emptied page first, else the one holding the smallest document (its own document replaces that
    // one: the old one's teardown is paid in this render), else one being emptied.
    const take = () => {
      let i = -1;
      this.idle.forEach((e, k) => {
        if (e.settled && (i < 0 || e.holds < this.idle[i]!.holds)) i = k;
      });
      return i >= 0 ? this.idle.splice(i, 1)[0] : this.idle.pop();
    };
    for (let idle = take(); idle; idle = take()) {
      if (idle.launch === launch && (await idle.ready) && !idle.page.isClosed()) return { page: idle.page, uses: idle.uses };
      void idle.page.close().catch(() => undefined);
    }
    // The blank tab Chromium opens at launch becomes the first page: a renderer process fewer than
    // opening another beside it (~20–40 MB PSS while the browser lives).
    const blank = this.blankTab?.launch === launch ? this.blankTab.page : undefined;
    this.blankTab = null;
    const page = (await blank?.catch(() => null)) ?? (await browser.newPage());
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      this.stats.blockedRequests++;
      void req.abort('blockedbyclient').catch(() => undefined);
    });
    return { page, uses: 0 };
  }

  /**
   * Back to the pool after a render that succeeded, still holding its document (emptied once the renderer
   * is idle: emptyPagesSoon); closed otherwise.
   */
  private releasePage(page: Page, launch: Promise<Browser>, succeeded: boolean, uses: number, holds: number): void {
    if (!succeeded || uses >= RECYCLE_AFTER || this.closed || this.browser !== launch || this.idle.length >= this.concurrency) {
      void page.close().catch(() => undefined);
      return;
    }
    this.idle.push({ page, launch, ready: Promise.resolve(true), uses, settled: true, holds });
  }

  /**
   * Once no render has run for EMPTY_AFTER_MS, every idle page still holding a document goes to
   * about:blank and its renderer is told memory is short (else it keeps a 67-page report's ~270 MB until
   * Chromium is closed). Not while a render prints or waits: it would slow that print.
   */
  private emptyPagesSoon(): void {
    if (this.emptyTimer || this.closed) return;
    this.emptyTimer = setTimeout(() => {
      this.emptyTimer = null;
      if (this.closed || this.active.size > 0 || this.busy()) return;
      for (const entry of this.idle) {
        if (!entry.holds) continue;
        entry.holds = 0;
        entry.settled = false;
        const { page } = entry;
        // A renderer that does not answer within the render time limit is not worth keeping.
        entry.ready = withTimeout(
          (async () => {
            await page.goto('about:blank', { timeout: this.timeoutMs });
            return this.giveMemoryBack(page);
          })(),
          this.timeoutMs,
        ).catch(() => false);
        void entry.ready.then(() => (entry.settled = true));
      }
    }, EMPTY_AFTER_MS);
    this.emptyTimer.unref();
  }

  private busy(): boolean {
    return this.running.staff + this.running.public + this.queues.staff.length + this.queues.public.length > 0;
  }

  /** Its renderer told memory is short, and garbage collected: it frees what the last print left. */
  private async giveMemoryBack(page: Page): Promise<boolean> {
    const cdp = await page.createCDPSession();
    await cdp.send('Memory.simulatePressureNotification', { level: 'critical' });
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();
    return true;
  }

  private async print(html: string, options: PDFOptions): Promise<Buffer> {
    const launch = this.launch();
    const browser = await launch;
    const { page, uses } = await this.acquirePage(launch, browser);
    let timer: NodeJS.Timeout | undefined;
    let succeeded = false;
    let render: ActiveRender | undefined;
    const stopped = new Promise<never>((_, reject) => {
      render = { abort: reject };
    });
    stopped.catch(() => undefined);
    this.active.add(render!);
    // The page's renderer crashed: killed by the memory watch (its kill counted since this render began),
    // or of its own accord (out of memory inside Chromium) — a document too large either way.
    const killsBefore = this.stats.memoryKills;
    const crashed = () => render!.abort(this.memoryError());
    page.once('error', crashed);
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
      const pdf = await Promise.race([work, timeout, stopped]);
      succeeded = true;
      return pdf;
    } catch (err) {
      // The protocol may report the crash before the page's crash event does.
      if (!(err instanceof AppError) && this.stats.memoryKills > killsBefore && isBrowserGone(err)) throw this.memoryError();
      throw err;
    } finally {
      clearTimeout(timer);
      page.off('error', crashed);
      this.active.delete(render!);
      this.releasePage(page, launch, succeeded, uses + 1, html.length);
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
