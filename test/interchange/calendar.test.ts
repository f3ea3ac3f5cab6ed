// The plan's calendar: valid iCalendar (parsed here with node-ical) holding the statutory deadlines and
// action due dates as all-day events and the plan's meetings as Europe/London timed events, with UIDs that
// stay the same when the records change.
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type TestApp } from '../helpers/app.js';
import { newPlan } from './helpers.js';

let t: TestApp;
let planId: string;
let otherPlanId: string;
const ids: Record<string, string> = {};

const created = async (url: string, body: unknown) => {
  const res = await t.admin.post(url, body);
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.body}`);
  return res.json().id as string;
};

beforeAll(async () => {
  t = await createTestApp();
  planId = await newPlan(t, { title: 'Wolverhampton SEND Written Statement of Action', kind: 'wsoa', localArea: 'Wolverhampton', inspectionReportPublishedOn: '2021-11-05' });
  otherPlanId = await newPlan(t, { title: 'Another plan' });
  ids.late = await created(`/api/v1/plans/${planId}/actions`, { ref: '2.1', title: 'Review the assessment pathway', dueDate: '2022-09-30', revisedDueDate: '2023-03-31', status: 'in-progress', owner: 'Head of SEND', startDate: '2022-04-01', percentComplete: 40 });
  ids.milestone = await created(`/api/v1/plans/${planId}/actions`, { ref: 'COI-33', title: 'Revised EHCP Assessment pathway developed.', dueDate: '2022-10-31', milestone: true });
  ids.cancelled = await created(`/api/v1/plans/${planId}/actions`, { ref: '9.9', title: 'Dropped', dueDate: '2022-12-31', status: 'cancelled' });
  const project = await created(`/api/v1/plans/${planId}/projects`, { code: 'PR000681', name: 'Culture of Inclusion' });
  const report = await created(`/api/v1/projects/${project}/highlight-reports`, { periodStart: '2022-10-24', periodEnd: '2022-11-20', overallStatus: 'on-target' });
  const meeting = (committee: string, startsAt: string, items: unknown[]) => created('/api/v1/meetings', { committee, startsAt, venue: 'Committee Room 3, Civic Centre', items });
  ids.december = await meeting('SEND Written Statement of Action - Cross Party Scrutiny Review Group', '2022-12-13T18:00:00Z', [
    { number: 1, title: 'Apologies', section: 'procedural' },
    { number: 5, title: 'Culture of Inclusion Highlight Report', presenter: 'Programme Manager', document: { type: 'highlight-report', id: report } },
    { number: 9, title: 'Exempt: staffing matter', part: 2 },
  ]);
  ids.june = await meeting('Scrutiny Review Group', '2023-06-20T17:00:00Z', [{ number: 1, title: 'Progress update', document: { type: 'progress-report', planId } }]);
  ids.unrelated = await meeting('Another committee', '2023-01-10T10:00:00Z', [{ number: 1, title: 'Other plan', document: { type: 'progress-report', planId: otherPlanId } }]);
});
afterAll(() => t.close());

async function calendar(query = '') {
  const res = await t.admin.get(`/api/v1/plans/${planId}/calendar.ics${query}`);
  expect(res.statusCode).toBe(200);
  return res;
}

function events(text: string): Record<string, VEvent> {
  const parsed = ical.sync.parseICS(text);
  return Object.fromEntries(Object.values(parsed).filter((c): c is VEvent => c.type === 'VEVENT').map((e) => [e.uid, e]));
}

const ymd = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe('plan calendar', () => {
  it('is iCalendar that a parser reads, served as text/calendar', async () => {
    const res = await calendar();
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = res.body;
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//send-plan-tracker//plan-calendar//EN\r\n')).toBe(true);
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(text).toContain('METHOD:PUBLISH');
    // Lines are folded at 75 octets and end in CRLF.
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    // Every event has a UID and a UTC DTSTAMP (read from the unfolded lines).
    const blocks = text.replace(/\r\n[ \t]/g, '').split('BEGIN:VEVENT').slice(1);
    expect(blocks.length).toBe(7);
    for (const b of blocks) {
      expect(b).toMatch(/\r\nUID:[^\r]+@send-plan-tracker\r\n/);
      expect(b).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    }
    expect(Object.keys(events(text))).toHaveLength(7);
  });

  it('has the statutory deadlines as all-day events', async () => {
    const ev = events((await calendar()).body);
    const deadline = (key: string) => ev[`plan-${planId}-${key}@send-plan-tracker`]!;
    expect(ymd(deadline('submitBy').start)).toBe('2021-12-17');
    expect(deadline('submitBy').datetype).toBe('date');
    expect(deadline('submitBy').summary).toBe('Wolverhampton: Submit the written statement of action to Ofsted and CQC');
    expect(deadline('submitBy').description).toContain('30 working days after the inspection report was published (05/11/2021)');
    expect(ymd(deadline('publishBy').start)).toBe('2022-02-16');
    expect(ymd(deadline('monitoringInspectionBy').start)).toBe('2023-05-05');
  });

  it('has each action’s effective due date with its RAG, leaving cancelled actions out', async () => {
    const ev = events((await calendar()).body);
    const late = ev[`action-${ids.late}@send-plan-tracker`]!;
    expect(late.datetype).toBe('date');
    expect(ymd(late.start)).toBe('2023-03-31'); // the revised due date
    expect(late.summary).toBe('Action 2.1 due: Review the assessment pathway');
    expect(late.description).toContain('RAG: At Risk (as of 18/11/2022)');
    expect(late.description).toContain('Revised due date (originally 30/09/2022)');
    expect(late.description).toContain('Owner: Head of SEND');
    const milestone = ev[`action-${ids.milestone}@send-plan-tracker`]!;
    expect(milestone.summary).toBe('Milestone COI-33 due: Revised EHCP Assessment pathway developed.');
    expect(milestone.description).toContain('RAG: Off Target');
    expect(ev[`action-${ids.cancelled}@send-plan-tracker`]).toBeUndefined();
    const asOf = events((await calendar('?asOf=2022-06-01')).body)[`action-${ids.late}@send-plan-tracker`]!;
    expect(asOf.description).toContain('RAG: On Target (as of 01/06/2022)');
  });

  it('has the plan’s meetings as timed events in Europe/London, with the public agenda', async () => {
    const res = await calendar();
    expect(res.body).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n');
    expect(res.body).toContain('DTSTART;TZID=Europe/London:20221213T180000'); // GMT in December
    expect(res.body).toContain('DTSTART;TZID=Europe/London:20230620T180000'); // BST in June: 17:00 UTC
    const ev = events(res.body);
    const december = ev[`meeting-${ids.december}@send-plan-tracker`]!;
    expect(december.start.toISOString()).toBe('2022-12-13T18:00:00.000Z');
    expect(december.end.toISOString()).toBe('2022-12-13T20:00:00.000Z');
    expect(december.datetype).toBe('date-time');
    expect(december.start.tz).toBe('Europe/London');
    expect(december.location).toBe('Committee Room 3, Civic Centre');
    expect(december.summary).toBe('SEND Written Statement of Action - Cross Party Scrutiny Review Group');
    expect(december.description).toContain('1. Apologies\n5. Culture of Inclusion Highlight Report (Programme Manager)');
    expect(december.description).not.toContain('Exempt');
    const june = ev[`meeting-${ids.june}@send-plan-tracker`]!;
    expect(june.start.toISOString()).toBe('2023-06-20T17:00:00.000Z');
    expect(ev[`meeting-${ids.unrelated}@send-plan-tracker`]).toBeUndefined();
  });

  it('keeps UIDs when records change, and raises SEQUENCE so calendars update the event', async () => {
    const before = events((await calendar()).body);
    const moved = await t.admin.patch(`/api/v1/actions/${ids.late}`, { revisedDueDate: '2023-04-28' });
    expect(moved.statusCode).toBe(200);
    const after = events((await calendar()).body);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const uid = `action-${ids.late}@send-plan-tracker`;
    expect(ymd(after[uid]!.start)).toBe('2023-04-28');
    expect(Number(after[uid]!.sequence)).toBe(Number(before[uid]!.sequence) + 1);
  });

  it('answers 404 for an unknown plan and 400 for a bad date', async () => {
    problem(await t.admin.get('/api/v1/plans/pln_nope/calendar.ics'), 404);
    problem(await t.admin.get(`/api/v1/plans/${planId}/calendar.ics?asOf=2022-13-01`), 400);
  });
});
