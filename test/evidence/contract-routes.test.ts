// The contract's "Measures (KPIs)" and "Evidence and inspection readiness" routes are in the OpenAPI
// document as written, and access follows the roles: viewers read and render, only editors write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, tokenFor, type TestApp } from '../helpers/app.js';

type Method = 'get' | 'post' | 'patch' | 'delete';
const CONTRACT: [string, Method[]][] = [
  ['/api/v1/plans/{planId}/measures', ['post', 'get']],
  ['/api/v1/measures/{id}', ['get', 'patch', 'delete']],
  ['/api/v1/measures/{id}/values', ['post', 'get']],
  ['/api/v1/measure-values/{id}', ['get', 'patch', 'delete']],
  ['/api/v1/uploads', ['post']],
  ['/api/v1/plans/{planId}/evidence', ['post', 'get']],
  ['/api/v1/evidence/{id}', ['get', 'patch', 'delete']],
  ['/api/v1/information-request', ['get']],
  ['/api/v1/plans/{planId}/readiness', ['get']],
  ['/api/v1/plans/{planId}/evidence-bundle', ['get']],
  ['/api/v1/plans/{planId}/impact-report/pdf', ['get']],
  ['/api/v1/plans/{planId}/impact-report/html', ['get']],
];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('contract routes', () => {
  it('are all in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const missing = CONTRACT.flatMap(([path, methods]) => methods.filter((m) => !doc.paths[path]?.[m]).map((m) => `${m.toUpperCase()} ${path}`));
    expect(missing).toEqual([]);
    const query = (path: string) => (doc.paths[path].get.parameters as { in: string; name: string }[]).filter((p) => p.in === 'query').map((p) => p.name);
    expect(query('/api/v1/plans/{planId}/evidence')).toEqual(expect.arrayContaining(['areaId', 'kind', 'requestItem', 'from', 'to']));
    expect(query('/api/v1/plans/{planId}/evidence-bundle')).toEqual(expect.arrayContaining(['areaId', 'asOf']));
    expect(query('/api/v1/plans/{planId}/readiness')).toEqual(['asOf']);
  });

  it('lets a viewer read and not write; no token → 401', async () => {
    const viewer = t.as(await tokenFor(t, 'viewer'));
    const planId = (await t.admin.post('/api/v1/plans', { title: 'P', kind: 'wsoa', localArea: 'L' })).json().id;
    const m = (await t.admin.post(`/api/v1/plans/${planId}/measures`, { ref: 'M1', title: 't', definition: 'd', unit: '%', direction: 'higher-is-better' })).json();
    expect((await viewer.get(`/api/v1/measures/${m.id}`)).statusCode).toBe(200);
    expect((await viewer.get(`/api/v1/plans/${planId}/readiness`)).statusCode).toBe(200);
    expect((await viewer.get('/api/v1/information-request')).statusCode).toBe(200);
    problem(await viewer.post(`/api/v1/plans/${planId}/measures`, { ref: 'M2', title: 't', definition: 'd', unit: '%', direction: 'higher-is-better' }), 403);
    problem(await viewer.post(`/api/v1/measures/${m.id}/values`, { period: '2022-01-31', value: 1 }), 403);
    problem(await viewer.post(`/api/v1/plans/${planId}/evidence`, { title: 'e', kind: 'impact', asOf: '2022-01-01', url: 'https://example.org' }), 403);
    problem(await t.app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/evidence` }), 401);
  });
});
