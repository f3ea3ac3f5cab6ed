// Limits on everything a client can send: every text field has a length ceiling, every list a size
// ceiling, every object a closed set of fields (checked over the OpenAPI document, so a new route or field
// is covered the day it is added), each ceiling is enforced (one over → 400 naming the field), and a body
// over the size limit is a 413 problem on every JSON write route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type TestApp } from '../helpers/app.js';
import { discoverRoutes, realId, seedResources, type ApiMap, type Ids, type Json, type Route } from './api-routes.js';

let t: TestApp;
let api: ApiMap;
let ids: Ids;
beforeAll(async () => {
  t = await createTestApp({ authFailureLimit: false });
  ids = await seedResources(t);
  api = await discoverRoutes(t);
});
afterAll(() => t?.close());

const jsonWrites = () => api.routes.filter((r) => r.method !== 'GET' && r.bodySchema);
const urlOf = (route: Route) => route.params.reduce((u, p) => u.replace(`{${p}}`, realId(ids, route, p) ?? 'zz_none'), route.path);

/**
 * Fields whose ceiling is the route's own body limit rather than a declared maxLength, with the reason.
 * (Enforced below: every JSON write route answers 413 beyond its limit.)
 */
const BOUNDED_BY_ROUTE_BODY_LIMIT: Record<string, string> = {
  'POST /api/v1/plans/{planId}/import body.content': 'a base64 spreadsheet; the route limits the body to 10 MB decoded',
};

/** A pattern bounds length when it is anchored and has no open-ended repetition. */
const boundedPattern = (p: string) => p.startsWith('^') && p.endsWith('$') && !/(?<!\\)[*+]|\{\d+,\}/.test(p);

interface Leaf {
  path: string[]; // property names; '0' for an array element
  schema: Json;
}

/** Every string and array in a request schema (through $refs, unions and nesting), with where it sits. */
function leaves(schema: Json | undefined, path: string[] = [], seen = new Set<Json>()): Leaf[] {
  const s = api.resolve(schema);
  if (!s || seen.has(s)) return [];
  seen.add(s);
  const out: Leaf[] = [];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const sub of (s[key] as Json[] | undefined) ?? []) out.push(...leaves(sub, path, new Set(seen)));
  }
  const type = s.type;
  if (type === 'string') out.push({ path, schema: s });
  if (type === 'array') {
    out.push({ path, schema: s });
    out.push(...leaves(s.items as Json, [...path, '0'], seen));
  }
  if (type === 'object' || s.properties) {
    out.push({ path, schema: s });
    for (const [k, v] of Object.entries((s.properties as Record<string, Json> | undefined) ?? {})) out.push(...leaves(v, [...path, k], seen));
  }
  return out;
}

describe('limits', () => {
  it('declares a ceiling on every text field, list and object of every write route', () => {
    expect(jsonWrites().length).toBeGreaterThanOrEqual(25);
    const unbounded: string[] = [];
    for (const route of jsonWrites()) {
      for (const { path, schema } of leaves(route.bodySchema!)) {
        const where = `${route.method} ${route.path} body.${path.join('.')}`;
        if (schema.type === 'string') {
          const ok = typeof schema.maxLength === 'number' || Array.isArray(schema.enum) || 'const' in schema || (typeof schema.pattern === 'string' && boundedPattern(schema.pattern));
          if (!ok && !BOUNDED_BY_ROUTE_BODY_LIMIT[where]) unbounded.push(`${where}: string without maxLength`);
          else if (typeof schema.maxLength === 'number' && schema.maxLength > 100_000) unbounded.push(`${where}: maxLength ${schema.maxLength}`);
        } else if (schema.type === 'array') {
          if (typeof schema.maxItems !== 'number') unbounded.push(`${where}: array without maxItems`);
          else if (schema.maxItems > 2_000) unbounded.push(`${where}: maxItems ${schema.maxItems}`);
        } else if (schema.properties && schema.additionalProperties !== false) {
          unbounded.push(`${where}: object open to unknown fields`);
        }
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('enforces each ceiling: one character or one item over is a 400 naming the field', async () => {
    let checked = 0;
    for (const route of jsonWrites()) {
      for (const { path, schema } of leaves(route.bodySchema!)) {
        if (path.length === 0 || path.length > 3) continue;
        let value: unknown;
        if (schema.type === 'string' && typeof schema.maxLength === 'number') value = 'x'.repeat(schema.maxLength + 1);
        else if (schema.type === 'array' && typeof schema.maxItems === 'number') value = Array.from({ length: schema.maxItems + 1 }, () => ({}));
        else continue;
        // Build the body around the value: {a: {b: v}} or {items: [{title: v}]}.
        let body: unknown = value;
        for (let i = path.length - 1; i >= 0; i--) body = path[i] === '0' ? [body] : { [path[i]!]: body };
        const res = await t.app.inject({
          method: route.method,
          url: urlOf(route),
          headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/json', 'if-match': '"999999"' },
          payload: JSON.stringify(body),
        });
        const p = problem(res, 400);
        const dotted = path.join('.');
        expect(p.errors?.map((e) => e.path), `${route.method} ${route.path} ${dotted}`).toContain(dotted);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('refuses an absurdly long timestamp (its ISO pattern alone allows any number of digits)', async () => {
    const startsAt = `2022-12-13T18:00:00.${'0'.repeat(100_000)}Z`;
    const p = problem(await t.admin.post('/api/v1/meetings', { committee: 'Scrutiny', startsAt, items: [] }), 400);
    expect(p.errors!.map((e) => e.path)).toContain('startsAt');
  });

  it('answers a body over the size limit with 413 on every JSON write route', { timeout: 120_000 }, async () => {
    const send = (route: Route, bytes: number) =>
      t.app.inject({
        method: route.method,
        url: urlOf(route),
        headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/json' },
        payload: JSON.stringify({ text: 'x'.repeat(bytes) }),
      });
    const larger: string[] = [];
    for (const route of jsonWrites()) {
      let res = await send(route, 1024 * 1024 + 10); // over the app's 1 MB
      if (res.statusCode !== 413) {
        // A route that takes files sets a larger limit of its own; it must still have one.
        larger.push(`${route.method} ${route.path}`);
        res = await send(route, 32 * 1024 * 1024);
      }
      problem(res, 413);
    }
    expect(larger.every((r) => Object.keys(BOUNDED_BY_ROUTE_BODY_LIMIT).some((k) => k.startsWith(r)))).toBe(true);
  });
});
