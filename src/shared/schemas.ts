// Zod primitives shared by every resource: dates, timestamps, text limits, id params.
import { z } from 'zod';

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export const IsoDate = z
  .string()
  // abort: a string that is not shaped like a date gets one message, not also "not a real calendar date".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD', abort: true })
  .refine(isRealDate, 'is not a real calendar date')
  .meta({ format: 'date', example: '2023-03-31' });

// Bounded: the ISO pattern allows any number of fractional-second digits, so without a ceiling a
// megabyte-long "timestamp" would be stored.
export const Timestamp = z.iso.datetime({ offset: true }).max(40).meta({ example: '2022-12-13T18:00:00Z' });

// Text limits: every user text has a ceiling so no single field can bloat a record or a document.
export const ShortText = z.string().trim().min(1, 'must not be empty').max(200);
export const Title = z.string().trim().min(1, 'must not be empty').max(500);
export const LongText = z.string().max(10_000);


/** A human reference ("2.1", "M2.1"), unique in the plan. */
export const PlanRef = (example: string) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be empty', abort: true })
    .max(30)
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._/-]*$/, 'may hold letters, digits, spaces and . _ / -')
    .meta({ example, description: 'Unique in the plan.' });

export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'is not a valid id');
export const IdParams = z.strictObject({ id: Id });

export const Version = z.number().int().min(1).meta({ description: 'Incremented on every change; also sent as the ETag.' });

/** Fields every stored resource carries in responses. */
export const Meta = {
  id: z.string(),
  version: Version,
  createdAt: z.string().meta({ format: 'date-time' }),
  updatedAt: z.string().meta({ format: 'date-time' }),
};

/** An email address (an owner's, for update rounds): bounded, lower-cased, one address only. */
export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('must be an email address'))
  .transform((s) => s.toLowerCase())
  .meta({ format: 'email', example: 'sam.owner@example.org' });

export const nullish = <T extends z.ZodType>(t: T) => t.nullable().optional();

/** A boolean in a query string: documented (and typed) as a boolean; sent as "true"/"false" ("1"/"0" too). */
export const QueryBoolean = z.preprocess(
  (v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v),
  z.boolean({ error: 'must be true or false' }),
);
