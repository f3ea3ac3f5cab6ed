import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createTestApp, problem, tokenFor, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('access', () => {
  it('answers /health without a token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('401s without or with an unknown token', async () => {
    problem(await t.app.inject({ method: 'GET', url: '/api/v1/plans' }), 401);
    problem(await t.as('nope').get('/api/v1/plans'), 401);
    problem(await t.app.inject({ method: 'GET', url: '/api/v1/plans', headers: { authorization: `Basic ${ADMIN_TOKEN}` } }), 401);
  });

  it('lets a viewer read but not write (403 before validation)', async () => {
    const viewer = t.as(await tokenFor(t, 'viewer'));
    expect((await viewer.get('/api/v1/plans')).statusCode).toBe(200);
    problem(await viewer.post('/api/v1/plans', { title: 'x', kind: 'wsoa', localArea: 'y' }), 403);
    problem(await viewer.post('/api/v1/plans', { nonsense: true }), 403);
    problem(await viewer.post('/api/v1/tokens', { name: 'x', role: 'admin' }), 403);
  });

  it('lets an editor write but not manage tokens', async () => {
    const editor = t.as(await tokenFor(t, 'editor'));
    expect((await editor.post('/api/v1/plans', { title: 'x', kind: 'wsoa', localArea: 'y' })).statusCode).toBe(201);
    problem(await editor.post('/api/v1/tokens', { name: 'x', role: 'viewer' }), 403);
    problem(await editor.get('/api/v1/tokens'), 403);
  });

  it('creates tokens shown once and stored only hashed; revoking stops them', async () => {
    const res = await t.admin.post('/api/v1/tokens', { name: 'Scrutiny clerk', role: 'viewer' });
    expect(res.statusCode).toBe(201);
    const { id, token, role, name } = res.json();
    expect({ role, name }).toEqual({ role: 'viewer', name: 'Scrutiny clerk' });
    expect(token).toMatch(/^spt_[A-Za-z0-9_-]{40,}$/);

    const list = (await t.admin.get('/api/v1/tokens')).json();
    expect(JSON.stringify(list)).not.toContain(token);
    expect(list.items.find((x: { id: string }) => x.id === id)).toMatchObject({ name: 'Scrutiny clerk', revokedAt: null });

    const row = (await t.query<Record<string, string>>('select * from api_tokens where id = ?', [id]))[0]!;
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);

    expect((await t.as(token).get('/api/v1/plans')).statusCode).toBe(200);
    expect((await t.admin.delete(`/api/v1/tokens/${id}`)).statusCode).toBe(204);
    problem(await t.as(token).get('/api/v1/plans'), 401);
    problem(await t.admin.delete(`/api/v1/tokens/${id}`), 404);
  });

  it('validates token bodies', async () => {
    const p = problem(await t.admin.post('/api/v1/tokens', { name: '', role: 'root' }), 400);
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['name', 'role']);
  });
});
