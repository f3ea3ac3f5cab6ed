// The plan's calendar lists each measure's milestone and target dates as all-day events.
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let planId: string;
let measureId: string;

beforeAll(async () => {
  t = await createTestApp();
  planId = (await t.admin.post('/api/v1/plans', { title: 'WSoA', kind: 'wsoa', localArea: 'Wolverhampton' })).json().id;
  measureId = (
    await t.admin.post(`/api/v1/plans/${planId}/measures`, {
      ref: 'M2.1',
      title: 'EHC plans issued within 20 weeks',
      definition: 'Final plans within 20 weeks, excluding exceptions.',
      unit: '%',
      direction: 'higher-is-better',
      baseline: { value: 31, period: '2022-01-31' },
      milestones: [{ by: '2022-07-31', value: 50 }],
      target: { value: 80, by: '2023-03-31' },
    })
  ).json().id;
});
afterAll(() => t.close());

describe('calendar', () => {
  it('has each milestone and the target of a measure', async () => {
    const res = await t.admin.get(`/api/v1/plans/${planId}/calendar.ics`);
    expect(res.statusCode).toBe(200);
    const events = Object.values(ical.sync.parseICS(res.body)).filter((c): c is VEvent => c.type === 'VEVENT');
    const byUid = Object.fromEntries(events.map((e) => [e.uid, e]));
    const milestone = byUid[`measure-${measureId}-milestone-0@send-plan-tracker`]!;
    expect(milestone.summary).toBe('Measure M2.1 milestone: 50% – EHC plans issued within 20 weeks');
    expect(milestone.datetype).toBe('date');
    const target = byUid[`measure-${measureId}-target@send-plan-tracker`]!;
    expect(target.summary).toBe('Measure M2.1 target: 80% – EHC plans issued within 20 weeks');
    expect(target.description).toContain('Target: 80% by 31/03/2023');
  });
});
