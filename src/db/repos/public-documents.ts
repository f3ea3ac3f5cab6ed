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

  async get(contentKey: string): Promise<PublicDocumentRow | undefined> {
    return (await this.db.select().from(publicDocuments).where(eq(publicDocuments.contentKey, contentKey)))[0];
  }

  /** The copy's outline only (packs), without loading the body. */
  async meta(contentKey: string): Promise<Record<string, unknown> | null | undefined> {
    return (await this.db.select({ meta: publicDocuments.meta }).from(publicDocuments).where(eq(publicDocuments.contentKey, contentKey)))[0]?.meta;
  }

  /** Stores a copy and forgets older copies of the same slot (meeting, kind, item), in one transaction. */
  async put(row: Omit<PublicDocumentRow, 'createdAt'>): Promise<void> {
    await this.store.tx(async (tx) => {
            const slot = and(
              eq(publicDocuments.meetingId, row.meetingId),
              eq(publicDocuments.kind, row.kind),
              row.itemNumber === null ? sql`${publicDocuments.itemNumber} is null` : eq(publicDocuments.itemNumber, row.itemNumber),
              ne(publicDocuments.contentKey, row.contentKey),
            );
            await tx.delete(publicDocuments).where(slot);
            await tx.insert(publicDocuments).values({ ...row, createdAt: this.store.timestamp() }).onConflictDoNothing();
          });
  }

  /** (id, version) of every record a plan's progress report and review notes read (measures and their values too), in a stable order. */
  async planInputs(planId: string): Promise<string> {
    const db = this.db;
    const plan = await db.select({ id: plans.id, v: plans.version }).from(plans).where(eq(plans.id, planId));
    const areaRows = await db.select({ id: areas.id, v: areas.version }).from(areas).where(eq(areas.planId, planId)).orderBy(asc(areas.id));
    const actionRows = await db.select({ id: actions.id, v: actions.version }).from(actions).where(eq(actions.planId, planId)).orderBy(asc(actions.id));
    const areaIds = areaRows.map((a) => a.id);
    const updateRows = areaIds.length
      ? (await db.select({ id: areaUpdates.id, v: areaUpdates.version }).from(areaUpdates).where(inArray(areaUpdates.areaId, areaIds)).orderBy(asc(areaUpdates.id)))
      : [];
    const measureRows = await db.select({ id: measures.id, v: measures.version }).from(measures).where(eq(measures.planId, planId)).orderBy(asc(measures.id));
    const valueRows = measureRows.length
      ? (await db
                  .select({ id: measureValues.id, v: measureValues.version })
                  .from(measureValues)
                  .where(inArray(measureValues.measureId, db.select({ id: measures.id }).from(measures).where(eq(measures.planId, planId))))
                  .orderBy(asc(measureValues.id)))
      : [];
    return [plan, areaRows, actionRows, updateRows, measureRows, valueRows].map((rows) => rows.map((r) => `${r.id}@${r.v}`).join(',')).join('|');
  }

  /** A review's plan and version (its note also depends on the plan's live data as of the day it was held). */
  async reviewState(id: string): Promise<{ planId: string; version: number } | undefined> {
    return (await this.db.select({ planId: reviews.planId, version: reviews.version }).from(reviews).where(eq(reviews.id, id)))[0];
  }

  /** The newest audit entry: a "what changed" page depends on the whole trail up to now. */
  async latestAuditId(): Promise<number> {
    return (await this.db.select({ id: sql<number>`coalesce(max(${auditEvents.seq}), 0)` }).from(auditEvents))[0]?.id ?? 0;
  }

  async highlightReportState(id: string): Promise<{ state: string; version: number } | undefined> {
    return (await this.db.select({ state: highlightReports.state, version: highlightReports.version }).from(highlightReports).where(eq(highlightReports.id, id)))[0];
  }

  async uploadSha256(id: string): Promise<string | undefined> {
    return (await this.db.select({ sha256: uploads.sha256 }).from(uploads).where(eq(uploads.id, id)))[0]?.sha256;
  }
}
