// Generic data access for a versioned resource table: get, list by cursor, create, optimistic update and
// delete, each write audited in its own transaction. Resource repositories extend it with their queries.
import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import { NotFoundError, PreconditionFailedError } from '../shared/errors.js';
import { ifMatchAllows } from '../shared/etag.js';
import { newId } from '../shared/ids.js';
import { decodeCursor, paginate } from '../shared/pagination.js';
import type { Db } from './client.js';
import { mapConstraintError } from './constraint-errors.js';
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
  table: T;
  resourceType: string; // singular, as named in errors and the audit trail
  idPrefix: string;
  uniqueMessages?: Record<string, string>;
  /** Columns left out of audit records (large or secret values). */
  auditOmit?: string[];
}

type Prepared = { all(values: Record<string, unknown>): unknown[] };

export interface Page<R> {
  items: R[];
  nextCursor: string | null;
}

export class CrudRepo<T extends VersionedTable> {
  constructor(
    protected readonly store: Store,
    protected readonly cfg: CrudConfig<T>,
  ) {}

  protected get db(): Db {
    return this.store.db;
  }

  // Built and prepared once: drizzle otherwise builds the SQL and SQLite prepares it on every call, which
  // costs more than running it. It runs on the store's one connection, so inside its transactions too.
  private byId?: { get(values: { id: string }): unknown };

  get(id: string, db: Db = this.db): Row<T> | undefined {
    if (!this.store.owns(db)) return db.select().from(this.cfg.table).where(eq(this.cfg.table.id, id)).get() as Row<T> | undefined;
    this.byId ??= this.db.select().from(this.cfg.table).where(eq(this.cfg.table.id, sql.placeholder('id'))).prepare();
    return this.byId.get({ id }) as Row<T> | undefined;
  }

  mustGet(id: string, db: Db = this.db): Row<T> {
    const row = this.get(id, db);
    if (!row) throw new NotFoundError(this.cfg.resourceType, id);
    return row;
  }

  /** A page of rows in creation order, filtered by `where`. */
  list(where: SQL | undefined, page: { limit: number; cursor?: string }): Page<Row<T>> {
    const after = decodeCursor(page.cursor);
    const conditions = [where, after ? gt(this.cfg.table.id, after) : undefined].filter(Boolean) as SQL[];
    const rows = this.db
      .select()
      .from(this.cfg.table)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(asc(this.cfg.table.id))
      .limit(page.limit + 1)
      .all() as Row<T>[];
    return paginate(rows, page.limit);
  }

  private readonly pages = new Map<string, { first: Prepared; after: Prepared }>();

  /** The same page as list(eq(column, value), page), from statements prepared once per column. */
  listBy(column: SQLiteColumn, value: string, page: { limit: number; cursor?: string }): Page<Row<T>> {
    const after = decodeCursor(page.cursor);
    const t = this.cfg.table;
    let stmts = this.pages.get(column.name);
    if (!stmts) {
      const select = (where: SQL) => this.db.select().from(t).where(where).orderBy(asc(t.id)).limit(sql.placeholder('n')).prepare();
      stmts = {
        first: select(eq(column, sql.placeholder('v'))),
        after: select(and(eq(column, sql.placeholder('v')), gt(t.id, sql.placeholder('after')))!),
      };
      this.pages.set(column.name, stmts);
    }
    const rows = (after ? stmts.after.all({ v: value, after, n: page.limit + 1 }) : stmts.first.all({ v: value, n: page.limit + 1 })) as Row<T>[];
    return paginate(rows, page.limit);
  }

  /** Every row matching `where`, in creation order (for documents and exports, not for HTTP lists). */
  all(where: SQL | undefined, db: Db = this.db): Row<T>[] {
    return db.select().from(this.cfg.table).where(where).orderBy(asc(this.cfg.table.id)).all() as Row<T>[];
  }

  /** Inserts the row `valuesFor` computes inside the transaction (it may validate and throw first): its own, or `tx` when given. */
  create(actor: Actor, valuesFor: (tx: Db) => Values<T>, tx?: Db): Row<T> {
    if (tx) return this.createIn(tx, actor, valuesFor(tx));
    return this.store.tx((own) => this.createIn(own, actor, valuesFor(own)));
  }

  /** create() inside the caller's transaction (an import's one transaction: no savepoint per row). */
  createIn(tx: Db, actor: Actor, values: Values<T>): Row<T> {
    const row = this.insertIn(tx, values);
    this.store.audit(tx, actor, 'create', this.cfg.resourceType, row.id, null, this.auditable(row));
    return row;
  }

  /** Inserts inside an existing transaction (the caller audits). */
  insertIn(tx: Db, values: Values<T>): Row<T> {
    const ts = this.store.timestamp();
    const row = { ...values, id: newId(this.cfg.idPrefix), version: 1, createdAt: ts, updatedAt: ts };
    try {
      this.runInsert(tx, row);
    } catch (err) {
      mapConstraintError(err, this.cfg.uniqueMessages);
    }
    return this.mustGet(row.id, tx);
  }

