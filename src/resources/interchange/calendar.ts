// The plan's calendar (iCalendar, RFC 5545, written by ical-generator): the statutory deadlines, each
// action's due date and each measure's milestone and target dates as all-day events, and the plan's meetings as timed events in Europe/London. UIDs are
// derived from the records' ids and SEQUENCE from their versions, so a calendar that re-reads the feed
// updates its events instead of duplicating them.
import type { ICalCalendar } from 'ical-generator';
import { lazy } from '../../shared/lazy.js';
import { nextReviewBy, planDeadlines } from '../../domain/deadlines.js';
import { effectiveDueDate, ragLabel } from '../../domain/rag.js';
import { addDays, ukDate } from '../../domain/dates.js';
import { formatFigure } from '../../domain/figures.js';
import type { MeetingRow } from '../../db/repos/meetings.js';
import type { AgendaItem } from '../meetings/schemas.js';
import type { InterchangeDeps } from './importer.js';
import { enumLabel, STATUS_OPTIONS } from './layout.js';
import { loadPlanData } from './plan-data.js';

export const CALENDAR_TYPE = 'text/calendar; charset=utf-8';
const UID_DOMAIN = 'send-plan-tracker';
const LONDON = 'Europe/London';
/** Meetings have a start time only; calendars show them as this long. */
export const MEETING_HOURS = 2;

export interface CalendarOptions {
  /** The date RAG statuses in descriptions are judged at (YYYY-MM-DD). */
  asOf: string;
}

