// Data access for the stored public copies (src/db/tables/public-documents.ts) and for the versions of
// everything a public document is made from, which make up its content key. A stored copy is derived data
// (it can always be printed again), so writing one is not an audited change.
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { actions, areas, areaUpdates, auditEvents, highlightReports, measures, measureValues, plans, publicDocuments, reviews, uploads } from '../schema.js';
import type { Store } from '../store.js';

export type PublicDocumentRow = typeof publicDocuments.$inferSelect;

export class PublicDocumentsRepo {
  constructor(private readonly store: Store) {}

  private get db() {
    return this.store.db;
  }

  get(contentKey: string): PublicDocumentRow | undefined {
    return this.db.select().from(publicDocuments).where(eq(publicDocuments.contentKey, contentKey)).get();
  }

  /** The copy's outline only (packs), without loading the body. */
  meta(contentKey: string): Record<string, unknown> | null | undefined {
    return this.db.select({ meta: publicDocuments.meta }).from(publicDocuments).where(eq(publicDocuments.contentKey, contentKey)).get()?.meta;
  }

  /** Stores a copy and forgets older copies of the same slot (meeting, kind, item), in one transaction. */
  put(row: Omit<PublicDocumentRow, 'createdAt'>): void {
    this.store.tx((tx) => {
      const slot = and(
        eq(publicDocuments.meetingId, row.meetingId),
        eq(publicDocuments.kind, row.kind),
        row.itemNumber === null ? sql`${publicDocuments.itemNumber} is null` : eq(publicDocuments.itemNumber, row.itemNumber),
        ne(publicDocuments.contentKey, row.contentKey),
      );
      tx.delete(publicDocuments).where(slot).run();
      tx.insert(publicDocuments).values({ ...row, createdAt: this.store.timestamp() }).onConflictDoNothing().run();
    });
  }

  /** (id, version) of every record a plan's progress report and review notes read (measures and their values too), in a stable order. */
  planInputs(planId: string): string {
    const db = this.db;
    const plan = db.select({ id: plans.id, v: plans.version }).from(plans).where(eq(plans.id, planId)).all();
    const areaRows = db.select({ id: areas.id, v: areas.version }).from(areas).where(eq(areas.planId, planId)).orderBy(asc(areas.id)).all();
    const actionRows = db.select({ id: actions.id, v: actions.version }).from(actions).where(eq(actions.planId, planId)).orderBy(asc(actions.id)).all();
    const areaIds = areaRows.map((a) => a.id);
    const updateRows = areaIds.length
      ? db.select({ id: areaUpdates.id, v: areaUpdates.version }).from(areaUpdates).where(inArray(areaUpdates.areaId, areaIds)).orderBy(asc(areaUpdates.id)).all()
      : [];
    const measureRows = db.select({ id: measures.id, v: measures.version }).from(measures).where(eq(measures.planId, planId)).orderBy(asc(measures.id)).all();
    const valueRows = measureRows.length
      ? db
          .select({ id: measureValues.id, v: measureValues.version })
          .from(measureValues)
          .where(inArray(measureValues.measureId, db.select({ id: measures.id }).from(measures).where(eq(measures.planId, planId))))
          .orderBy(asc(measureValues.id))
          .all()
      : [];
    return [plan, areaRows, actionRows, updateRows, measureRows, valueRows].map((rows) => rows.map((r) => `${r.id}@${r.v}`).join(',')).join('|');
  }

  /** A review's plan and version (its note also depends on the plan's live data as of the day it was held). */
  reviewState(id: string): { planId: string; version: number } | undefined {
    return this.db.select({ planId: reviews.planId, version: reviews.version }).from(reviews).where(eq(reviews.id, id)).get();
  }

  /** The newest audit entry: a "what changed" page depends on the whole trail up to now. */
  latestAuditId(): number {
    return this.db.select({ id: sql<number>`coalesce(max(${auditEvents.seq}), 0)` }).from(auditEvents).get()?.id ?? 0;
  }

  highlightReportState(id: string): { state: string; version: number } | undefined {
    return this.db.select({ state: highlightReports.state, version: highlightReports.version }).from(highlightReports).where(eq(highlightReports.id, id)).get();
  }

  uploadSha256(id: string): string | undefined {
    return this.db.select({ sha256: uploads.sha256 }).from(uploads).where(eq(uploads.id, id)).get()?.sha256;
  }
}
