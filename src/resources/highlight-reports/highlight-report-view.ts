// The view model of a highlight report: everything the document shows, gathered at one moment. It is
// what publication freezes (stored as the snapshot), so it holds values, not ids to look up later.
import type { Db } from '../../db/client.js';
import type { ChangesView } from '../changes/changes-view.js';
import { financialYearOf, ganttBar, positionPct, type GanttBar, type GanttYear } from '../../domain/gantt.js';
import { effectiveDueDate, effectiveRag, type RagValue } from '../../domain/rag.js';
import { riskBand, riskScore } from '../../domain/risk.js';
import type { HighlightReportRow } from '../../db/repos/highlight-reports.js';
import { STATUS_KEYS, STATUS_LABELS, type ReportItem } from './schemas.js';
import type { HighlightReportsService, PreviousStatuses } from './service.js';
import type { Repos } from '../../db/repos/index.js';
import { measureView, valuesByMeasure, type MeasureView } from '../measures/measure-view.js';

export const HIGHLIGHT_VIEW_VERSION = 1;

export interface ItemGroup {
  heading: string | null; // "A. Collaborative Working and Effective Services"
  items: string[];
}

export interface TaskView {
  ref: string;
  title: string;
  startDate: string | null;
  endDate: string;
  originalDueDate: string | null; // set when the end date was revised
  percentComplete: number;
  milestone: boolean;
  rag: RagValue | null;
  cancelled: boolean;
  gantt: GanttBar;
}

export interface HighlightReportView {
  viewVersion: number;
  state: 'draft' | 'submitted' | 'approved' | 'published';
  publishedAt: string | null;
  publishedBy: string | null;
  /** Who approved the report and when (approval before publishing); absent in views frozen before approvals existed. */
  approval?: { approvedBy: string; approvedAt: string } | null;
  generatedAt: string;
  plan: { title: string; localArea: string; principalAuthority: string | null };
  project: { code: string; name: string; author: string | null; gatewayStage: string | null; plannedEndDate: string | null; budget: number | null; approver: string | null };
  report: {
    id: string;
    periodStart: string;
    periodEnd: string;
    reportDate: string;
    nextPeriodStart: string;
    overallStatus: RagValue;
    previousOverallStatus: RagValue | null;
    summary: string | null;
    helpRequired: string | null;
  };
  previous: PreviousStatuses;
  achievements: ItemGroup[];
  nextSteps: ItemGroup[];
  statusSummary: { key: string; label: string; status: RagValue | null; previousStatus: RagValue | null; explanation: string | null }[];
  fy: GanttYear;
  reportDatePct: number;
  tasks: TaskView[];
  tasksOutsideYear: number;
  /** The project's measures as of the report date (absent from reports published before measures existed). */
  measures?: MeasureView[];
  costs: { spendToDate: number; forecastSpend: number; budget: number } | null;
  risks: { ref: string; description: string; impactDescription: string | null; likelihood: number; impact: number; score: number; status: string; mitigation: string | null; targetResolutionDate: string | null; owner: string | null }[];
  heatMap: { likelihood: number; cells: { impact: number; score: number; band: string; refs: string[] }[] }[];
  issues: { ref: string; description: string; impactDescription: string | null; impactScore: number; status: string; mitigation: string | null; resolutionDate: string | null; owner: string | null }[];
  dependencies: { ref: string; description: string; impactScore: number; status: string; mitigation: string | null; targetResolutionDate: string | null; owner: string | null; updates: { date: string; text: string }[] }[];
  cashableBenefits: { ref: string; description: string; valueGbpThousands: number | null; targetDate: string | null; owner: string | null }[];
  nonCashableBenefits: { ref: string; description: string; targetDate: string | null; owner: string | null }[];
  /** Changes since the previous published report (absent in snapshots published before this section existed). */
  changes?: ChangesView | null;
}


