// Shared by the security tests: every route of the app's OpenAPI document (with its JSON body schema, $refs
// resolved) and one real resource of each kind, so generated requests reach validation and the services.
import type { LightMyRequestResponse } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { ADMIN_TOKEN, type TestApp } from '../helpers/app.js';

export type Json = Record<string, unknown>;
export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string; // /api/v1/plans/{id}
  params: string[];
  bodySchema: Json | null;
  contentTypes: string[];
  /** Would render a document (Chromium) for a real id: such routes get odd ids only. */
  renders: boolean;
}

export interface ApiMap {
  routes: Route[];
  components: Record<string, Json>;
  resolve(s: Json | undefined): Json | undefined;
}

export async function discoverRoutes(t: TestApp): Promise<ApiMap> {
  const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
  const components: Record<string, Json> = doc.components?.schemas ?? {};
  const resolve = (s: Json | undefined): Json | undefined => {
    let cur = s;
    for (let i = 0; cur && typeof cur.$ref === 'string' && i < 10; i++) cur = components[(cur.$ref as string).split('/').pop()!];
    return cur;
  };
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase() as Route['method'];
      if (!['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(method)) continue;
      const content = (op.requestBody as { content?: Record<string, { schema?: Json }> } | undefined)?.content ?? {};
      routes.push({
        method,
        path,
        params: [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!),
        bodySchema: resolve(content['application/json']?.schema) ?? null,
        contentTypes: Object.keys(content),
        renders: /pdf|pack|bundle|\.pdf$|\/items\//.test(path),
      });
    }
  }
  return { routes, components, resolve };
}

async function onePagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  return Buffer.from(await doc.save());
}

export type Ids = Record<string, string>;

/** One resource of each kind (and one published highlight report: the only render). */
export async function seedResources(t: TestApp): Promise<Ids> {
  const ids: Ids = {};
  const a = t.admin;
  const must = async (p: Promise<LightMyRequestResponse>) => {
    const res = await p;
    if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  ids.plan = await must(a.post('/api/v1/plans', { title: 'Plan', kind: 'wsoa', localArea: 'Wolverhampton' }));
  ids.area = await must(a.post(`/api/v1/plans/${ids.plan}/areas`, { number: 1, title: 'Area' }));
  ids.project = await must(a.post(`/api/v1/plans/${ids.plan}/projects`, { code: 'PR1', name: 'Project' }));
  ids.workstream = await must(a.post(`/api/v1/projects/${ids.project}/workstreams`, { letter: 'A', title: 'Workstream' }));
  ids.action = await must(a.post(`/api/v1/plans/${ids.plan}/actions`, { ref: '1.1', title: 'Action', dueDate: '2023-03-31' }));
  ids.risk = await must(a.post(`/api/v1/projects/${ids.project}/risks`, { ref: 'R1', description: 'Risk', likelihood: 2, impact: 3 }));
  ids.issue = await must(a.post(`/api/v1/projects/${ids.project}/issues`, { ref: 'I1', description: 'Issue', impactScore: 2 }));
  ids.dependency = await must(a.post(`/api/v1/projects/${ids.project}/dependencies`, { ref: 'D1', description: 'Dependency', impactScore: 2 }));
  ids.benefit = await must(a.post(`/api/v1/projects/${ids.project}/benefits`, { ref: 'B1', description: 'Benefit', kind: 'cashable' }));
  const report = { periodStart: '2022-11-01', periodEnd: '2022-11-30', overallStatus: 'on-target' };
  ids.report = await must(a.post(`/api/v1/projects/${ids.project}/highlight-reports`, report));
  ids.published = await must(a.post(`/api/v1/projects/${ids.project}/highlight-reports`, { ...report, periodStart: '2022-10-01', periodEnd: '2022-10-31' }));
  await must(a.post(`/api/v1/highlight-reports/${ids.published}/publish`));
  ids.update = await must(a.post(`/api/v1/areas/${ids.area}/updates`, { asOf: '2022-11-18', done: ['x'] }));
  ids.meeting = await must(a.post('/api/v1/meetings', { committee: 'Scrutiny', startsAt: '2022-12-13T18:00:00Z', items: [{ number: 1, title: 'Apologies' }] }));
  const upload = await t.app.inject({
    method: 'POST',
    url: '/api/v1/uploads',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/pdf' },
    payload: await onePagePdf(),
  });
  if (upload.statusCode === 201) ids.upload = upload.json().id;
  return ids;
}

/** The real resource id for a path parameter of the route, if there is one to use. */
export function realId(ids: Ids, route: Route, param: string): string | undefined {
  if (param === 'planId') return ids.plan;
  if (param === 'projectId') return ids.project;
  if (param === 'areaId') return ids.area;
  if (param === 'number') return '1';
  if (param !== 'id') return undefined;
  const segment = route.path.replace(/^\/api\/v1/, '').split('/')[1];
  if (segment === 'highlight-reports') return route.path.endsWith('/publish') ? ids.published : ids.report;
  const byCollection: Record<string, string | undefined> = {
    plans: ids.plan,
    areas: ids.area,
    projects: ids.project,
    workstreams: ids.workstream,
    actions: ids.action,
    risks: ids.risk,
    issues: ids.issue,
    dependencies: ids.dependency,
    benefits: ids.benefit,
    updates: ids.update,
    meetings: ids.meeting,
    uploads: ids.upload,
    // tokens (DELETE revokes) and import jobs: odd ids only
  };
  return byCollection[segment ?? ''];
}
