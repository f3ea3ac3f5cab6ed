// Data access for the stored public copies (src/db/tables/public-documents.ts) and for the versions of
// everything a public document is made from, which make up its content key. A stored copy is derived data
// (it can always be printed again), so writing one is not an audited change.
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { actions, areas, areaUpdates, auditEvents, highlightReports, measures, measureValues, plans, publicDocuments, reviews, uploads } from '../schema.js';
import type { Store } from '../store.js';

export type PublicDocumentRow = typeof publicDocuments.$inferSelect;

export class PublicDocumentsRepo {
  constructor(private readonly store: Store) {}

  private get t() {
    return this.store.tables;
  }

  private get db() {
    return this.store.db;
  }

  async get(contentKey: string): Promise<PublicDocumentRow | undefined> {
    return (await this.db.select().from(this.t.publicDocuments).where(eq(this.t.publicDocuments.contentKey, contentKey)))[0];
  }

  /** The copy's outline only (packs), without loading the body. */
  async meta(contentKey: string): Promise<Record<string, unknown> | null | undefined> {
    return (await this.db.select({ meta: this.t.publicDocuments.meta }).from(this.t.publicDocuments).where(eq(this.t.publicDocuments.contentKey, contentKey)))[0]?.meta;
  }

  /** Stores a copy and forgets older copies of the same slot (meeting, kind, item), in one transaction. */
  async put(row: Omit<PublicDocumentRow, 'createdAt'>): Promise<void> {
    await this.store.tx(async (tx) => {
            const slot = and(
              eq(this.t.publicDocuments.meetingId, row.meetingId),
              eq(this.t.publicDocuments.kind, row.kind),
              row.itemNumber === null ? sql`${this.t.publicDocuments.itemNumber} is null` : eq(this.t.publicDocuments.itemNumber, row.itemNumber),
              ne(this.t.publicDocuments.contentKey, row.contentKey),
            );
            await tx.delete(this.t.publicDocuments).where(slot);
            await tx.insert(this.t.publicDocuments).values({ ...row, createdAt: this.store.timestamp() }).onConflictDoNothing();
          });
  }

  /** (id, version) of every record a plan's progress report and review notes read (measures and their values too), in a stable order. */
  async planInputs(planId: string): Promise<string> {
    const db = this.db;
    const plan = await db.select({ id: this.t.plans.id, v: this.t.plans.version }).from(this.t.plans).where(eq(this.t.plans.id, planId));
    const areaRows = await db.select({ id: this.t.areas.id, v: this.t.areas.version }).from(this.t.areas).where(eq(this.t.areas.planId, planId)).orderBy(asc(this.t.areas.id));
    const actionRows = await db.select({ id: this.t.actions.id, v: this.t.actions.version }).from(this.t.actions).where(eq(this.t.actions.planId, planId)).orderBy(asc(this.t.actions.id));
    const areaIds = areaRows.map((a) => a.id);
    const updateRows = areaIds.length
      ? (await db.select({ id: this.t.areaUpdates.id, v: this.t.areaUpdates.version }).from(this.t.areaUpdates).where(inArray(this.t.areaUpdates.areaId, areaIds)).orderBy(asc(this.t.areaUpdates.id)))
      : [];
    const measureRows = await db.select({ id: this.t.measures.id, v: this.t.measures.version }).from(this.t.measures).where(eq(this.t.measures.planId, planId)).orderBy(asc(this.t.measures.id));
    const valueRows = measureRows.length
      ? (await db
        .select({ id: this.t.measureValues.id, v: this.t.measureValues.version })
        .from(this.t.measureValues)
        .where(inArray(this.t.measureValues.measureId, db.select({ id: this.t.measures.id }).from(this.t.measures).where(eq(this.t.measures.planId, planId))))
        .orderBy(asc(this.t.measureValues.id)))
      : [];
    return [plan, areaRows, actionRows, updateRows, measureRows, valueRows].map((rows) => rows.map((r) => `${r.id}@${r.v}`).join(',')).join('|');
  }

  /** A review's plan and version (its note also depends on the plan's live data as of the day it was held). */
  async reviewState(id: string): Promise<{ planId: string; version: number } | undefined> {
    return (await this.db.select({ planId: this.t.reviews.planId, version: this.t.reviews.version }).from(this.t.reviews).where(eq(this.t.reviews.id, id)))[0];
  }

  /** The newest audit entry: a "what changed" page depends on the whole trail up to now. */
  async latestAuditId(): Promise<number> {
    return (await this.db.select({ id: sql<number>`coalesce(max(${this.t.auditEvents.seq}), 0)` }).from(this.t.auditEvents))[0]?.id ?? 0;
  }

  async highlightReportState(id: string): Promise<{ state: string; version: number } | undefined> {
    return (await this.db.select({ state: this.t.highlightReports.state, version: this.t.highlightReports.version }).from(this.t.highlightReports).where(eq(this.t.highlightReports.id, id)))[0];
  }

  async uploadSha256(id: string): Promise<string | undefined> {
    return (await this.db.select({ sha256: this.t.uploads.sha256 }).from(this.t.uploads).where(eq(this.t.uploads.id, id)))[0]?.sha256;
  }
}
