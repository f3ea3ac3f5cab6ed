// PostgreSQL advisory locks: "one process at a time" for work that spans several transactions (a scheduler
// run). A session lock on a pooled connection kept for the run: released at the end, or by the server when
// that connection dies, so a crashed process never blocks the others. SQLite: the work runs as it is (its
// per-item claims keep it once across processes). And named session locks that mark a holder as alive
// (an import job's runner).
import pg from 'pg';
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

/** Two-key locks (a namespace and hashtext(name)): a key space apart from the one-key locks above. */
export const LOCK_NAMESPACES = {
  /** "spti": an import job, held by its runner while the job is queued or running. */
  importJob: 0x73707469,
} as const;

/**
 * Named locks held for as long as this process wants them, on one dedicated PostgreSQL connection (outside
 * the pool, so a held lock never travels with a pooled connection to other work). If that connection dies,
 * its locks are released by the server — whoever relies on them learns the holder is gone — and the next
 * call opens a new one.
 */
export class SessionLocks {
  private client: Promise<pg.Client> | undefined;
  private closed = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly namespace: number,
  ) {}

  /** Takes the lock on `name` (waiting if another session holds it). */
  async lock(name: string): Promise<void> {
    await this.query('select pg_advisory_lock($1, hashtext($2))', [this.namespace, name]);
  }

  async unlock(name: string): Promise<void> {
    // Once closed, every lock went with the connection.
    if (this.closed) return;
    await this.query('select pg_advisory_unlock($1, hashtext($2))', [this.namespace, name]);
  }

  /** Whether another session holds the lock on `name` (tested by taking it, and releasing it at once). */
  async heldElsewhere(name: string): Promise<boolean> {
    const got = (await this.query<{ got: boolean }>('select pg_try_advisory_lock($1, hashtext($2)) as got', [this.namespace, name]))[0]!.got;
    if (got) await this.unlock(name);
    return !got;
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    if (client) await client.then((c) => c.end()).catch(() => undefined);
  }

  private async query<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<R[]> {
    return (await (await this.connection()).query<R>(text, values)).rows;
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    if (this.closed) return Promise.reject(new Error('the lock connection is closed'));
    const client = new pg.Client({ ...this.config, application_name: 'send-plan-tracker locks' });
    const forget = () => {
      if (this.client === opened) this.client = undefined;
    };
    client.on('error', forget);
    client.on('end', forget);
    const opened: Promise<pg.Client> = client.connect().then(
      () => client,
      (err: Error) => {
        forget();
        throw err;
      },
    );
    this.client = opened;
    return opened;
  }
}
