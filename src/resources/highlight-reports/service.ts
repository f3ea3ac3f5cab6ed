// Highlight report rules: period in order, items grouped by workstreams of the same project, previous
// statuses from the latest published report before this one, and published reports frozen (409).
import { and, eq, type SQL } from 'drizzle-orm';
import { highlightReports } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../db/store.js';
import { nextState, refuseStep, stateAfterEdit, type ApprovalStep } from '../../domain/approval.js';
import { previousPublishedReport } from '../../domain/previous-status.js';
import type { RagValue } from '../../domain/rag.js';
import { AppError, ConflictError, ValidationError, type FieldError } from '../../shared/errors.js';
import { definedOnly } from '../../shared/objects.js';
import type { CrudService } from '../crud-routes.js';
import type { Repos } from '../../db/repos/index.js';
import type { HighlightReportRow } from '../../db/repos/highlight-reports.js';
import {
  STATUS_KEYS,
  type CreateHighlightReport,
  type HighlightReport,
  type HighlightReportQuery,
  type ReportItem,
  type StatusKey,
  type UpdateHighlightReport,
} from './schemas.js';

type StoredStatus = { status: RagValue; explanation?: string | null };
type StoredSummary = Partial<Record<StatusKey, StoredStatus>>;

/** What a report's "previous" columns show: frozen into the snapshot at publication. */
export interface PreviousStatuses {
  reportId: string | null;
  overallStatus: RagValue | null;
  statusSummary: Partial<Record<StatusKey, RagValue>>;
}

const frozen = (row: HighlightReportRow) =>
  new ConflictError(`This report was published on ${row.publishedAt}; a published report is a record and cannot be changed or deleted.`);

export class HighlightReportsService implements CrudService<CreateHighlightReport, UpdateHighlightReport, HighlightReportQuery, HighlightReport> {
  constructor(private readonly repos: Repos) {}

  /** The previous statuses as they stand now (drafts) or as frozen at publication. */
  async previousFor(row: HighlightReportRow, db?: Db): Promise<PreviousStatuses> {
    const snap = row.snapshot as { previous?: PreviousStatuses } | null;
    if (row.state === 'published' && snap?.previous) return snap.previous;
    // Chosen from the reports' dates and states only: loading every row read each published snapshot.
    const ref = previousPublishedReport(await this.repos.highlightReports.refsInProject(row.projectId, db), row);
    const prev = ref ? (await this.repos.highlightReports.get(ref.id, db)) : undefined;
    if (!prev) return { reportId: null, overallStatus: null, statusSummary: {} };
    const summary = (prev.statusSummary ?? {}) as StoredSummary;
    return {
      reportId: prev.id,
      overallStatus: prev.overallStatus as RagValue,
      statusSummary: Object.fromEntries(STATUS_KEYS.flatMap((k) => (summary[k] ? [[k, summary[k]!.status]] : []))),
    };
  }

  async toApi(row: HighlightReportRow, db?: Db): Promise<HighlightReport> {
    const prev = await this.previousFor(row, db);
    const summary = (row.statusSummary ?? {}) as StoredSummary;
    const { snapshot: _s, submittedByTokenId: _t, ...rest } = row;
    return {
      ...rest,
      overallStatus: row.overallStatus as RagValue,
      previousOverallStatus: prev.overallStatus,
      previousReportId: prev.reportId,
      achievements: row.achievements as ReportItem[],
      nextSteps: row.nextSteps as ReportItem[],
      costs: row.costs as HighlightReport['costs'],
      statusSummary: Object.fromEntries(
        STATUS_KEYS.map((k) => {
          const entry = summary[k];
          return [k, entry ? { status: entry.status, explanation: entry.explanation ?? null, previousStatus: prev.statusSummary[k] ?? null } : null];
        }),
      ) as HighlightReport['statusSummary'],
    };
  }

  async create(projectId: string | undefined, body: CreateHighlightReport, actor: Actor): Promise<HighlightReport> {
    await this.repos.projects.mustGet(projectId!);
    const row = await this.repos.highlightReports.create(actor, async (tx) => {
      const values = {
        projectId: projectId!,
        periodStart: body.periodStart,
        periodEnd: body.periodEnd,
        reportDate: body.reportDate ?? null,
        overallStatus: body.overallStatus,
        summary: body.summary ?? null,
        helpRequired: body.helpRequired ?? null,
        achievements: normaliseItems(body.achievements),
        nextSteps: normaliseItems(body.nextSteps),
        statusSummary: (body.statusSummary ?? null) as Record<string, unknown> | null,
        costs: body.costs ?? null,
        state: 'draft' as const,
      };
      await this.check(values, tx);
      return values;
    });
    return this.toApi(row);
  }

  async get(id: string): Promise<HighlightReport> {
    return this.toApi(await this.repos.highlightReports.mustGet(id));
  }

  async list(projectId: string | undefined, q: HighlightReportQuery) {
    await this.repos.projects.mustGet(projectId!);
    const where: SQL[] = [eq(highlightReports.projectId, projectId!)];
    if (q.state) where.push(eq(highlightReports.state, q.state));
    const page = await this.repos.highlightReports.list(and(...where), q);
    return { items: await Promise.all(page.items.map((r) => this.toApi(r))), nextCursor: page.nextCursor };
  }

