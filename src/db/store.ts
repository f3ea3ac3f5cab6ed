// The unit of work every repository shares: the drizzle handle (the open transaction's, else the reader),
// the tables of the dialect in use, a clock, transactions, and the audit trail written inside the same
// transaction as the change it records.
import { sql, type SQL } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { Role } from '../domain/vocabulary.js';
import type { Connection, Db, Dialect, Tables } from './client.js';
import { ScopedStorage } from '../shared/scoped-storage.js';
import { PgTableStatements, runNamed, type PgRunner } from './pg-statements.js';

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
  readonly dialect: Dialect;
  readonly tables: Tables;
  private readonly open = new ScopedStorage<Db>();
  // SQLite: one transaction at a time on the writer connection, across awaits (a promise chain), shared by
  // every Store of this process on the same file: a second connection waiting for the file's write lock
  // would block the one thread the first needs to finish.
  private readonly queue: { tail: Promise<unknown> };
  private savepoints = 0;
  // PostgreSQL: the connection behind each transaction handle (a handle per pooled connection), and a
  // counter that names savepoints (never reused, so concurrent transactions cannot confuse their names).
  private readonly pgClients = new WeakMap<Db, pg.PoolClient>();
  private pgSavepoints = 0;

  constructor(
    readonly connection: Connection,
    readonly now: () => Date,
  ) {
    this.dialect = connection.dialect;
    this.tables = connection.tables;
    this.queue = queueFor(connection);
  }

  /** The open transaction's handle when inside store.tx(), else the reader. */
  get db(): Db {
    return this.open.getStore() ?? this.connection.reader;
  }

  get inTransaction(): boolean {
    return this.open.getStore() !== undefined;
  }

  /** The SQLite connection behind `db` (for statements prepared once), or undefined on PostgreSQL. */
  sqliteOf(db: Db): Database.Database | undefined {
    const s = this.connection.sqlite;
    if (!s) return undefined;
    return db === this.connection.writer ? s.writer : db === this.connection.reader ? s.reader : undefined;
  }

  /**
   * Where a named PostgreSQL statement (src/db/pg-statements.ts) runs for `db`: the open transaction's
   * connection, or the pool for the reader. Undefined on SQLite.
   */
  pgRunnerOf(db: Db): PgRunner | undefined {
    if (this.dialect !== 'postgresql') return undefined;
    if (db === this.connection.reader) return this.connection.pool;
    return this.pgClients.get(db);
  }

  timestamp(): string {
    return this.now().toISOString();
  }

  /**
   * Runs `fn` in one transaction; a call inside an open one joins it. SQLite: BEGIN IMMEDIATE on the writer
   * (the write lock taken up front, so processes never deadlock upgrading), one transaction at a time in
   * this process. PostgreSQL: a pooled client, READ COMMITTED; versioned writes are conditional UPDATEs.
   */
  async tx<T>(fn: (tx: Db) => Promise<T> | T): Promise<T> {
    const open = this.open.getStore();
    if (open) return fn(open);
    if (this.dialect === 'postgresql') return this.pgTransaction('begin', fn);
    return this.serialised(() => this.sqliteTransaction('BEGIN IMMEDIATE', fn));
  }

  /** Reads that must agree with each other (a document's view): one snapshot, no writes. */
  async snapshot<T>(fn: (db: Db) => Promise<T> | T): Promise<T> {
    const open = this.open.getStore();
    if (open) return fn(open);
    if (this.dialect === 'postgresql') return this.pgTransaction('begin isolation level repeatable read read only', fn);
    return this.serialised(() => this.sqliteTransaction('BEGIN', fn));
  }

  /** Inside an open transaction: `fn`'s writes undone alone when it throws (an import's rejected row). */
  async savepoint<T>(fn: (tx: Db) => Promise<T> | T): Promise<T> {
    const open = this.open.getStore();
    if (!open) return this.tx(fn);
    if (this.dialect === 'postgresql') return this.pgSavepoint(open, fn);
    const writer = this.connection.sqlite!.writer;
    const name = `sp${++this.savepoints}`;
    writer.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn(open);
      writer.exec(`RELEASE ${name}`);
      return result;
    } catch (err) {
      writer.exec(`ROLLBACK TO ${name}`);
      writer.exec(`RELEASE ${name}`);
      throw err;
    } finally {
      this.savepoints--;
    }
  }

  /** A cheap round trip to the database (health checks). */
  async ping(): Promise<void> {
    await this.execute(sql`select 1`);
  }

  /** Runs a statement that returns nothing the caller needs, on either driver. */
  async execute(statement: SQL, db: Db = this.db): Promise<void> {
    if (this.dialect === 'postgresql') await (db as unknown as { execute(s: SQL): Promise<unknown> }).execute(statement);
    else db.run(statement);
  }

  private serialised<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.tail.then(run, run);
    this.queue.tail = result.catch(() => undefined);
    return result;
  }

  // PostgreSQL: BEGIN, COMMIT and savepoints sent by hand on a pooled connection (drizzle's transaction
  // makes a new handle and sends its statements through its query builder for each one).
  private async pgTransaction<T>(begin: string, fn: (tx: Db) => Promise<T> | T): Promise<T> {
    const client = await this.connection.pool!.connect();
    const tx = this.connection.pgHandle!(client);
    this.pgClients.set(tx, client);
    let broken: Error | undefined;
    // A connection lost while checked out (the server restarted, the backend was terminated) reports an
    // 'error' the pool no longer listens for: unheard, it would end the process. The transaction's next
    // statement fails with it; the connection is then dropped, not given back.
    const lost = (err: Error) => (broken = err);
    client.on('error', lost);
    try {
      await client.query(begin);
      const result = await this.open.run(tx, async () => fn(tx));
      await client.query('commit');
      return result;
    } catch (err) {
      // A connection that cannot even roll back is dropped from the pool, not handed to the next caller.
      await client.query('rollback').catch((e: Error) => (broken = e));
      throw err;
    } finally {
      client.removeListener('error', lost);
      client.release(broken);
    }
  }

  private async pgSavepoint<T>(open: Db, fn: (tx: Db) => Promise<T> | T): Promise<T> {
    const client = this.pgClients.get(open)!;
    const name = `sp${++this.pgSavepoints}`;
    await client.query(`savepoint ${name}`);
    try {
      const result = await fn(open);
      await client.query(`release savepoint ${name}`);
      return result;
    } catch (err) {
      await client.query(`rollback to savepoint ${name}`);
      await client.query(`release savepoint ${name}`);
      throw err;
    }
  }

  private async sqliteTransaction<T>(begin: string, fn: (tx: Db) => Promise<T> | T): Promise<T> {
    const writer = this.connection.sqlite!.writer;
    const tx = this.connection.writer;
    writer.exec(begin);
    try {
      const result = await this.open.run(tx, async () => fn(tx));
      writer.exec('COMMIT');
      return result;
    } catch (err) {
      if (writer.inTransaction) writer.exec('ROLLBACK');
      throw err;
    }
  }

  // Every write audits: on SQLite the insert is built and prepared once (drizzle would otherwise build and
  // SQLite compile it for each write). The placeholders sit in sql`` so drizzle binds the values as given
  // (it would encode a null as the JSON text 'null'): before/after are encoded here, as drizzle does.
  private auditInsert?: { run(values: Record<string, unknown>): unknown };
  // PostgreSQL: a named statement, parsed once per connection.
  private pgAudit?: { statements: PgTableStatements; keys: string[] };

  async audit(
    tx: Db,
    actor: Actor,
    operation: AuditOperation,
    resourceType: string,
    resourceId: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): Promise<void> {
    const { auditEvents } = this.tables;
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
    const runner = this.pgRunnerOf(tx);
    if (runner) {
      const keys = Object.keys(row);
      this.pgAudit ??= { statements: new PgTableStatements(auditEvents), keys };
      const { statements } = this.pgAudit;
      await runNamed(runner, statements.insert(this.pgAudit.keys, false), this.pgAudit.keys.map((k) => statements.encode(k, row[k as keyof typeof row])));
      return;
    }
    if (tx !== this.connection.writer) {
      await tx.insert(auditEvents).values(row);
      return;
    }
    const p = (name: string) => sql`${sql.placeholder(name)}`;
    this.auditInsert ??= this.connection.writer
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

const sqliteQueues = new Map<string, { tail: Promise<unknown> }>();

function queueFor(connection: Connection): { tail: Promise<unknown> } {
  const file = connection.sqlite?.writer.name;
  if (!file || file === ':memory:' || file === '') return { tail: Promise.resolve() };
  let queue = sqliteQueues.get(file);
  if (!queue) sqliteQueues.set(file, (queue = { tail: Promise.resolve() }));
  return queue;
}
