// Data access for measures and their values (the only SQL of the measures wing).
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { measures, measureValues } from '../schema.js';
import { CrudRepo, type Page } from '../crud-repo.js';
import type { Db } from '../client.js';
import type { Store } from '../store.js';

export type MeasureRow = typeof measures.$inferSelect;
export type MeasureValueRow = typeof measureValues.$inferSelect;

const listHas = (column: typeof measures.areaIds | typeof measures.actionIds, value: string) =>
  sql`exists (select 1 from json_each(${column}) where value = ${value})`;

export interface MeasureFilter {
  planId: string;
  areaId?: string;
  projectId?: string;
}

export class MeasuresRepo extends CrudRepo<typeof measures> {
  constructor(store: Store) {
    super(store, {
      table: (t) => t.measures,
      resourceType: 'measure',
      idPrefix: 'msr',
      uniqueMessages: { ref: 'A measure with this ref already exists in the plan.' },
    });
  }

  page(f: MeasureFilter, page: { limit: number; cursor?: string }): Promise<Page<MeasureRow>> {
    const where: (SQL | undefined)[] = [eq(measures.planId, f.planId)];
    if (f.areaId) where.push(listHas(measures.areaIds, f.areaId));
    if (f.projectId) where.push(eq(measures.projectId, f.projectId));
    return this.list(and(...where), page);
  }

  /** A project's measures in ref order (its highlight report). */
  async inProject(projectId: string, db: Db = this.db): Promise<MeasureRow[]> {
    return await db.select().from(measures).where(eq(measures.projectId, projectId)).orderBy(asc(measures.ref));
  }

  /** The measures whose areaIds include the area (a review's area), in creation order. */
  async inArea(areaId: string, db: Db = this.db): Promise<MeasureRow[]> {
    return await db.select().from(measures).where(listHas(measures.areaIds, areaId)).orderBy(asc(measures.id));
  }

  /** The plan's measures whose areaIds or actionIds name `id` (cleaned when that area or action is deleted). */
  async naming(planId: string, field: 'areaIds' | 'actionIds', id: string, db: Db = this.db): Promise<MeasureRow[]> {
    return await db.select().from(measures).where(and(eq(measures.planId, planId), listHas(measures[field], id))).orderBy(asc(measures.id));
  }

  /** The plan's measures in ref order (documents). */
  async inPlan(planId: string, db: Db = this.db): Promise<MeasureRow[]> {
    return await db.select().from(measures).where(eq(measures.planId, planId)).orderBy(asc(measures.ref));
  }
}

export class MeasureValuesRepo extends CrudRepo<typeof measureValues> {
  constructor(store: Store) {
    super(store, {
      table: (t) => t.measureValues,
      resourceType: 'measure-value',
      idPrefix: 'mvl',
      uniqueMessages: { period: 'This measure already has a value for this period.' },
    });
  }

  page(measureId: string, page: { limit: number; cursor?: string }): Promise<Page<MeasureValueRow>> {
    return this.listBy(measureValues.measureId, measureId, page);
  }

  /** Values of the measures, by period (for the derived fields and charts). */
  async forMeasures(measureIds: string[], db: Db = this.db): Promise<MeasureValueRow[]> {
    if (measureIds.length === 0) return [];
    const out: MeasureValueRow[] = [];
    // SQLite binds at most 32,766 variables; a page of measures is far below, a whole plan could be near.
    for (let i = 0; i < measureIds.length; i += 500) {
      const ids = measureIds.slice(i, i + 500);
      out.push(...(await db.select().from(measureValues).where(inArray(measureValues.measureId, ids)).orderBy(asc(measureValues.period))));
    }
    return out;
  }
}
