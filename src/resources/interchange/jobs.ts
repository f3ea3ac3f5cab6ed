// Import jobs: a large import is accepted at once (202 + a status URL) and runs right after the answer is
// sent. Each job is a row of import_jobs from the moment it is accepted; its final state is written in the
// import's own transaction, so `succeeded` means written and anything else means nothing was. At start-up,
// jobs left queued or running by a process that is gone are marked `interrupted`. Job rows are a status
// log, like the request log: they are not plan data and are not audited.
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { importJobs } from '../../db/schema.js';
import type { Actor, Store } from '../../db/store.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { ImportResult } from './importer.js';

export type JobStatus = (typeof importJobs.$inferSelect)['status'];

export interface ImportJob {
  id: string;
  planId: string;
  status: JobStatus;
  dryRun: boolean;
  /** Data rows in the upload. */
  rows: number;
  /** Who started it (the token's name). */
  startedBy: string;
  submittedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The outcome once finished: as the synchronous answer would have been (problems listed when it failed on them). */
  result: ImportResult | null;
  /** Set when the job failed for a reason other than problems in the spreadsheet, or was interrupted. */
  error: string | null;
}

/** Finished jobs are kept this long. */
const KEEP_DAYS = 30;

export const INTERRUPTED_MESSAGE =
  'The server stopped while this import was waiting or running, so it did not finish. Nothing of it was written (an import is one transaction): upload the file again to re-run it.';

/** Runs the import; `commit(tx, result)` must be called inside its transaction when it writes (or at its end otherwise). */
export type JobRun = (finish: (tx: Db, result: ImportResult) => Promise<void>) => Promise<ImportResult>;

type Row = typeof importJobs.$inferSelect;

export class ImportJobs {
  private readonly done = new Map<string, Promise<ImportJob | undefined>>();

  constructor(
    private readonly store: Store,
    private readonly onError: (err: unknown, jobId: string) => void = () => {},
  ) {}

  /** Marks the jobs of processes that are gone (a restart, a crash) as interrupted. Returns how many. */
  async markInterrupted(): Promise<number> {
    const open = await this.store.db.select().from(importJobs).where(inArray(importJobs.status, ['queued', 'running']));
    const gone = open.filter((j) => j.runnerPid === process.pid || !processAlive(j.runnerPid)).map((j) => j.id);
    if (gone.length === 0) return 0;
    await this.store.tx((db) =>
      db
        .update(importJobs)
        .set({ status: 'interrupted', finishedAt: this.store.timestamp(), error: INTERRUPTED_MESSAGE })
        .where(and(inArray(importJobs.id, gone), inArray(importJobs.status, ['queued', 'running']))),
    );
    return gone.length;
  }

  /** Records the job and queues `run` to start after the current request has been answered. */
  async submit(planId: string, rows: number, dryRun: boolean, actor: Actor, run: JobRun): Promise<ImportJob> {
    const cutoff = new Date(this.store.now().getTime() - KEEP_DAYS * 86_400_000).toISOString();
    const id = newId('imp');
    await this.store.tx(async (db) => {
      await db.delete(importJobs).where(lt(importJobs.finishedAt, cutoff));
      await db.insert(importJobs).values({ id, planId, status: 'queued', dryRun, rows, actorName: actor.name, actorRole: actor.role, actorTokenId: actor.tokenId, runnerPid: process.pid, submittedAt: this.store.timestamp() });
    });
    const done = new Promise<ImportJob | undefined>((resolve) => {
      setImmediate(async () => {
        await this.execute(id, run);
        resolve(this.get(id));
      });
    });
    this.done.set(id, done);
    void done.then(() => this.done.delete(id));
    return (await this.get(id))!;
  }

  async get(id: string): Promise<ImportJob | undefined> {
    const row = (await this.store.db.select().from(importJobs).where(eq(importJobs.id, id)))[0];
    return row ? toJob(row) : undefined;
  }

  /** Resolves when the job has finished (for the CLI and tests). */
  async settled(id: string): Promise<ImportJob | undefined> {
    return (await this.done.get(id)) ?? (await this.get(id));
  }

  private async execute(id: string, run: JobRun): Promise<void> {
    await this.store.tx((db) => db.update(importJobs).set({ status: 'running', startedAt: this.store.timestamp() }).where(eq(importJobs.id, id)));
    let recorded = false;
    const finish = async (tx: Db, result: ImportResult) => {
      await tx.update(importJobs)
                .set({ status: result.problems.length ? 'failed' : 'succeeded', result, finishedAt: this.store.timestamp() })
                .where(eq(importJobs.id, id));
      recorded = true;
    };
    try {
      const result = await run(finish);
      if (!recorded) await this.store.tx((db) => finish(db, result));
    } catch (err) {
      let error: string;
      if (err instanceof AppError && err.status < 500) error = `${err.message} Nothing was written.`;
      else {
        error = `The import stopped on an error on our side (reference ${id}); nothing was written.`;
        this.onError(err, id);
      }
      await this.store.tx((db) => db.update(importJobs).set({ status: 'failed', error, finishedAt: this.store.timestamp() }).where(eq(importJobs.id, id)));
    }
  }
}

function toJob(r: Row): ImportJob {
  return {
    id: r.id,
    planId: r.planId,
    status: r.status,
    dryRun: r.dryRun,
    rows: r.rows,
    startedBy: r.actorName,
    submittedAt: r.submittedAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    result: (r.result as ImportResult | null) ?? null,
    error: r.error,
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
