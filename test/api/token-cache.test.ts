// Live tokens are cached so a request need not query the database for its caller; a revocation must
// still take effect: at once through the API, within OTHER_WRITERS_CHECK_MS from another connection.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER_WRITERS_CHECK_MS } from '../../src/db/repos/tokens.js';
import { createTestApp, problem, tokenFor, type TestApp } from '../helpers/app.js';

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

  it('forgets a token revoked by another process (another connection to the database) within OTHER_WRITERS_CHECK_MS', async () => {
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

  it('keeps each token’s own role', async () => {
    const viewer = await tokenFor(t, 'viewer');
    const editor = await tokenFor(t, 'editor');
    for (let i = 0; i < 2; i++) {
      problem(await t.as(viewer).post('/api/v1/plans', { title: 'x', kind: 'wsoa', localArea: 'y' }), 403);
      expect((await t.as(editor).post('/api/v1/plans', { title: 'x', kind: 'wsoa', localArea: 'y' })).statusCode).toBe(201);
    }
  });
});
