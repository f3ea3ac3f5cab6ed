// Reads the audit trail (written by Store.audit inside each change's transaction). There is deliberately no
// write method here: entries are only ever appended by the transactions that make the changes.
import { and, asc, eq, gt, gte, type SQL } from 'drizzle-orm';
import type { auditEvents } from '../schema.js';
import type { Store } from '../store.js';

export type AuditRow = typeof auditEvents.$inferSelect;

export interface AuditRowFilter {
  resourceType?: string;
  resourceId?: string;
  operation?: string;
  /** An ISO timestamp: entries at or after it. */
  since?: string;
  /** Entries after this sequence number. */
  afterSeq?: number;
}

export class AuditRepo {
  constructor(private readonly store: Store) {}

  private get t() {
    return this.store.tables;
  }

  /** Up to `limit` rows in the order they were recorded (ascending seq). */
  async rows(filter: AuditRowFilter, limit: number): Promise<AuditRow[]> {
    const e = this.t.auditEvents;
    const conditions = [
      filter.resourceType !== undefined ? eq(e.resourceType, filter.resourceType) : undefined,
      filter.resourceId !== undefined ? eq(e.resourceId, filter.resourceId) : undefined,
      filter.operation !== undefined ? eq(e.operation, filter.operation as AuditRow['operation']) : undefined,
      // Stored timestamps are Date#toISOString() (UTC, milliseconds), so they compare as strings.
      filter.since !== undefined ? gte(e.at, filter.since) : undefined,
      filter.afterSeq !== undefined ? gt(e.seq, filter.afterSeq) : undefined,
    ].filter(Boolean) as SQL[];
    return this.store.db
      .select()
      .from(e)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(asc(e.seq))
      .limit(limit);
  }

  /** Whether any entry names this resource (a deleted resource keeps its history). */
  async hasEntries(resourceType: string, resourceId: string): Promise<boolean> {
    const e = this.t.auditEvents;
    const found = await this.store.db.select({ seq: e.seq }).from(e).where(and(eq(e.resourceType, resourceType), eq(e.resourceId, resourceId))).limit(1);
    return found.length > 0;
  }
}