  async update(id: string, body: UpdateHighlightReport, ifMatch: number[] | undefined, actor: Actor): Promise<HighlightReport> {
    const row = await this.repos.highlightReports.update(id, ifMatch, actor, async (current, tx) => {
      if (current.state === 'published') throw frozen(current);
      const patch: Record<string, unknown> = definedOnly({ ...body, statusSummary: undefined });
      // A change to a submitted or approved report takes it back to draft (its approval no longer holds).
      const cur = current as Record<string, unknown>;
      const changes = Object.keys(patch).some((k) => JSON.stringify(cur[k]) !== JSON.stringify(patch[k]));
      if (changes && stateAfterEdit(current.state) !== current.state) Object.assign(patch, DRAFT_AGAIN);
      if (body.achievements) patch.achievements = normaliseItems(body.achievements);
      if (body.nextSteps) patch.nextSteps = normaliseItems(body.nextSteps);
      if (body.statusSummary === null) patch.statusSummary = null;
      else if (body.statusSummary) {
        patch.statusSummary = { ...((current.statusSummary ?? {}) as StoredSummary), ...definedOnly(body.statusSummary) };
      }
      // Items are checked only when sent: a stored item may point at a workstream deleted since, and
      // that must not stop the rest of the draft from being edited.
      await this.check({ ...current, ...patch, achievements: patch.achievements ?? [], nextSteps: patch.nextSteps ?? [] } as HighlightReportRow, tx);
      return patch;
    });
    return this.toApi(row);
  }

  async remove(id: string, ifMatch: number[] | undefined, actor: Actor): Promise<void> {
    await this.repos.highlightReports.delete(id, ifMatch, actor, (current) => {
      if (current.state === 'published') throw frozen(current);
    });
  }

  /** submit, approve or return: the approval steps before publishing (four eyes on approve). `at` backdates (example history). */
  async step(id: string, step: Exclude<ApprovalStep, 'publish'>, ifMatch: number[] | undefined, actor: Actor, note?: string, at?: string): Promise<HighlightReport> {
    const row = await this.repos.highlightReports.update(id, ifMatch, actor, async (current, tx) => {
      const project = await this.repos.projects.mustGet(current.projectId, tx);
      const refusal = refuseStep(step, { state: current.state, submitterKey: current.submittedByTokenId }, { actorKey: actorKey(actor), needsApproval: !!project.approver });
      if (refusal) throw refusal.status === 403 ? new FourEyesError(refusal.detail) : new ConflictError(refusal.detail);
      const when = at ?? this.repos.store.timestamp();
      if (step === 'submit') return { state: nextState(step), submittedAt: when, submittedBy: actor.name, submittedByTokenId: actorKey(actor), approvedAt: null, approvedBy: null };
      if (step === 'approve') return { state: nextState(step), approvedAt: when, approvedBy: actor.name };
      return { ...DRAFT_AGAIN, returnNote: note ?? null };
    });
    return this.toApi(row);
  }

  /** Throws 409 when the report may not be published yet (the project has an approver, the report is not approved). */
  async checkPublishable(row: HighlightReportRow, actor: Actor): Promise<void> {
    const project = await this.repos.projects.mustGet(row.projectId);
    const refusal = refuseStep('publish', { state: row.state, submitterKey: row.submittedByTokenId }, { actorKey: actorKey(actor), needsApproval: !!project.approver });
    if (refusal) throw new ConflictError(refusal.detail);
  }

  private async check(r: Pick<HighlightReportRow, 'projectId' | 'periodStart' | 'periodEnd' | 'achievements' | 'nextSteps'>, tx: Db): Promise<void> {
    const errors: FieldError[] = [];
    if (r.periodStart > r.periodEnd) errors.push({ in: 'body', path: 'periodEnd', message: `must not be before periodStart (${r.periodStart})` });
    const valid = new Set((await this.repos.workstreams.inProject(r.projectId, tx)).map((w) => w.id));
    for (const key of ['achievements', 'nextSteps'] as const) {
      (r[key] as ReportItem[]).forEach((item, i) => {
        if (item.workstreamId && !valid.has(item.workstreamId)) {
          errors.push({ in: 'body', path: `${key}.${i}.workstreamId`, message: 'is not a workstream of this project' });
        }
      });
    }
    if (errors.length) throw new ValidationError(errors, errors.map((e) => `${e.path} ${e.message}`).join('; '));
  }
}

const DRAFT_AGAIN = { state: 'draft' as const, submittedAt: null, submittedBy: null, submittedByTokenId: null, approvedAt: null, approvedBy: null };

/** Tells tokens apart for four eyes; ADMIN_TOKEN has no stored id. */
const actorKey = (actor: Actor) => actor.tokenId ?? `env:${actor.name}`;

class FourEyesError extends AppError {
  constructor(detail: string) {
    super(403, 'four-eyes', 'Someone else must approve this report', detail);
  }
}

const normaliseItems = (items: { workstreamId?: string | null; text: string }[]): ReportItem[] =>
  items.map((i) => ({ workstreamId: i.workstreamId ?? null, text: i.text }));
