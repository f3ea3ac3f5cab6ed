// Action rules: references must stay inside the plan, a workstream sets the project, dates must be in
// order and an override needs a reason (src/domain/action-rules.ts); every read carries the effective RAG
// (derived or overridden) as of a date.
import { and, eq, not, type SQL } from 'drizzle-orm';
import { actions } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../db/store.js';
import { actionRuleBreaches, type ActionRuleBreach } from '../../domain/action-rules.js';
import { londonDate } from '../../domain/dates.js';
import { effectiveRag, isBehindSchedule } from '../../domain/rag.js';
import { ValidationError, type FieldError } from '../../shared/errors.js';
import { definedOnly } from '../../shared/objects.js';
import { paginate } from '../../shared/pagination.js';
import type { CrudService } from '../crud-routes.js';
import { dropReferences } from '../references.js';
import type { Repos } from '../../db/repos/index.js';
import type { ServiceContext } from '../service-context.js';
import type { ActionRow } from '../../db/repos/actions.js';
import type { Action, ActionQuery, CreateAction, UpdateAction } from './schemas.js';

const OPTIONAL = [
  'areaId',
  'projectId',
  'workstreamId',
  'responsibleOrganisation',
  'owner',
  'ownerEmail',
  'startDate',
  'revisedDueDate',
  'delayReason',
  'mitigation',
  'ragOverride',
  'ragOverrideReason',
] as const;

/** The rules' words in the API's terms (the import says them in the sheet's). */
const RULE_WORDS: { [R in ActionRuleBreach['rule']]: (b: Extract<ActionRuleBreach, { rule: R }>) => string } = {
  'start-after-due': (b) => `must not be after dueDate (${b.dueDate})`,
  'revised-before-start': (b) => `must not be before startDate (${b.startDate})`,
  'override-without-reason': () => 'is required when ragOverride is set',
};

export function actionToApi(row: ActionRow, asOf: string, margin: number): Action {
  // Object.assign rather than {...row, ...rag, behindSchedule}: the same object, but V8 builds that
  // literal several times slower, and a list page maps 50 rows.
  return Object.assign({}, row, effectiveRag(row, asOf, margin), { behindSchedule: isBehindSchedule(row, asOf) });
}

export class ActionsService implements CrudService<CreateAction, UpdateAction, ActionQuery, Action> {
  constructor(
    private readonly repos: Repos,
    private readonly ctx: ServiceContext,
  ) {}

  private today(): string {
    return londonDate(this.ctx.now());
  }

  toApi(row: ActionRow, asOf = this.today()): Action {
    return actionToApi(row, asOf, this.ctx.ragMargin);
  }

  /** `tx`: the caller's transaction (an import's one transaction), else one of its own. */
  async create(planId: string | undefined, body: CreateAction, actor: Actor): Promise<Action> {
    await this.repos.plans.mustGet(planId!);
    const row = await this.repos.actions.create(
      actor,
      async (tx) => {
        const values: Record<string, unknown> = { ...body, planId };
        for (const k of OPTIONAL) if (values[k] === undefined) values[k] = null;
        return (await this.checked(values as ActionRow, tx)) as ActionRow;
      },
    );
    return this.toApi(row);
  }

  /** Whether the action exists (its history outlives it). */
  async exists(id: string): Promise<boolean> {
    return (await this.repos.actions.get(id)) !== undefined;
  }

  async get(id: string): Promise<Action> {
    return this.toApi(await this.repos.actions.mustGet(id));
  }

  async list(planId: string | undefined, q: ActionQuery) {
    await this.repos.plans.mustGet(planId!);
    const asOf = q.asOf ?? this.today();
    const where: (SQL | undefined)[] = [eq(actions.planId, planId!)];
    if (q.areaId) where.push(eq(actions.areaId, q.areaId));
    if (q.projectId) where.push(eq(actions.projectId, q.projectId));
    if (q.status) where.push(eq(actions.status, q.status));
    if (q.behindSchedule !== undefined) {
      const behind = this.repos.actions.behindScheduleWhere(asOf);
      where.push(q.behindSchedule ? behind : not(behind));
    }
    if (where.length === 1 && !q.rag) {
      // The plain page of a plan's actions, the commonest list: a statement prepared once.
      const page = await this.repos.actions.listBy(actions.planId, planId!, q);
      return { items: page.items.map((r) => this.toApi(r, asOf)), nextCursor: page.nextCursor };
    }
    if (!q.rag) {
      const page = await this.repos.actions.list(and(...where), q);
      return { items: page.items.map((r) => this.toApi(r, asOf)), nextCursor: page.nextCursor };
    }
    // RAG is derived from dates and progress, so it is filtered here rather than in SQL.
    const matching: Action[] = [];
    for (const row of await this.repos.actions.scan(and(...where), q.cursor)) {
      const a = this.toApi(row, asOf);
      if (a.rag === q.rag) matching.push(a);
      if (matching.length > q.limit) break;
    }
    return paginate(matching, q.limit);
  }

  async update(id: string, body: UpdateAction, ifMatch: number[] | undefined, actor: Actor): Promise<Action> {
    const row = await this.repos.actions.update(
      id,
      ifMatch,
      actor,
      async (current, tx) => {
        const patch: Record<string, unknown> = definedOnly(body);
        // Clearing an override clears its reason unless a new one is sent.
        if (patch.ragOverride === null && body.ragOverrideReason === undefined) patch.ragOverrideReason = null;
        const merged = await this.checked({ ...current, ...patch } as ActionRow, tx, current);
        if (merged.projectId !== current.projectId && patch.projectId === undefined) patch.projectId = merged.projectId;
        return patch;
      },
    );
    return this.toApi(row);
  }

  async remove(id: string, ifMatch: number[] | undefined, actor: Actor): Promise<void> {
    // The action's id leaves the measures and evidence that named it, in the same transaction.
    await this.repos.actions.delete(id, ifMatch, actor, (current, tx) => dropReferences(this.repos, tx, actor, 'action', id, current.planId));
  }

  /** Validates the whole action as it would be stored; returns it with the project filled in from the workstream. */
  private async checked(a: ActionRow, tx: Db, stored?: ActionRow): Promise<ActionRow> {
    const errors: FieldError[] = [];
    const bad = (path: string, message: string) => errors.push({ in: 'body', path, message });
    for (const b of actionRuleBreaches(a)) bad(b.field, RULE_WORDS[b.rule](b as never));
    // References a PATCH leaves as they are were checked when they were stored (foreign keys keep them).
    const same = stored !== undefined && a.areaId === stored.areaId && a.workstreamId === stored.workstreamId && a.projectId === stored.projectId;
    if (a.areaId && !same) {
      const area = await this.repos.areas.get(a.areaId, tx);
      if (!area || area.planId !== a.planId) bad('areaId', 'is not an area of this plan');
    }
    let projectId = a.projectId;
    if (a.workstreamId && !same) {
      const ws = await this.repos.workstreams.get(a.workstreamId, tx);
      if (!ws) bad('workstreamId', 'is not a workstream');
      else if (projectId && ws.projectId !== projectId) bad('workstreamId', 'belongs to a different project than projectId');
      else projectId = ws.projectId;
    }
    if (projectId && !same) {
      const project = await this.repos.projects.get(projectId, tx);
      if (!project || project.planId !== a.planId) bad(a.projectId ? 'projectId' : 'workstreamId', 'is not a project of this plan');
    }
    if (errors.length) throw new ValidationError(errors, errors.map((e) => `${e.path} ${e.message}`).join('; '));
    return { ...a, projectId };
  }
}

