// Data access for "what changed": the audit events of actions, risks and issues (or of measures and their
// values) recorded before an instant. The tracked types' statements are prepared once and read straight
// from SQLite: `before` is returned only where `after` is empty (a delete), the only place the domain rules
// read it, so most events parse one JSON text, not two.
import type Database from 'better-sqlite3';
import { and, asc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { auditEvents } from '../schema.js';
import type { Store } from '../store.js';
import type { ChangeEvent, TrackedType } from '../../domain/changes.js';

export const TRACKED: TrackedType[] = ['action', 'risk', 'issue'];

const TRACKED_SQL = `resource_type in (${TRACKED.map((t) => `'${t}'`).join(', ')})`;
// A null before/after may be stored as SQL NULL or as the JSON text 'null' (older insert paths).
const EMPTY_AFTER = `(after is null or after = 'null')`;
// PostgreSQL: the same columns; before/after are jsonb, so the JSON text 'null' is the jsonb null.
const PG_COLUMNS = `seq, at, operation, resource_type as "resourceType", resource_id as "resourceId", case when after is null or after = 'null'::jsonb then before end as before, after`;
const COLUMNS = `seq, at, operation, resource_type as resourceType, resource_id as resourceId, case when ${EMPTY_AFTER} then before end as before, after`;

interface RawEvent {
  seq: number;
  at: string;
  operation: string;
  resourceType: string;
  resourceId: string;
  before: string | null;
  after: string | null;
}

const parse = (text: unknown) => (typeof text === 'string' ? (JSON.parse(text) as Record<string, unknown> | null) : null);
/** The rows as ChangeEvents, their JSON parsed in place (a second object per event cost more GC than the parse). */
function toEvents(rows: RawEvent[]): ChangeEvent[] {
  for (const r of rows as unknown as ChangeEvent[]) {
    r.before = parse(r.before);
    r.after = parse(r.after);
  }
  return rows as unknown as ChangeEvent[];
}

export class ChangesRepo {
  private statements?: { before: Database.Statement; mentioning: Database.Statement };

  constructor(private readonly store: Store) {}

  private get t() {
    return this.store.tables;
  }

  private get sql() {
    if (!this.statements) {
      const client = (this.store.db as unknown as { $client: Database.Database }).$client;
      this.statements = {
        before: client.prepare(`select ${COLUMNS} from audit_events where ${TRACKED_SQL} and at < ? order by seq`),
        // Every event of each resource that has an event whose JSON contains the text (a superset of the
        // resources a rule keeps; the rule itself decides, over each kept resource's whole history).
        mentioning: client.prepare(
          `select ${COLUMNS} from audit_events where ${TRACKED_SQL} and at < @before and resource_id in ` +
            `(select resource_id from audit_events where ${TRACKED_SQL} and at < @before and (instr(after, @text) > 0 or instr(before, @text) > 0)) order by seq`,
        ),
      };
    }
    return this.statements;
  }

  /** Every create/update/delete of the tracked resource types recorded before `beforeInstant`, in order. */
  async eventsBefore(beforeInstant: string, types: readonly string[] = TRACKED): Promise<ChangeEvent[]> {
    if (types === TRACKED && this.store.dialect === 'postgresql') {
      return this.pgEvents(sql`select ${sql.raw(PG_COLUMNS)} from audit_events where ${sql.raw(TRACKED_SQL)} and at < ${beforeInstant} order by seq`);
    }
    if (types === TRACKED) return toEvents(this.sql.before.all(beforeInstant) as RawEvent[]);
    return await this.store.db
      .select({
        seq: this.t.auditEvents.seq,
        at: this.t.auditEvents.at,
        operation: this.t.auditEvents.operation,
        resourceType: this.t.auditEvents.resourceType,
        resourceId: this.t.auditEvents.resourceId,
        before: this.t.auditEvents.before,
        after: this.t.auditEvents.after,
      })
      .from(this.t.auditEvents)
      .where(and(inArray(this.t.auditEvents.resourceType, [...types]), lt(this.t.auditEvents.at, beforeInstant)))
      .orderBy(asc(this.t.auditEvents.seq));
  }

  /**
   * The events recorded before `beforeInstant` of the resources whose recorded state ever held `value` (a
   * plan or project id) in any field, in order: the part of eventsBefore() a filter by that id needs.
   */
  async eventsMentioningBefore(value: string, beforeInstant: string): Promise<ChangeEvent[]> {
    if (this.store.dialect === 'postgresql') {
      const text = JSON.stringify(value);
      const tracked = sql.raw(TRACKED_SQL);
      return this.pgEvents(
        sql`select ${sql.raw(PG_COLUMNS)} from audit_events where ${tracked} and at < ${beforeInstant} and resource_id in (select resource_id from audit_events where ${tracked} and at < ${beforeInstant} and (strpos(after::text, ${text}) > 0 or strpos(before::text, ${text}) > 0)) order by seq`,
      );
    }
    return toEvents(this.sql.mentioning.all({ before: beforeInstant, text: JSON.stringify(value) }) as RawEvent[]);
  }

  /** PostgreSQL: the same statements through the open transaction or the pool (JSON arrives parsed). */
  private async pgEvents(query: SQL): Promise<ChangeEvent[]> {
    const result = await (this.store.db as unknown as { execute(q: SQL): Promise<{ rows: ChangeEvent[] }> }).execute(query);
    return result.rows;
  }

  /** When the audit trail first recorded the resource (undefined: never). */
  async firstRecordedAt(resourceType: string, resourceId: string): Promise<string | undefined> {
    return (await this.store.db
      .select({ at: this.t.auditEvents.at })
      .from(this.t.auditEvents)
      .where(and(eq(this.t.auditEvents.resourceType, resourceType), eq(this.t.auditEvents.resourceId, resourceId)))
      .orderBy(asc(this.t.auditEvents.seq))
      .limit(1))[0]?.at;
  }
}
