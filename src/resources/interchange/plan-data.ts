// Everything of one plan the workbook holds, read in one go (inside the import's transaction, so the
// comparison and the writes see the same rows), with the lookups by human key the workbook uses.
import type { Db } from '../../db/client.js';
import type { ActionRow } from '../../db/repos/actions.js';
import type { AreaRow } from '../../db/repos/areas.js';
import type { ProjectRow, WorkstreamRow } from '../../db/repos/projects.js';
import type { BenefitRow, DependencyRow, IssueRow, RiskRow } from '../../db/repos/registers.js';
import type { MeasureRow, MeasureValueRow } from '../../db/repos/measures.js';
import type { Repos } from '../../db/repos/index.js';
import { sheetSpec, type Kind } from './layout.js';

export type RegisterKind = 'risks' | 'issues' | 'dependencies' | 'benefits';
export const REGISTER_KINDS: readonly RegisterKind[] = ['risks', 'issues', 'dependencies', 'benefits'];

export interface PlanData {
  planId: string;
  areas: AreaRow[];
  projects: ProjectRow[];
  workstreams: WorkstreamRow[];
  actions: ActionRow[];
  risks: RiskRow[];
  issues: IssueRow[];
  dependencies: DependencyRow[];
  benefits: BenefitRow[];
  measures: MeasureRow[];
  measureValues: MeasureValueRow[];
}

export type AnyRow = PlanData[Kind][number];

export async function loadPlanData(repos: Repos, planId: string, db?: Db): Promise<PlanData> {
  const projects = (await repos.projects.inPlan(planId, db)).sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  const perProject = async <T>(f: (projectId: string) => Promise<T[]>): Promise<T[]> => {
    const out: T[] = [];
    for (const p of projects) out.push(...(await f(p.id)));
    return out;
  };
  return {
    planId,
    areas: (await repos.areas.inPlan(planId, db)),
    projects,
    workstreams: await perProject((id) => repos.workstreams.inProject(id, db)),
    actions: sortByRef(await repos.actions.inPlan(planId, db)),
    risks: await perProject(async (id) => sortByRef((await repos.risks.inProject(id, db)) as RiskRow[])),
    issues: await perProject(async (id) => sortByRef((await repos.issues.inProject(id, db)) as IssueRow[])),
    dependencies: await perProject(async (id) => sortByRef((await repos.dependencies.inProject(id, db)) as DependencyRow[])),
    benefits: await perProject(async (id) => sortByRef((await repos.benefits.inProject(id, db)) as BenefitRow[])),
    ...(await measuresOf(repos, planId, db)),
  };
}

async function measuresOf(repos: Repos, planId: string, db?: Db): Promise<Pick<PlanData, 'measures' | 'measureValues'>> {
  const measures = sortByRef(await repos.measures.inPlan(planId, db));
  const order = new Map(measures.map((m, i) => [m.id, i]));
  const measureValues = (await repos.measureValues
      .forMeasures(measures.map((m) => m.id), db))
    .sort((a, b) => order.get(a.measureId)! - order.get(b.measureId)! || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  return { measures, measureValues };
}

/** "2.2" before "2.10", "COI-02" before "COI-10": references compared as people number them. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });
export const compareRefs = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
const sortByRef = <T extends { ref: string }>(rows: T[]) => rows.sort((a, b) => compareRefs(a.ref, b.ref));

/** Lookups from stored ids to the keys the workbook writes, and back. */
export class PlanKeys {
  readonly areaNumberById = new Map<string, number>();
  readonly projectCodeById = new Map<string, string>();
  readonly workstreamById = new Map<string, { projectCode: string; letter: string }>();
  readonly measureRefById = new Map<string, string>();

  constructor(data: PlanData) {
    for (const m of data.measures) this.measureRefById.set(m.id, m.ref);
    for (const a of data.areas) this.areaNumberById.set(a.id, a.number);
    for (const p of data.projects) this.projectCodeById.set(p.id, p.code);
    for (const w of data.workstreams) this.workstreamById.set(w.id, { projectCode: this.projectCodeById.get(w.projectId)!, letter: w.letter });
  }

  /** The workbook's reference columns of a stored row (and a measure's baseline and target, flattened into their columns). */
  refsOf(kind: Kind, row: AnyRow): Record<string, unknown> {
    const r = row as Record<string, unknown>;
    if (kind === 'measures') {
      const m = row as MeasureRow;
      return {
        areaNumbers: m.areaIds.map((id) => this.areaNumberById.get(id)).filter((n): n is number => n !== undefined).sort((a, b) => a - b),
        baselineValue: m.baseline?.value ?? null,
        baselinePeriod: m.baseline?.period ?? null,
        targetValue: m.target?.value ?? null,
        targetBy: m.target?.by ?? null,
      };
    }
    if (kind === 'measureValues') return { measureRef: this.measureRefById.get((row as MeasureValueRow).measureId) ?? null };
    if (kind === 'actions') {
      const a = row as ActionRow;
      return {
        areaNumber: a.areaId ? (this.areaNumberById.get(a.areaId) ?? null) : null,
        projectCode: a.projectId ? (this.projectCodeById.get(a.projectId) ?? null) : null,
        workstreamLetter: a.workstreamId ? (this.workstreamById.get(a.workstreamId)?.letter ?? null) : null,
      };
    }
    if (kind === 'workstreams' || REGISTER_KINDS.includes(kind as RegisterKind)) {
      return { projectCode: this.projectCodeById.get(r.projectId as string) ?? null };
    }
    return {};
  }
}

/** The key a row is found by (area number, project code, project code + letter or ref, action ref), for maps. */
export const mapKey = (kind: Kind, values: Record<string, unknown>): string => JSON.stringify(keyFields(kind).map((k) => values[k] ?? null));

/** The same key as people read it: "2.1", "PR000681 00011". */
export const displayKey = (kind: Kind, values: Record<string, unknown>): string =>
  keyFields(kind)
    .map((k) => String(values[k] ?? ''))
    .join(' ');

export const keyFields = (kind: Kind): string[] => sheetSpec(kind).key;
