// Responses are serialized by fast-json-stringify compiled from the zod response schemas: on the
// Wolverhampton example, every resource must come out byte for byte as zod's parse + JSON.stringify
// (the serializer of fastify-type-provider-zod) wrote it, unknown keys dropped, missing ones refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadExample, type ExampleIds } from '../../src/example/load.js';
import { Action } from '../../src/resources/actions/schemas.js';
import { AreaUpdate } from '../../src/resources/area-updates/schemas.js';
import { Area } from '../../src/resources/areas/schemas.js';
import { HighlightReport } from '../../src/resources/highlight-reports/schemas.js';
import { Meeting } from '../../src/resources/meetings/schemas.js';
import { Plan } from '../../src/resources/plans/schemas.js';
import { Project, Workstream } from '../../src/resources/projects/schemas.js';
import { Benefit, Dependency, Issue, Risk } from '../../src/resources/registers/schemas.js';
import { pageOf } from '../../src/shared/pagination.js';
import { Problem } from '../../src/shared/problem.js';
import { compileZodStringify } from '../../src/shared/response-serializer.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let ids: ExampleIds;
beforeAll(async () => {
  t = await createTestApp();
  ids = await loadExample(t.app);
});
afterAll(() => t.close());

const zodWay = (schema: z.ZodType, data: unknown) => JSON.stringify(schema.parse(data));

function same(schema: z.ZodType, data: unknown) {
  const fast = compileZodStringify(schema);
  expect(fast).not.toBeNull();
  expect(fast!(data)).toBe(zodWay(schema, data));
}

/** The route's serializer: the fast one when it can match zod exactly, zod's otherwise. */
const served = (schema: z.ZodType, data: unknown) => (compileZodStringify(schema) ?? ((d: unknown) => zodWay(schema, d)))(data);

describe('fast response serialization', () => {
  it('writes every resource of the example exactly as zod did', async () => {
    const s = t.app.services;
    const all = { limit: 500 };
    same(Plan, await s.plans.get(ids.planId));
    same(pageOf(Area), await s.areas.list(ids.planId, all));
    same(Project, await s.projects.get(ids.projectId));
    same(pageOf(Workstream), await s.workstreams.list(ids.projectId, all));
    const actions = await s.actions.list(ids.planId, all as never);
    expect(actions.items.length).toBeGreaterThan(20);
    same(pageOf(Action), actions);
    for (const a of actions.items) same(Action, a);
    same(pageOf(Risk), await s.risks.list(ids.projectId, all));
    same(pageOf(Issue), await s.issues.list(ids.projectId, all));
    same(pageOf(Dependency), await s.dependencies.list(ids.projectId, all));
    same(pageOf(Benefit), await s.benefits.list(ids.projectId, all));
    const reports = await s.highlightReports.list(ids.projectId, all as never);
    expect(reports.items.some((r) => r.state === 'published')).toBe(true);
    same(pageOf(HighlightReport), reports);
    for (const areaId of Object.values(ids.areaIds)) same(pageOf(AreaUpdate), await s.areaUpdates.list(areaId, all));
    // A meeting's items have optional fields before required ones: fast-json-stringify would reorder them.
    expect(compileZodStringify(Meeting)).toBeNull();
    const meeting = await s.meetings.get(ids.meetingId!);
    expect(served(Meeting, meeting)).toBe(zodWay(Meeting, meeting));
    const problem = { type: '/problems/x', title: 'X', status: 400, detail: 'd', errors: [{ in: 'body', path: 'a.0', message: 'is required' }] };
    expect(served(Problem, problem)).toBe(zodWay(Problem, problem));
  });

  it('drops keys the schema does not name, as zod’s parse does', () => {
    const schema = z.object({ id: z.string(), nested: z.object({ a: z.number() }) });
    const data = { id: 'x', secret: 'no', nested: { a: 1, hidden: true } };
    same(schema, data);
    expect(compileZodStringify(schema)!(data)).toBe('{"id":"x","nested":{"a":1}}');
  });

  it('refuses a response missing a required field (a 500, as with zod)', () => {
    expect(() => compileZodStringify(z.object({ id: z.string(), version: z.number() }))!({ id: 'x' })).toThrow();
  });

  it('keeps zod for what JSON Schema cannot express, or where keys would move', () => {
    expect(compileZodStringify(z.string().transform((v) => v.length))).toBeNull();
    expect(compileZodStringify(z.object({ a: z.string().optional(), b: z.string() }))).toBeNull();
    expect(compileZodStringify(z.object({ b: z.string(), a: z.string().optional() }))).not.toBeNull();
  });

  it('serves the API through it', async () => {
    const res = await t.admin.get(`/api/v1/plans/${ids.planId}/actions?limit=5`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(zodWay(pageOf(Action), res.json()));
  });
});
