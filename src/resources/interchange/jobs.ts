// Import jobs: a large import is accepted at once (202 + a status URL) and runs right after the answer is
// sent. Each job is a row of import_jobs from the moment it is accepted; its final state is written in the
// import's own transaction, so `succeeded` means written and anything else means nothing was. At start-up,
// jobs left queued or running by a process that is gone are marked `interrupted`: on SQLite a process is
// its pid; on PostgreSQL (processes on several machines) a runner id, alive while it holds an advisory lock
// on the job. Job rows are a status log, like the request log: they are not plan data and are not audited.
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, lt } from 'drizzle-orm';
import { LOCK_NAMESPACES, SessionLocks } from '../../db/advisory-locks.js';
import type { Db } from '../../db/client.js';
import { poolConfig } from '../../db/pg-listener.js';
import type { importJobs } from '../../db/schema.js';
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

/** The finish of a job that is no longer this runner's (marked interrupted meanwhile): its import is undone. */
class JobTakenAway extends Error {}

export class ImportJobs {
  private readonly done = new Map<string, Promise<ImportJob | undefined>>();
  /** This runner (one per server process), recorded on the jobs it takes. */
  readonly runnerId = `run_${randomBytes(9).toString('base64url')}`;
  /** PostgreSQL: the locks that say this runner is alive, one per job it holds. */
  private readonly locks?: SessionLocks;

  constructor(
    private readonly store: Store,
    private readonly onError: (err: unknown, jobId: string) => void = () => {},
  ) {
    const pool = store.connection.pool;
    if (store.dialect === 'postgresql' && pool) this.locks = new SessionLocks(poolConfig(pool), LOCK_NAMESPACES.importJob);
  }

  private get t() {
    return this.store.tables;
  }

  async close(): Promise<void> {
    await this.locks?.close();
  }

  /** Marks the jobs of processes that are gone (a restart, a crash) as interrupted. Returns how many. */
  async markInterrupted(): Promise<number> {
    const { importJobs } = this.t;
    const open = await this.store.db.select().from(importJobs).where(inArray(importJobs.status, ['queued', 'running']));
    const gone: string[] = [];
    for (const j of open) {
      if (this.locks) {
        // Another runner's job is alive while that runner holds its lock (its connection gone: released).
        if (j.runnerId !== this.runnerId && !(await this.locks.heldElsewhere(j.id))) gone.push(j.id);
      } else if (j.runnerPid === process.pid || !processAlive(j.runnerPid)) gone.push(j.id);
    }
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
    const { importJobs } = this.t;
    const cutoff = new Date(this.store.now().getTime() - KEEP_DAYS * 86_400_000).toISOString();
    const id = newId('imp');
    // Held from before the row exists until the job is over: no other process ever sees it without a runner.
    await this.locks?.lock(id);
    try {
      await this.store.tx(async (db) => {
        await db.delete(importJobs).where(lt(importJobs.finishedAt, cutoff));
        await db.insert(importJobs).values({ id, planId, status: 'queued', dryRun, rows, actorName: actor.name, actorRole: actor.role, actorTokenId: actor.tokenId, runnerPid: process.pid, runnerId: this.runnerId, submittedAt: this.store.timestamp() });
      });
    } catch (err) {
      await this.release(id);
      throw err;
    }
    const done = new Promise<ImportJob | undefined>((resolve) => {
      setImmediate(async () => {
        try {
          await this.execute(id, run);
        } finally {
          await this.release(id);
        }
        resolve(this.get(id));
      });
    });
    this.done.set(id, done);
    void done.then(() => this.done.delete(id));
    return (await this.get(id))!;
  }

  async get(id: string): Promise<ImportJob | undefined> {
    const { importJobs } = this.t;
    const row = (await this.store.db.select().from(importJobs).where(eq(importJobs.id, id)))[0];
    return row ? toJob(row) : undefined;
  }

  /** Resolves when the job has finished (for the CLI and tests). */
  async settled(id: string): Promise<ImportJob | undefined> {
    return (await this.done.get(id)) ?? (await this.get(id));
  }

  private async release(id: string): Promise<void> {
    await this.locks?.unlock(id).catch((err: unknown) => this.onError(err, id));
  }

  private async execute(id: string, run: JobRun): Promise<void> {
    const { importJobs } = this.t;
    // Every later write is conditional on the job still being this runner's and running: one marked
    // interrupted meanwhile (its runner seen as gone) stays so, and its import is rolled back.
    const mine = and(eq(importJobs.id, id), eq(importJobs.status, 'running'), eq(importJobs.runnerId, this.runnerId));
    const started = await this.store.tx((db) =>
      db.update(importJobs).set({ status: 'running', startedAt: this.store.timestamp() }).where(and(eq(importJobs.id, id), eq(importJobs.status, 'queued'))).returning({ id: importJobs.id }),
    );
    if (started.length === 0) return;
    let recorded = false;
    const finish = async (tx: Db, result: ImportResult) => {
      const done = await tx
        .update(importJobs)
        .set({ status: result.problems.length ? 'failed' : 'succeeded', result, finishedAt: this.store.timestamp() })
        .where(mine)
        .returning({ id: importJobs.id });
      if (done.length === 0) throw new JobTakenAway(`import job ${id} was marked interrupted while it ran`);
      recorded = true;
    };
    try {
      const result = await run(finish);
      if (!recorded) await this.store.tx((db) => finish(db, result));
    } catch (err) {
      if (err instanceof JobTakenAway) return;
      let error: string;
      if (err instanceof AppError && err.status < 500) error = `${err.message} Nothing was written.`;
      else {
        error = `The import stopped on an error on our side (reference ${id}); nothing was written.`;
        this.onError(err, id);
      }
      await this.store.tx((db) => db.update(importJobs).set({ status: 'failed', error, finishedAt: this.store.timestamp() }).where(mine));
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
