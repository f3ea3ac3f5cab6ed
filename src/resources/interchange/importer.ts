// An import from start to finish, shared by the HTTP route, the import jobs and the CLI: validate and
// compare everything first; then, unless it is a dry run or there is any problem, apply all of it in one
// transaction. The CLI plans inside that transaction (runImport); the HTTP route plans in the reader's
// worker thread against a snapshot of the plan, and the transaction applies that plan only if the plan's
// records are still the ones it was compared with (applyPlanned) — either way, what was compared is what
// gets written.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Actor, Store } from '../../db/store.js';
import { londonDate } from '../../domain/dates.js';
import type { RagValue } from '../../domain/rag.js';
import type { ActionRow } from '../../db/repos/actions.js';
import type { Repos } from '../../db/repos/index.js';
import type { Services } from '../services.js';
import { applyImport, type RowGuard } from './apply.js';
import { planImport, type FieldChange, type ImportPlan, type Operation, type Progress } from './import-plan.js';
import { KINDS, MEASURE_KINDS, PLAN_KINDS, type Kind } from './layout.js';
import { loadPlanData, type PlanData } from './plan-data.js';
import { AppError } from '../../shared/errors.js';
import type { SheetProblem } from './problems.js';
import type { ReadWorkbook } from './read.js';

export interface InterchangeDeps {
  repos: Repos;
  /** What an import writes through: the same services, rules and audit as the API. */
  services: Services;
  store: Store;
  /** The effective RAG of an action as of a date (the actions service's rule and margin). */
  ragOf: (action: ActionRow, asOf: string) => RagValue | null;
  /** Today in England, by the app's clock. */
  today: () => string;
}

export const interchangeDeps = (app: FastifyInstance): InterchangeDeps => ({
  repos: app.repos,
  services: app.services,
  store: app.store,
  ragOf: (action, asOf) => app.services.actions.toApi(action, asOf).rag,
  today: () => londonDate(app.store.now()),
});

export type Counts = Record<Kind, number>;
type MeasureKind = (typeof MEASURE_KINDS)[number];
export type MeasureCounts = Record<'created' | 'updated' | 'unchanged', Record<MeasureKind, number>>;

export interface RowChangeSummary {
  sheet: string;
  row: number;
  kind: Kind;
  key: string;
  operation: Exclude<Operation, 'unchanged'>;
  /** For updates: each field that changes, from → to (stored values: dates YYYY-MM-DD, enums as in the API). */
  changes: FieldChange[];
}

export interface ImportResult {
  planId: string;
  dryRun: boolean;
  /** True when the changes were written. */
  applied: boolean;
  created: Counts;
  updated: Counts;
  unchanged: Counts;
  /** The Measures and Measure values sheets' rows, counted apart from the plan's records. */
  measures: MeasureCounts;
  problems: SheetProblem[];
  warnings: SheetProblem[];
  changes: RowChangeSummary[];
}

export interface ImportOptions {
  dryRun: boolean;
  actor: Actor;
  onProgress?: Progress;
  /** Called with the result inside the import's transaction (not for a dry run): an import job records its outcome there. */
  inTransaction?: (tx: Db, result: ImportResult) => void | Promise<void>;
}

export async function runImport(deps: InterchangeDeps, planId: string, read: ReadWorkbook, opts: ImportOptions): Promise<ImportResult> {
  const { repos, store } = deps;
  await repos.plans.mustGet(planId);
  if (opts.dryRun) {
    const plan = planImport(read, await loadPlanData(repos, planId), opts.onProgress);
    return summarise(planId, plan, true, false);
  }
  return store.tx(async (tx) => {
    const data = await loadPlanData(repos, planId, tx);
    const result = await applyChecked(deps, data, planImport(read, data, opts.onProgress), opts);
    await opts.inTransaction?.(tx, result);
    return result;
  });
}

/** Which records the plan holds, at which versions: equal fingerprints, same records. */
export function planFingerprint(data: PlanData): string {
  const hash = createHash('sha256');
  for (const kind of KINDS) {
    hash.update(`|${kind}`);
    for (const row of data[kind] as { id: string; version: number }[]) hash.update(`,${row.id}:${row.version}`);
  }
  return hash.digest('hex');
}

/** The plan changed between the check (in the worker) and the write: nothing is written. */
export class PlanChangedError extends AppError {
  constructor() {
    super(409, 'plan-changed', 'The plan changed during the import', 'The plan was changed by someone else while the file was being checked, so the import was not applied: upload the file again.');
  }
}

