// "What changed since last time" as a page of its own: a plan's changes between two dates, and the meeting
// item {type: "changes", planId, since?} whose `since` defaults to the previous meeting of the committee.
import { addMonths, londonDate, ukDate } from '../../domain/dates.js';
import type { MeetingRow } from '../../db/repos/meetings.js';
import { buildChangesView, type ChangesView } from './changes-view.js';
import type { DocumentContext } from '../document-context.js';

export interface ChangesPageView extends ChangesView {
  plan: { id: string; title: string; localArea: string };
  headingOffset?: number;
}

/** The period a meeting's changes page covers: from `since` (or the committee's previous meeting) to the meeting day. */
export function meetingChangesPeriod(meeting: MeetingRow, earlier: MeetingRow[], since?: string): { since: string; until: string; sinceWhat: string } {
  const until = londonDate(new Date(meeting.startsAt));
  if (since) return { since: since < until ? since : until, until, sinceWhat: ukDate(since) };
  const at = Date.parse(meeting.startsAt);
  const previous = earlier.filter((m) => m.id !== meeting.id && m.committee === meeting.committee && Date.parse(m.startsAt) < at).pop();
  if (previous) {
    const day = londonDate(new Date(previous.startsAt));
    return { since: day, until, sinceWhat: `the previous meeting (${ukDate(day)})` };
  }
  const monthBefore = addMonths(until, -1);
  return { since: monthBefore, until, sinceWhat: `${ukDate(monthBefore)} (no earlier meeting of this committee is recorded)` };
}

export class ChangesPageDocuments {
  constructor(private readonly ctx: DocumentContext) {}

  async view(planId: string, since: string, until: string, sinceWhat: string): Promise<ChangesPageView> {
    const plan = await this.ctx.repos.plans.mustGet(planId);
    const changes = await this.ctx.services.changes.forPlan(planId, since, until);
    return { ...buildChangesView(changes, { sinceWhat, noun: 'action', showMeasures: true }), plan: { id: plan.id, title: plan.title, localArea: plan.localArea } };
  }

  /** The page for a meeting item. */
  async forMeeting(meeting: MeetingRow, planId: string, since?: string): Promise<ChangesPageView> {
    const p = meetingChangesPeriod(meeting, await this.ctx.repos.meetings.everything(), since);
    return this.view(planId, p.since, p.until, p.sinceWhat);
  }

  renderHtml(view: ChangesPageView): string {
    return this.ctx.templates.render('changes/document', view);
  }
}
