// Generic data access for a versioned resource table: get, list by cursor, create, optimistic update and
// delete, each write audited in its own transaction. Resource repositories extend it with their queries.
import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import { NotFoundError, PreconditionFailedError } from '../shared/errors.js';
import { ifMatchAllows } from '../shared/etag.js';
import { newId } from '../shared/ids.js';
import { decodeCursor, paginate } from '../shared/pagination.js';
import type { Db, Tables } from './client.js';
import { mapConstraintError } from './constraint-errors.js';
import { PgTableStatements, runNamed } from './pg-statements.js';
import type { Actor, Store } from './store.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type VersionedTable = SQLiteTableWithColumns<any> & {
  id: SQLiteColumn;
  version: SQLiteColumn;
  updatedAt: SQLiteColumn;
};

type Row<T extends VersionedTable> = T['$inferSelect'] & { id: string; version: number };
type Values<T extends VersionedTable> = Omit<T['$inferInsert'], 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export interface CrudConfig<T extends VersionedTable> {
  /** The table, taken from the tables of the dialect in use. */
  table: (tables: Tables) => T;
  resourceType: string; // singular, as named in errors and the audit trail
  idPrefix: string;
  uniqueMessages?: Record<string, string>;
  /** Columns left out of audit records (large or secret values). */
  auditOmit?: string[];
}

type Prepared = { all(values: Record<string, unknown>): unknown[] };
type PreparedRun = { run(values: Record<string, unknown>): { changes: number } };

export interface Page<R> {
  items: R[];
  nextCursor: string | null;
}

export class CrudRepo<T extends VersionedTable> {
  protected readonly table: T;

  constructor(
    protected readonly store: Store,
    protected readonly cfg: CrudConfig<T>,
  ) {
    this.table = cfg.table(store.tables);
  }

  protected get db(): Db {
    return this.store.db;
  }

  protected get t(): Tables {
    return this.store.tables;
  }

  // On SQLite the commonest statements are built and prepared once per connection: drizzle otherwise
  // builds the SQL and SQLite prepares it on every call, which costs more than running it.
  private readonly byId = new Map<Db, { get(values: { id: string }): unknown }>();

  // PostgreSQL: the same commonest statements written once and named (src/db/pg-statements.ts), run on the
  // open transaction's connection or the pool.
  private pgStatements?: PgTableStatements;

  protected get pg(): PgTableStatements {
    return (this.pgStatements ??= new PgTableStatements(this.table));
  }

  async get(id: string, db: Db = this.db): Promise<Row<T> | undefined> {
    const runner = this.store.pgRunnerOf(db);
    if (runner) return (await runNamed<Row<T>>(runner, this.pg.byId, [id]))[0];
    const conn = this.store.sqliteOf(db);
    if (!conn) return (await db.select().from(this.table).where(eq(this.table.id, id)).limit(1))[0] as Row<T> | undefined;
    let stmt = this.byId.get(db);
    if (!stmt) {
      stmt = db.select().from(this.table).where(eq(this.table.id, sql.placeholder('id'))).prepare();
      this.byId.set(db, stmt);
    }
    return stmt.get({ id }) as Row<T> | undefined;
  }

  async mustGet(id: string, db: Db = this.db): Promise<Row<T>> {
    const row = await this.get(id, db);
    if (!row) throw new NotFoundError(this.cfg.resourceType, id);
    return row;
  }

  /** A page of rows in creation order, filtered by `where`. */
  async list(where: SQL | undefined, page: { limit: number; cursor?: string }): Promise<Page<Row<T>>> {
    const after = decodeCursor(page.cursor);
    const conditions = [where, after ? gt(this.table.id, after) : undefined].filter(Boolean) as SQL[];
    const rows = (await this.db
      .select()
      .from(this.table)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(asc(this.table.id))
      .limit(page.limit + 1)) as Row<T>[];
    return paginate(rows, page.limit);
  }

  private readonly pages = new Map<string, { first: Prepared; after: Prepared }>();

  /** The same page as list(eq(column, value), page), on SQLite from statements prepared once per column. */
  async listBy(column: SQLiteColumn, value: string, page: { limit: number; cursor?: string }): Promise<Page<Row<T>>> {
    const db = this.db;
    const runner = this.store.pgRunnerOf(db);
    if (runner) {
      const after = decodeCursor(page.cursor);
      const key = this.pg.keyOf(column.name);
      const rows = after
        ? await runNamed<Row<T>>(runner, this.pg.page(key, true), [value, after, page.limit + 1])
        : await runNamed<Row<T>>(runner, this.pg.page(key, false), [value, page.limit + 1]);
      return paginate(rows, page.limit);
    }
    if (!this.store.sqliteOf(db)) return this.list(eq(column, value), page);
    const after = decodeCursor(page.cursor);
    const t = this.table;
    const key = `${db === this.store.connection.writer ? 'w' : 'r'}:${column.name}`;
    let stmts = this.pages.get(key);
    if (!stmts) {
      const select = (where: SQL) => db.select().from(t).where(where).orderBy(asc(t.id)).limit(sql.placeholder('n')).prepare();
      stmts = {
        first: select(eq(column, sql.placeholder('v'))),
        after: select(and(eq(column, sql.placeholder('v')), gt(t.id, sql.placeholder('after')))!),
      };
      this.pages.set(key, stmts);
    }
    const rows = (after ? stmts.after.all({ v: value, after, n: page.limit + 1 }) : stmts.first.all({ v: value, n: page.limit + 1 })) as Row<T>[];
    return paginate(rows, page.limit);
  }

