// The OpenAPI document: valid, and listing every route of the contract with its schemas and errors.
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
let doc: Doc;

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
});
afterAll(() => t.close());

type Method = 'get' | 'post' | 'patch' | 'delete';
const crud = (collection: string, item: string): [string, Method[]][] => [
  [collection, ['post', 'get']],
  [item, ['get', 'patch', 'delete']],
];

/** Every route the contract (shared/api-contract.md) names, in OpenAPI path form. */
const CONTRACT: [string, Method[]][] = [
  ...crud('/api/v1/plans', '/api/v1/plans/{id}'),
  ...crud('/api/v1/plans/{planId}/areas', '/api/v1/areas/{id}'),
  ...crud('/api/v1/plans/{planId}/projects', '/api/v1/projects/{id}'),
  ...crud('/api/v1/projects/{projectId}/workstreams', '/api/v1/workstreams/{id}'),
  ...crud('/api/v1/plans/{planId}/actions', '/api/v1/actions/{id}'),
  ...crud('/api/v1/projects/{projectId}/risks', '/api/v1/risks/{id}'),
  ...crud('/api/v1/projects/{projectId}/issues', '/api/v1/issues/{id}'),
  ...crud('/api/v1/projects/{projectId}/dependencies', '/api/v1/dependencies/{id}'),
  ...crud('/api/v1/projects/{projectId}/benefits', '/api/v1/benefits/{id}'),
  ...crud('/api/v1/projects/{projectId}/highlight-reports', '/api/v1/highlight-reports/{id}'),
  ['/api/v1/highlight-reports/{id}/publish', ['post']],
  ['/api/v1/highlight-reports/{id}/pdf', ['get']],
  ['/api/v1/highlight-reports/{id}/html', ['get']],
  ...crud('/api/v1/areas/{areaId}/updates', '/api/v1/updates/{id}'),
  ['/api/v1/plans/{planId}/progress-report/pdf', ['get']],
  ...crud('/api/v1/meetings', '/api/v1/meetings/{id}'),
  ['/api/v1/uploads', ['post']],
  ['/api/v1/meetings/{id}/pack', ['get']],
  ['/api/v1/meetings/{id}/pack/pdf', ['get']],
  ['/api/v1/tokens', ['post']],
  ['/api/v1/tokens/{id}', ['delete']],
];

/** Every operation in the document under /api/v1. */
function operations(): { path: string; method: string; op: Doc }[] {
  const out: { path: string; method: string; op: Doc }[] = [];
  for (const [path, item] of Object.entries<Doc>(doc.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) if (item[method]) out.push({ path, method, op: item[method] });
  }
  return out;
}

