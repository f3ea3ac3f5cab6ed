// SQL fragments whose spelling differs between SQLite and PostgreSQL (the rest of the SQL is drizzle's
// query builder, the same on both).
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Dialect } from '../client.js';

/** A JSON array of strings in `column` contains `value` (SQLite: json_each; PostgreSQL: jsonb containment). */
export function jsonListHas(dialect: Dialect, column: SQLiteColumn, value: string): SQL {
  if (dialect === 'postgresql') return sql`${column} @> jsonb_build_array(${value}::text)`;
  return sql`exists (select 1 from json_each(${column}) where value = ${value})`;
}
