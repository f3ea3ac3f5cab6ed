// Derives the PostgreSQL tables from the SQLite ones, so the schema is written once (src/db/schema.ts and
// src/db/tables/*.ts) and both dialects always agree: same table, column, index and constraint names, same
// TypeScript property names. Text stays text, bytewise collated (ids, dates and ISO timestamps order the
// same way); JSON text becomes jsonb, integer booleans boolean, integers integer (32-bit: every integer
// column holds small counts), real double precision, blobs bytea. A column kind without a mapping here
// throws at load, so a new kind cannot slip through as something else.
import { getTableColumns, is } from 'drizzle-orm';
import * as p from 'drizzle-orm/pg-core';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';

const bytea = p.customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
// SQLite compares text bytewise (BINARY); collation "C" does the same on PostgreSQL whatever the database's
// locale, so ids, dates and timestamps sort, paginate and compare exactly as they do on SQLite.
const binaryText = p.customType<{ data: string; driverData: string }>({ dataType: () => 'text COLLATE "C"' });

type PgBuilder = p.PgColumnBuilderBase & {
  notNull(): PgBuilder;
  primaryKey(): PgBuilder;
  default(value: unknown): PgBuilder;
  unique(name?: string): PgBuilder;
  $defaultFn(fn: () => unknown): PgBuilder;
  $onUpdateFn(fn: () => unknown): PgBuilder;
};

function columnBuilder(table: string, col: SQLiteColumn): PgBuilder {
  const where = `${table}.${col.name}`;
  switch (col.columnType) {
    case 'SQLiteText':
      // An enum is a TypeScript type only, as on SQLite: the services validate values.
      return binaryText(col.name) as unknown as PgBuilder;
    case 'SQLiteTextJson':
      return p.jsonb(col.name) as unknown as PgBuilder;
    case 'SQLiteBoolean':
      return p.boolean(col.name) as unknown as PgBuilder;
    case 'SQLiteReal':
      return p.doublePrecision(col.name) as unknown as PgBuilder;
    case 'SQLiteBlobBuffer':
      return bytea(col.name) as unknown as PgBuilder;
    case 'SQLiteInteger': {
      if ((col as unknown as { autoIncrement?: boolean }).autoIncrement) {
        if (!col.primary) throw new Error(`${where}: autoIncrement without primaryKey has no PostgreSQL form here`);
        // An identity column: like SQLite's AUTOINCREMENT, values only grow and are never reused.
        return p.integer(col.name).primaryKey().generatedByDefaultAsIdentity() as unknown as PgBuilder;
      }
      return p.integer(col.name) as unknown as PgBuilder;
    }
    default:
      throw new Error(`${where}: no PostgreSQL mapping for ${col.columnType} (add one in src/db/dialect/pg-tables.ts)`);
  }
}

function pgColumn(table: string, col: SQLiteColumn): PgBuilder {
  let b = columnBuilder(table, col);
  const autoIncrement = (col as unknown as { autoIncrement?: boolean }).autoIncrement;
  if (col.primary && !autoIncrement) b = b.primaryKey();
  else if (col.notNull && !autoIncrement) b = b.notNull();
  if (col.default !== undefined) b = b.default(col.default);
  if (col.defaultFn) b = b.$defaultFn(col.defaultFn);
  if (col.onUpdateFn) b = b.$onUpdateFn(col.onUpdateFn);
  if (col.isUnique) b = b.unique(col.uniqueName);
  return b;
}

/**
 * The PostgreSQL twin of every SQLite table in `schema` (other exports are left out). Typed as the SQLite
 * tables on purpose: repositories are written once against those types, and drizzle's query builder
 * accepts the PostgreSQL table objects at run time.
 */
export function toPgSchema<S extends Record<string, unknown>>(schema: S): { [K in keyof S as S[K] extends SQLiteTable ? K : never]: S[K] } {
  const twins = new Map<SQLiteTable, p.PgTable>();
  const out: Record<string, p.PgTable> = {};
  const twinOf = (t: SQLiteTable, from: string): p.PgTable => {
    const twin = twins.get(t);
    if (!twin) throw new Error(`${from} references ${getTableConfig(t).name}, which is not exported from the schema`);
    return twin;
  };

  for (const [key, value] of Object.entries(schema)) {
    if (!is(value, SQLiteTable)) continue;
    const config = getTableConfig(value);
    const tableName = config.name;
    if (config.checks.length) throw new Error(`${tableName}: CHECK constraints have no PostgreSQL mapping here yet`);
    const columns = Object.fromEntries(Object.entries(getTableColumns(value)).map(([prop, col]) => [prop, pgColumn(tableName, col as SQLiteColumn)]));
    const table = p.pgTable(tableName, columns, (t) => {
      const byName = new Map(Object.values(t as Record<string, p.PgColumn>).map((c) => [c.name, c]));
      const mine = (cols: readonly { name: string }[]) => cols.map((c) => byName.get(c.name)!) as [p.PgColumn, ...p.PgColumn[]];
      const extras: unknown[] = [];
      for (const idx of config.indexes) {
        const { name, columns: cols, unique, where } = idx.config;
        if (where) throw new Error(`${tableName}.${name}: partial indexes have no PostgreSQL mapping here yet`);
        if (cols.some((c) => !('name' in c) || !byName.has((c as { name: string }).name))) throw new Error(`${tableName}.${name}: only column indexes are mapped`);
        const onCols = mine(cols as { name: string }[]);
        extras.push((unique ? p.uniqueIndex(name) : p.index(name)).on(...onCols));
      }
      for (const fk of config.foreignKeys) {
        const ref = fk.reference();
        const foreign = twinOf(ref.foreignTable, tableName);
        const foreignByName = new Map(Object.values(getTableColumns(foreign)).map((c) => [c.name, c]));
        const foreignColumns = ref.foreignColumns.map((c) => foreignByName.get(c.name)!) as [p.PgColumn, ...p.PgColumn[]];
        let built = p.foreignKey({ name: fk.getName(), columns: mine(ref.columns), foreignColumns });
        if (fk.onDelete) built = built.onDelete(fk.onDelete);
        if (fk.onUpdate) built = built.onUpdate(fk.onUpdate);
        extras.push(built);
      }
      for (const pk of config.primaryKeys) extras.push(p.primaryKey({ name: pk.getName(), columns: mine(pk.columns) }));
      for (const uq of config.uniqueConstraints) extras.push(p.unique(uq.name).on(...mine(uq.columns)));
      return extras as p.PgTableExtraConfigValue[];
    });
    twins.set(value, table);
    out[key] = table;
  }
  return out as never;
}
