// Meeting items {type: "changes"} and {type: "review"}: the changes page covers the time since the
// committee's previous meeting (or an explicit since), and both print inside the pack with correct ranges.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ok, problem, type TestApp } from '../helpers/app.js';
import { flat, pdfPagesText } from '../helpers/pdf.js';

let t: TestApp;
let clock = new Date('2022-09-01T09:00:00Z');
const on = (iso: string) => (clock = new Date(iso));
const ids: Record<string, string> = {};
const COMMITTEE = 'SEND Written Statement of Action - Cross Party Scrutiny Review Group';

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  const c = t.admin;
  const plan = await ok(await c.post('/api/v1/plans', { title: 'Wolverhampton SEND Written Statement of Action', kind: 'wsoa', localArea: 'Wolverhampton' }), 201);
  ids.plan = plan.id;
  const area = await ok(await c.post(`/api/v1/plans/${plan.id}/areas`, { number: 2, title: 'EHC plans' }), 201);
  const act = async (ref: string, title: string, dueDate: string) =>
    (ids[ref] = (await ok(await c.post(`/api/v1/plans/${plan.id}/actions`, { ref, title, areaId: area.id, dueDate, startDate: '2022-01-01', percentComplete: 60, status: 'in-progress' }), 201)).id);
  await act('2.1', 'Full review of statutory assessment', '2022-09-30');
  await act('2.2', 'Revised EHC plan co-produced', '2022-12-31');
  await act('2.5', 'Signposting to CDC training', '2022-10-31');
  ids.first = (await ok(await c.post('/api/v1/meetings', { committee: COMMITTEE, startsAt: '2022-09-27T17:00:00Z', items: [{ number: 1, title: 'Apologies' }] }), 201)).id;
  // Another committee meeting in between: not "the previous meeting".
  await ok(await c.post('/api/v1/meetings', { committee: 'Scrutiny Board', startsAt: '2022-10-15T17:00:00Z', items: [{ number: 1, title: 'Apologies' }] }), 201);

  on('2022-10-10T10:00:00Z');
  await ok(await c.patch(`/api/v1/actions/${ids['2.1']}`, { revisedDueDate: '2023-03-31', delayReason: 'Leaving the EHC hub', mitigation: 'Capita by March 2023' }));
  await ok(await c.patch(`/api/v1/actions/${ids['2.5']}`, { revisedDueDate: '2022-12-31' }));
  on('2022-11-01T10:00:00Z');
  await ok(await c.patch(`/api/v1/actions/${ids['2.5']}`, { revisedDueDate: '2023-01-31' }));
  await ok(await c.patch(`/api/v1/actions/${ids['2.2']}`, { status: 'complete', percentComplete: 100 }));
  ids.review = (await ok(await c.post(`/api/v1/plans/${plan.id}/reviews`, { title: 'WSoA Review Meeting (MR3)', heldOn: '2022-11-07', agreedActions: [{ text: 'Advisers offer to facilitate workstream leads session on evaluation.', who: 'PT/HB', when: 'TBA' }] }), 201)).id;
  on('2022-12-01T10:00:00Z');
  ids.second = (
    await ok(
      await c.post('/api/v1/meetings', {
        committee: COMMITTEE,
        startsAt: '2022-12-13T18:00:00Z',
        items: [
          { number: 1, title: 'Apologies for absence', section: 'procedural' },
          { number: 2, title: 'What changed since the last meeting', section: 'discussion', document: { type: 'changes', planId: plan.id } },
          { number: 3, title: 'WSoA Review Meeting (MR3)', section: 'discussion', document: { type: 'review', id: ids.review } },
          { number: 4, title: 'Changes since the review', section: 'information', document: { type: 'changes', planId: plan.id, since: '2022-11-07' } },
        ],
      }),
      201,
    )
  ).id;
});
afterAll(() => t.close());

describe('meeting items: changes and review', () => {
  it('the pack places both documents with their page ranges', async () => {
    const ranges = await ok(await t.admin.get(`/api/v1/meetings/${ids.second}/pack`));
    expect(ranges.items.map((i: { number: number; firstPage: number | null }) => [i.number, i.firstPage])).toEqual([
      [1, null],
      [2, 1],
      [3, 3],
      [4, expect.any(Number)],
    ]);
    const res = await t.admin.get(`/api/v1/meetings/${ids.second}/pack/pdf`);
    expect(res.statusCode).toBe(200);
    const pdf = res.rawPayload;
    if (process.env.KEEP_PDF) writeFileSync(join(process.env.KEEP_PDF, 'meeting-changes.pdf'), pdf);
    const pages = pdfPagesText(pdf).map(flat);
    const changesPage = pages.find((p) => p.includes('What changed since the previous meeting (27/09/2022)'))!;
    expect(changesPage).toBeDefined();
    expect(changesPage).toContain('2 actions re-dated');
    expect(changesPage).toContain('1 action completed');
    expect(changesPage).toMatch(/2\.5 Signposting to CDC training 31\/10\/2022 31\/01\/2023 2 92/);
    expect(changesPage).toMatch(/2\.1 Full review of statutory assessment 30\/09\/2022 31\/03\/2023 1 182/);
    expect(pages.some((p) => p.includes('Are there any actions behind schedule? Yes'))).toBe(true);
    const sinceReview = pages.find((p) => p.includes('What changed since 07/11/2022'))!;
    // Nothing was recorded after the review, but time moved: 60% done is behind the time elapsed by 13 December.
    expect(sinceReview).toContain('1 RAG change RAG changes Ref Title Was Now 2.5 Signposting to CDC training On Target At Risk');
  });

  it('the public meeting page serves both items as web pages, without a token', async () => {
    const changes = await t.app.inject({ method: 'GET', url: `/meetings/${ids.second}/items/2` });
    expect(changes.statusCode).toBe(200);
    expect(changes.headers['content-type']).toMatch(/^text\/html/);
    expect(flat(changes.body.replace(/<[^>]+>/g, ' '))).toContain('What changed since the previous meeting (27/09/2022)');
    const review = await t.app.inject({ method: 'GET', url: `/meetings/${ids.second}/items/3` });
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('Are there any actions behind schedule?');
  });

  it('unknown plans and reviews in agenda documents are named', async () => {
    const p = problem(
      await t.admin.post('/api/v1/meetings', {
        committee: COMMITTEE,
        startsAt: '2023-01-10T18:00:00Z',
        items: [
          { number: 1, title: 'x', document: { type: 'changes', planId: 'pln_nope' } },
          { number: 2, title: 'y', document: { type: 'review', id: 'rev_nope' } },
          { number: 3, title: 'z', document: { type: 'changes', planId: ids.plan, since: '2022-13-01' } },
        ],
      }),
      400,
    );
    expect(p.errors?.map((e) => e.path)).toEqual(['items.2.document.since']);
    const q = problem(
      await t.admin.post('/api/v1/meetings', {
        committee: COMMITTEE,
        startsAt: '2023-01-10T18:00:00Z',
        items: [
          { number: 1, title: 'x', document: { type: 'changes', planId: 'pln_nope' } },
          { number: 2, title: 'y', document: { type: 'review', id: 'rev_nope' } },
        ],
      }),
      400,
    );
    expect(q.errors?.map((e) => e.path)).toEqual(['items.0.document.planId', 'items.1.document.id']);
  });
});
