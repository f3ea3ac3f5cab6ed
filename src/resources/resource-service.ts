// The service half of a plain contract resource: parent checks, create/patch/delete through the
// repository, row → API mapping. Resources with rules of their own pass hooks for them.
import { and, eq, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { CrudRepo } from '../db/crud-repo.js';
import type { Db } from '../db/client.js';
import type { Actor } from '../db/store.js';
import { definedOnly } from '../shared/objects.js';
import type { CrudService, Page } from './crud-routes.js';

type AnyRepo = CrudRepo<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type RowOf<R extends AnyRepo> = NonNullable<Awaited<ReturnType<R['get']>>>;

export interface ResourceServiceOptions<R extends AnyRepo, C, U, Q, A> {
  repo: R;
  /** The parent's repository and the column that points at it (absent for top-level resources). */
  parent?: { repo: AnyRepo; column: SQLiteColumn; key: string };
  toApi: (row: RowOf<R>) => A | Promise<A>;
  /** Column values for a new row (defaults: the body with absent optionals as null, plus the parent key). */
  createValues?: (body: C, parentId: string | undefined, tx: Db) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Columns to change for a PATCH, given the current row (defaults: the fields sent). */
  patchValues?: (body: U, current: RowOf<R>, tx: Db) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Extra list filters from the query string. */
  filters?: (query: Q) => (SQL | undefined)[];
  /** Runs in the deleting transaction before the row goes: throws to refuse, or writes what goes with it. */
  guardDelete?: (current: RowOf<R>, tx: Db, actor: Actor) => void | Promise<void>;
  /** Optional columns stored as null when a create leaves them out. */
  optional?: readonly string[];
}

export class ResourceService<R extends AnyRepo, C extends Record<string, unknown>, U extends Record<string, unknown>, Q extends { limit: number; cursor?: string }, A extends { id: string; version: number }>
  implements CrudService<C, U, Q, A>
{
  constructor(protected readonly o: ResourceServiceOptions<R, C, U, Q, A>) {}

  /** Inside the caller's open transaction (an import's one transaction), else one of its own. */
  async create(parentId: string | undefined, body: C, actor: Actor): Promise<A> {
    const { parent } = this.o;
    if (parent) await parent.repo.mustGet(parentId!);
    const row = await this.o.repo.create(actor, (tx) => {
      if (this.o.createValues) return this.o.createValues(body, parentId, tx);
      const values: Record<string, unknown> = { ...body };
      for (const k of this.o.optional ?? []) if (values[k] === undefined) values[k] = null;
      if (parent) values[parent.key] = parentId;
      return values;
    });
    return this.o.toApi(row as RowOf<R>);
  }

  async get(id: string): Promise<A> {
    return this.o.toApi((await this.o.repo.mustGet(id)) as RowOf<R>);
  }

  async list(parentId: string | undefined, query: Q): Promise<Page<A>> {
    const { parent } = this.o;
    const where: (SQL | undefined)[] = [];
    if (parent) {
      await parent.repo.mustGet(parentId!);
      where.push(eq(parent.column, parentId!));
    }
    const filters = (this.o.filters?.(query) ?? []).filter(Boolean);
    where.push(...filters);
    // A parent's plain page (the commonest list) comes from statements prepared once.
    const page = parent && filters.length === 0 ? await this.o.repo.listBy(parent.column, parentId!, query) : await this.o.repo.list(and(...where), query);
    return { items: await Promise.all(page.items.map((r) => this.o.toApi(r as RowOf<R>))), nextCursor: page.nextCursor };
  }

  async update(id: string, body: U, ifMatch: number[] | undefined, actor: Actor): Promise<A> {
    const row = await this.o.repo.update(id, ifMatch, actor, (current, tx) =>
      this.o.patchValues ? this.o.patchValues(body, current as RowOf<R>, tx) : definedOnly(body),
    );
    return this.o.toApi(row as RowOf<R>);
  }

  async remove(id: string, ifMatch: number[] | undefined, actor: Actor): Promise<void> {
    const guard = this.o.guardDelete;
    await this.o.repo.delete(id, ifMatch, actor, guard ? (current, tx) => guard(current as RowOf<R>, tx, actor) : undefined);
  }
}
