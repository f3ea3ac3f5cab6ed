// API tokens: only a SHA-256 of each secret is stored; the secret is shown once, at creation.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { apiTokens } from '../../db/schema.js';
import type { Actor, Role, Store } from '../../db/store.js';
import { NotFoundError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { decodeCursor, paginate } from '../../shared/pagination.js';

export const hashToken = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export type TokenRow = typeof apiTokens.$inferSelect;

export class TokensRepo {
  constructor(private readonly store: Store) {}

  create(name: string, role: Role, actor: Actor): { row: TokenRow; secret: string } {
    const secret = `spt_${randomBytes(32).toString('base64url')}`;
    const row: TokenRow = {
      id: newId('tok'),
      name,
      role,
      tokenHash: hashToken(secret),
      createdAt: this.store.timestamp(),
      revokedAt: null,
    };
    this.store.tx((tx) => {
      tx.insert(apiTokens).values(row).run();
      this.store.audit(tx, actor, 'create', 'token', row.id, null, { id: row.id, name, role });
    });
    return { row, secret };
  }

  /** The live token whose secret hashes to `hash`, if any. */
  findActiveByHash(hash: string): TokenRow | undefined {
    return this.store.db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)))
      .get();
  }

  get(id: string): TokenRow | undefined {
    return this.store.db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
  }

  list(page: { limit: number; cursor?: string }) {
    const after = decodeCursor(page.cursor);
    const rows = this.store.db
      .select()
      .from(apiTokens)
      .where(after ? gt(apiTokens.id, after) : undefined)
      .orderBy(asc(apiTokens.id))
      .limit(page.limit + 1)
      .all();
    return paginate(rows, page.limit);
  }

  revoke(id: string, actor: Actor): void {
    this.store.tx((tx) => {
      const row = tx.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
      if (!row || row.revokedAt) throw new NotFoundError('token', id);
      const revokedAt = this.store.timestamp();
      tx.update(apiTokens).set({ revokedAt }).where(eq(apiTokens.id, id)).run();
      this.store.audit(tx, actor, 'revoke', 'token', id, { revokedAt: null }, { revokedAt });
    });
  }
}
