// The view model of a plan's progress report as of a date: per area, its latest update on or before that
// date (what we have done, what we will do next, evidence of impact); the actions behind schedule with
// their reason and mitigation; and the actions by RAG per area.
import type { Db } from '../../db/client.js';
import { planDeadlines, type PlanDeadlines } from '../../domain/deadlines.js';
import { effectiveDueDate, effectiveRag, hasSlipped, type RagValue } from '../../domain/rag.js';
import type { Repos } from '../../db/repos/index.js';
import { measureView, valuesByMeasure, type MeasureView } from '../measures/measure-view.js';

export interface RagCounts {
  'on-target': number;
  'at-risk': number;
  'off-target': number;
  complete: number;
  cancelled: number;
  total: number;
}

export interface ProgressReportView {
  generatedAt: string;
  asOf: string;
  plan: { id: string; title: string; kind: string; localArea: string; principalAuthority: string | null; inspectionReportPublishedOn: string | null; deadlines: PlanDeadlines };
  areas: {
    number: number;
    title: string;
    update: { asOf: string; done: string[]; next: string[]; evidenceOfImpact: string | null } | null;
    counts: RagCounts;
    /** The area's measures with their charts (absent from views stored before measures existed). */
    measures?: MeasureView[];
  }[];
  totals: RagCounts;
  behind: {
    ref: string;
    title: string;
    areaNumber: number | null;
    responsibleOrganisation: string | null;
    owner: string | null;
    dueDate: string;
    revisedDueDate: string | null;
    stillOverdue: boolean;
    rag: RagValue | null;
    delayReason: string | null;
    mitigation: string | null;
  }[];
}

const emptyCounts = (): RagCounts => ({ 'on-target': 0, 'at-risk': 0, 'off-target': 0, complete: 0, cancelled: 0, total: 0 });
const byRef = (a: { ref: string }, b: { ref: string }) => a.ref.localeCompare(b.ref, 'en', { numeric: true });

export async function buildProgressReportView(repos: Repos, planId: string, asOf: string, opts: { now: Date; ragMargin: number; db?: Db }): Promise<ProgressReportView> {
  const db = opts.db;
  const plan = await repos.plans.mustGet(planId, db);
  const areas = await repos.areas.inPlan(planId, db);
  const areaNumber = new Map(areas.map((a) => [a.id, a.number]));
  // Project tasks without an area are not part of the plan's areas; they are reported in highlight reports.
  const actions = (await repos.actions.inPlan(planId, db)).filter((a) => a.areaId !== null);
  const measures = await repos.measures.inPlan(planId, db);
  const values = valuesByMeasure(await repos.measureValues.forMeasures(measures.map((m) => m.id), db));
  const totals = emptyCounts();
  const counts = new Map(areas.map((a) => [a.id, emptyCounts()]));
  for (const a of actions) {
    const c = counts.get(a.areaId!);
    if (!c) continue;
    const { rag } = effectiveRag(a, asOf, opts.ragMargin);
    const key = rag ?? 'cancelled';
    c[key]++;
    c.total++;
    totals[key]++;
    totals.total++;
  }
  return {
    generatedAt: opts.now.toISOString(),
    asOf,
    plan: {
      id: plan.id,
      title: plan.title,
      kind: plan.kind,
      localArea: plan.localArea,
      principalAuthority: plan.principalAuthority,
      inspectionReportPublishedOn: plan.inspectionReportPublishedOn,
      deadlines: planDeadlines(plan.inspectionReportPublishedOn),
    },
    areas: await Promise.all(areas.map(async (a) => {
      const u = await repos.areaUpdates.latest(a.id, asOf, db);
      return {
        number: a.number,
        title: a.title,
        update: u ? { asOf: u.asOf, done: u.done, next: u.next, evidenceOfImpact: u.evidenceOfImpact } : null,
        counts: counts.get(a.id)!,
        measures: measures.filter((m) => m.areaIds.includes(a.id)).map((m, i) => measureView(m, values.get(m.id) ?? [], asOf, `pr${a.number}-${i + 1}`)),
      };
    })),
    totals,
    behind: actions
      .filter((a) => hasSlipped(a, asOf))
      .sort((x, y) => (areaNumber.get(x.areaId!)! - areaNumber.get(y.areaId!)!) || byRef(x, y))
      .map((a) => ({
        ref: a.ref,
        title: a.title,
        areaNumber: areaNumber.get(a.areaId!) ?? null,
        responsibleOrganisation: a.responsibleOrganisation,
        owner: a.owner,
        dueDate: a.dueDate,
        revisedDueDate: a.revisedDueDate,
        stillOverdue: effectiveDueDate(a) < asOf,
        rag: effectiveRag(a, asOf, opts.ragMargin).rag,
        delayReason: a.delayReason,
        mitigation: a.mitigation,
      })),
  };
}
