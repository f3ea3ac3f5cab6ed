// Import jobs: a large import accepted with 202 is recorded here from the moment it is accepted, so its
// outcome survives the process — and a job a restart cut short is marked `interrupted`, never lost.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { plans } from './core.js';

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'interrupted'] as const;

export const importJobs = sqliteTable(
  'import_jobs',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    status: text('status', { enum: IMPORT_JOB_STATUSES }).notNull(),
    dryRun: integer('dry_run', { mode: 'boolean' }).notNull(),
    rows: integer('rows').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    actorTokenId: text('actor_token_id'),
    /** The process running the job: at start-up (SQLite), jobs of a process that is gone are marked interrupted. */
    runnerPid: integer('runner_pid').notNull(),
    /**
     * The runner (one per server process, random at its start) that holds the job. On PostgreSQL a job is
     * alive while its runner holds an advisory lock on it (pids mean nothing across machines).
     */
    runnerId: text('runner_id'),
    submittedAt: text('submitted_at').notNull(),
    startedAt: text('started_at'),
    finishedAt: text('finished_at'),
    /** The ImportResult as JSON once finished (counts, problems, warnings, changes). */
    result: text('result', { mode: 'json' }),
    error: text('error'),
  },
  (t) => [index('import_jobs_submitted').on(t.submittedAt)],
);
