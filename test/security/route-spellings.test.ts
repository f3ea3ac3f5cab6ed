// Access is decided on the route that answers: every route of the OpenAPI document, reached through a
// dozen spellings of its path (percent-encoded letters, %2F, double encoding, case, //, ./, ../, trailing
// slash, ;param, ? and # tricks), with no token and with a bad token, never answers 2xx — and never a
// validation 400, which would tell a caller without a token something. Spellings generated at test time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type TestApp } from '../helpers/app.js';
import { discoverRoutes, realId, seedResources, type Ids, type Route } from './api-routes.js';

/** Percent-encodes the first letter of every segment: /%61pi/%761/%70lans/… */
const encodeFirstLetters = (p: string) => p.replace(/\/([A-Za-z])/g, (_, c: string) => `/%${c.charCodeAt(0).toString(16)}`);
const encodeEveryLetter = (p: string) => p.replace(/[a-z]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Every spelling of `path` (already filled with ids) an attacker might try. */
export function spellings(path: string): string[] {
  const [first, ...rest] = path.split('/').filter(Boolean);
  const tail = rest.join('/');
  return [
    path,
    encodeFirstLetters(path),
    encodeEveryLetter(path),
    `/${first}%2F${rest.join('%2F')}`,
    `/${first}%2f${tail}`,
    encodeFirstLetters(path).replace(/%/g, '%25'), // double encoding: /%2561pi/…
    path.toUpperCase(),
    `/${first!.toUpperCase()}/${tail}`,
    `/${path}`, // //api/v1/…
    path.replace(/\//g, '//'),
    `/./${first}/${tail}`,
    `/${first}/./${tail}`,
    `/nowhere/../${first}/${tail}`,
    `/${first}/%2e%2e/${first}/${tail}`,
    `/${first}\\${tail.replace(/\//g, '\\')}`,
    `${path}/`,
    `${path};x=1`,
    `/${first};x=1/${tail}`,
    `${path}?/health`,
    `${path}?x=/docs/json`,
    `${path}%3F/health`,
    `${path}#/health`,
    `${path}%00`,
    `${path}%20`,
  ];
}

/** A body that would fail validation, so a 400 (rather than 401) would show validation ran first. */
function badBody(route: Route): { payload?: string; headers: Record<string, string> } {
  if (route.method === 'GET' || route.method === 'DELETE') return { headers: {} };
  return { payload: '{"unexpected": [1, 2, 3]}', headers: { 'content-type': 'application/json' } };
}

describe('access decided on the route that answers', () => {
  let t: TestApp;
  let routes: Route[];
  let publicPaths: Set<string>;
  let ids: Ids;

  beforeAll(async () => {
    t = await createTestApp({ authFailureLimit: false });
    ids = await seedResources(t);
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    publicPaths = new Set();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { security?: unknown[] }>>)) {
      for (const [m, op] of Object.entries(ops)) if (Array.isArray(op.security) && op.security.length === 0) publicPaths.add(`${m.toUpperCase()} ${path}`);
    }
    routes = (await discoverRoutes(t)).routes;
  }, 60_000);
  afterAll(() => t.close());

  const fill = (route: Route) => route.path.replace(/\{(\w+)\}/g, (_, p: string) => realId(ids, route, p) ?? '01HZZZZZZZZZZZZZZZZZZZZZZZ');

  it('documents as public exactly the routes served without a token, and only a few', async () => {
    expect(routes.length).toBeGreaterThan(40);
    const served: string[] = [];
    for (const route of routes) {
      if (route.method !== 'GET') continue;
      const res = await t.app.inject({ method: 'GET', url: fill(route) });
      if (res.statusCode !== 401) served.push(`GET ${route.path}`);
    }
    expect(served.sort()).toEqual([...publicPaths].filter((p) => p.startsWith('GET ')).sort());
    expect([...publicPaths].sort()).toEqual([
      'GET /calendars/{file}',
      'GET /health',
      'GET /meetings/{id}',
      'GET /meetings/{id}/items/{number}',
      'GET /meetings/{id}/pack.pdf',
      'GET /update/{secret}',
      'POST /update/{secret}',
    ]);
    // The docs themselves are public too (swagger-ui's routes, not in the document).
    for (const url of ['/docs', '/docs/json', '/docs/yaml', '/docs/static/index.html']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBeLessThan(400);
    }
  });

  it('answers no 2xx and no validation 400 to any spelling of any non-public route without a valid token', { timeout: 120_000 }, async () => {
    const seen = new Map<number, number>();
    const failures: string[] = [];
    const protectedRoutes = routes.filter((r) => !publicPaths.has(`${r.method} ${r.path}`));
    expect(protectedRoutes.length).toBeGreaterThan(40);
    let tried = 0;
    for (const route of protectedRoutes) {
      for (const url of spellings(fill(route))) {
        for (const auth of [undefined, 'Bearer not-a-real-token-0123456789', 'Basic YWRtaW46YWRtaW4=']) {
          const body = badBody(route);
          // Light-my-request refuses some URLs outright (a raw #, a NUL): such a request cannot be sent.
          let res;
          try {
            res = await t.app.inject({ method: route.method, url, payload: body.payload, headers: { ...body.headers, ...(auth ? { authorization: auth } : {}) } });
          } catch {
            continue;
          }
          tried++;
          seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
          const ok =
            res.statusCode === 401 ||
            res.statusCode === 404 ||
            res.statusCode === 414 ||
            (res.statusCode === 400 && /not a valid URL|could not be routed/.test(res.body));
          if (!ok) failures.push(`${route.method} ${url} (${auth ?? 'no token'}) → ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThan(protectedRoutes.length * 20 * 3);
    // The decoded spellings did reach the routes (and were refused there), not only the 404 handler.
    expect(seen.get(401)).toBeGreaterThan(protectedRoutes.length * 3 * 3);
  });

  it('refuses /%61pi/v1/tokens and /ap%69/v1/audit with 401 problems (the reported bypass)', async () => {
    for (const url of ['/%61pi/v1/tokens', '/ap%69/v1/audit', '/%61%70%69/v1/tokens', '/api/v1/%74okens']) {
      problem(await t.app.inject({ method: 'GET', url }), 401);
    }
  });
});

describe('the failed-authentication limit, however the path is spelled', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ authFailureLimit: { max: 5, windowMs: 60_000 } });
  });
  afterAll(() => t.close());

  it('counts failures on encoded spellings and then refuses every spelling with 429', async () => {
    const urls = spellings('/api/v1/plans').filter((u) => !u.includes('#') && !u.includes('%00'));
    let statuses: number[] = [];
    for (const url of urls) statuses.push((await t.app.inject({ method: 'GET', url, headers: { authorization: 'Bearer wrong-wrong-wrong' } })).statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    // Every spelling that reaches the route is now refused before its token is looked at.
    statuses = [];
    for (const url of ['/%61pi/v1/plans', '/api/v1/%70lans', '/api/v1/plans?x=1', '/api/v1/tokens'])
      statuses.push((await t.app.inject({ method: 'GET', url, headers: { authorization: 'Bearer wrong-wrong-wrong' } })).statusCode);
    expect(statuses).toEqual([429, 429, 429, 429]);
    // Public routes stay public (no token asked, none counted).
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
