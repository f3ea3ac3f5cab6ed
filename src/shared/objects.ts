// Small helpers for turning request bodies into column values.

/** Drops keys whose value is undefined (a PATCH only touches the fields it sends). */
export function definedOnly<T extends Record<string, unknown>>(obj: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Replaces undefined with null for the given optional keys (a create stores every column). */
export function withNulls<T extends Record<string, unknown>, K extends string>(obj: T, keys: readonly K[]): T & Record<K, unknown> {
  const out: Record<string, unknown> = { ...obj };
  for (const k of keys) if (out[k] === undefined) out[k] = null;
  return out as T & Record<K, unknown>;
}