  /**
   * Optimistic update: `ifMatch` (versions accepted, undefined = any) is checked against the current row
   * inside the transaction; `patchFor` sees the current row and returns the columns to change (it may
   * throw a ValidationError after merging). Nothing is written when the patch changes nothing.
   */
  update(id: string, ifMatch: number[] | undefined, actor: Actor, patchFor: (current: Row<T>, tx: Db) => Partial<Values<T>>, tx?: Db): Row<T> {
    if (tx) return this.updateIn(tx, id, ifMatch, actor, patchFor);
    return this.store.tx((own) => this.updateIn(own, id, ifMatch, actor, patchFor));
  }

  /** update() inside the caller's transaction (an import's one transaction: no savepoint per row). */
  updateIn(tx: Db, id: string, ifMatch: number[] | undefined, actor: Actor, patchFor: (current: Row<T>, tx: Db) => Partial<Values<T>>): Row<T> {
    const current = this.mustGet(id, tx);
    if (!ifMatchAllows(ifMatch, current.version)) throw new PreconditionFailedError(current.version);
    const patch = patchFor(current, tx) as Record<string, unknown>;
    const changed = Object.keys(patch).filter((k) => !sameValue((current as Record<string, unknown>)[k], patch[k]));
    if (changed.length === 0) return current;
    const set: Record<string, unknown> = { version: current.version + 1, updatedAt: this.store.timestamp() };
    for (const k of changed) set[k] = patch[k];
    try {
      this.runUpdate(tx, id, current.version, set);
    } catch (err) {
      mapConstraintError(err, this.cfg.uniqueMessages);
    }
    const after = this.mustGet(id, tx);
    const before: Record<string, unknown> = {};
    const afterFields: Record<string, unknown> = {};
    for (const k of changed) {
      if (this.cfg.auditOmit?.includes(k)) continue;
      before[k] = (current as Record<string, unknown>)[k];
      afterFields[k] = (after as Record<string, unknown>)[k];
    }
    before.version = current.version;
    afterFields.version = after.version;
    this.store.audit(tx, actor, 'update', this.cfg.resourceType, id, before, afterFields);
    return after;
  }

  // One prepared INSERT per set of columns given (an import creates thousands of rows of the same shape;
  // building and preparing each one cost more than writing it).
  private readonly inserts = new Map<string, { run(values: Record<string, unknown>): unknown }>();

  private runInsert(tx: Db, row: Record<string, unknown>): void {
    const t = this.cfg.table;
    if (!this.store.owns(tx)) {
      tx.insert(t).values(row as never).run();
      return;
    }
    const keys = Object.keys(row).filter((k) => row[k] !== undefined);
    const signature = keys.join(',');
    let stmt = this.inserts.get(signature);
    if (!stmt) {
      const placeholders = Object.fromEntries(keys.map((k) => [k, sql`${sql.placeholder(`v_${k}`)}`]));
      stmt = tx.insert(t).values(placeholders as never).prepare();
      if (this.inserts.size < 50) this.inserts.set(signature, stmt);
    }
    const values: Record<string, unknown> = {};
    for (const k of keys) {
      const v = row[k];
      values[`v_${k}`] = v === null ? null : (t[k] as SQLiteColumn).mapToDriverValue(v);
    }
    stmt.run(values);
  }

  // One prepared UPDATE per set of columns changed (a PATCH changes the same few columns again and again).
  private readonly updates = new Map<string, { run(values: Record<string, unknown>): unknown }>();

  private runUpdate(tx: Db, id: string, version: number, set: Record<string, unknown>): void {
    const t = this.cfg.table;
    if (!this.store.owns(tx)) {
      tx.update(t).set(set).where(and(eq(t.id, id), eq(t.version, version))).run();
      return;
    }
    const keys = Object.keys(set).filter((k) => set[k] !== undefined);
    const signature = keys.join(',');
    let stmt = this.updates.get(signature);
    if (!stmt) {
      const placeholders = Object.fromEntries(keys.map((k) => [k, sql`${sql.placeholder(`set_${k}`)}`]));
      stmt = tx.update(t).set(placeholders as never).where(and(eq(t.id, sql.placeholder('id')), eq(t.version, sql.placeholder('version')))).prepare();
      if (this.updates.size < 200) this.updates.set(signature, stmt);
    }
    // Placeholders inside sql`` are bound as given: encode the values (JSON, booleans) as drizzle does,
    // null staying NULL.
    const values: Record<string, unknown> = { id, version };
    for (const k of keys) {
      const v = set[k];
      values[`set_${k}`] = v === null || v === undefined ? v : (t[k] as SQLiteColumn).mapToDriverValue(v);
    }
    stmt.run(values);
  }

  /** `guard` runs in the transaction before the row goes: it may refuse (throw) or write what goes with it. */
  delete(id: string, ifMatch: number[] | undefined, actor: Actor, guard?: (current: Row<T>, tx: Db) => void): void {
    this.store.tx((tx) => {
      const current = this.mustGet(id, tx);
      if (!ifMatchAllows(ifMatch, current.version)) throw new PreconditionFailedError(current.version);
      guard?.(current, tx);
      tx.delete(this.cfg.table).where(eq(this.cfg.table.id, id)).run();
      this.store.audit(tx, actor, 'delete', this.cfg.resourceType, id, this.auditable(current), null);
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
