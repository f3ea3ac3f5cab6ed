// Applying an import plan: every create and update goes through the resources' services — the same rules
// and the same audit as the API — inside the import's ONE transaction, which the caller has open.
// A row a service refuses is reported like the planner's problems (sheet, row, column) and the caller
// undoes everything written.
import type { Actor } from '../../db/store.js';
import type { Services } from '../services.js';
import { AppError, ValidationError } from '../../shared/errors.js';
import { sheetSpec, type Kind } from './layout.js';
import type { ImportPlan, Progress, RowPlan } from './import-plan.js';
import type { PlanData } from './plan-data.js';
import { sheetProblem, type SheetProblem } from './problems.js';

/** The services an import writes through: create and update, each joining the caller's open transaction. */
interface Writer {
  create(parentId: string, body: never, actor: Actor): Promise<{ id: string }>;
  update(id: string, body: never, ifMatch: number[], actor: Actor): Promise<unknown>;
}

/** Runs one row's writes so that a refusal by the database leaves the transaction usable (PostgreSQL: a savepoint). */
export type RowGuard = <T>(write: () => Promise<T>) => Promise<T>;

/** The service fields a reference column resolves to, for placing a service's refusal on the sheet. */
const COLUMN_OF_FIELD: Record<string, string> = {
  areaId: 'areaNumber',
  projectId: 'projectCode',
  workstreamId: 'workstreamLetter',
  areaIds: 'areaNumbers',
  baseline: 'baselineValue',
  'baseline.period': 'baselinePeriod',
  target: 'targetValue',
  'target.by': 'targetBy',
};
const columnOfField = (path: string) => COLUMN_OF_FIELD[path] ?? COLUMN_OF_FIELD[path.split('.')[0]!] ?? path.split('.')[0]!;

/** Writes the plan inside the open transaction; returns what the services refused (then the caller must roll it back). */
export async function applyImport(services: Services, data: PlanData, plan: ImportPlan, actor: Actor, guard: RowGuard, onProgress?: Progress): Promise<SheetProblem[]> {
  const areaIds = new Map(data.areas.map((a) => [a.number, a.id]));
  const projectIds = new Map(data.projects.map((p) => [p.code, p.id]));
  const codeById = new Map(data.projects.map((p) => [p.id, p.code]));
  const workstreamIds = new Map(data.workstreams.map((w) => [wsKey(codeById.get(w.projectId)!, w.letter), w.id]));
  const measureIds = new Map(data.measures.map((m) => [m.ref, m.id]));
  const writers = services as unknown as Record<Kind, Writer>;
  const problems: SheetProblem[] = [];

  // A reference the planner resolved is always found here, unless the row it names was refused (then
  // that refusal is already reported and this row is skipped).
  class Unresolved extends Error {}
  const resolve = <K>(map: Map<K, string>, key: K | null | undefined): string | null => {
    if (key === null || key === undefined) return null;
    const id = map.get(key);
    if (id) return id;
    if (problems.length) throw new Unresolved();
    throw new Error(`import: reference ${String(key)} was not resolved`);
  };
  const references = (v: Record<string, unknown>) => ({
    areaId: resolve(areaIds, v.areaNumber as number | null),
    projectId: resolve(projectIds, v.projectCode as string | null),
    workstreamId: v.workstreamLetter ? resolve(workstreamIds, wsKey(v.projectCode as string, v.workstreamLetter as string)) : null,
  });

  const work = plan.rows.filter((r) => r.operation !== 'unchanged');
  let done = 0;
  for (const r of work) {
    try {
      const writer = writers[r.kind];
      const { areaNumber: _a, projectCode: _p, workstreamLetter: _w, measureRef: _m, ...fields } = r.values;
      const body = (r.kind === 'actions' ? { ...fields, ...references(r.values) } : r.kind === 'measures' ? measureBody(fields, (n) => resolve(areaIds, n)!, r.operation === 'create') : fields) as never;
      if (r.operation === 'create') {
        const parentId =
          r.kind === 'measureValues'
            ? resolve(measureIds, r.values.measureRef as string)!
            : r.kind === 'areas' || r.kind === 'projects' || r.kind === 'actions' || r.kind === 'measures'
              ? data.planId
              : resolve(projectIds, r.values.projectCode as string)!;
        const created = await guard(() => writer.create(parentId, body, actor));
        if (r.kind === 'measures') measureIds.set(r.values.ref as string, created.id);
        if (r.kind === 'areas') areaIds.set(r.values.number as number, created.id);
        if (r.kind === 'projects') projectIds.set(r.values.code as string, created.id);
        if (r.kind === 'workstreams') workstreamIds.set(wsKey(r.values.projectCode as string, r.values.letter as string), created.id);
      } else {
        // Every field as the row will be: the service writes (and audits) only what differs. The version
        // is the one read when planning, in this transaction or checked by fingerprint before it.
        await guard(() => writer.update(r.id!, body, [r.version!], actor));
      }
    } catch (err) {
      if (err instanceof Unresolved) continue;
      if (!(err instanceof AppError)) throw err;
      problems.push(...refusal(plan, r, err));
    }
    if (++done % 250 === 0) onProgress?.('applying', done, work.length);
  }
  if (work.length) onProgress?.('applying', work.length, work.length);
  return problems;
}

/** A service's refusal, on the row's cells: "Actions!F7: Start Date must not be after dueDate (2023-03-31)". */
function refusal(plan: ImportPlan, r: RowPlan, err: AppError): SheetProblem[] {
  const columns = plan.columns[r.sheet] ?? {};
  const spec = sheetSpec(r.kind);
  if (err instanceof ValidationError && err.errors.length) {
    return err.errors.map((e) => {
      const key = columnOfField(e.path);
      const col = columns[key] ?? null;
      const header = col?.header ?? spec.columns.find((c) => c.key === key)?.header ?? e.path;
      return sheetProblem(r.sheet, r.row, col, `${header} ${e.message}`, header);
    });
  }
  return [sheetProblem(r.sheet, r.row, null, `${capitalise(spec.noun)} ${r.key} was refused: ${err.message}`)];
}

/**
 * A measure row's columns as the measures service's body: baseline and target put together, areas by id;
 * a new measure gets the API's defaults for what the sheet does not hold (actions, comparators), an
 * update leaves them as they are.
 */
function measureBody(fields: Record<string, unknown>, areaId: (n: number) => string, create: boolean): Record<string, unknown> {
  const { areaNumbers, baselineValue, baselinePeriod, targetValue, targetBy, ...rest } = fields;
  return {
    ...(create ? { actionIds: [], comparators: [] } : {}),
    ...rest,
    areaIds: ((areaNumbers as number[] | null) ?? []).map(areaId),
    baseline: baselineValue === null || baselineValue === undefined ? null : { value: baselineValue, period: baselinePeriod },
    target: targetValue === null || targetValue === undefined ? null : { value: targetValue, by: targetBy },
  };
}

const wsKey = (code: string, letter: string) => JSON.stringify([code, letter]);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

