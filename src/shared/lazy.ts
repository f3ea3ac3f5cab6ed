// Modules loaded on first use rather than at start: what most requests never need (spreadsheets, ZIP
// bundles, calendars, mail transport, PostgreSQL's driver on SQLite, bank-holiday tables) stays out of the
// server's memory until something asks for it (measured in the README's "Performance" section).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** `load()` on the first call, its promise afterwards (a load that failed is tried again on the next call). */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    }));
}

/** A CommonJS package required on the first call, for code that must stay synchronous. */
export function lazyRequire<T>(specifier: string): () => T {
  let loaded: { module: T } | undefined;
  return () => (loaded ??= { module: require(specifier) as T }).module;
}
