// Turns the driver's constraint violations into the API's errors: SQLite's coded messages and PostgreSQL's
// SQLSTATEs (23505 unique, 23503 foreign key), whichever driver raised them.
import { ConflictError, ValidationError } from '../shared/errors.js';

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

interface DriverError {
  code?: string;
  message?: string;
  detail?: string;
  cause?: unknown;
}

function conflict(columns: string[], uniqueMessages: Record<string, string>): never {
  const field = camel((columns[columns.length - 1] ?? '').trim().split('.').pop() ?? '');
  throw new ConflictError(uniqueMessages[field] ?? `Another record already has this ${field || 'value'}.`, field || undefined);
}

export function mapConstraintError(err: unknown, uniqueMessages: Record<string, string> = {}): never {
  // drizzle wraps driver errors (DrizzleQueryError) with the driver's error as the cause.
  const e = (((err as DriverError)?.cause as DriverError | undefined)?.code ? (err as DriverError).cause : err) as DriverError;
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    conflict(/UNIQUE constraint failed: (.*)$/.exec(e.message ?? '')?.[1]?.split(',') ?? [], uniqueMessages);
  }
  if (e?.code === '23505') {
    // detail: Key (plan_id, ref)=(pln_1, A1) already exists.
    conflict(/^Key \(([^)]*)\)/.exec(e.detail ?? '')?.[1]?.split(',') ?? [], uniqueMessages);
  }
  if (e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || e?.code === '23503') {
    throw new ValidationError([{ in: 'body', path: '', message: 'refers to a record that does not exist' }]);
  }
  throw err;
}

/** Whether `err` is a unique-constraint violation (either driver). */
export function isUniqueViolation(err: unknown): boolean {
  const e = (((err as DriverError)?.cause as DriverError | undefined)?.code ? (err as DriverError).cause : err) as DriverError;
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === '23505';
}
