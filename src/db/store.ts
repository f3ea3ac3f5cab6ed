// The unit of work every repository shares: the drizzle handle, a clock, transactions, and the audit
// trail written inside the same transaction as the change it records.
import type { Db } from './client.js';
import { auditEvents } from './schema.js';

export type Role = 'viewer' | 'editor' | 'admin';

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

  audit(
    tx: Db,
    actor: Actor,
    operation: AuditOperation,
    resourceType: string,
    resourceId: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): void {
    tx.insert(auditEvents)
      .values({
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
      })
      .run();
  }
}