  /** Every row matching `where`, in creation order (for documents and exports, not for HTTP lists). */
  async all(where: SQL | undefined, db: Db = this.db): Promise<Row<T>[]> {
    return (await db.select().from(this.table).where(where).orderBy(asc(this.table.id))) as Row<T>[];
  }

  /** Inserts the row `valuesFor` computes inside the transaction (it may validate and throw first): the open one, or its own. */
  async create(actor: Actor, valuesFor: (tx: Db) => Values<T> | Promise<Values<T>>): Promise<Row<T>> {
    return this.store.tx(async (tx) => this.createIn(tx, actor, await valuesFor(tx)));
  }

  /** create() inside the caller's transaction (an import's one transaction: no savepoint per row). */
  async createIn(tx: Db, actor: Actor, values: Values<T>): Promise<Row<T>> {
    const row = await this.insertIn(tx, values);
    await this.store.audit(tx, actor, 'create', this.cfg.resourceType, row.id, null, this.auditable(row));
    return row;
  }

  /** Inserts inside an existing transaction (the caller audits). */
  async insertIn(tx: Db, values: Values<T>): Promise<Row<T>> {
    const ts = this.store.timestamp();
    const row = { ...values, id: newId(this.cfg.idPrefix), version: 1, createdAt: ts, updatedAt: ts };
    try {
      // PostgreSQL: the row as written comes back from RETURNING (no second round trip to read it).
      const written = await this.runInsert(tx, row);
      if (written) return written;
    } catch (err) {
      mapConstraintError(err, this.cfg.uniqueMessages);
    }
    return this.mustGet(row.id, tx);
  }

  /**
   * Optimistic update: `ifMatch` (versions accepted, undefined = any) is checked against the current row
   * inside the transaction; `patchFor` sees the current row and returns the columns to change (it may
   * throw a ValidationError after merging). Nothing is written when the patch changes nothing. The write is
   * conditional on the version read, so of two racing writers (two processes on PostgreSQL) one wins and
   * the other gets 412.
   */
  async update(
    id: string,
    ifMatch: number[] | undefined,
    actor: Actor,
    patchFor: (current: Row<T>, tx: Db) => Partial<Values<T>> | Promise<Partial<Values<T>>>,
  ): Promise<Row<T>> {
    return this.store.tx((tx) => this.updateIn(tx, id, ifMatch, actor, patchFor));
  }

  /** update() inside the caller's transaction (an import's one transaction: no savepoint per row). */
  async updateIn(
    tx: Db,
    id: string,
    ifMatch: number[] | undefined,
    actor: Actor,
    patchFor: (current: Row<T>, tx: Db) => Partial<Values<T>> | Promise<Partial<Values<T>>>,
  ): Promise<Row<T>> {
    const current = await this.mustGet(id, tx);
    if (!ifMatchAllows(ifMatch, current.version)) throw new PreconditionFailedError(current.version);
    const patch = (await patchFor(current, tx)) as Record<string, unknown>;
    const changed = Object.keys(patch).filter((k) => !sameValue((current as Record<string, unknown>)[k], patch[k]));
    if (changed.length === 0) return current;
    const set: Record<string, unknown> = { version: current.version + 1, updatedAt: this.store.timestamp() };
    for (const k of changed) set[k] = patch[k];
    let written: Row<T> | number = 0;
    try {
      written = await this.runUpdate(tx, id, current.version, set);
    } catch (err) {
      mapConstraintError(err, this.cfg.uniqueMessages);
    }
    if (written === 0) {
      // Another process changed (or deleted) the row between our read and our write.
      const now = await this.mustGet(id, tx);
      throw new PreconditionFailedError(now.version);
    }
    const after = typeof written === 'number' ? await this.mustGet(id, tx) : written;
    const before: Record<string, unknown> = {};
    const afterFields: Record<string, unknown> = {};
    for (const k of changed) {
      if (this.cfg.auditOmit?.includes(k)) continue;
      before[k] = (current as Record<string, unknown>)[k];
      afterFields[k] = (after as Record<string, unknown>)[k];
    }
    before.version = current.version;
    afterFields.version = after.version;
    await this.store.audit(tx, actor, 'update', this.cfg.resourceType, id, before, afterFields);
    return after;
  }

  // SQLite: one prepared INSERT per set of columns given (an import creates thousands of rows of the same
  // shape; building and preparing each one cost more than writing it).
  private readonly inserts = new Map<string, PreparedRun>();

