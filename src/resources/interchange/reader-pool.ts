// Reads uploads off the event loop in worker threads (read-worker.ts) with a capped heap (resourceLimits) and a
// time limit, at most `concurrency` at once and a short queue behind them. The rows come back in batches. A
// worker is reused for the next upload (starting one costs more than reading a small file), but ended — its
// memory given back — once it hits a limit, fails, has served `MAX_READS_PER_WORKER`, or sits idle.
import { Worker } from 'node:worker_threads';
import { ServiceUnavailableError } from '../../shared/errors.js';
import type { ImportPlan, RowPlan } from './import-plan.js';
import type { Kind } from './layout.js';
import { DEFAULT_IMPORT_LIMITS, ImportLimitError, mb, type ImportLimits } from './limits.js';
import { UnreadableUploadError } from './problems.js';
import type { PlanData } from './plan-data.js';
import { fromWire, type ReaderMessage, type ReaderRequest } from './read-wire.js';
import type { ReadRow, ReadWorkbook, UploadFormat } from './read.js';

// Compiled (dist/, npm start): the worker's own .js; from the TypeScript source: the shim that loads it.
const WORKER_URL = new URL(import.meta.url.endsWith('.js') ? './read-worker.js' : './read-worker.mjs', import.meta.url);
const IDLE_MS = 10_000;
const MAX_READS_PER_WORKER = 50;

interface Reader {
  worker: Worker;
  reads: number;
  idleTimer?: NodeJS.Timeout;
}

/** An upload read and checked against the plan: its data rows and the import plan. */
export interface PlannedUpload {
  rowCount: number;
  plan: ImportPlan;
}

export interface ReaderPoolOptions {
  limits?: ImportLimits;
  /** Uploads read at the same time (each in its own thread). */
  concurrency?: number;
  /** Uploads waiting for a reader; beyond that, 503. */
  queue?: number;
}

export class ReaderPool {
  readonly limits: ImportLimits;
  private readonly concurrency: number;
  private readonly maxQueue: number;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly workers = new Set<Worker>();
  private readonly idle: Reader[] = [];

  constructor(o: ReaderPoolOptions = {}) {
    this.limits = o.limits ?? DEFAULT_IMPORT_LIMITS;
    this.concurrency = o.concurrency ?? 2;
    this.maxQueue = o.queue ?? 8;
  }

  /** Reads the upload in a worker: its rows. */
  read(bytes: Buffer, format: UploadFormat, kind?: Kind): Promise<ReadWorkbook> {
    return this.queued(bytes, () => this.readInWorker(bytes, format, kind) as Promise<ReadWorkbook>);
  }

  /** Reads the upload and plans the import against `planData` in a worker: the creates, updates and problems. */
  readAndPlan(bytes: Buffer, format: UploadFormat, kind: Kind | undefined, planData: PlanData): Promise<PlannedUpload> {
    return this.queued(bytes, () => this.readInWorker(bytes, format, kind, planData) as Promise<PlannedUpload>);
  }

  private async queued<T>(bytes: Buffer, work: () => Promise<T>): Promise<T> {
    if (bytes.length > this.limits.uploadBytes) {
      throw new ImportLimitError('upload-size', `The upload is larger than ${mb(this.limits.uploadBytes)}`, 'the upload');
    }
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxQueue) throw new ServiceUnavailableError('Too many imports are being read at the moment; try again shortly.', 5);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** Ends every reader still running (at shutdown). */
  async close(): Promise<void> {
    for (const r of this.idle.splice(0)) clearTimeout(r.idleTimer);
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }

  private take(): Reader {
    const ready = this.idle.pop();
    if (ready) {
      clearTimeout(ready.idleTimer);
      return ready;
    }
    const worker = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.workerHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    this.workers.add(worker);
    const reader: Reader = { worker, reads: 0 };
    worker.once('exit', () => {
      this.workers.delete(worker);
      const i = this.idle.indexOf(reader);
      if (i >= 0) {
        clearTimeout(reader.idleTimer);
        this.idle.splice(i, 1);
      }
    });
    return reader;
  }

  private retire(r: Reader): void {
    this.workers.delete(r.worker);
    void r.worker.terminate();
  }

  private giveBack(r: Reader): void {
    if (++r.reads >= MAX_READS_PER_WORKER) return this.retire(r);
    r.idleTimer = setTimeout(() => {
      const i = this.idle.indexOf(r);
      if (i >= 0) this.idle.splice(i, 1);
      this.retire(r);
    }, IDLE_MS);
    r.idleTimer.unref();
    this.idle.push(r);
  }

  private readInWorker(bytes: Buffer, format: UploadFormat, kind?: Kind, planData?: PlanData): Promise<ReadWorkbook | PlannedUpload> {
    const { limits } = this;
    const reader = this.take();
    const { worker } = reader;
    // A copy the worker owns (transferred, not cloned): the request's Buffer may share a pooled ArrayBuffer.
    const copy = new Uint8Array(bytes);
    const request: ReaderRequest = { bytes: copy, format, kind, limits, planData };
    worker.postMessage(request, [copy.buffer]);

    return new Promise<ReadWorkbook | PlannedUpload>((resolve, reject) => {
      const rows: ReadRow[][] = [];
      const planRows: RowPlan[] = [];
      let settled = false;
      /** `reuse`: the worker answered normally and holds nothing of this upload's size. */
      const settle = (err: unknown, value?: ReadWorkbook | PlannedUpload, reuse = false) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (reuse) this.giveBack(reader);
        else this.retire(reader);
        if (err) reject(err);
        else resolve(value!);
      };
      const timer = setTimeout(
        () => settle(new ImportLimitError('read-time', `Reading the upload took longer than ${limits.readMs / 1000} s`, 'the upload')),
        limits.readMs,
      );
      const onMessage = (m: ReaderMessage) => {
        switch (m.type) {
          case 'rows':
            (rows[m.sheet] ??= []).push(...m.rows);
            return;
          case 'done':
            return settle(null, fromWire(m.meta, rows), true);
          case 'plan-rows':
            for (const r of m.rows) planRows.push(r);
            return;
          case 'planned':
            return settle(null, { rowCount: m.rowCount, plan: { rows: planRows, problems: m.problems, warnings: m.warnings, columns: m.columns } }, true);
          case 'limit':
            return settle(new ImportLimitError(m.limit, m.reason, m.part));
          case 'unreadable':
            return settle(new UnreadableUploadError(m.detail, m.status), undefined, true);
          case 'failed':
            return settle(new Error(`import reader failed: ${m.message}`));
        }
      };
      const onError = (err: Error & { code?: string }) => {
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          settle(new ImportLimitError('read-memory', `Reading the upload needs more than the reader's ${limits.workerHeapMb} MB of memory`, 'the upload'));
        } else settle(err);
      };
      const onExit = (code: number) => settle(new Error(`import reader exited (${code}) before answering`));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  }
}
