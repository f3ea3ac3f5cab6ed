// PostgreSQL statements of a versioned table written once per shape (by id, a page by one column, the
// conditional UPDATE … RETURNING, the INSERT … RETURNING) and run as named statements: node-postgres parses
// a named statement once per connection and the server plans it once, where a drizzle builder is rebuilt in
// node and parsed and planned by the server on every call. Rows come back under their property names
// (column aliases) through node-postgres's own type parsers, which give the values drizzle's mapping gives
// for the column kinds src/db/dialect/pg-tables.ts makes (text, jsonb, boolean, integer, double precision,
// bytea) without drizzle's per-cell mapping.
import { createHash } from 'node:crypto';
import { getTableColumns, getTableName, type Column, type Table } from 'drizzle-orm';
import type pg from 'pg';

/** A pool (any connection) or the open transaction's connection. */
export type PgRunner = { query: pg.Pool['query'] };

export interface Named {
  /** Undefined: an unnamed statement (parsed for this call only). */
  name: string | undefined;
  text: string;
}

/** A statement's name from its text: the same text is the same statement on every connection, never two texts under one name. */
export function named(text: string): Named {
  return { name: `spt_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`, text };
}

export async function runNamed<R>(runner: PgRunner, statement: Named, values: unknown[]): Promise<R[]> {
  return (await runner.query<R & pg.QueryResultRow>({ name: statement.name, text: statement.text, values })).rows;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * UPDATE and INSERT shapes (which columns) named per table (a PATCH or an import sends the same few again
 * and again); beyond that, unnamed,
 * so varied requests cannot grow the statements every connection keeps on both sides.
 */
const MAX_SHAPES = 200;

export class PgTableStatements {
  private readonly columns: Map<string, Column>;
  private readonly table: string;
  /** `"plan_id" as "planId", …`: every column under its property name. */
  private readonly list: string;
  private readonly shapes = new Map<string, Named>();
  private readonly fixedShapes = new Map<string, Named>();

  constructor(table: Table) {
    this.columns = new Map(Object.entries(getTableColumns(table)));
    this.table = ident(getTableName(table));
    this.list = [...this.columns].map(([key, c]) => `${ident(c.name)} as ${ident(key)}`).join(', ');
  }

  /** `select <row> from … where id = $1`. */
  get byId(): Named {
    return this.fixed('byId', () => `select ${this.list} from ${this.table} where ${this.column('id')} = $1`);
  }

  /** The first page (`after` false: $1 value, $2 limit) or a later one ($1 value, $2 last id, $3 limit) of rows where `key` equals a value, by id. */
  page(key: string, after: boolean): Named {
    return this.fixed(`page:${key}:${after}`, () => {
      const [col, id] = [this.column(key), this.column('id')];
      return after
        ? `select ${this.list} from ${this.table} where ${col} = $1 and ${id} > $2 order by ${id} limit $3`
        : `select ${this.list} from ${this.table} where ${col} = $1 order by ${id} limit $2`;
    });
  }

  /** `delete from … where id = $1 and version = $2 returning id`. */
  get deleteVersion(): Named {
    return this.fixed('delete', () => `delete from ${this.table} where ${this.column('id')} = $1 and ${this.column('version')} = $2 returning ${this.column('id')} as "id"`);
  }

  /** `update … set <keys> = $3… where id = $1 and version = $2 returning <row>`. */
  update(keys: string[]): Named {
    return this.shape(`update:${keys.join(',')}`, () => {
      const set = keys.map((k, i) => `${this.column(k)} = $${i + 3}`).join(', ');
      return `update ${this.table} set ${set} where ${this.column('id')} = $1 and ${this.column('version')} = $2 returning ${this.list}`;
    });
  }

  /** `insert into … (<keys>) values ($1…)`, `returning <row>` unless told not to. */
  insert(keys: string[], returning = true): Named {
    return this.shape(`insert:${keys.join(',')}:${returning}`, () => {
      const cols = keys.map((k) => this.column(k)).join(', ');
      return `insert into ${this.table} (${cols}) values (${keys.map((_, i) => `$${i + 1}`).join(', ')})${returning ? ` returning ${this.list}` : ''}`;
    });
  }

  /** Whether `key` is a column's property name. */
  has(key: string): boolean {
    return this.columns.has(key);
  }

  /** The property name of the column named `name` in the database. */
  keyOf(name: string): string {
    for (const [key, c] of this.columns) if (c.name === name) return key;
    throw new Error(`${this.table} has no column ${name}`);
  }

  /** A value as the driver sends it (JSON encoded for jsonb, as drizzle does; null stays NULL). */
  encode(key: string, value: unknown): unknown {
    if (value === null || value === undefined) return null;
    return this.columns.get(key)!.mapToDriverValue(value);
  }

  private column(key: string): string {
    const c = this.columns.get(key);
    if (!c) throw new Error(`${this.table} has no column ${key}`);
    return ident(c.name);
  }

  /** A statement of a shape requests cannot vary beyond the table's columns: always named. */
  private fixed(signature: string, text: () => string): Named {
    let statement = this.fixedShapes.get(signature);
    if (!statement) this.fixedShapes.set(signature, (statement = named(text())));
    return statement;
  }

  private shape(signature: string, text: () => string): Named {
    const known = this.shapes.get(signature);
    if (known) return known;
    if (this.shapes.size >= MAX_SHAPES) return { name: undefined, text: text() };
    const statement = named(text());
    this.shapes.set(signature, statement);
    return statement;
  }
}
