// The contract's "HTTP details", as a client sees them: 304 on If-None-Match, 405 + Allow, 401 with
// WWW-Authenticate, strong If-Match, nothing behind a token cacheable by shared caches, CORS off by
// default and on for an allow-list; and the request log: one line per request, secrets redacted.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/shared/request-log.js';
import { ADMIN_TOKEN, createTestApp, problem, type TestApp } from '../helpers/app.js';

let t: TestApp;
let planUrl: string;
beforeAll(async () => {
  t = await createTestApp();
  const plan = await t.admin.post('/api/v1/plans', { title: 'Plan', kind: 'wsoa', localArea: 'Leeds' });
  planUrl = String(plan.headers.location);
});
afterAll(() => t?.close());

describe('conditional requests', () => {
  it('answers If-None-Match with 304 and no body while the ETag is current, 200 after a change', async () => {
    for (const tag of ['"1"', 'W/"1"', '"7", "1"', '*']) {
      const res = await t.admin.get(planUrl, { 'if-none-match': tag });
      expect(res.statusCode, tag).toBe(304);
      expect(res.body).toBe('');
      expect(res.headers.etag).toBe('"1"');
    }
    expect((await t.admin.get(planUrl, { 'if-none-match': '"2"' })).statusCode).toBe(200);
    expect((await t.admin.patch(planUrl, { title: 'Renamed' }, { 'if-match': '"1"' })).statusCode).toBe(200);
    const changed = await t.admin.get(planUrl, { 'if-none-match': '"1"' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().title).toBe('Renamed');
  });

  it('compares If-Match strongly: a weak validator never matches, and nothing changes', async () => {
    const plan = (await t.admin.post('/api/v1/plans', { title: 'Weak', kind: 'wsoa', localArea: 'Leeds' })).json();
    const url = `/api/v1/plans/${plan.id}`;
    expect(problem(await t.admin.patch(url, { title: 'x' }, { 'if-match': 'W/"1"' }), 412)).toMatchObject({ currentVersion: 1 });
    problem(await t.admin.delete(url, { 'if-match': 'W/"1"' }), 412);
    expect((await t.admin.get(url)).json()).toMatchObject({ version: 1, title: 'Weak' });
    expect((await t.admin.delete(url, { 'if-match': '"1"' })).statusCode).toBe(204);
  });
});

describe('methods and authentication', () => {
  it('answers a known path with a method it does not serve with 405 and Allow; an unknown path with 404', async () => {
    const put = problem(await t.admin.post(planUrl, {}), 405);
    expect(put.detail).toMatch(/POST/);
    const res = await t.app.inject({ method: 'PUT', url: planUrl, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('DELETE, GET, HEAD, PATCH');
    expect((await t.admin.delete('/api/v1/audit')).headers.allow).toBe('GET, HEAD');
    expect((await t.app.inject({ method: 'POST', url: '/health' })).headers.allow).toBe('GET, HEAD');
    problem(await t.admin.get('/api/v1/no-such-thing'), 404);
  });

  it('sends WWW-Authenticate: Bearer with every 401', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/plans' });
    problem(missing, 401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="api"');
    const wrong = await t.as('spt_not-a-real-token').get('/api/v1/plans');
    problem(wrong, 401);
    expect(wrong.headers['www-authenticate']).toBe('Bearer realm="api", error="invalid_token"');
  });
});

describe('caching', () => {
  it('never lets a shared cache keep an answer to a request that carried a token', async () => {
    expect((await t.admin.get(planUrl)).headers['cache-control']).toBe('private, no-cache');
    expect((await t.admin.get('/api/v1/plans')).headers['cache-control']).toBe('private, no-cache');
    const token = await t.admin.post('/api/v1/tokens', { name: 'Clerk', role: 'viewer' });
    expect(token.headers['cache-control']).toBe('no-store');
    // A public page is public without a token, private with one.
    const meeting = (
      await t.admin.post('/api/v1/meetings', { committee: 'Scrutiny', startsAt: '2022-12-13T18:00:00Z', items: [{ number: 1, title: 'Welcome' }] })
    ).json();
    const anonymous = await t.app.inject({ method: 'GET', url: `/meetings/${meeting.id}` });
    expect(anonymous.headers['cache-control']).toBe('public, max-age=60');
    const withToken = await t.admin.get(`/meetings/${meeting.id}`);
    expect(withToken.statusCode).toBe(200);
    expect(withToken.headers['cache-control']).toBe('private, max-age=60');
  });
});

describe('CORS', () => {
  it('is off by default: no Access-Control headers for any origin', async () => {
    const res = await t.admin.get(planUrl, { origin: 'https://intranet.example' });
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('allows exactly the configured origins, preflight included', async () => {
    const c = await createTestApp({ corsOrigins: ['https://intranet.example'] });
    try {
      const pre = await c.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/plans',
        headers: { origin: 'https://intranet.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
      expect(pre.statusCode).toBe(204);
      expect(pre.headers['access-control-allow-origin']).toBe('https://intranet.example');
      expect(pre.headers['access-control-allow-methods']).toBe('GET, HEAD, POST');
      expect(String(pre.headers['access-control-allow-headers'])).toMatch(/Authorization/);
      const res = await c.admin.get('/api/v1/plans', { origin: 'https://intranet.example' });
      expect(res.headers['access-control-allow-origin']).toBe('https://intranet.example');
      expect(String(res.headers['access-control-expose-headers'])).toMatch(/ETag/);
      expect(res.headers.vary).toMatch(/Origin/);
      const other = await c.admin.get('/api/v1/plans', { origin: 'https://elsewhere.example' });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      // A preflight from another origin gets nothing: it goes on to authentication like any request.
      const otherPre = await c.app.inject({ method: 'OPTIONS', url: '/api/v1/plans', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' } });
      expect(otherPre.headers['access-control-allow-origin']).toBeUndefined();
      expect(otherPre.statusCode).toBeGreaterThanOrEqual(400);
    } finally {
      await c.close();
    }
  });
});

describe('the request log', () => {
  it('redacts calendar-feed and update-link secrets however they are spelled', () => {
    expect(redactUrl('/calendars/s3cr3t-value-0123456789.ics')).toBe('/calendars/[redacted]');
    expect(redactUrl('/%63alendars/s3cr3t.ics?x=1')).toBe('/calendars/[redacted]');
    expect(redactUrl('/CALENDARS/s3cr3t.ics')).toBe('/CALENDARS/[redacted]');
    expect(redactUrl('/update/s3cr3t')).toBe('/update/[redacted]');
    expect(redactUrl('/upd%61te/s3cr3t/form')).toBe('/update/[redacted]');
    expect(redactUrl('/api/v1/updates/upd_123')).toBe('/api/v1/updates/upd_123');
    expect(redactUrl('/api/v1/plans/p/calendar.ics?asOf=2022-11-18')).toBe('/api/v1/plans/p/calendar.ics?asOf=2022-11-18');
  });

  it('writes one line per request with method, route, url, status, time and request id, never a secret', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const l = await createTestApp({ logger: { level: 'info', stream } });
    try {
      const plan = (await l.admin.post('/api/v1/plans', { title: 'Plan', kind: 'wsoa', localArea: 'Leeds' })).json();
      const feed = (await l.admin.post(`/api/v1/plans/${plan.id}/calendar-feeds`, { name: 'Members' })).json();
      const secret = (feed.url as string).slice('/calendars/'.length, -'.ics'.length);
      expect((await l.app.inject({ method: 'GET', url: feed.url })).statusCode).toBe(200);
      await l.app.inject({ method: 'GET', url: `/%63alendars/${secret}.ics` });
      await l.app.inject({ method: 'GET', url: `/update/${secret}` });
      await l.admin.get(`/api/v1/plans/${plan.id}`);

      const entries = lines.map((x) => JSON.parse(x) as Record<string, unknown>).filter((e) => e.msg === 'request completed');
      expect(entries).toHaveLength(6);
      expect(lines.filter((x) => x.includes('incoming request'))).toEqual([]);
      expect(entries[5]).toMatchObject({ method: 'GET', route: '/api/v1/plans/:id', url: `/api/v1/plans/${plan.id}`, statusCode: 200, reqId: expect.any(String), responseTime: expect.any(Number) });
      expect(entries[2]).toMatchObject({ route: '/calendars/:file', url: '/calendars/[redacted]', statusCode: 200 });
      expect(new Set(entries.map((e) => e.reqId)).size).toBe(6);
      for (const line of lines) expect(line).not.toContain(secret);
    } finally {
      await l.close();
    }
  });
});
