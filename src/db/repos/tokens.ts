// API tokens: only a SHA-256 of each secret is stored; the secret is shown once, at creation.
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { apiTokens } from '../schema.js';
import type { Actor, Role, Store } from '../store.js';
import { NotFoundError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { decodeCursor, paginate } from '../../shared/pagination.js';

export const hashToken = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export type TokenRow = typeof apiTokens.$inferSelect;

/** Live tokens remembered (by hash) so a request need not query the database to know its caller. */
const ACTIVE_CACHE_SIZE = 1000;
/** How stale the cache may be with respect to other processes writing to the database. */
export const OTHER_WRITERS_CHECK_MS = 100;
/** PostgreSQL: how long a cached token is trusted without asking the database again. */
export const OTHER_PROCESSES_CACHE_MS = 1000;

export class TokensRepo {
  private readonly active = new Map<string, TokenRow>();
  private byHash?: { get(values: { hash: string }): TokenRow | undefined };
  private dataVersion?: { get(): unknown };
  private cachedAt: unknown;
  private checkedAt = -Infinity;

  constructor(private readonly store: Store) {}

  private get t() {
    return this.store.tables;
  }

  async create(name: string, role: Role, actor: Actor): Promise<{ row: TokenRow; secret: string }> {
    const secret = `spt_${randomBytes(32).toString('base64url')}`;
    const row: TokenRow = {
      id: newId('tok'),
      name,
      role,
      tokenHash: hashToken(secret),
      createdAt: this.store.timestamp(),
      revokedAt: null,
    };
    await this.store.tx(async (tx) => {
            await tx.insert(this.t.apiTokens).values(row);
            await this.store.audit(tx, actor, 'create', 'token', row.id, null, { id: row.id, name, role });
          });
    return { row, secret };
  }

  /**
   * The live token whose secret hashes to `hash`, if any. Live tokens are cached: a revocation here empties
   * the cache at once, and so does a commit by another connection to the database (another process
   * revoking a token), which SQLite's data_version reveals — looked at no more than every
   * OTHER_WRITERS_CHECK_MS, since reading it costs a read transaction. Unknown hashes are never cached.
   */
  findActiveByHash(hash: string): TokenRow | undefined | Promise<TokenRow | undefined> {
    if (this.store.dialect === 'postgresql') return this.findOnPostgres(hash);
    const now = performance.now();
    if (now - this.checkedAt >= OTHER_WRITERS_CHECK_MS) {
      this.checkedAt = now;
      this.dataVersion ??= (this.store.db as unknown as { $client: Database.Database }).$client.prepare('pragma data_version').pluck();
      const version = this.dataVersion.get();
      if (version !== this.cachedAt) {
        this.active.clear();
        this.cachedAt = version;
      }
    }
    const hit = this.active.get(hash);
    if (hit) return hit;
    this.byHash ??= this.store.db
      .select()
      .from(this.t.apiTokens)
      .where(and(eq(this.t.apiTokens.tokenHash, sql.placeholder('hash')), isNull(this.t.apiTokens.revokedAt)))
      .prepare();
    const row = this.byHash.get({ hash });
    if (row) {
      if (this.active.size >= ACTIVE_CACHE_SIZE) this.active.delete(this.active.keys().next().value!);
      this.active.set(hash, row);
    }
    return row;
  }

  /** PostgreSQL: the same cache, emptied at least every OTHER_PROCESSES_CACHE_MS (other processes revoke too). */
  private async findOnPostgres(hash: string): Promise<TokenRow | undefined> {
    const now = performance.now();
    if (now - this.checkedAt >= OTHER_PROCESSES_CACHE_MS) {
      this.checkedAt = now;
      this.active.clear();
    }
    const hit = this.active.get(hash);
    if (hit) return hit;
    const t = this.t.apiTokens;
    const row = (await this.store.db.select().from(t).where(and(eq(t.tokenHash, hash), isNull(t.revokedAt))).limit(1))[0];
    if (row) {
      if (this.active.size >= ACTIVE_CACHE_SIZE) this.active.delete(this.active.keys().next().value!);
      this.active.set(hash, row);
    }
    return row;
  }

  async get(id: string): Promise<TokenRow | undefined> {
    return (await this.store.db.select().from(this.t.apiTokens).where(eq(this.t.apiTokens.id, id)))[0];
  }

  async list(page: { limit: number; cursor?: string }) {
    const after = decodeCursor(page.cursor);
    const rows = await this.store.db
          .select()
          .from(this.t.apiTokens)
          .where(after ? gt(this.t.apiTokens.id, after) : undefined)
          .orderBy(asc(this.t.apiTokens.id))
          .limit(page.limit + 1);
    return paginate(rows, page.limit);
  }

  async revoke(id: string, actor: Actor): Promise<void> {
    await this.store.tx(async (tx) => {
            const row = (await tx.select().from(this.t.apiTokens).where(eq(this.t.apiTokens.id, id)))[0];
            if (!row || row.revokedAt) throw new NotFoundError('token', id);
            const revokedAt = this.store.timestamp();
            await tx.update(this.t.apiTokens).set({ revokedAt }).where(eq(this.t.apiTokens.id, id));
            this.active.clear();
            await this.store.audit(tx, actor, 'revoke', 'token', id, { revokedAt: null }, { revokedAt });
          });
  }
}
