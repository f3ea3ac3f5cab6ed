// Import jobs: a large import is accepted at once (202 + a status URL) and runs right after the answer
// is sent. Jobs are kept in memory, per server process, for an hour after they finish; the import itself
// is one transaction, so a job that fails (or a server that stops) leaves nothing half-written.
import { AppError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { ImportResult } from './importer.js';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ImportJob {
  id: string;
  planId: string;
  status: JobStatus;
  dryRun: boolean;
  /** Data rows in the upload. */
  rows: number;
  submittedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The outcome once finished: as the synchronous answer would have been (problems listed when it failed on them). */
  result: ImportResult | null;
  /** Set when the job failed for a reason other than problems in the spreadsheet. */
  error: string | null;
}

const KEEP_MS = 60 * 60 * 1000;
const MAX_JOBS = 200;

export class ImportJobs {
  private readonly jobs = new Map<string, { job: ImportJob; done: Promise<ImportJob> }>();

  constructor(
    private readonly now: () => Date,
    private readonly onError: (err: unknown, job: ImportJob) => void = () => {},
  ) {}

  /** Queues `run` to start after the current request has been answered. */
  submit(planId: string, rows: number, dryRun: boolean, run: () => ImportResult): ImportJob {
    this.prune();
    const job: ImportJob = {
      id: newId('imp'),
      planId,
      status: 'queued',
      dryRun,
      rows,
      submittedAt: this.now().toISOString(),
      startedAt: null,
      finishedAt: null,
      result: null,
      error: null,
    };
    const done = new Promise<ImportJob>((resolve) => {
      setImmediate(() => {
        job.status = 'running';
        job.startedAt = this.now().toISOString();
        try {
          job.result = run();
          job.status = job.result.problems.length ? 'failed' : 'succeeded';
        } catch (err) {
          job.status = 'failed';
          if (err instanceof AppError && err.status < 500) job.error = `${err.message} Nothing was written.`;
          else {
            job.error = `The import stopped on an error on our side (reference ${job.id}); nothing was written.`;
            this.onError(err, job);
          }
        }
        job.finishedAt = this.now().toISOString();
        resolve(job);
      });
    });
    this.jobs.set(job.id, { job, done });
    return job;
  }

  get(id: string): ImportJob | undefined {
    return this.jobs.get(id)?.job;
  }

  /** Resolves when the job has finished (for the CLI and tests). */
  async settled(id: string): Promise<ImportJob | undefined> {
    return this.jobs.get(id)?.done;
  }

  private prune() {
    const cutoff = this.now().getTime() - KEEP_MS;
    for (const [id, { job }] of this.jobs) {
      if (job.finishedAt && Date.parse(job.finishedAt) < cutoff) this.jobs.delete(id);
    }
    // Never hold more than MAX_JOBS: the oldest finished ones go first.
    for (const [id, { job }] of this.jobs) {
      if (this.jobs.size < MAX_JOBS) break;
      if (job.finishedAt) this.jobs.delete(id);
    }
  }
}
