// A client generated from the OpenAPI document works first time: types generated with openapi-typescript
// (at test time, into a temporary folder), a walk-through written against them with openapi-fetch —
// create plan → action → PATCH with If-Match → stale If-Match (412) → project + highlight report →
// publish → PDF — typechecked with the TypeScript compiler, then run for real against a listening server.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let dir: string;
let baseUrl: string;

beforeAll(async () => {
  t = await createTestApp();
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  // Inside the project, so the walk-through resolves openapi-fetch from its node_modules.
  const root = resolve('.vitest-tmp');
  mkdirSync(root, { recursive: true });
  dir = mkdtempSync(join(root, 'client-'));
});
afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const WALK_THROUGH = `
import createClient from 'openapi-fetch';
import type { components, paths } from './api.js';

type Rag = 'on-target' | 'at-risk' | 'off-target' | 'complete';

export async function walkThrough(baseUrl: string, token: string) {
  const api = createClient<paths>({ baseUrl, headers: { Authorization: \`Bearer \${token}\` } });
  const must = <T>(r: { data?: T; error?: unknown; response: Response }): T => {
    if (r.data === undefined) throw new Error(\`\${r.response.status}: \${JSON.stringify(r.error)}\`);
    return r.data;
  };
  const statuses: number[] = [];
  const seen = <R extends { response: Response }>(r: R): R => (statuses.push(r.response.status), r);

  const plan = must(seen(await api.POST('/api/v1/plans', {
    body: { title: 'Priority action plan', kind: 'priority-action-plan', localArea: 'Wolverhampton', inspectionReportPublishedOn: '2022-10-03' },
  })));
  const submitBy: string | null = plan.deadlines.submitBy;

  // percentComplete, milestone and status have defaults: optional when creating.
  const created = seen(await api.POST('/api/v1/plans/{planId}/actions', {
    params: { path: { planId: plan.id } },
    body: { ref: '1.1', title: 'Review the EHC needs assessment pathway', startDate: '2022-04-01', dueDate: '2022-10-31' },
  }));
  const action: components['schemas']['Action'] = must(created);
  const rag: Rag | null = action.rag;
  const etag = created.response.headers.get('ETag')!;

  const updated = must(seen(await api.PATCH('/api/v1/actions/{id}', {
    params: { path: { id: action.id }, header: { 'if-match': etag } },
    body: { percentComplete: 40, status: 'in-progress', ragOverride: null },
  })));
  const stale = seen(await api.PATCH('/api/v1/actions/{id}', {
    params: { path: { id: action.id }, header: { 'if-match': etag } },
    body: { percentComplete: 50 },
  }));
  const currentVersion: number | undefined = stale.error?.currentVersion;

  const late = must(seen(await api.GET('/api/v1/plans/{planId}/actions', {
    params: { path: { planId: plan.id }, query: { behindSchedule: true, asOf: '2022-11-18', limit: 10 } },
  })));

  const project = must(seen(await api.POST('/api/v1/plans/{planId}/projects', {
    params: { path: { planId: plan.id } },
    body: { code: 'PR000681', name: 'Culture of Inclusion', author: 'SEND programme manager' },
  })));
  const report = must(seen(await api.POST('/api/v1/projects/{projectId}/highlight-reports', {
    params: { path: { projectId: project.id } },
    body: { periodStart: '2022-11-01', periodEnd: '2022-11-30', overallStatus: 'at-risk', summary: 'On track apart from assessments.' },
  })));
  const previous: Rag | null = report.previousOverallStatus;
  const published = must(seen(await api.POST('/api/v1/highlight-reports/{id}/publish', {
    params: { path: { id: report.id }, header: { 'if-match': \`"\${report.version}"\` } },
  })));
  const pdf = seen(await api.GET('/api/v1/highlight-reports/{id}/pdf', { params: { path: { id: report.id } }, parseAs: 'arrayBuffer' }));
  const bytes = new Uint8Array(must(pdf));

  return {
    statuses, submitBy, rag, updatedVersion: updated.version, currentVersion, lateRefs: late.items.map((a) => a.ref),
    previous, state: published.state, pdfType: pdf.response.headers.get('content-type'),
    pdfStart: new TextDecoder().decode(bytes.subarray(0, 5)),
  };
}

// Never called: what the types must refuse.
export async function refused(api: ReturnType<typeof createClient<paths>>) {
  // @ts-expect-error a query boolean is a boolean
  await api.GET('/api/v1/plans/{planId}/actions', { params: { path: { planId: 'p' }, query: { behindSchedule: 'yes' } } });
  // @ts-expect-error a required field (dueDate) is missing
  await api.POST('/api/v1/plans/{planId}/actions', { params: { path: { planId: 'p' } }, body: { ref: '1', title: 'x' } });
  // @ts-expect-error no such operation
  await api.PUT('/api/v1/actions/{id}', { params: { path: { id: 'a' } } });
}
`;

describe('a client generated from the OpenAPI document', () => {
  it('typechecks a walk-through and runs it against the server', { timeout: 120_000 }, async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const types = astToString(await openapiTS(doc));
    writeFileSync(join(dir, 'api.ts'), types);
    const walk = join(dir, 'walk-through.ts');
    writeFileSync(walk, WALK_THROUGH);

    const program = ts.createProgram([walk], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      types: [],
      skipLibCheck: true,
      noUnusedLocals: false,
    });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file ? `${d.file.fileName.split('/').pop()}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1} ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(errors).toEqual([]);

    const { walkThrough } = (await import(walk)) as { walkThrough: (baseUrl: string, token: string) => Promise<Record<string, unknown>> };
    const result = await walkThrough(baseUrl, ADMIN_TOKEN);
    expect(result).toMatchObject({
      statuses: [201, 201, 200, 412, 200, 201, 201, 200, 200],
      submitBy: '2022-11-14',
      rag: 'off-target',
      updatedVersion: 2,
      currentVersion: 2,
      lateRefs: ['1.1'],
      previous: null,
      state: 'published',
      pdfType: 'application/pdf',
      pdfStart: '%PDF-',
    });
  });
});
