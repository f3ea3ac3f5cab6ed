// Turns the driver's constraint violations into the API's errors. This is the one place that knows how
// SQLite words them; a PostgreSQL dialect would map its own codes (23505, 23503) here.
import { ConflictError, ValidationError } from '../shared/errors.js';

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function mapConstraintError(err: unknown, uniqueMessages: Record<string, string> = {}): never {
  const e = err as { code?: string; message?: string };
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const cols = /UNIQUE constraint failed: (.*)$/.exec(e.message ?? '')?.[1]?.split(',') ?? [];
    const field = camel((cols[cols.length - 1] ?? '').trim().split('.').pop() ?? '');
    throw new ConflictError(uniqueMessages[field] ?? `Another record already has this ${field || 'value'}.`, field || undefined);
  }
  if (e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    throw new ValidationError([{ in: 'body', path: '', message: 'refers to a record that does not exist' }]);
  }
  throw err;
}