function group(items: ReportItem[], workstreams: Map<string, { letter: string; title: string }>): ItemGroup[] {
  const groups: ItemGroup[] = [];
  const byKey = new Map<string, ItemGroup>();
  const sorted = [...items].sort((a, b) => {
    const la = a.workstreamId ? workstreams.get(a.workstreamId)?.letter ?? '~' : '~';
    const lb = b.workstreamId ? workstreams.get(b.workstreamId)?.letter ?? '~' : '~';
    return la.localeCompare(lb);
  });
  for (const item of sorted) {
    const ws = item.workstreamId ? workstreams.get(item.workstreamId) : undefined;
    const key = ws ? ws.letter : '';
    let g = byKey.get(key);
    if (!g) {
      g = { heading: ws ? `${ws.letter}. ${ws.title}` : null, items: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    g.items.push(item.text);
  }
  return groups;
}

export async function buildHighlightReportView(
  repos: Repos,
  reports: HighlightReportsService,
  row: HighlightReportRow,
  opts: { now: Date; ragMargin: number; db?: Db },
): Promise<HighlightReportView> {
  const db = opts.db;
  const project = await repos.projects.mustGet(row.projectId, db);
  const plan = await repos.plans.mustGet(project.planId, db);
  const workstreams = new Map((await repos.workstreams.inProject(project.id, db)).map((w) => [w.id, { letter: w.letter, title: w.title }]));
  const reportDate = row.reportDate ?? row.periodEnd;
  const previous = await reports.previousFor(row, db);
  const fy = financialYearOf(reportDate);
  const summary = (row.statusSummary ?? {}) as Partial<Record<string, { status: RagValue; explanation?: string | null }>>;

  const tasks: TaskView[] = (await repos.actions
      .inProject(project.id, db))
    .map((a) => {
      const end = effectiveDueDate(a);
      return {
        ref: a.ref,
        title: a.title,
        startDate: a.startDate,
        endDate: end,
        originalDueDate: a.revisedDueDate ? a.dueDate : null,
        percentComplete: a.percentComplete,
        milestone: a.milestone,
        rag: effectiveRag(a, reportDate, opts.ragMargin).rag,
        cancelled: a.status === 'cancelled',
        gantt: ganttBar(fy, a.startDate, end, a.milestone),
      };
    })
    .sort((a, b) => a.endDate.localeCompare(b.endDate) || (a.startDate ?? a.endDate).localeCompare(b.startDate ?? b.endDate) || a.ref.localeCompare(b.ref, 'en', { numeric: true }));

  const risks = (await repos.risks.inProject(project.id, db)).map((r) => ({
    ref: r.ref,
    description: r.description,
    impactDescription: r.impactDescription,
    likelihood: r.likelihood,
    impact: r.impact,
    score: riskScore(r.likelihood, r.impact),
    status: r.status,
    mitigation: r.mitigation,
    targetResolutionDate: r.targetResolutionDate,
    owner: r.owner,
  }));
  const heatMap = [5, 4, 3, 2, 1].map((likelihood) => ({
    likelihood,
    cells: [1, 2, 3, 4, 5].map((impact) => ({
      impact,
      score: riskScore(likelihood, impact),
      band: riskBand(riskScore(likelihood, impact)),
      refs: risks.filter((r) => r.status === 'open' && r.likelihood === likelihood && r.impact === impact).map((r) => r.ref),
    })),
  }));

  const benefits = await repos.benefits.inProject(project.id, db);
  const projectMeasures = await repos.measures.inProject(project.id, db);
  const measureValues = valuesByMeasure(await repos.measureValues.forMeasures(projectMeasures.map((m) => m.id), db));
  const nextPeriodStart = new Date(Date.parse(`${row.periodEnd}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    viewVersion: HIGHLIGHT_VIEW_VERSION,
    state: row.state,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy,
    approval: row.approvedBy && row.approvedAt ? { approvedBy: row.approvedBy, approvedAt: row.approvedAt } : null,
    generatedAt: opts.now.toISOString(),
    measures: projectMeasures.map((m, i) => measureView(m, measureValues.get(m.id) ?? [], reportDate, `hr${i + 1}`)),
    plan: { title: plan.title, localArea: plan.localArea, principalAuthority: plan.principalAuthority },
    project: {
      code: project.code,
      name: project.name,
      author: project.author,
      gatewayStage: project.gatewayStage,
      plannedEndDate: project.plannedEndDate,
      budget: project.budget,
      approver: project.approver,
    },
    report: {
      id: row.id,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      reportDate,
      nextPeriodStart,
      overallStatus: row.overallStatus as RagValue,
      previousOverallStatus: previous.overallStatus,
      summary: row.summary,
      helpRequired: row.helpRequired,
    },
    previous,
    achievements: group(row.achievements as ReportItem[], workstreams),
    nextSteps: group(row.nextSteps as ReportItem[], workstreams),
    statusSummary: STATUS_KEYS.map((key) => ({
      key,
      label: STATUS_LABELS[key],
      status: summary[key]?.status ?? null,
      previousStatus: previous.statusSummary[key] ?? null,
      explanation: summary[key]?.explanation ?? null,
    })),
    fy,
    reportDatePct: positionPct(fy, reportDate),
    tasks: tasks.filter((t) => t.gantt.outside === null),
    tasksOutsideYear: tasks.filter((t) => t.gantt.outside !== null).length,
    costs: (row.costs as HighlightReportView['costs']) ?? (project.budget != null ? { spendToDate: 0, forecastSpend: 0, budget: project.budget } : null),
    risks,
    heatMap,
    issues: (await repos.issues.inProject(project.id, db)).map((i) => ({
      ref: i.ref,
      description: i.description,
      impactDescription: i.impactDescription,
      impactScore: i.impactScore,
      status: i.status,
      mitigation: i.mitigation,
      resolutionDate: i.resolutionDate,
      owner: i.owner,
    })),
    dependencies: (await repos.dependencies.inProject(project.id, db)).map((d) => ({
      ref: d.ref,
      description: d.description,
      impactScore: d.impactScore,
      status: d.status,
      mitigation: d.mitigation,
      targetResolutionDate: d.targetResolutionDate,
      owner: d.owner,
      updates: [...d.updates].sort((a, b) => a.date.localeCompare(b.date)),
    })),
    cashableBenefits: benefits
      .filter((b) => b.kind === 'cashable')
      .map((b) => ({ ref: b.ref, description: b.description, valueGbpThousands: b.valueGbpThousands, targetDate: b.targetDate, owner: b.owner })),
    nonCashableBenefits: benefits
      .filter((b) => b.kind === 'non-cashable')
      .map((b) => ({ ref: b.ref, description: b.description, targetDate: b.targetDate, owner: b.owner })),
  };
}

