// The spreadsheet and calendar routes in the OpenAPI document: summaries, request and response schemas,
// errors as problems, and the media types an upload may take.
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type TestApp } from '../helpers/app.js';
import { readWorkbook } from './helpers.js';

let t: TestApp;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let doc: any;
beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
});
afterAll(() => t.close());

const ROUTES: [string, string][] = [
  ['/api/v1/plans/{planId}/import', 'post'],
  ['/api/v1/import-jobs/{id}', 'get'],
  ['/api/v1/plans/{planId}/export.xlsx', 'get'],
  ['/api/v1/plans/{planId}/export.csv', 'get'],
  ['/api/v1/spreadsheet-template.xlsx', 'get'],
  ['/api/v1/plans/{planId}/calendar.ics', 'get'],
];

describe('OpenAPI for spreadsheets and calendars', () => {
  it('is still a valid document', async () => {
    await SwaggerParser.validate(structuredClone(doc));
  });

  it('documents each route with a summary, parameters and declared problems', () => {
    for (const [path, method] of ROUTES) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op.summary).toEqual(expect.any(String));
      expect(op.tags).toEqual(['Spreadsheets and calendar']);
      expect(op.parameters?.length ?? 0, `${path} parameters`).toBeGreaterThan(0);
      const codes = Object.keys(op.responses);
      expect(codes).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
      if (path.includes('{')) expect(codes).toContain('404');
      for (const code of codes.filter((c) => /^[45]/.test(c))) {
        expect(Object.keys(op.responses[code].content), `${path} ${code}`).toEqual(['application/problem+json']);
        expect(JSON.stringify(op.responses[code].content)).toContain('#/components/schemas/Problem');
      }
    }
  });

  it('names every way to send an upload, and the job and problem shapes', () => {
    const op = doc.paths['/api/v1/plans/{planId}/import'].post;
    expect(Object.keys(op.requestBody.content).sort()).toEqual([
      'application/json',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'multipart/form-data',
      'text/csv',
    ]);
    expect(op.requestBody.content['application/json'].schema.required).toEqual(['content']);
    expect(op.responses['202'].content['application/json'].schema.$ref).toBe('#/components/schemas/ImportJob');
    expect(op.responses['413']).toBeDefined();
    expect(op.responses['415']).toBeDefined();
    expect(JSON.stringify(op.responses['400'])).toContain('#/components/schemas/SheetProblem');
    expect(Object.keys(doc.components.schemas.SheetProblem.properties)).toEqual(['sheet', 'row', 'column', 'cell', 'path', 'message']);
    const query = op.parameters.filter((p: { in: string }) => p.in === 'query').map((p: { name: string }) => p.name);
    expect(query).toEqual(['dryRun', 'sheet']);
  });

  it('answers a malformed id with a 400 problem', async () => {
    for (const [path, method] of ROUTES) {
      if (!path.includes('{')) continue;
      const res = await t.app.inject({
        method: method.toUpperCase() as 'GET',
        url: path.replace(/\{\w+\}/g, '%27%3B%20drop'),
        headers: { authorization: 'Bearer test-admin-token-0123456789', ...(method === 'post' ? { 'content-type': 'application/json' } : {}) },
        ...(method === 'post' ? { payload: '{}' } : {}),
      });
      problem(res, 400);
    }
  });

  it('serves a template of chosen sheets', async () => {
    const res = await t.admin.get('/api/v1/spreadsheet-template.xlsx?sheets=actions,Risks');
    expect(res.statusCode).toBe(200);
    expect((await readWorkbook(res.rawPayload)).worksheets.map((w) => w.name)).toEqual(['Actions', 'Risks', 'Guide']);
    problem(await t.admin.get('/api/v1/spreadsheet-template.xlsx?sheets=gantt'), 400);
    problem(await t.admin.get('/api/v1/spreadsheet-template.xlsx?sheets=,'), 400);
  });
});
