// The unit of work every repository shares: the drizzle handle, a clock, transactions, and the audit
// trail written inside the same transaction as the change it records.
import { sql } from 'drizzle-orm';
import type { Role } from '../domain/vocabulary.js';
import type { Db } from './client.js';
import { auditEvents } from './schema.js';

export type { Role } from '../domain/vocabulary.js';

export interface Actor {
  tokenId: string | null;
  name: string;
  role: Role;
  requestId?: string;
}

export const SYSTEM_ACTOR: Actor = { tokenId: null, name: 'system', role: 'admin' };

export type AuditOperation = 'create' | 'update' | 'delete' | 'publish' | 'revoke';

export class Store {
  constructor(
    readonly db: Db,
    readonly now: () => Date,
  ) {}

  /** Whether `db` is this store's handle or one of its transactions (the same SQLite connection). */
  owns(db: Db): boolean {
    return db === this.db || (db as unknown as { session?: unknown }).session === (this.db as unknown as { session: unknown }).session;
  }

  timestamp(): string {
    return this.now().toISOString();
  }

  /** Runs `fn` in one transaction (synchronous: better-sqlite3 serialises it within this process). */
  tx<T>(fn: (tx: Db) => T): T {
    return this.db.transaction((tx) => fn(tx as unknown as Db), { behavior: 'immediate' });
  }

  // Every write audits: the insert is built and prepared once (drizzle would otherwise build and SQLite
  // compile it for each write). The placeholders sit in sql`` so drizzle binds the values as given (it
  // would encode a null as the JSON text 'null'): before/after are encoded here, as drizzle does.
  private auditInsert?: { run(values: Record<string, unknown>): unknown };

  audit(
    tx: Db,
    actor: Actor,
    operation: AuditOperation,
    resourceType: string,
    resourceId: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): void {
    const row = {
      at: this.timestamp(),
      actorName: actor.name,
      actorRole: actor.role,
      actorTokenId: actor.tokenId,
      requestId: actor.requestId ?? null,
      operation,
      resourceType,
      resourceId,
      before,
      after,
    };
    if (!this.owns(tx)) {
      tx.insert(auditEvents).values(row).run();
      return;
    }
    const p = (name: string) => sql`${sql.placeholder(name)}`;
    this.auditInsert ??= this.db
      .insert(auditEvents)
      .values({ at: p('at'), actorName: p('actorName'), actorRole: p('actorRole'), actorTokenId: p('actorTokenId'), requestId: p('requestId'), operation: p('operation'), resourceType: p('resourceType'), resourceId: p('resourceId'), before: p('before'), after: p('after') })
      .prepare();
    this.auditInsert.run({
      ...row,
      before: before === null ? null : auditEvents.before.mapToDriverValue(before),
      after: after === null ? null : auditEvents.after.mapToDriverValue(after),
    });
  }
}
