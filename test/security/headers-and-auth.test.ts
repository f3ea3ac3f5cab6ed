// Security headers on every response (and /docs still working under them), the failed-authentication
// limit (429 + Retry-After, per address, successful requests never limited), tokens never logged, and a
// real internal failure answered without a stack trace or SQL.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createTestApp, problem, tokenFor, type TestApp } from '../helpers/app.js';
import { addressKey } from '../../src/plugins/security.js';
import { launchBrowser, LOCAL_ORIGIN, openThroughApp } from './browser.js';

const LEAK = /SQLITE|SqliteError|\bat [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d+|select .* from|insert into/i;

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sends helmet headers on JSON, problem, health and unknown-route responses', async () => {
    const responses = [
      await t.admin.get('/api/v1/plans'),
      await t.app.inject({ method: 'GET', url: '/api/v1/plans' }),
      await t.app.inject({ method: 'GET', url: '/health' }),
      await t.admin.get('/api/v1/nowhere'),
    ];
    for (const res of responses) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'none'");
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('keeps the strict policy of the highlight report page', async () => {
    const plan = (await t.admin.post('/api/v1/plans', { title: 'Plan', kind: 'wsoa', localArea: 'Wolverhampton' })).json();
    const project = (await t.admin.post(`/api/v1/plans/${plan.id}/projects`, { code: 'PR1', name: 'Culture of Inclusion' })).json();
    const report = (
      await t.admin.post(`/api/v1/projects/${project.id}/highlight-reports`, { periodStart: '2022-11-01', periodEnd: '2022-11-30', overallStatus: 'at-risk' })
    ).json();
    const res = await t.admin.get(`/api/v1/highlight-reports/${report.id}/html`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  async function renderDocs(origin: string) {
    const browser = await launchBrowser();
    try {
      const { page, response, elsewhere, console: messages } = await openThroughApp(browser, t.app, '/docs', {}, origin);
      expect(response?.status()).toBe(200);
      // Every asset came from the app itself (none upgraded to https, none from elsewhere).
      expect(elsewhere.filter((u) => !u.startsWith('https://validator.swagger.io'))).toEqual([]);
      await page.waitForSelector('.swagger-ui .info .title', { timeout: 30_000 });
      const title = await page.$eval('.swagger-ui .info .title', (el) => el.textContent ?? '');
      expect(title).toContain('SEND plan tracker API');
      await page.waitForSelector('.opblock', { timeout: 30_000 });
      const ops = await page.$$eval('.opblock-summary-path', (els) => els.map((e) => e.textContent ?? ''));
      expect(ops.some((p) => p.includes('/api/v1/audit'))).toBe(true);
      // swagger-ui sends its own policy for /docs (src/plugins/swagger.ts, staticCSP); one inline style of
      // swagger-ui's is refused by it, harmlessly. What matters: no script or fetch of the page is blocked.
      const violations = messages.filter((m) => /Content Security Policy|Refused to/i.test(m));
      expect(violations.filter((v) => /script-src|connect-src|default-src/.test(v))).toEqual([]);
      expect(String(response?.headers()['content-security-policy'])).not.toContain("script-src 'none'");
    } finally {
      await browser.close();
    }
  }

  it('still serves working interactive docs at /docs (checked in Chromium)', { timeout: 120_000 }, async () => {
    await renderDocs(LOCAL_ORIGIN);
  });

  // swagger-ui's staticCSP ends with upgrade-insecure-requests; src/plugins/swagger.ts strips it, so docs
  // work over plain http on an intranet host name too.
  it('serves working docs over plain http on a non-local host name', { timeout: 120_000 }, async () => {
    await renderDocs('http://tracker.council.example:3000');
  });
});

describe('failed authentication limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ authFailureLimit: { max: 3, windowMs: 60_000 } });
  });
  afterAll(() => t.close());

  const get = (ip: string, token?: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/plans', remoteAddress: ip, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('never limits successful requests', async () => {
    for (let i = 0; i < 60; i++) expect((await get('10.0.0.1', ADMIN_TOKEN)).statusCode).toBe(200);
  });

  it('answers 429 with Retry-After once an address has failed too often, to that address only', async () => {
    const viewer = await tokenFor(t, 'viewer');
    const editor = await tokenFor(t, 'editor');
    expect((await get('10.0.0.2', viewer)).statusCode).toBe(200); // a colleague at that address, already working
    problem(await get('10.0.0.2'), 401);
    problem(await get('10.0.0.2', 'guess-1'), 401);
    problem(await get('10.0.0.2', 'guess-2'), 401);

    const limited = await get('10.0.0.2', 'guess-3');
    const p = problem(limited, 429);
    expect(p.type).toMatch(/too-many/);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(limited.headers['x-content-type-options']).toBe('nosniff');
    problem(await get('10.0.0.2'), 429);

    // A valid token never used from there gets the same answer as a wrong guess: no oracle for guessers.
    problem(await get('10.0.0.2', editor), 429);
    problem(await get('10.0.0.2', ADMIN_TOKEN), 429);
    // The colleague whose token already worked from that address carries on.
    expect((await get('10.0.0.2', viewer)).statusCode).toBe(200);
    // Other addresses are not affected.
    problem(await get('10.0.0.3', 'wrong'), 401);
    expect((await get('10.0.0.3', editor)).statusCode).toBe(200);
  });

  it('counts an IPv6 /64 as one address, and an IPv4-mapped address as its IPv4 address', async () => {
    const six = await createTestApp({ authFailureLimit: { max: 2, windowMs: 60_000 } });
    try {
      const hit = (ip: string, token = 'wrong') =>
        six.app.inject({ method: 'GET', url: '/api/v1/plans', remoteAddress: ip, headers: { authorization: `Bearer ${token}` } });
      problem(await hit('2001:db8:1:2::1'), 401);
      problem(await hit('2001:db8:1:2:ffff:ffff:ffff:fffe'), 401);
      problem(await hit('2001:db8:1:2::abcd', ADMIN_TOKEN), 429); // same /64
      expect((await hit('2001:db8:1:3::1', ADMIN_TOKEN)).statusCode).toBe(200); // the next /64
      problem(await hit('::ffff:192.0.2.7'), 401);
      problem(await hit('192.0.2.7'), 401);
      problem(await hit('::ffff:192.0.2.7', ADMIN_TOKEN), 429);
    } finally {
      await six.close();
    }
    expect(addressKey('2001:0db8:0001:0002:0000:0000:0000:0001')).toBe('2001:db8:1:2::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('10.1.2.3')).toBe('10.1.2.3');
  });

  it('lets the address try again after the window', async () => {
    const short = await createTestApp({ authFailureLimit: { max: 2, windowMs: 300 } });
    try {
      const hit = (token: string) =>
        short.app.inject({ method: 'GET', url: '/api/v1/plans', remoteAddress: '10.9.9.9', headers: { authorization: `Bearer ${token}` } });
      problem(await hit('a'), 401);
      problem(await hit('b'), 401);
      problem(await hit(ADMIN_TOKEN), 429);
      await new Promise((r) => setTimeout(r, 1_000));
      expect((await hit(ADMIN_TOKEN)).statusCode).toBe(200);
    } finally {
      await short.close();
    }
  });

  it('can be switched off', async () => {
    const off = await createTestApp({ authFailureLimit: false });
    try {
      for (let i = 0; i < 40; i++) problem(await off.as('nope').get('/api/v1/plans'), 401);
    } finally {
      await off.close();
    }
  });
});

