// PostgreSQL advisory locks: "one process at a time" for work that spans several transactions (a scheduler
// run). A session lock on a pooled connection kept for the run: released at the end, or by the server when
// that connection dies, so a crashed process never blocks the others. SQLite: the work runs as it is (its
// per-item claims keep it once across processes).
import type { Store } from './store.js';

/** Fixed lock keys, one per purpose (any 64-bit numbers; these spell "spt-schd"). */
export const LOCK_KEYS = {
  updateRoundScheduler: 0x7370742d73636864n,
} as const;

export type Exclusive<T> = { ran: true; value: T } | { ran: false };

/** Runs `fn` unless another process holds `key` right now (then it does not run at all). */
export async function unlessHeldElsewhere<T>(store: Store, key: bigint, fn: () => Promise<T>): Promise<Exclusive<T>> {
  const pool = store.connection.pool;
  if (store.dialect !== 'postgresql' || !pool) return { ran: true, value: await fn() };
  const client = await pool.connect();
  let got = false;
  try {
    got = (await client.query<{ got: boolean }>('select pg_try_advisory_lock($1) as got', [key.toString()])).rows[0]!.got;
  } catch (err) {
    client.release(err as Error);
    throw err;
  }
  if (!got) {
    client.release();
    return { ran: false };
  }
  try {
    return { ran: true, value: await fn() };
  } finally {
    try {
      await client.query('select pg_advisory_unlock($1)', [key.toString()]);
      client.release();
    } catch (err) {
      // A connection whose lock state is unknown is not handed back: destroying it releases the lock.
      client.release(err as Error);
    }
  }
}
