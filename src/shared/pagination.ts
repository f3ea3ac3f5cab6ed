// Cursor pagination: the cursor is the opaque (base64url) id of the last item of the previous page.
import { z } from 'zod';
import { fieldError } from './errors.js';

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50).meta({ description: 'Page size (1–500, default 50).' }),
  cursor: z.string().max(200).optional().meta({ description: 'nextCursor from the previous page.' }),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const encodeCursor = (lastId: string) => Buffer.from(lastId, 'utf8').toString('base64url');

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z]+_[0-9a-z]{22}$/.test(id)) throw fieldError('cursor', 'is not a cursor this server issued', 'query');
  return id;
}

/** Given limit+1 rows, returns the page and the cursor for the next one. */
export function paginate<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(items[items.length - 1]!.id) };
}
