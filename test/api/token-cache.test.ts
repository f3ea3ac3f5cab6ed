// Live tokens are cached so a request need not query the database for its caller; a revocation must
// still take effect: at once through the API; from another connection within OTHER_WRITERS_CHECK_MS on
// SQLite; on PostgreSQL at once when announced (NOTIFY), within PG_CACHE_MAX_AGE_MS when not.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, OTHER_WRITERS_CHECK_MS, PG_CACHE_MAX_AGE_MS, TOKEN_REVOKED_CHANNEL } from '../../src/db/repos/tokens.js';
import { createTestApp, problem, tokenFor, type TestApp } from '../helpers/app.js';
import { ON_POSTGRES } from '../helpers/postgres.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the cache of live tokens', () => {
  it('forgets a token revoked through the API at once', async () => {
    const token = await tokenFor(t, 'viewer');
    for (let i = 0; i < 3; i++) expect((await t.as(token).get('/api/v1/plans')).statusCode).toBe(200);
    const id = (await t.admin.get('/api/v1/tokens')).json().items.at(-1).id as string;
    expect((await t.admin.delete(`/api/v1/tokens/${id}`)).statusCode).toBe(204);
    problem(await t.as(token).get('/api/v1/plans'), 401);
  });

  it.skipIf(ON_POSTGRES)('forgets a token revoked by another process (another connection to the database) within OTHER_WRITERS_CHECK_MS', async () => {
    const token = await tokenFor(t, 'editor', 'revoked elsewhere');
    expect((await t.as(token).get('/api/v1/plans')).statusCode).toBe(200);
    const other = new Database(t.dbPath);
    try {
      other.prepare("update api_tokens set revoked_at = '2022-11-18T12:00:00.000Z' where name = 'revoked elsewhere'").run();
    } finally {
      other.close();
    }
    await new Promise((r) => setTimeout(r, OTHER_WRITERS_CHECK_MS + 20));
    problem(await t.as(token).get('/api/v1/plans'), 401);
  });

  it.runIf(ON_POSTGRES)('forgets a token whose revocation is announced by another process at once (NOTIFY)', async () => {
    const token = await tokenFor(t, 'editor', 'announced elsewhere');
    expect((await t.as(token).get('/api/v1/plans')).statusCode).toBe(200);
    expect(t.app.tokens.isCached(hashToken(token))).toBe(true);
    // As another process revokes: the row changed and the hash announced, in one transaction.
    await t.query("update api_tokens set revoked_at = '2022-11-18T12:00:00.000Z' where name = 'announced elsewhere'");
    await t.query('select pg_notify(?, ?)', [TOKEN_REVOKED_CHANNEL, hashToken(token)]);
    // Delivery is asynchronous: wait (generously) for the eviction itself; entries never leave by age alone.
    const hash = hashToken(token);
    for (let i = 0; i < 200 && t.app.tokens.isCached(hash); i++) await sleep(10);
    expect(t.app.tokens.isCached(hash)).toBe(false);
    problem(await t.as(token).get('/api/v1/plans'), 401);
  });

  it.runIf(ON_POSTGRES)('forgets a token revoked without an announcement within PG_CACHE_MAX_AGE_MS (a lost notification)', async () => {
    const token = await tokenFor(t, 'editor', 'revoked silently');
    expect((await t.as(token).get('/api/v1/plans')).statusCode).toBe(200);
    await t.query("update api_tokens set revoked_at = '2022-11-18T12:00:00.000Z' where name = 'revoked silently'");
    await sleep(PG_CACHE_MAX_AGE_MS + 50);
    problem(await t.as(token).get('/api/v1/plans'), 401);
  });

  it.runIf(ON_POSTGRES)('drops the whole cache when its listening connection is lost, and listens again', async () => {
    const token = await tokenFor(t, 'viewer', 'through a reconnect');
    expect((await t.as(token).get('/api/v1/plans')).statusCode).toBe(200);
    const hash = hashToken(token);
    expect(t.app.tokens.isCached(hash)).toBe(true);
    expect(t.app.tokens.listening).toBe(true);
    const killed = await t.query<{ n: number }>(
      "select cast(count(pg_terminate_backend(pid)) as integer) as n from pg_stat_activity where datname = current_database() and application_name = 'send-plan-tracker listener'",
    );
    expect(killed[0]!.n).toBe(1);
    for (let i = 0; i < 200 && t.app.tokens.isCached(hash); i++) await sleep(10);
    expect(t.app.tokens.isCached(hash)).toBe(false);
    for (let i = 0; i < 500 && !t.app.tokens.listening; i++) await sleep(10);
    expect(t.app.tokens.listening).toBe(true);
    expect((await t.as(token).get('/api/v1/plans')).statusCode).toBe(200);
  });

  it('keeps each token’s own role', async () => {
    const viewer = await tokenFor(t, 'viewer');
    const editor = await tokenFor(t, 'editor');
    for (let i = 0; i < 2; i++) {
      problem(await t.as(viewer).post('/api/v1/plans', { title: 'x', kind: 'wsoa', localArea: 'y' }), 403);
      expect((await t.as(editor).post('/api/v1/plans', { title: 'x', kind: 'wsoa', localArea: 'y' })).statusCode).toBe(201);
    }
  });
});
