// Measure rules: references stay inside the plan, the trajectory's dates ascend, a changed definition is
// kept in definitionHistory, and every read derives latest/expected/rag/trend (src/domain/measure-rag.ts).
import type { Db } from '../../db/client.js';
import type { Actor } from '../../db/store.js';
import { londonDate } from '../../domain/dates.js';
import { measureStatus, trajectoryProblems } from '../../domain/measure-rag.js';
import { ValidationError, type FieldError } from '../../shared/errors.js';
import { definedOnly } from '../../shared/objects.js';
import type { CrudService, Page } from '../crud-routes.js';
import { notInPlan, unique } from '../plan-members.js';
import { dropReferences } from '../references.js';
import type { Repos } from '../../db/repos/index.js';
import type { ServiceContext } from '../service-context.js';
import type { MeasureRow, MeasureValueRow } from '../../db/repos/measures.js';
import type * as S from './schemas.js';

const OPTIONAL = ['source', 'frequency', 'projectId', 'baseline', 'target'] as const;

export function measureToApi(row: MeasureRow, values: { period: string; value: number }[]): S.Measure {
  return { ...row, ...measureStatus(row, values) };
}

export class MeasuresService implements CrudService<S.CreateMeasure, S.UpdateMeasure, S.MeasureQuery, S.Measure> {
  constructor(
    private readonly repos: Repos,
    private readonly ctx: ServiceContext,
  ) {}

  /** Rows with their derived fields (one query for all their values). */
  async withStatus(rows: MeasureRow[], db?: Db): Promise<S.Measure[]> {
    const byMeasure = new Map<string, MeasureValueRow[]>();
    for (const v of await this.repos.measureValues.forMeasures(rows.map((r) => r.id), db)) {
      const list = byMeasure.get(v.measureId) ?? [];
      list.push(v);
      byMeasure.set(v.measureId, list);
    }
    return rows.map((r) => measureToApi(r, byMeasure.get(r.id) ?? []));
  }

  async create(planId: string | undefined, body: S.CreateMeasure, actor: Actor): Promise<S.Measure> {
    await this.repos.plans.mustGet(planId!);
    const row = await this.repos.measures.create(actor, async (tx) => {
      const values: Record<string, unknown> = { ...body, planId, definitionHistory: [] };
      for (const k of OPTIONAL) if (values[k] === undefined) values[k] = null;
      return (await this.checked(values as MeasureRow, tx)) as never;
    });
    return (await this.withStatus([row]))[0]!;
  }

  async get(id: string): Promise<S.Measure> {
    return (await this.withStatus([await this.repos.measures.mustGet(id)]))[0]!;
  }

  async list(planId: string | undefined, q: S.MeasureQuery): Promise<Page<S.Measure>> {
    await this.repos.plans.mustGet(planId!);
    const page = await this.repos.measures.page({ planId: planId!, areaId: q.areaId, projectId: q.projectId }, q);
    return { items: await this.withStatus(page.items), nextCursor: page.nextCursor };
  }

  async update(id: string, body: S.UpdateMeasure, ifMatch: number[] | undefined, actor: Actor): Promise<S.Measure> {
    const row = await this.repos.measures.update(id, ifMatch, actor, async (current, tx) => {
      const patch: Record<string, unknown> = definedOnly(body);
      if (patch.definition !== undefined && patch.definition !== current.definition) {
        // Figures measured under the old definition are not comparable with later ones: keep it, dated.
        patch.definitionHistory = [...current.definitionHistory, { definition: current.definition, until: londonDate(this.ctx.now()) }];
      }
      await this.checked({ ...current, ...patch } as MeasureRow, tx);
      return patch;
    });
    return (await this.withStatus([row]))[0]!;
  }

  async remove(id: string, ifMatch: number[] | undefined, actor: Actor): Promise<void> {
    // The measure's id leaves the evidence that named it, in the same transaction.
    await this.repos.measures.delete(id, ifMatch, actor, (current, tx) => dropReferences(this.repos, tx, actor, 'measure', id, current.planId));
  }

  private async checked(m: MeasureRow, tx: Db): Promise<MeasureRow> {
    const errors: FieldError[] = [
      ...(await notInPlan(this.repos.areas, m.areaIds, m.planId, 'areaIds', 'an area', tx)),
      ...(await notInPlan(this.repos.actions, m.actionIds, m.planId, 'actionIds', 'an action', tx)),
      ...(await notInPlan(this.repos.projects, m.projectId ? [m.projectId] : [], m.planId, 'projectId', 'a project', tx, false)),
      ...trajectoryProblems(m).map(([path, message]) => ({ in: 'body' as const, path, message })),
    ];
    if (errors.length) throw new ValidationError(errors, errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    m.areaIds = unique(m.areaIds);
    m.actionIds = unique(m.actionIds);
    return m;
  }
}

export class MeasureValuesService implements CrudService<S.CreateMeasureValue, S.UpdateMeasureValue, S.MeasureValueQuery, S.MeasureValue> {
  constructor(private readonly repos: Repos) {}

  async create(measureId: string | undefined, body: S.CreateMeasureValue, actor: Actor): Promise<S.MeasureValue> {
    await this.repos.measures.mustGet(measureId!);
    return this.repos.measureValues.create(actor, () => ({ ...body, note: body.note ?? null, measureId: measureId! }));
  }

  async get(id: string): Promise<S.MeasureValue> {
    return this.repos.measureValues.mustGet(id);
  }

  async list(measureId: string | undefined, q: S.MeasureValueQuery): Promise<Page<S.MeasureValue>> {
    await this.repos.measures.mustGet(measureId!);
    return this.repos.measureValues.page(measureId!, q);
  }

  async update(id: string, body: S.UpdateMeasureValue, ifMatch: number[] | undefined, actor: Actor): Promise<S.MeasureValue> {
    return this.repos.measureValues.update(id, ifMatch, actor, () => definedOnly(body));
  }

  async remove(id: string, ifMatch: number[] | undefined, actor: Actor): Promise<void> {
    await this.repos.measureValues.delete(id, ifMatch, actor);
  }
}
