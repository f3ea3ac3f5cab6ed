// Monitoring reviews: CRUD, what each read fills in as of heldOn, nextReviewBy in the plan's deadlines and
// calendar, and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ok, problem, type TestApp, tokenFor } from '../helpers/app.js';

let t: TestApp;
let planId = '';
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const c = t.admin;
  planId = (await ok(await c.post('/api/v1/plans', { title: 'WSoA', kind: 'wsoa', localArea: 'Wolverhampton', reviewCadenceMonths: 4 }), 201)).id;
  ids.area1 = (await ok(await c.post(`/api/v1/plans/${planId}/areas`, { number: 1, title: 'Identifying SEND' }), 201)).id;
  ids.area2 = (await ok(await c.post(`/api/v1/plans/${planId}/areas`, { number: 2, title: 'EHC plans' }), 201)).id;
  const act = async (ref: string, areaId: string | null, dueDate: string, extra: Record<string, unknown> = {}) =>
    (ids[ref] = (await ok(await c.post(`/api/v1/plans/${planId}/actions`, { ref, title: `Action ${ref}`, areaId, dueDate, ...extra }), 201)).id);
  await act('2.12', ids.area2!, '2022-10-31', { delayReason: 'QA Officer recruitment delayed', mitigation: 'Practice week after appointment' });
  await act('2.1', ids.area2!, '2022-09-30', { revisedDueDate: '2023-03-31', delayReason: 'Leaving the EHC hub', mitigation: 'Capita by March 2023' });
  await act('1.1', ids.area1!, '2022-12-31');
  await act('1.2', ids.area1!, '2022-06-30', { status: 'complete', percentComplete: 100 });
  await act('2.3', ids.area2!, '2022-11-30'); // due after the review: not behind on 7 November
  await act('9.9', null, '2022-01-31'); // a project task without an area: not in the plan's areas
  await ok(await c.post(`/api/v1/areas/${ids.area1}/updates`, { asOf: '2022-06-30', done: ['Old'], next: ['Old next'] }), 201);
  await ok(await c.post(`/api/v1/areas/${ids.area1}/updates`, { asOf: '2022-11-01', done: ['Graduated Approach launched'], next: ['Parent guide'], evidenceOfImpact: 'SENCO survey baseline' }), 201);
  await ok(await c.post(`/api/v1/areas/${ids.area1}/updates`, { asOf: '2022-11-18', done: ['Later'], next: [] }), 201);
});

afterAll(async () => {
  await t.close();
});

const review = (over: Record<string, unknown> = {}) => ({
  title: 'Wolverhampton WSoA Review Meeting (MR3)',
  heldOn: '2022-11-07',
  venue: 'The Gem Centre, Wolverhampton',
  attendees: [{ name: 'Pat Tate', organisation: 'Department of Education' }],
  apologies: [{ name: 'Sally Roberts', role: 'Chief Nursing Officer', organisation: 'Black Country ICB' }],
  supportReceived: [{ activity: 'General support for Head of Service', provider: 'DfE Adviser', impact: 'Reassurance' }],
  agreedActions: [{ text: 'Advisers offer to facilitate workstream leads session on evaluation.', who: 'PT/HB', when: 'TBA' }],
  ...over,
});

