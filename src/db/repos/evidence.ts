// Data access for evidence items (the only SQL of the evidence wing): pages filtered by area, kind,
// request item and date; a plan's items up to a date for readiness, reports and bundles.
import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { evidence } from '../schema.js';
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

const hasInList = (column: typeof evidence.areaIds | typeof evidence.actionIds | typeof evidence.measureIds | typeof evidence.requestItems, value: string) =>
  sql`exists (select 1 from json_each(${column}) where value = ${value})`;

function where(f: EvidenceFilter): SQL | undefined {
  const w: (SQL | undefined)[] = [eq(evidence.planId, f.planId)];
  if (f.areaId) w.push(hasInList(evidence.areaIds, f.areaId));
  if (f.kind) w.push(eq(evidence.kind, f.kind));
  if (f.requestItem) w.push(hasInList(evidence.requestItems, f.requestItem));
  if (f.from) w.push(gte(evidence.asOf, f.from));
  if (f.to) w.push(lte(evidence.asOf, f.to));
  return and(...w);
}

export class EvidenceRepo extends CrudRepo<typeof evidence> {
  constructor(store: Store) {
    super(store, { table: (t) => t.evidence, resourceType: 'evidence', idPrefix: 'evd' });
  }

  page(f: EvidenceFilter, page: { limit: number; cursor?: string }): Promise<Page<EvidenceRow>> {
    return this.list(where(f), page);
  }

  /** The plan's items whose areaIds, actionIds or measureIds name `id` (cleaned when that record is deleted). */
  async naming(planId: string, field: 'areaIds' | 'actionIds' | 'measureIds', id: string, db: Db = this.db): Promise<EvidenceRow[]> {
    return await db.select().from(evidence).where(and(eq(evidence.planId, planId), hasInList(evidence[field], id))).orderBy(asc(evidence.id));
  }

  /** Every item matching the filter, by date then creation (documents, readiness, bundles). */
  async matching(f: EvidenceFilter, db: Db = this.db): Promise<EvidenceRow[]> {
    return await db.select().from(evidence).where(where(f)).orderBy(asc(evidence.asOf), asc(evidence.id));
  }
}
