// Bounded checks of PDFs before they are stored or used, run in a worker thread (./pdf-check-worker.ts,
// the checks themselves in ./pdf-inspect.ts): a parse that overruns its time limit or its memory limit
// ends with the thread (replaced for the next job), and the event loop never waits on a parser.
// checkPdf reports problems (for code that meets stored uploads); preparePdf is for storing an upload:
// it refuses with a 4xx problem naming the limit, and removes active content.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, ServiceUnavailableError } from '../shared/errors.js';
import type { PdfJob } from './pdf-check-worker.js';
import { DEFAULT_PDF_LIMITS, problemFor, type PdfCheck, type PdfLimits, type PdfProblem, type Prepared } from './pdf-inspect.js';

export { DEFAULT_PDF_LIMITS, type PdfCheck, type PdfLimits, type PdfProblem, type PdfProblemCode } from './pdf-inspect.js';

/** The worker's heap limit: beyond it the worker dies and the PDF is refused. */
export const PDF_WORKER_HEAP_MB = 768;
/** PDFs allowed to wait for the worker; beyond that, 503. */
const QUEUE_LIMIT = 16;
/** Time for a new worker to load (tsx and pdf-lib); not counted against a PDF's parse time. */
const BOOT_TIMEOUT_MS = 60_000;
/** The worker answers by itself within the parse limit; it is ended only this much later. */
const GRACE_MS = 2_000;

/** A PDF refused at upload: a 4xx problem naming the limit (or why it cannot be read). */
export class PdfRefusedError extends AppError {
  constructor(problem: PdfProblem) {
    const [slug, title] =
      problem.status === 400 ? ['validation-error', 'Your request is not valid'] : ['pdf-limit-exceeded', 'The PDF is beyond what this service accepts'];
    super(problem.status, slug, title, problem.message, { errors: [{ in: 'body', path: '', message: problem.message }] });
  }
}

/** Checks `bytes` against `limits` (defaults: DEFAULT_PDF_LIMITS); never throws for a bad PDF. */
export async function checkPdf(bytes: Uint8Array, limits: Partial<PdfLimits> = {}): Promise<PdfCheck> {
  const full = { ...DEFAULT_PDF_LIMITS, ...limits };
  const res = await runner.run('check', bytes, full);
  return 'problem' in res ? { ok: false, pages: 0, problems: [res.problem], activeContent: [] } : (res as PdfCheck);
}

/**
 * For storing an upload: checks it (throwing PdfRefusedError on a problem) and removes active content.
 * `bytes` is the input itself when there was nothing to remove, else a cleaned copy (pdf-lib rewrite,
 * structure tree and outline kept); `removed` names what was removed.
 */
export async function preparePdf(input: Uint8Array, limits: Partial<PdfLimits> = {}): Promise<{ bytes: Buffer; pages: number; removed: string[] }> {
  const res = (await runner.run('prepare', input, { ...DEFAULT_PDF_LIMITS, ...limits })) as Prepared;
  if (!res.ok) throw new PdfRefusedError(res.problem);
  return { bytes: res.bytes ? Buffer.from(res.bytes.buffer, res.bytes.byteOffset, res.bytes.byteLength) : Buffer.from(input), pages: res.pages, removed: res.removed };
}

type Reply = PdfCheck | Prepared | { problem: PdfProblem };

interface Job {
  op: PdfJob['op'];
  bytes: Uint8Array;
  limits: PdfLimits;
  resolve: (r: Reply) => void;
  reject: (e: unknown) => void;
}

const here = fileURLToPath(import.meta.url);
const ENTRY = new URL(`./pdf-check-worker${extname(here)}`, import.meta.url).href;
const BOOT = new URL('./pdf-worker-boot.mjs', import.meta.url);

/** One long-lived worker, one job at a time, a bounded queue. */
class PdfWorkerRunner {
  private worker: Worker | null = null;
  private ready: Promise<Worker> | null = null;
  private readonly queue: Job[] = [];
  private busy = false;
  private seq = 0;

  run(op: PdfJob['op'], bytes: Uint8Array, limits: PdfLimits): Promise<Reply> {
    if (this.queue.length >= QUEUE_LIMIT) return Promise.reject(new ServiceUnavailableError('Too many PDFs are being checked; retry shortly.', 5));
    return new Promise((resolve, reject) => {
      this.queue.push({ op, bytes, limits, resolve, reject });
      this.pump();
    });
  }

  private start(): Promise<Worker> {
    if (this.ready) return this.ready;
    const worker = new Worker(BOOT, {
      workerData: { entry: ENTRY },
      resourceLimits: { maxOldGenerationSizeMb: PDF_WORKER_HEAP_MB, maxYoungGenerationSizeMb: 64 },
    });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise<Worker>((resolve, reject) => {
      const timer = setTimeout(() => reject(new ServiceUnavailableError('The PDF checker did not start; retry shortly.', 5)), BOOT_TIMEOUT_MS);
      const onMessage = (m: { ready?: boolean }) => {
        if (!m.ready) return;
        clearTimeout(timer);
        worker.off('message', onMessage);
        resolve(worker);
      };
      worker.on('message', onMessage);
      worker.once('exit', () => {
        clearTimeout(timer);
        reject(new ServiceUnavailableError('The PDF checker stopped; retry shortly.', 5));
      });
    });
    this.ready.catch(() => this.discard(worker));
    worker.once('exit', () => this.discard(worker));
    worker.on('error', () => undefined); // reported through 'exit' and the job's own handling
    return this.ready;
  }

  private discard(worker: Worker) {
    if (this.worker !== worker) return;
    this.worker = null;
    this.ready = null;
    void worker.terminate();
  }

  private pump(): void {
    if (this.busy) return;
    const job = this.queue.shift();
    if (!job) return;
    this.busy = true;
    const done = () => {
      this.busy = false;
      this.pump();
    };
    this.start().then(
      (worker) => this.send(worker, job).then(job.resolve, job.reject).finally(done),
      (err) => {
        job.reject(err);
        done();
      },
    );
  }

  private send(worker: Worker, job: Job): Promise<Reply> {
    const id = ++this.seq;
    return new Promise<Reply>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        worker.off('error', onError);
      };
      const onMessage = (m: { id?: number; result?: Reply }) => {
        if (m.id !== id) return;
        finish();
        resolve(m.result!);
      };
      let crashed: Error | undefined;
      const onError = (err: Error) => {
        crashed = err;
      };
      const onExit = () => {
        finish();
        const oom = (crashed as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
        if (oom) resolve({ problem: problemFor('memory', `Reading the PDF needed more than ${PDF_WORKER_HEAP_MB} MB; it is too complex to accept.`) });
        else reject(new ServiceUnavailableError('The PDF checker stopped; retry shortly.', 5));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.once('exit', onExit);
      timer = setTimeout(() => {
        finish();
        this.discard(worker);
        resolve({ problem: problemFor('parse-time', `Reading the PDF took longer than ${job.limits.maxParseMs / 1000} s; it is too complex to accept.`) });
      }, job.limits.maxParseMs + GRACE_MS);
      worker.postMessage({ id, op: job.op, bytes: job.bytes, limits: job.limits } satisfies PdfJob);
    });
  }
}

const runner = new PdfWorkerRunner();