describe('reviews', () => {
  it('before any review the plan has no nextReviewBy', async () => {
    const plan = await ok(await t.admin.get(`/api/v1/plans/${planId}`));
    expect(plan.reviewCadenceMonths).toBe(4);
    expect(plan.deadlines.nextReviewBy).toBeNull();
  });

  it('creates a review filled in from live data as of heldOn', async () => {
    const first = await ok(
      await t.admin.post(`/api/v1/plans/${planId}/reviews`, review({ title: '4 month review', heldOn: '2022-06-15', agreedActions: [{ text: 'Share PFA audit tool', who: 'HB' }] })),
      201,
    );
    expect(first.previousReviewId).toBeNull();
    expect(first.actionsFromPreviousReview).toEqual([]);
    expect(first.agreedActions).toEqual([{ text: 'Share PFA audit tool', who: 'HB', status: 'open' }]);
    ids.first = first.id;

    const res = await t.admin.post(`/api/v1/plans/${planId}/reviews`, review());
    const mr3 = await ok(res, 201);
    expect(res.headers.location).toBe(`/api/v1/reviews/${mr3.id}`);
    expect(res.headers.etag).toBe('"1"');
    ids.mr3 = mr3.id;
    expect(mr3.previousReviewId).toBe(first.id);
    expect(mr3.actionsFromPreviousReview).toEqual([{ text: 'Share PFA audit tool', who: 'HB', status: 'open' }]);
    expect(mr3.behindSchedule).toEqual([
      { actionId: ids['2.1'], ref: '2.1', title: 'Action 2.1', dueDate: '2022-09-30', revisedDueDate: '2023-03-31', reason: 'Leaving the EHC hub', mitigation: 'Capita by March 2023' },
      { actionId: ids['2.12'], ref: '2.12', title: 'Action 2.12', dueDate: '2022-10-31', revisedDueDate: null, reason: 'QA Officer recruitment delayed', mitigation: 'Practice week after appointment' },
    ]);
    expect(mr3.areas).toEqual([
      { areaId: ids.area1, number: 1, title: 'Identifying SEND', progress: ['Graduated Approach launched'], evidenceOfImpact: 'SENCO survey baseline', nextSteps: ['Parent guide'], measures: [] },
      { areaId: ids.area2, number: 2, title: 'EHC plans', progress: [], evidenceOfImpact: null, nextSteps: [], measures: [] },
    ]);
  });

  it('the previous review’s agreed actions show as they stand now', async () => {
    await ok(await t.admin.patch(`/api/v1/reviews/${ids.first}`, { agreedActions: [{ text: 'Share PFA audit tool', who: 'HB', when: 'Action completed', status: 'done' }] }));
    const mr3 = await ok(await t.admin.get(`/api/v1/reviews/${ids.mr3}`));
    expect(mr3.actionsFromPreviousReview).toEqual([{ text: 'Share PFA audit tool', who: 'HB', when: 'Action completed', status: 'done' }]);
    const list = await ok(await t.admin.get(`/api/v1/plans/${planId}/reviews`));
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([ids.first, ids.mr3]);
  });

  it('nextReviewBy: heldOn plus the cadence, else the agreed nextReviewOn; the calendar lists it', async () => {
    let plan = await ok(await t.admin.get(`/api/v1/plans/${planId}`));
    expect(plan.deadlines.nextReviewBy).toBe('2023-03-07');
    let ics = (await t.admin.get(`/api/v1/plans/${planId}/calendar.ics`)).body.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('DTSTART;VALUE=DATE:20230307');
    expect(ics).toContain('Next monitoring review with DfE and NHS England');
    await ok(await t.admin.patch(`/api/v1/reviews/${ids.mr3}`, { nextReviewOn: '2023-03-14' }));
    plan = await ok(await t.admin.get(`/api/v1/plans/${planId}`));
    expect(plan.deadlines.nextReviewBy).toBe('2023-03-14');
    ics = (await t.admin.get(`/api/v1/plans/${planId}/calendar.ics`)).body;
    expect(ics).toContain('DTSTART;VALUE=DATE:20230314');
    // Without a cadence and without nextReviewOn: null.
    await ok(await t.admin.patch(`/api/v1/reviews/${ids.mr3}`, { nextReviewOn: null }));
    await ok(await t.admin.patch(`/api/v1/plans/${planId}`, { reviewCadenceMonths: null }));
    plan = await ok(await t.admin.get(`/api/v1/plans/${planId}`));
    expect(plan.deadlines.nextReviewBy).toBeNull();
    await ok(await t.admin.patch(`/api/v1/plans/${planId}`, { reviewCadenceMonths: 4 }));
  });

  it('bad input gets a problem naming the field, and nothing is written', async () => {
    const before = (await ok(await t.admin.get(`/api/v1/plans/${planId}/reviews`))).items.length;
    let p = problem(await t.admin.post(`/api/v1/plans/${planId}/reviews`, review({ agreedActions: [{ text: 'ok', who: 'PT' }, { who: 'PT' }] })), 400);
    expect(p.errors?.map((e) => e.path)).toEqual(['agreedActions.1.text']);
    p = problem(await t.admin.post(`/api/v1/plans/${planId}/reviews`, review({ agreedActions: [{ text: '   ' }] })), 400);
    expect(p.errors?.map((e) => e.path)).toEqual(['agreedActions.0.text']);
    p = problem(await t.admin.post(`/api/v1/plans/${planId}/reviews`, review({ supportReceived: [{ activity: 'x' }, { areaId: 'are_unknown', activity: 'y' }] })), 400);
    expect(p.errors?.map((e) => e.path)).toEqual(['supportReceived.1.areaId']);
    p = problem(await t.admin.patch(`/api/v1/reviews/${ids.mr3}`, { supportReceived: [{ areaId: 'are_unknown', activity: 'y' }] }), 400);
    expect(p.errors?.map((e) => e.path)).toEqual(['supportReceived.0.areaId']);
    p = problem(await t.admin.post(`/api/v1/plans/${planId}/reviews`, review({ heldOn: '2022-02-30' })), 400);
    expect(p.errors?.map((e) => e.path)).toEqual(['heldOn']);
    problem(await t.admin.post(`/api/v1/plans/${planId}/reviews`, review({ agreedActions: [{ text: 'a', status: 'maybe' }] })), 400);
    problem(await t.admin.post(`/api/v1/plans/${planId}/reviews`, review({ surprise: 1 })), 400);
    problem(await t.admin.patch(`/api/v1/plans/${planId}`, { reviewCadenceMonths: 13 }), 400);
    problem(await t.admin.post(`/api/v1/plans/pln_nope/reviews`, review()), 404);
    expect((await ok(await t.admin.get(`/api/v1/plans/${planId}/reviews`))).items.length).toBe(before);
  });

  it('generated hostile bodies get 201 or a 4xx problem, never a 500', async () => {
    let seed = 16;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const junk = [null, '', ' ', 'x'.repeat(5000), -1, 13, 1e309, true, [], {}, [{}], '2022-02-29', '<script>', { text: 1 }, [{ text: 'ok', status: 'done', extra: 1 }]];
    const keys = ['title', 'heldOn', 'venue', 'attendees', 'apologies', 'generalUpdate', 'supportReceived', 'agreedActions', 'conclusion', 'nextReviewOn', 'author'];
    for (let i = 0; i < 60; i++) {
      const body: Record<string, unknown> = review();
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) body[keys[Math.floor(rnd() * keys.length)]!] = junk[Math.floor(rnd() * junk.length)];
      const res = i % 2 ? await t.admin.post(`/api/v1/plans/${planId}/reviews`, body) : await t.admin.patch(`/api/v1/reviews/${ids.mr3}`, body);
      expect([200, 201, 400, 413], res.body).toContain(res.statusCode);
      if (res.statusCode >= 400) problem(res, res.statusCode);
    }
    const viewer = t.as(await tokenFor(t, 'viewer'));
    expect((await viewer.get(`/api/v1/reviews/${ids.mr3}`)).statusCode).toBe(200);
    problem(await viewer.post(`/api/v1/plans/${planId}/reviews`, review()), 403);
  });

  it('If-Match and delete', async () => {
    problem(await t.admin.patch(`/api/v1/reviews/${ids.first}`, { venue: 'x' }, { 'if-match': '"99"' }), 412);
    expect((await t.admin.delete(`/api/v1/reviews/${ids.first}`)).statusCode).toBe(204);
    const mr3 = await ok(await t.admin.get(`/api/v1/reviews/${ids.mr3}`));
    expect(mr3.previousReviewId).toBeNull();
    problem(await t.admin.get(`/api/v1/reviews/${ids.first}`), 404);
  });
});
