// Data access for "what changed": the audit events of actions, risks and issues (or of measures and their
// values) recorded before an instant.
import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import { auditEvents } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import type { ChangeEvent, TrackedType } from '../../domain/changes.js';

export const TRACKED: TrackedType[] = ['action', 'risk', 'issue'];

export class ChangesRepo {
  constructor(private readonly store: Store) {}

  /** Every create/update/delete of the tracked resource types recorded before `beforeInstant`, in order. */
  eventsBefore(beforeInstant: string, types: readonly string[] = TRACKED): ChangeEvent[] {
    return this.store.db
      .select({
        seq: auditEvents.seq,
        at: auditEvents.at,
        operation: auditEvents.operation,
        resourceType: auditEvents.resourceType,
        resourceId: auditEvents.resourceId,
        before: auditEvents.before,
        after: auditEvents.after,
      })
      .from(auditEvents)
      .where(and(inArray(auditEvents.resourceType, [...types]), lt(auditEvents.at, beforeInstant)))
      .orderBy(asc(auditEvents.seq))
      .all();
  }

  /** When the audit trail first recorded the resource (undefined: never). */
  firstRecordedAt(resourceType: string, resourceId: string): string | undefined {
    return this.store.db
      .select({ at: auditEvents.at })
      .from(auditEvents)
      .where(and(eq(auditEvents.resourceType, resourceType), eq(auditEvents.resourceId, resourceId)))
      .orderBy(asc(auditEvents.seq))
      .limit(1)
      .get()?.at;
  }
}
