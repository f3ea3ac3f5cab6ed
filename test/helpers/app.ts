// Builds the real app on a fresh temporary SQLite file (migrations applied), with a pinned clock,
// and a small client that sends JSON with a bearer token through app.inject.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../src/app.js';
import { createTestDatabase, ON_POSTGRES } from './postgres.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
/** The example data's "today": the November 2022 highlight report date. */
export const FIXED_NOW = new Date('2022-11-18T12:00:00Z');

export interface TestApp {
  app: FastifyInstance;
  dir: string;
  /** The SQLite file (unused on PostgreSQL). */
  dbPath: string;
  /** What another app needs to open the same database: the SQLite path, or the PostgreSQL URL. */
  database: { databasePath: string; databaseUrl?: string };
  as(token: string): Client;
  admin: Client;
  /** Runs SQL on the app's database, whichever it is (`?` placeholders; JSON columns come back as text, counts as numbers). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface Client {
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function createTestApp(options: Partial<AppOptions> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'spt-test-'));
  const dbPath = join(dir, 'test.db');
  const pgDatabase = ON_POSTGRES && !options.databaseUrl ? await createTestDatabase() : undefined;
  const database = { databasePath: dbPath, databaseUrl: options.databaseUrl ?? pgDatabase?.url };
  const app = await buildApp({
    ...database,
    adminToken: ADMIN_TOKEN,
    now: () => FIXED_NOW,
    // SPT_TEST_LOG=error shows the server's own errors (a 500's cause) while debugging a test.
    ...(process.env.SPT_TEST_LOG ? { logger: { level: process.env.SPT_TEST_LOG } } : {}),
    ...options,
    // Emails land in the test's own folder; the scheduler runs only when a test asks for it.
    mail: { outboxDir: join(dir, 'outbox'), publicBaseUrl: 'http://tracker.test', ...options.mail },
    scheduler: options.scheduler ?? false,
  });
  const as = (token: string): Client => {
    const auth = { authorization: `Bearer ${token}` };
    const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method,
        url,
        headers: { ...auth, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
    return {
      get: (url, headers) => send('GET', url, undefined, headers),
      post: (url, body, headers) => send('POST', url, body, headers),
      patch: (url, body, headers) => send('PATCH', url, body, headers),
      delete: (url, headers) => send('DELETE', url, undefined, headers),
    };
  };
  return {
    app,
    dir,
    dbPath,
    database,
    as,
    admin: as(ADMIN_TOKEN),
    query: (text, params) => queryDatabase(app, text, params),
    close: async () => {
      await app.close();
      await pgDatabase?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates a token with the role through the API and returns its secret. */
export async function tokenFor(t: TestApp, role: 'viewer' | 'editor' | 'admin', name = `${role} token`): Promise<string> {
  const res = await t.admin.post('/api/v1/tokens', { name, role });
  if (res.statusCode !== 201) throw new Error(`token create failed: ${res.body}`);
  return res.json().token as string;
}

/** Asserts a problem+json response with the status, and returns it. */
export function problem(res: LightMyRequestResponse, status: number) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${res.headers['content-type']}`);
  }
  const body = res.json();
  if (body.status !== status || typeof body.title !== 'string' || typeof body.type !== 'string' || typeof body.detail !== 'string') {
    throw new Error(`not a problem document: ${res.body}`);
  }
  return body as { type: string; title: string; status: number; detail: string; errors?: { in?: string; path: string; message: string }[] };
}

/** The JSON body of a response that must have `status` (the test stops with the status and body otherwise). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function ok(res: { statusCode: number; body: string; json(): any }, status = 200) {
  if (res.statusCode !== status) throw new Error(`${res.statusCode}: ${res.body}`);
  return res.json();
}

/** SQL straight on the app's database, for assertions about what is stored (see TestApp.query). */
export async function queryDatabase<T>(app: FastifyInstance, text: string, params: unknown[] = []): Promise<T[]> {
  const { sqlite, pool } = app.database;
  if (sqlite) {
    const stmt = (/^\s*(select|with)\b/i.test(text) ? sqlite.reader : sqlite.writer).prepare(text);
    return (stmt.reader ? stmt.all(...params) : (stmt.run(...params), [])) as T[];
  }
  let n = 0;
  const pgText = text.replace(/\?/g, () => `$${++n}`).replace(/count\(\*\)/gi, 'cast(count(*) as integer)');
  const { rows } = await pool!.query(pgText, params);
  // As SQLite answers: JSON as its text, booleans as 0/1.
  return rows.map((r: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : v !== null && typeof v === 'object' && !(v instanceof Date) && !Buffer.isBuffer(v) ? JSON.stringify(v) : v])),
  ) as T[];
}