describe('secrets and internals stay out of logs and answers', () => {
  it('never logs a token, even at trace level', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const t = await createTestApp({ logger: { level: 'trace', stream } });
    try {
      const created = await t.admin.post('/api/v1/tokens', { name: 'Programme manager', role: 'editor' });
      const secret = created.json().token as string;
      expect((await t.as(secret).post('/api/v1/plans', { title: 'Plan', kind: 'wsoa', localArea: 'Leeds' })).statusCode).toBe(201);
      problem(await t.as(`${secret}x`).get('/api/v1/plans'), 401);
      problem(await t.as('spt_wrong-guess-of-a-token-value').get('/api/v1/plans'), 401);
      await t.app.inject({ method: 'GET', url: '/api/v1/plans', headers: { authorization: `Basic ${ADMIN_TOKEN}` } });
      const log = lines.join('');
      expect(log.length).toBeGreaterThan(0);
      expect(log).toContain('incoming request');
      for (const s of [ADMIN_TOKEN, secret, 'spt_wrong-guess-of-a-token-value']) expect(log).not.toContain(s);
      expect(log).not.toMatch(/authorization/i);
    } finally {
      await t.close();
    }
  });

  it('answers a real database failure with a generic 500: no stack, no SQL, no file path', async () => {
    const t = await createTestApp();
    try {
      await t.app.database.close(); // the database goes away under the running app
      for (const res of [
        await t.admin.get('/api/v1/plans'),
        await t.admin.post('/api/v1/plans', { title: 'Plan', kind: 'wsoa', localArea: 'Leeds' }),
        await t.app.inject({ method: 'GET', url: '/health' }),
      ]) {
        const p = problem(res, 500);
        expect(p.detail).toMatch(/Reference: /);
        expect(res.body).not.toMatch(LEAK);
        expect(res.body).not.toContain(t.dbPath);
      }
    } finally {
      await t.close();
    }
  });
});