const successOf = (op: Doc) => Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s));
const schemaOf = (response: Doc) => Object.values<Doc>(response?.content ?? {})[0]?.schema;

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3 document', async () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toEqual(expect.any(String));
    await SwaggerParser.validate(structuredClone(doc));
  });

  it('lists every route of the contract', () => {
    const missing: string[] = [];
    for (const [path, methods] of CONTRACT) {
      for (const method of methods) if (!doc.paths[path]?.[method]) missing.push(`${method.toUpperCase()} ${path}`);
    }
    expect(missing).toEqual([]);
  });

  it('gives every route a summary, a request schema and a success response schema', () => {
    const problems: string[] = [];
    for (const { path, method, op } of operations()) {
      const name = `${method.toUpperCase()} ${path}`;
      if (typeof op.summary !== 'string' || op.summary.trim() === '') problems.push(`${name}: no summary`);
      // The request: a body schema for writes that take one, otherwise the declared parameters.
      const params: Doc[] = op.parameters ?? [];
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const p of pathParams) {
        const declared = params.find((x) => x.in === 'path' && x.name === p);
        if (!declared?.schema) problems.push(`${name}: path parameter ${p} has no schema`);
      }
      if ((method === 'post' || method === 'patch') && !/\/(publish|submit|approve|remind|accept)$/.test(path) && path !== '/api/v1/uploads') {
        const body = op.requestBody?.content?.['application/json']?.schema;
        if (!body) problems.push(`${name}: no JSON request body schema`);
      }
      if (method === 'get' && pathParams.length === 0 && !params.some((x) => x.in === 'query')) problems.push(`${name}: no query parameters`);
      const ok = successOf(op);
      if (ok.length === 0) problems.push(`${name}: no success response`);
      for (const s of ok) {
        if (s === '204') continue;
        if (!schemaOf(op.responses[s])) problems.push(`${name}: ${s} has no schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('declares each route’s error responses as problem documents', () => {
    const problems: string[] = [];
    for (const { path, method, op } of operations()) {
      const name = `${method.toUpperCase()} ${path}`;
      const codes = Object.keys(op.responses);
      const expected = ['401', '403'];
      if (path.includes('{')) expected.push('404');
      const validated = op.requestBody || (op.parameters ?? []).some((x: Doc) => x.in === 'path' || x.in === 'query');
      if (validated) expected.push('400');
      if (method === 'patch' || (method === 'delete' && !/^\/api\/v1\/(tokens|calendar-feeds)\//.test(path))) expected.push('412');
      for (const code of expected) if (!codes.includes(code)) problems.push(`${name}: no ${code}`);
      for (const code of codes.filter((c) => /^[45]\d\d$/.test(c))) {
        const response = op.responses[code];
        if (!response.description) problems.push(`${name}: ${code} has no description`);
        const schema = schemaOf(response);
        const refs = JSON.stringify(schema ?? {});
        if (!refs.includes('#/components/schemas/Problem')) problems.push(`${name}: ${code} is not a Problem`);
        const types = Object.keys(response.content ?? {});
        if (!types.includes('application/problem+json')) problems.push(`${name}: ${code} is served as ${types.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers a malformed id with a declared 400 problem on every route taking one', async () => {
    const problems: string[] = [];
    for (const { path, method, op } of operations()) {
      if (!path.includes('{')) continue;
      const url = path.replace(/\{\w+\}/g, '%27%3B%20drop');
      const res = await t.app.inject({
        method: method.toUpperCase() as 'GET',
        url,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(method === 'post' || method === 'patch' ? { 'content-type': 'application/json' } : {}) },
        ...(method === 'post' || method === 'patch' ? { payload: '{}' } : {}),
      });
      const name = `${method.toUpperCase()} ${path}`;
      if (res.statusCode !== 400) problems.push(`${name}: answered ${res.statusCode}`);
      else if (!String(res.headers['content-type']).startsWith('application/problem+json')) problems.push(`${name}: not a problem`);
      if (!op.responses['400']) problems.push(`${name}: 400 not declared`);
    }
    expect(problems).toEqual([]);
  });

  it('documents the collection conventions on the action routes', () => {
    const create = doc.paths['/api/v1/plans/{planId}/actions'].post;
    expect(create.responses['201']).toBeDefined();
    expect(create.responses['409']).toBeDefined();
    const list = doc.paths['/api/v1/plans/{planId}/actions'].get;
    const query = (list.parameters as Doc[]).filter((p) => p.in === 'query').map((p) => p.name);
    expect(query).toEqual(expect.arrayContaining(['limit', 'cursor', 'areaId', 'projectId', 'status', 'rag', 'behindSchedule', 'asOf']));
    const page = schemaOf(list.responses['200']);
    expect(Object.keys(page.properties)).toEqual(['items', 'nextCursor']);
    const patch = doc.paths['/api/v1/actions/{id}'].patch;
    expect((patch.parameters as Doc[]).find((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match')).toBeDefined();
    // The RAG rule is stated in the document.
    expect(JSON.stringify(doc)).toMatch(/An override \(ragOverride with its reason\) always wins/);
  });

  it('requires a bearer token on /api/v1 routes', () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearer: [] }]);
  });
});

describe('interactive docs', () => {
  it('serves /docs as HTML', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
  });
});
