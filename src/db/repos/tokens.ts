// API tokens: only a SHA-256 of each secret is stored; the secret is shown once, at creation.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { apiTokens } from '../schema.js';
import type { Actor, Role, Store } from '../store.js';
import { PgListener, poolConfig } from '../pg-listener.js';
import { NotFoundError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { decodeCursor, paginate } from '../../shared/pagination.js';

export const hashToken = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export type TokenRow = typeof apiTokens.$inferSelect;

/** Live tokens remembered (by hash) so a request need not query the database to know its caller. */
const ACTIVE_CACHE_SIZE = 1000;
/** SQLite: how stale the cache may be with respect to other processes writing to the database. */
export const OTHER_WRITERS_CHECK_MS = 100;
/**
 * PostgreSQL: the oldest a cached token may be. Revocations are announced to every process (NOTIFY), so this
 * only matters when a notification is lost (a dropped listening connection): revoked everywhere within it.
 */
export const PG_CACHE_MAX_AGE_MS = 1_000;
/** The channel revocations are announced on; the payload is the token's hash. */
export const TOKEN_REVOKED_CHANNEL = 'spt_token_revoked';

interface Cached {
  row: TokenRow;
  at: number;
}

export class TokensRepo {
  private readonly active = new Map<string, Cached>();
  // Bumped on every eviction, so a lookup that raced an eviction does not cache what it read before it.
  private generation = 0;
  private byHash?: { get(values: { hash: string }): TokenRow | undefined };
  private byHashPg?: { execute(values: { hash: string }): Promise<TokenRow[]> };
  private dataVersion?: { get(): unknown };
  private cachedAt: unknown;
  private checkedAt = -Infinity;
  private listener?: PgListener;

  constructor(private readonly store: Store) {}

  private get t() {
    return this.store.tables;
  }

  /**
   * PostgreSQL: listens for revocations made by any process (one dedicated connection) and evicts them;
   * on a lost or new listening connection the whole cache is dropped. Nothing to do on SQLite.
   */
  async listen(onError?: (err: Error) => void): Promise<void> {
    const pool = this.store.connection.pool;
    if (this.store.dialect !== 'postgresql' || !pool || this.listener) return;
    this.listener = new PgListener(poolConfig(pool), TOKEN_REVOKED_CHANNEL, {
      message: (hash) => this.evict(hash),
      reset: () => this.evict(),
      error: onError,
    });
    await this.listener.start();
  }

  /** PostgreSQL: whether revocations by other processes are being heard right now. */
  get listening(): boolean {
    return this.listener?.listening ?? false;
  }

  async close(): Promise<void> {
    await this.listener?.close();
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
   * the cache at once. Another process's revocation: on SQLite, a commit by another connection changes
   * data_version (looked at no more than every OTHER_WRITERS_CHECK_MS, on the reader connection, since
   * reading it costs a read transaction); on PostgreSQL, its NOTIFY evicts the token, and no entry is used
   * after PG_CACHE_MAX_AGE_MS in case a notification was lost. Unknown hashes are never cached.
   */
  findActiveByHash(hash: string): TokenRow | undefined | Promise<TokenRow | undefined> {
    if (this.store.dialect === 'postgresql') return this.findOnPostgres(hash);
    // SQLite: synchronous (no promise on the path every request takes).
    const now = performance.now();
    this.checkOtherWriters(now);
    const hit = this.active.get(hash);
    if (hit) return hit.row;
    const reader = this.store.connection.reader;
    this.byHash ??= reader.select().from(this.t.apiTokens).where(this.liveWithHash()).prepare();
    const row = this.byHash.get({ hash });
    if (row) this.remember(hash, row, now);
    return row;
  }

  private async findOnPostgres(hash: string): Promise<TokenRow | undefined> {
    const now = performance.now();
    const hit = this.active.get(hash);
    if (hit && now - hit.at < PG_CACHE_MAX_AGE_MS) return hit.row;
    const generation = this.generation;
    // A named statement: each pooled connection parses it once.
    this.byHashPg ??= (
      this.store.connection.reader.select().from(this.t.apiTokens).where(this.liveWithHash()) as unknown as {
        prepare(name: string): { execute(v: { hash: string }): Promise<TokenRow[]> };
      }
    ).prepare('spt_token_by_hash');
    const row = (await this.byHashPg.execute({ hash }))[0];
    // Not when an eviction happened meanwhile: what was read may be what it evicted.
    if (row && generation === this.generation) this.remember(hash, row, now);
    return row;
  }

  private liveWithHash() {
    return and(eq(this.t.apiTokens.tokenHash, sql.placeholder('hash')), isNull(this.t.apiTokens.revokedAt));
  }

  private remember(hash: string, row: TokenRow, at: number): void {
    this.active.delete(hash);
    if (this.active.size >= ACTIVE_CACHE_SIZE) this.active.delete(this.active.keys().next().value!);
    this.active.set(hash, { row, at });
  }

  private checkOtherWriters(now: number): void {
    if (now - this.checkedAt < OTHER_WRITERS_CHECK_MS) return;
    this.checkedAt = now;
    this.dataVersion ??= this.store.connection.sqlite!.reader.prepare('pragma data_version').pluck();
    const version = this.dataVersion.get();
    if (version !== this.cachedAt) {
      this.evict();
      this.cachedAt = version;
    }
  }

  /** Whether the token is in this process's cache (entries leave it only by eviction, never by age). */
  isCached(hash: string): boolean {
    return this.active.has(hash);
  }

  /** Forgets one token (by hash), or every token. */
  private evict(hash?: string): void {
    this.generation++;
    if (hash === undefined) this.active.clear();
    else this.active.delete(hash);
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
      // Delivered to every listening process when (and only if) this transaction commits.
      if (this.store.dialect === 'postgresql') await this.store.execute(sql`select pg_notify(${TOKEN_REVOKED_CHANNEL}, ${row.tokenHash})`, tx);
      await this.store.audit(tx, actor, 'revoke', 'token', id, { revokedAt: null }, { revokedAt });
    });
    // After the commit: a lookup running meanwhile could otherwise cache the row as it was before.
    this.evict();
  }
}
