import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const plan = { title: 'Wolverhampton SEND Written Statement of Action', kind: 'wsoa', localArea: 'Wolverhampton', inspectionReportPublishedOn: '2021-11-05' };

describe('plans', () => {
  it('creates a plan with its statutory deadlines, Location and ETag', async () => {
    const res = await t.admin.post('/api/v1/plans', plan);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(res.headers.location).toBe(`/api/v1/plans/${body.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(body).toMatchObject({ ...plan, version: 1, principalAuthority: null });
    expect(body.deadlines).toEqual({ submitBy: '2021-12-17', publishBy: '2022-02-16', monitoringInspectionBy: '2023-05-05', nextReviewBy: null });
    const got = await t.admin.get(body.id ? `/api/v1/plans/${body.id}` : '');
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toEqual(body);
  });

  it('has null deadlines without a publication date', async () => {
    const res = await t.admin.post('/api/v1/plans', { title: 'Improvement plan', kind: 'improvement-plan', localArea: 'Leeds' });
    expect(res.json().deadlines).toEqual({ submitBy: null, publishBy: null, monitoringInspectionBy: null, nextReviewBy: null });
  });

  it('names every bad field, unknown fields included', async () => {
    const res = await t.admin.post('/api/v1/plans', { title: '', kind: 'plan', surprise: true, inspectionReportPublishedOn: '2022-02-30' });
    const p = problem(res, 400);
    const paths = p.errors!.map((e) => e.path).sort();
    expect(paths).toEqual(['inspectionReportPublishedOn', 'kind', 'localArea', 'surprise', 'title']);
    expect(p.errors!.find((e) => e.path === 'surprise')!.message).toMatch(/unknown field/);
    expect(p.errors!.find((e) => e.path === 'localArea')!.message).toBe('is required');
    expect(JSON.stringify(p)).not.toMatch(/at .*\.ts|SQLITE|stack/i);
  });

  it('rejects malformed JSON and wrong media types as problems', async () => {
    problem(await t.admin.post('/api/v1/plans', '{"title": '), 400);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/plans',
      headers: { authorization: t.admin ? 'Bearer test-admin-token-0123456789' : '', 'content-type': 'text/plain' },
      payload: 'hello',
    });
    problem(res, 415);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await t.admin.post('/api/v1/plans', { ...plan, title: 'x'.repeat(2 * 1024 * 1024) });
    problem(res, 413);
  });

  it('updates partially, bumps the version, honours If-Match', async () => {
    const created = (await t.admin.post('/api/v1/plans', plan)).json();
    const url = `/api/v1/plans/${created.id}`;
    const stale = await t.admin.patch(url, { principalAuthority: 'City of Wolverhampton Council' }, { 'if-match': '"7"' });
    expect(problem(stale, 412)).toMatchObject({ currentVersion: 1 });
    expect((await t.admin.get(url)).json().principalAuthority).toBeNull();

    const ok = await t.admin.patch(url, { principalAuthority: 'City of Wolverhampton Council' }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ version: 2, principalAuthority: 'City of Wolverhampton Council', title: plan.title });

    // If-Match compares strongly: a weak validator never matches, even of the current version.
    expect(problem(await t.admin.patch(url, { inspectionReportPublishedOn: null }, { 'if-match': 'W/"2"' }), 412)).toMatchObject({ currentVersion: 2 });
    const cleared = await t.admin.patch(url, { inspectionReportPublishedOn: null }, { 'if-match': '"2"' });
    expect(cleared.json()).toMatchObject({ version: 3, deadlines: { submitBy: null } });

    const noop = await t.admin.patch(url, {});
    expect(noop.json().version).toBe(3);
    problem(await t.admin.patch(url, { title: null }), 400);
  });

  it('deletes with If-Match, then 404', async () => {
    const created = (await t.admin.post('/api/v1/plans', plan)).json();
    const url = `/api/v1/plans/${created.id}`;
    problem(await t.admin.delete(url, { 'if-match': '"9"' }), 412);
    const del = await t.admin.delete(url, { 'if-match': '"1"' });
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe('');
    problem(await t.admin.get(url), 404);
    problem(await t.admin.patch(url, { title: 'x' }), 404);
    problem(await t.admin.delete(url), 404);
  });

  it('404s on unknown and malformed ids', async () => {
    problem(await t.admin.get('/api/v1/plans/pln_nope'), 404);
    problem(await t.admin.get('/api/v1/plans/%27%3B%20drop'), 400);
    problem(await t.admin.get('/api/v1/nothing-here'), 404);
  });

  it('pages with limit and cursor, in creation order', async () => {
    const fresh = await createTestApp();
    try {
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await fresh.admin.post('/api/v1/plans', { ...plan, title: `Plan ${i}` })).json().id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await fresh.admin.get(`/api/v1/plans?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.items.length).toBeLessThanOrEqual(3);
        seen.push(...body.items.map((p: { id: string }) => p.id));
        cursor = body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(ids);
      expect((await fresh.admin.get('/api/v1/plans')).json().items).toHaveLength(7);
      problem(await fresh.admin.get('/api/v1/plans?limit=501'), 400);
      problem(await fresh.admin.get('/api/v1/plans?limit=0'), 400);
      problem(await fresh.admin.get('/api/v1/plans?cursor=garbage!'), 400);
    } finally {
      await fresh.close();
    }
  });
});
