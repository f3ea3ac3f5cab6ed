// One dedicated PostgreSQL connection per process that LISTENs on a channel and hands on each notification's
// payload. Opened from the pool's settings but outside the pool (a pooled client is shared; LISTEN belongs to
// one session). When the connection is lost it reconnects, and reports a reset: notifications sent while it
// was away are gone, so whoever relies on them must start afresh.
import pg from 'pg';

export interface ListenerEvents {
  message(payload: string): void;
  /** The connection was lost or (re)established: anything learnt from notifications may be stale. */
  reset(): void;
  error?(err: Error): void;
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;

export class PgListener {
  private client: pg.Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private delay = FIRST_RETRY_MS;
  private closed = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    private readonly events: ListenerEvents,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a plain channel name: ${channel}`);
  }

  /** Connects and listens; a failure is reported and retried in the background (never thrown). */
  async start(): Promise<void> {
    await this.connect();
  }

  get listening(): boolean {
    return this.client !== undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.retry = undefined;
    if (this.closed) return;
    const client = new pg.Client({ ...this.config, application_name: 'send-plan-tracker listener' });
    let gone = false;
    const lost = (err?: Error) => {
      if (gone) return;
      gone = true;
      if (err) this.events.error?.(err);
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.events.reset();
      this.retry = setTimeout(() => void this.connect(), this.delay);
      this.retry.unref();
      this.delay = Math.min(this.delay * 2, MAX_RETRY_MS);
    };
    client.on('notification', (m) => {
      if (m.channel === this.channel) this.events.message(m.payload ?? '');
    });
    client.on('error', (err) => lost(err));
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (err) {
      lost(err as Error);
      return;
    }
    if (this.closed) {
      gone = true;
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.delay = FIRST_RETRY_MS;
    this.events.reset();
  }
}

/** The settings of a pool's connections, for a connection of its own beside the pool. */
export function poolConfig(pool: pg.Pool): pg.ClientConfig {
  const { max: _max, min: _min, idleTimeoutMillis: _idle, ...client } = pool.options as pg.PoolConfig;
  return client;
}
