import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, tokenFor, type TestApp } from '../helpers/app.js';

let t: TestApp;
let planId: string;
beforeAll(async () => {
  t = await createTestApp();
  planId = (await t.admin.post('/api/v1/plans', { title: 'Priority action plan', kind: 'priority-action-plan', localArea: 'Testshire', inspectionReportPublishedOn: '2023-03-10' })).json().id;
  await t.admin.post(`/api/v1/plans/${planId}/actions`, { ref: '1.1', title: 'Publish the local offer', dueDate: '2023-06-30' });
});
afterAll(() => t.close());

describe('calendar feeds', () => {
  it('gives a secret URL that a calendar app can subscribe to without a token, until revoked', async () => {
    const created = await t.admin.post(`/api/v1/plans/${planId}/calendar-feeds`, { name: 'Scrutiny members' });
    expect(created.statusCode).toBe(201);
    const { id, url } = created.json();
    expect(url).toMatch(/^\/calendars\/[A-Za-z0-9_-]{32}\.ics$/);

    const feed = await t.app.inject({ method: 'GET', url });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const events = Object.values(ical.sync.parseICS(feed.body)).filter((e) => e.type === 'VEVENT') as { summary: string }[];
    expect(events.some((e) => /1\.1/.test(e.summary))).toBe(true);
    expect(events.some((e) => /submit/i.test(e.summary))).toBe(true);

    const list = (await t.admin.get(`/api/v1/plans/${planId}/calendar-feeds`)).json();
    expect(JSON.stringify(list)).not.toContain(url.slice(11, -4));
    expect(JSON.stringify(await t.query('select * from calendar_feeds'))).not.toContain(url.slice(11, -4));

    expect((await t.admin.delete(`/api/v1/calendar-feeds/${id}`)).statusCode).toBe(204);
    problem(await t.app.inject({ method: 'GET', url }), 404);
  });

  it('refuses unknown secrets and viewers', async () => {
    problem(await t.app.inject({ method: 'GET', url: `/calendars/${'a'.repeat(32)}.ics` }), 404);
    problem(await t.app.inject({ method: 'GET', url: '/calendars/x.ics' }), 400);
    const viewer = t.as(await tokenFor(t, 'viewer'));
    problem(await viewer.post(`/api/v1/plans/${planId}/calendar-feeds`, { name: 'x' }), 403);
  });
});