export interface Planned {
  plan: ImportPlan;
  /** planFingerprint of the records the plan was made against. */
  fingerprint: string;
}

/** Applies an import planned elsewhere (the reader's worker) in one transaction, if the plan's records have not changed since. */
export async function applyPlanned(deps: InterchangeDeps, planId: string, planned: Planned, opts: ImportOptions): Promise<ImportResult> {
  const { repos, store } = deps;
  await repos.plans.mustGet(planId);
  const { plan } = planned;
  if (opts.dryRun) return summarise(planId, plan, true, false);
  return store.tx(async (tx) => {
    const data = await loadPlanData(repos, planId, tx);
    if (plan.problems.length === 0 && planFingerprint(data) !== planned.fingerprint) throw new PlanChangedError();
    const result = await applyChecked(deps, data, plan, opts);
    await opts.inTransaction?.(tx, result);
    return result;
  });
}

/** Thrown inside the savepoint to undo what was written before a service refused a row. */
class Refused extends Error {
  constructor(readonly problems: SheetProblem[]) {
    super('import refused');
  }
}

/** PostgreSQL, first run: a row was refused, so the run stops and is undone (the import is run again row by row). */
class FirstRefusal extends Error {}

/**
 * Applies a plan without problems through the services, in a savepoint of the import's transaction: if a
 * service refuses any row, everything the import wrote is undone and the refusals are its problems (the
 * transaction itself goes on, so an import job can still record the outcome).
 */
async function applyChecked(deps: InterchangeDeps, data: PlanData, plan: ImportPlan, opts: ImportOptions): Promise<ImportResult> {
  if (plan.problems.length) return summarise(data.planId, plan, false, false);
  const { store } = deps;
  if (store.dialect === 'postgresql') {
    // PostgreSQL aborts the transaction at a refused statement, so going on after a refused row (to report
    // every refusal) needs a savepoint per row: two round trips more for each. A refusal is rare (the plan
    // was checked), so the import first runs without them, stopping at the first refusal; only then is it
    // undone and run again with a savepoint per row, which reports what SQLite reports.
    const stopAtFirst: RowGuard = (write) =>
      write().catch(() => {
        throw new FirstRefusal();
      });
    try {
      await store.savepoint(async () => {
        if ((await applyImport(deps.services, data, plan, opts.actor, stopAtFirst, opts.onProgress)).length) throw new FirstRefusal();
      });
      return summarise(data.planId, plan, false, true);
    } catch (err) {
      if (!(err instanceof FirstRefusal)) throw err;
    }
  }
  // SQLite goes on after a refused statement; PostgreSQL aborts the transaction, so each row gets a savepoint there.
  const guard: RowGuard = store.dialect === 'postgresql' ? (write) => store.savepoint(() => write()) : (write) => write();
  try {
    await store.savepoint(async () => {
      const refused = await applyImport(deps.services, data, plan, opts.actor, guard, opts.onProgress);
      if (refused.length) throw new Refused(refused);
    });
  } catch (err) {
    if (err instanceof Refused) return summarise(data.planId, { ...plan, problems: err.problems }, false, false);
    throw err;
  }
  return summarise(data.planId, plan, false, true);
}

const zero = (): Counts => Object.fromEntries(KINDS.map((k) => [k, 0])) as Counts;
const only = <K extends Kind>(c: Counts, kinds: readonly K[]) => Object.fromEntries(kinds.map((k) => [k, c[k]])) as Record<K, number>;

function summarise(planId: string, plan: ImportPlan, dryRun: boolean, applied: boolean): ImportResult {
  const created = zero();
  const updated = zero();
  const unchanged = zero();
  const changes: RowChangeSummary[] = [];
  if (plan.problems.length === 0) {
    for (const r of plan.rows) {
      ({ create: created, update: updated, unchanged })[r.operation][r.kind]++;
      if (r.operation !== 'unchanged') changes.push({ sheet: r.sheet, row: r.row, kind: r.kind, key: r.key, operation: r.operation, changes: r.changes });
    }
  }
  return {
    planId,
    dryRun,
    applied,
    created: only(created, PLAN_KINDS),
    updated: only(updated, PLAN_KINDS),
    unchanged: only(unchanged, PLAN_KINDS),
    measures: { created: only(created, MEASURE_KINDS), updated: only(updated, MEASURE_KINDS), unchanged: only(unchanged, MEASURE_KINDS) },
    problems: plan.problems,
    warnings: plan.warnings,
    changes,
  };
}