  private async runInsert(tx: Db, row: Record<string, unknown>): Promise<Row<T> | undefined> {
    const t = this.table;
    const runner = this.store.pgRunnerOf(tx);
    if (runner) {
      const keys = this.pgKeys(row);
      return (await runNamed<Row<T>>(runner, this.pg.insert(keys), keys.map((k) => this.pg.encode(k, row[k]))))[0];
    }
    if (tx !== this.store.connection.writer || this.store.dialect !== 'sqlite') {
      await tx.insert(t).values(row as never);
      return;
    }
    const keys = Object.keys(row).filter((k) => row[k] !== undefined);
    const signature = keys.join(',');
    let stmt = this.inserts.get(signature);
    if (!stmt) {
      const placeholders = Object.fromEntries(keys.map((k) => [k, sql`${sql.placeholder(`v_${k}`)}`]));
      stmt = tx.insert(t).values(placeholders as never).prepare() as unknown as PreparedRun;
      if (this.inserts.size < 50) this.inserts.set(signature, stmt);
    }
    const values: Record<string, unknown> = {};
    for (const k of keys) {
      const v = row[k];
      values[`v_${k}`] = v === null ? null : (t[k] as SQLiteColumn).mapToDriverValue(v);
    }
    stmt.run(values);
  }

  // SQLite: one prepared UPDATE per set of columns changed (a PATCH changes the same few columns again and again).
  private readonly updates = new Map<string, PreparedRun>();

  /**
   * The conditional UPDATE (id and version): 0 when someone else won; else the row as written (RETURNING,
   * one round trip fewer on PostgreSQL) or, from SQLite's prepared statement, how many rows it changed.
   */
  private async runUpdate(tx: Db, id: string, version: number, set: Record<string, unknown>): Promise<Row<T> | number> {
    const t = this.table;
    const runner = this.store.pgRunnerOf(tx);
    if (runner) {
      const keys = this.pgKeys(set);
      const rows = await runNamed<Row<T>>(runner, this.pg.update(keys), [id, version, ...keys.map((k) => this.pg.encode(k, set[k]))]);
      return rows[0] ?? 0;
    }
    const where = and(eq(t.id, id), eq(t.version, version));
    if (tx !== this.store.connection.writer || this.store.dialect !== 'sqlite') {
      const rows = (await tx.update(t).set(set).where(where).returning()) as unknown as Row<T>[];
      return rows[0] ?? 0;
    }
    const keys = Object.keys(set).filter((k) => set[k] !== undefined);
    const signature = keys.join(',');
    let stmt = this.updates.get(signature);
    if (!stmt) {
      const placeholders = Object.fromEntries(keys.map((k) => [k, sql`${sql.placeholder(`set_${k}`)}`]));
      stmt = tx.update(t).set(placeholders as never).where(and(eq(t.id, sql.placeholder('id')), eq(t.version, sql.placeholder('version')))).prepare() as unknown as PreparedRun;
      if (this.updates.size < 200) this.updates.set(signature, stmt);
    }
    // Placeholders inside sql`` are bound as given: encode the values (JSON, booleans) as drizzle does,
    // null staying NULL.
    const values: Record<string, unknown> = { id, version };
    for (const k of keys) {
      const v = set[k];
      values[`set_${k}`] = v === null || v === undefined ? v : (t[k] as SQLiteColumn).mapToDriverValue(v);
    }
    return stmt.run(values).changes;
  }

  /** The columns a PostgreSQL statement writes, in one order (one named statement per set, whatever order a request sent them in); other keys are ignored, as drizzle ignores them. */
  private pgKeys(values: Record<string, unknown>): string[] {
    return Object.keys(values)
      .filter((k) => values[k] !== undefined && this.pg.has(k))
      .sort();
  }

  /** `guard` runs in the transaction before the row goes: it may refuse (throw) or write what goes with it. */
  async delete(id: string, ifMatch: number[] | undefined, actor: Actor, guard?: (current: Row<T>, tx: Db) => void | Promise<void>): Promise<void> {
    await this.store.tx(async (tx) => {
      const current = await this.mustGet(id, tx);
      if (!ifMatchAllows(ifMatch, current.version)) throw new PreconditionFailedError(current.version);
      await guard?.(current, tx);
      const runner = this.store.pgRunnerOf(tx);
      const gone = runner
        ? await runNamed(runner, this.pg.deleteVersion, [id, current.version])
        : await tx.delete(this.table).where(and(eq(this.table.id, id), eq(this.table.version, current.version))).returning({ id: this.table.id });
      if (gone.length === 0) throw new PreconditionFailedError((await this.mustGet(id, tx)).version);
      await this.store.audit(tx, actor, 'delete', this.cfg.resourceType, id, this.auditable(current), null);
    });
  }

  protected auditable(row: Row<T>): Record<string, unknown> {
    const out: Record<string, unknown> = { ...row };
    for (const k of this.cfg.auditOmit ?? []) delete out[k];
    return out;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
