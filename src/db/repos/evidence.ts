// Data access for evidence items (the only SQL of the evidence wing): pages filtered by area, kind,
// request item and date; a plan's items up to a date for readiness, reports and bundles.
import { and, asc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { evidence } from '../schema.js';
import { jsonListHas } from '../dialect/sql.js';
import { CrudRepo, type Page } from '../crud-repo.js';
import type { Db } from '../client.js';
import type { Store } from '../store.js';

export type EvidenceRow = typeof evidence.$inferSelect;

export interface EvidenceFilter {
  planId: string;
  areaId?: string;
  kind?: EvidenceRow['kind'];
  requestItem?: string;
  from?: string;
  to?: string;
}

export class EvidenceRepo extends CrudRepo<typeof evidence> {
  constructor(store: Store) {
    super(store, { table: (t) => t.evidence, resourceType: 'evidence', idPrefix: 'evd' });
  }

  private hasInList(column: typeof evidence.areaIds | typeof evidence.actionIds | typeof evidence.measureIds | typeof evidence.requestItems, value: string): SQL {
    return jsonListHas(this.store.dialect, column, value);
  }

  private where(f: EvidenceFilter): SQL | undefined {
    const { evidence } = this.t;
    const hasInList = this.hasInList.bind(this);
    const w: (SQL | undefined)[] = [eq(evidence.planId, f.planId)];
  if (f.areaId) w.push(hasInList(evidence.areaIds, f.areaId));
  if (f.kind) w.push(eq(evidence.kind, f.kind));
  if (f.requestItem) w.push(hasInList(evidence.requestItems, f.requestItem));
  if (f.from) w.push(gte(evidence.asOf, f.from));
  if (f.to) w.push(lte(evidence.asOf, f.to));
  return and(...w);
  }

  page(f: EvidenceFilter, page: { limit: number; cursor?: string }): Promise<Page<EvidenceRow>> {
    return this.list(this.where(f), page);
  }

  /** The plan's items whose areaIds, actionIds or measureIds name `id` (cleaned when that record is deleted). */
  async naming(planId: string, field: 'areaIds' | 'actionIds' | 'measureIds', id: string, db: Db = this.db): Promise<EvidenceRow[]> {
    return await db.select().from(this.t.evidence).where(and(eq(this.t.evidence.planId, planId), this.hasInList(this.t.evidence[field], id))).orderBy(asc(this.t.evidence.id));
  }

  /** Every item matching the filter, by date then creation (documents, readiness, bundles). */
  async matching(f: EvidenceFilter, db: Db = this.db): Promise<EvidenceRow[]> {
    return await db.select().from(this.t.evidence).where(this.where(f)).orderBy(asc(this.t.evidence.asOf), asc(this.t.evidence.id));
  }
}