/** The VTIMEZONE of Europe/London since 1996 (EU rules: BST from the last Sunday of March, GMT from the last Sunday of October). */
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'X-LIC-LOCATION:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * An instant as ical-generator's date-object interface expects it when an event has a time zone: the
 * wall-clock time in that zone. (Given a plain Date with a time zone, ical-generator would print the
 * server's local time instead.)
 */
function inZone(instant: Date, zone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const ymd = `${parts.year}${parts.month}${parts.day}`;
  const hms = `${parts.hour}${parts.minute}${parts.second}`;
  const stub = {
    tz: () => stub,
    utc: () => stub,
    format: (f?: string) => (f === 'YYYYMMDD' ? ymd : f === 'HHmmss' ? hms : instant.toISOString()),
    toDate: () => instant,
    isValid: () => true,
    toJSON: () => instant.toISOString(),
  };
  return stub;
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const uid = (...parts: string[]) => `${parts.join('-')}@${UID_DOMAIN}`;

const KIND_NAMES: Record<string, string> = {
  wsoa: 'written statement of action',
  'priority-action-plan': 'priority action plan',
  'improvement-plan': 'improvement plan',
};

/** Does a meeting belong to the plan? One of its items carries the plan's progress report, changes or a review, or a highlight report of one of its projects. */
function belongsToPlan(meeting: MeetingRow, planId: string, reportIds: Set<string>, reviewIds: Set<string>): boolean {
  return (meeting.items as AgendaItem[]).some((item) => {
    const d = item.document;
    if (!d) return false;
    return (
      ((d.type === 'progress-report' || d.type === 'changes') && d.planId === planId) ||
      (d.type === 'highlight-report' && reportIds.has(d.id)) ||
      (d.type === 'review' && reviewIds.has(d.id))
    );
  });
}

/** ical-generator, loaded with the first calendar asked for. */
const icalGenerator = lazy(() => import('ical-generator'));

export async function planCalendar(deps: InterchangeDeps, planId: string, opts: CalendarOptions): Promise<ICalCalendar> {
  const { default: ical, ICalCalendarMethod, ICalEventTransparency } = await icalGenerator();
  const { repos } = deps;
  const plan = await repos.plans.mustGet(planId);
  const data = await loadPlanData(repos, planId);
  const cal = ical({
    name: `${plan.localArea}: ${plan.title}`,
    description: `Statutory deadlines, action due dates and meetings of ${plan.title}.`,
    prodId: { company: 'send-plan-tracker', product: 'plan-calendar', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  // Times stay in UTC except where an event names its zone; the generator supplies that zone's VTIMEZONE.
  cal.timezone({ name: null, generator: (tz) => (tz === LONDON ? LONDON_VTIMEZONE : null) });

  // Statutory clock (area SEND handbook paras 146–149 and 157).
  const d = planDeadlines(plan.inspectionReportPublishedOn);
  const published = plan.inspectionReportPublishedOn ? ukDate(plan.inspectionReportPublishedOn) : '';
  const kindName = KIND_NAMES[plan.kind] ?? 'plan';
  const deadlines: [keyof typeof d, string, string][] = [
    ['submitBy', `Submit the ${kindName} to Ofsted and CQC`, `Statutory deadline: 30 working days after the inspection report was published (${published}).`],
    ['publishBy', `Publish the ${kindName}`, `Statutory deadline: 70 working days after the inspection report was published (${published}).`],
    ['monitoringInspectionBy', 'Monitoring inspection expected', `About 18 months after the inspection report was published (${published}).`],
  ];
  for (const [key, summary, description] of deadlines) {
    const date = d[key];
    if (!date) continue;
    cal.createEvent({
      id: uid('plan', plan.id, key),
      sequence: plan.version,
      stamp: new Date(plan.updatedAt),
      allDay: true,
      start: day(date),
      end: day(addDays(date, 1)),
      summary: `${plan.localArea}: ${summary}`,
      description: `${plan.title}\n${description}`,
      categories: [{ name: 'Statutory deadline' }],
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }

  // The next monitoring review with DfE and NHS England (the latest review's next date, or its cadence).
  const latestReview = await repos.reviews.latestInPlan(plan.id);
  const reviewBy = nextReviewBy(latestReview, plan.reviewCadenceMonths);
  if (reviewBy && latestReview) {
    cal.createEvent({
      id: uid('plan', plan.id, 'nextReviewBy'),
      sequence: plan.version + latestReview.version,
      stamp: new Date(latestReview.updatedAt > plan.updatedAt ? latestReview.updatedAt : plan.updatedAt),
      allDay: true,
      start: day(reviewBy),
      end: day(addDays(reviewBy, 1)),
      summary: `${plan.localArea}: Next monitoring review with DfE and NHS England`,
      description: `${plan.title}\n${latestReview.nextReviewOn ? `Date agreed at "${latestReview.title}" (${ukDate(latestReview.heldOn)}).` : `${plan.reviewCadenceMonths} months after "${latestReview.title}" (${ukDate(latestReview.heldOn)}).`}`,
      categories: [{ name: 'Review' }],
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }

  // Actions: the effective due date (revised when set); cancelled actions are left out.
  for (const a of data.actions) {
    if (a.status === 'cancelled') continue;
    const due = effectiveDueDate(a);
    const rag = deps.ragOf(a, opts.asOf);
    const lines = [
      `RAG: ${ragLabel(rag)} (as of ${ukDate(opts.asOf)})`,
      `Status: ${enumLabel(STATUS_OPTIONS, a.status)}, ${a.percentComplete}% complete`,
      a.revisedDueDate ? `Revised due date (originally ${ukDate(a.dueDate)})` : null,
      a.owner ? `Owner: ${a.owner}` : null,
      a.responsibleOrganisation ? `Responsible organisation: ${a.responsibleOrganisation}` : null,
      a.delayReason ? `Reason for delay: ${a.delayReason}` : null,
      a.mitigation ? `Mitigation: ${a.mitigation}` : null,
      plan.title,
    ].filter(Boolean);
    cal.createEvent({
      id: uid('action', a.id),
      sequence: a.version,
      stamp: new Date(a.updatedAt),
      allDay: true,
      start: day(due),
      end: day(addDays(due, 1)),
      summary: `${a.milestone ? 'Milestone' : 'Action'} ${a.ref} due: ${clip(a.title, 120)}`,
      description: lines.join('\n'),
      categories: [{ name: 'Action' }, { name: ragLabel(rag) }],
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }

  // Measures: each milestone and the target date, with the value expected by then.
  for (const m of await repos.measures.inPlan(plan.id)) {
    const dates = [...m.milestones.map((x, i) => ({ key: `milestone-${i}`, by: x.by, value: x.value, what: 'milestone' })), ...(m.target ? [{ key: 'target', by: m.target.by, value: m.target.value, what: 'target' }] : [])];
    for (const x of dates) {
      cal.createEvent({
        id: uid('measure', m.id, x.key),
        sequence: m.version,
        stamp: new Date(m.updatedAt),
        allDay: true,
        start: day(x.by),
        end: day(addDays(x.by, 1)),
        summary: `Measure ${m.ref} ${x.what}: ${formatFigure(x.value, m.unit)} – ${clip(m.title, 100)}`,
        description: [`${x.what === 'target' ? 'Target' : 'Milestone'}: ${formatFigure(x.value, m.unit)} by ${ukDate(x.by)}`, `Definition: ${m.definition}`, plan.title].join('\n'),
        categories: [{ name: 'Measure' }],
        transparency: ICalEventTransparency.TRANSPARENT,
      });
    }
  }

  // Meetings about the plan, timed in Europe/London, with their Part 1 agenda.
  const reportIds = new Set<string>();
  for (const p of data.projects) for (const r of await repos.highlightReports.inProject(p.id)) reportIds.add(r.id);
  const reviewIds = new Set((await repos.reviews.inPlan(plan.id)).map((r) => r.id));
  for (const m of await repos.meetings.everything()) {
    if (!belongsToPlan(m, plan.id, reportIds, reviewIds)) continue;
    const start = new Date(m.startsAt);
    const end = new Date(start.getTime() + MEETING_HOURS * 3_600_000);
    const agenda = (m.items as AgendaItem[])
      .filter((i) => (i.part ?? 1) === 1)
      .sort((a, b) => a.number - b.number)
      .map((i) => `${i.number}. ${i.title}${i.presenter ? ` (${i.presenter})` : ''}`);
    cal.createEvent({
      id: uid('meeting', m.id),
      sequence: m.version,
      stamp: new Date(m.updatedAt),
      start: inZone(start, LONDON) as never,
      end: inZone(end, LONDON) as never,
      timezone: LONDON,
      summary: m.committee,
      location: m.venue ?? null,
      description: [
        m.meetingType ? `${m.meetingType}.` : null,
        m.isPublic ? 'Public meeting.' : 'Not a public meeting.',
        agenda.length ? `Agenda (Part 1):\n${agenda.join('\n')}` : null,
        `End time not recorded: shown as ${MEETING_HOURS} hours.`,
      ]
        .filter(Boolean)
        .join('\n'),
      categories: [{ name: 'Meeting' }],
    });
  }
  return cal;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
