// Data access for measures and their values (the only SQL of the measures wing).
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { measures, measureValues } from '../schema.js';
import { CrudRepo, type Page } from '../crud-repo.js';
import type { Db } from '../client.js';
import type { Store } from '../store.js';
import { jsonListHas } from '../dialect/sql.js';

export type MeasureRow = typeof measures.$inferSelect;
export type MeasureValueRow = typeof measureValues.$inferSelect;


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
    const where: (SQL | undefined)[] = [eq(this.t.measures.planId, f.planId)];
    if (f.areaId) where.push(jsonListHas(this.store.dialect, this.t.measures.areaIds, f.areaId));
    if (f.projectId) where.push(eq(this.t.measures.projectId, f.projectId));
    return this.list(and(...where), page);
  }

  /** A project's measures in ref order (its highlight report). */
  async inProject(projectId: string, db: Db = this.db): Promise<MeasureRow[]> {
    return await db.select().from(this.t.measures).where(eq(this.t.measures.projectId, projectId)).orderBy(asc(this.t.measures.ref));
  }

  /** The measures whose areaIds include the area (a review's area), in creation order. */
  async inArea(areaId: string, db: Db = this.db): Promise<MeasureRow[]> {
    return await db.select().from(this.t.measures).where(jsonListHas(this.store.dialect, this.t.measures.areaIds, areaId)).orderBy(asc(this.t.measures.id));
  }

  /** The plan's measures whose areaIds or actionIds name `id` (cleaned when that area or action is deleted). */
  async naming(planId: string, field: 'areaIds' | 'actionIds', id: string, db: Db = this.db): Promise<MeasureRow[]> {
    return await db.select().from(this.t.measures).where(and(eq(this.t.measures.planId, planId), jsonListHas(this.store.dialect, this.t.measures[field], id))).orderBy(asc(this.t.measures.id));
  }

  /** The plan's measures in ref order (documents). */
  async inPlan(planId: string, db: Db = this.db): Promise<MeasureRow[]> {
    return await db.select().from(this.t.measures).where(eq(this.t.measures.planId, planId)).orderBy(asc(this.t.measures.ref));
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
    return this.listBy(this.t.measureValues.measureId, measureId, page);
  }

  /** Values of the measures, by period (for the derived fields and charts). */
  async forMeasures(measureIds: string[], db: Db = this.db): Promise<MeasureValueRow[]> {
    if (measureIds.length === 0) return [];
    const out: MeasureValueRow[] = [];
    // SQLite binds at most 32,766 variables; a page of measures is far below, a whole plan could be near.
    for (let i = 0; i < measureIds.length; i += 500) {
      const ids = measureIds.slice(i, i + 500);
      out.push(...(await db.select().from(this.t.measureValues).where(inArray(this.t.measureValues.measureId, ids)).orderBy(asc(this.t.measureValues.period))));
    }
    return out;
  }
}
