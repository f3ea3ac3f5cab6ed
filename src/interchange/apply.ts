// Applying an import plan: creates and updates through the resources' repositories, so every change is
// versioned and audited like one made through the API. The caller runs this inside ONE transaction
// (Store.tx) and passes it: any failure undoes everything.
import type { Db } from '../db/client.js';
import type { Actor } from '../db/store.js';
import type { Repos } from '../resources/repos.js';
import type { Kind } from './layout.js';
import type { ImportPlan, Progress, RowPlan } from './import-plan.js';
import type { PlanData } from './plan-data.js';

type AnyRepo = {
  createIn(tx: Db, actor: Actor, values: never): { id: string };
  updateIn(tx: Db, id: string, ifMatch: number[] | undefined, actor: Actor, patch: () => never): unknown;
};

/** Writes the plan inside `tx`, the import's one transaction (rows are created and updated in it directly, without a savepoint each). */
export function applyImport(tx: Db, repos: Repos, data: PlanData, plan: ImportPlan, actor: Actor, onProgress?: Progress): void {
  const areaIds = new Map(data.areas.map((a) => [a.number, a.id]));
  const projectIds = new Map(data.projects.map((p) => [p.code, p.id]));
  const codeById = new Map(data.projects.map((p) => [p.id, p.code]));
  const workstreamIds = new Map(data.workstreams.map((w) => [wsKey(codeById.get(w.projectId)!, w.letter), w.id]));

  const projectId = (code: unknown) => {
    if (code === null || code === undefined) return null;
    const id = projectIds.get(code as string);
    if (!id) throw new Error(`import: project ${String(code)} was not resolved`);
    return id;
  };
  const references = (v: Record<string, unknown>) => ({
    areaId: v.areaNumber === null || v.areaNumber === undefined ? null : areaIds.get(v.areaNumber as number)!,
    projectId: projectId(v.projectCode),
    workstreamId: v.workstreamLetter ? workstreamIds.get(wsKey(v.projectCode as string, v.workstreamLetter as string))! : null,
  });

  const work = plan.rows.filter((r) => r.operation !== 'unchanged');
  let done = 0;
  for (const r of work) {
    const repo = repoFor(repos, r.kind);
    if (r.operation === 'create') {
      const values = columnValues(r, data.planId, references, projectId);
      const created = repo.createIn(tx, actor, values as never);
      if (r.kind === 'areas') areaIds.set(r.values.number as number, created.id);
      if (r.kind === 'projects') projectIds.set(r.values.code as string, created.id);
      if (r.kind === 'workstreams') workstreamIds.set(wsKey(r.values.projectCode as string, r.values.letter as string), created.id);
    } else {
      const patch: Record<string, unknown> = {};
      for (const c of r.changes) if (!(c.field in REFERENCE_COLUMNS)) patch[c.field] = c.to;
      const refChanged = r.changes.some((c) => c.field in REFERENCE_COLUMNS);
      if (refChanged) {
        if (r.kind === 'actions') Object.assign(patch, references(r.values));
        else patch.projectId = projectId(r.values.projectCode);
      }
      // The version read when planning, in the same transaction: a mismatch cannot happen, and would fail loudly.
      repo.updateIn(tx, r.id!, [r.version!], actor, () => patch as never);
    }
    if (++done % 250 === 0) onProgress?.('applying', done, work.length);
  }
  if (work.length) onProgress?.('applying', work.length, work.length);
}

const REFERENCE_COLUMNS = { areaNumber: 1, projectCode: 1, workstreamLetter: 1 };
const wsKey = (code: string, letter: string) => JSON.stringify([code, letter]);

function columnValues(
  r: RowPlan,
  planId: string,
  references: (v: Record<string, unknown>) => Record<string, unknown>,
  projectId: (code: unknown) => string | null,
): Record<string, unknown> {
  const { areaNumber: _a, projectCode: _p, workstreamLetter: _w, ...fields } = r.values;
  switch (r.kind) {
    case 'areas':
    case 'projects':
      return { ...fields, planId };
    case 'actions':
      return { ...fields, planId, ...references(r.values) };
    default:
      return { ...fields, projectId: projectId(r.values.projectCode) };
  }
}

function repoFor(repos: Repos, kind: Kind): AnyRepo {
  return repos[kind] as unknown as AnyRepo;
}
