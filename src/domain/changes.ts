// What changed in a plan between two dates, reconstructed from the audit trail: each action's, risk's and
// issue's state as recorded at the end of the `since` day against the end of the `until` day (England).
import { daysBetween, londonDate } from './dates.js';
import type { MeasureRag } from './measure-rag.js';
import { DEFAULT_AT_RISK_MARGIN, effectiveDueDate, effectiveRag, type RagInput, type RagValue } from './rag.js';

export type TrackedType = 'action' | 'risk' | 'issue';

/** One audit event as recorded (update events carry only the changed fields, plus version). */
export interface ChangeEvent {
  seq: number;
  at: string;
  operation: string;
  resourceType: string;
  resourceId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface Named {
  id: string;
  ref: string;
  title: string;
}

export interface MovedMeasure extends Named {
  /** The measure's unit ("%", "days"), so documents can print the figures. */
  unit: string;
  /** The latest value (and its period) as recorded at the end of `since`, and of `until`. */
  from: number | null;
  to: number | null;
  fromPeriod: string | null;
  toPeriod: string | null;
  /** The measure's RAG at `until` (src/domain/measure-rag.ts). */
  rag: MeasureRag | null;
}

export interface Changes {
  since: string;
  until: string;
  actions: {
    ragChanged: (Named & { from: RagValue | null; to: RagValue | null })[];
    redated: (Named & { from: string; to: string; timesRedated: number; slipDays: number })[];
    completed: Named[];
    added: Named[];
    removed: Named[];
  };
  risks: { opened: Named[]; closed: Named[]; scoreChanged: (Named & { from: number; to: number })[] };
  issues: { opened: Named[]; closed: Named[] };
  measures: { moved: MovedMeasure[] };
}

export interface ChangesInput {
  since: string;
  until: string;
  /** The events of the plan's actions, risks and issues up to the end of `until`, in the order recorded. */
  events: ChangeEvent[];
  ragMargin?: number;
  measures?: MovedMeasure[];
}

/** The first instant (ISO, UTC) after the day `date` in England: midnight London time of the next day. */
export function endOfLondonDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(y, m - 1, d + 1);
  // London is UTC+0 or UTC+1: at 23:00 UTC the next day has begun in London only in summer time.
  const anHourEarlier = new Date(midnightUtc - 3_600_000);
  const next = new Date(midnightUtc).toISOString().slice(0, 10);
  return (londonDate(anHourEarlier) === next ? anHourEarlier : new Date(midnightUtc)).toISOString();
}

type State = Record<string, unknown>;

interface History {
  type: TrackedType;
  id: string;
  atSince?: State;
  atUntil?: State;
  /** The dueDate the action was created with, and how often its effective due date moved up to `until`. */
  originalDue?: string;
  timesRedated: number;
  lastKnown?: State;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const named = (h: History): Named => {
  const s = (h.atUntil ?? h.atSince ?? h.lastKnown)!;
  return { id: h.id, ref: str(s.ref), title: str(s.title ?? s.description) };
};
const dueOf = (s: State) => effectiveDueDate(s as unknown as RagInput);
const score = (s: State) => Number(s.likelihood) * Number(s.impact);
// One collator: localeCompare with a locale builds a new one per call (most of the sorting's cost).
const REF_ORDER = new Intl.Collator('en', { numeric: true });
const ID_ORDER = new Intl.Collator();
const byRef = (a: Named, b: Named) => REF_ORDER.compare(a.ref, b.ref) || ID_ORDER.compare(a.id, b.id);

/** Replays the events: each resource's state at the end of `since` and of `until`. */
function replay(events: ChangeEvent[], sinceEnd: string, untilEnd: string): Map<string, History> {
  const histories = new Map<string, History>();
  const current = new Map<string, State | undefined>();
  let sinceTaken = false;
  // States are updated in place (a copy per event costs more than the rest of the replay), so the states
  // at `since` are copied when the replay passes it.
  const takeSince = () => {
    for (const [id, s] of current) histories.get(id)!.atSince = s && { ...s };
    sinceTaken = true;
  };
  for (const e of events) {
    if (e.at >= untilEnd) break;
    if (!sinceTaken && e.at >= sinceEnd) takeSince();
    const type = e.resourceType as TrackedType;
    let h = histories.get(e.resourceId);
    if (!h) {
      h = { type, id: e.resourceId, timesRedated: 0 };
      histories.set(e.resourceId, h);
    }
    const prev = current.get(e.resourceId);
    let next: State | undefined;
    if (e.operation === 'create') next = { ...(e.after ?? {}) };
    else if (e.operation === 'update') {
      const dueBefore = type === 'action' && prev ? dueOf(prev) : undefined;
      next = prev ? Object.assign(prev, e.after ?? {}) : undefined;
      if (dueBefore !== undefined && next && dueBefore !== dueOf(next)) h.timesRedated++;
    } else if (e.operation === 'delete') next = undefined;
    else continue;
    if (type === 'action' && next && e.operation === 'create') h.originalDue = str(next.dueDate);
    if (next) h.lastKnown = next;
    current.set(e.resourceId, next);
  }
  if (!sinceTaken) takeSince();
  for (const [id, s] of current) histories.get(id)!.atUntil = s;
  return histories;
}

export function computeChanges(input: ChangesInput): Changes {
  const { since, until } = input;
  const margin = input.ragMargin ?? DEFAULT_AT_RISK_MARGIN;
  const histories = replay(input.events, endOfLondonDay(since), endOfLondonDay(until));
  const out: Changes = {
    since,
    until,
    actions: { ragChanged: [], redated: [], completed: [], added: [], removed: [] },
    risks: { opened: [], closed: [], scoreChanged: [] },
    issues: { opened: [], closed: [] },
    measures: { moved: [...(input.measures ?? [])].sort(byRef) },
  };
  for (const h of histories.values()) {
    const a = h.atSince;
    const b = h.atUntil;
    if (!a && !b) continue;
    const n = named(h);
    if (h.type === 'action') {
      if (!a) out.actions.added.push(n);
      if (!b) out.actions.removed.push(n);
      if (b && b.status === 'complete' && (!a || a.status !== 'complete')) out.actions.completed.push(n);
      if (!a || !b) continue;
      const from = effectiveRag(a as unknown as RagInput, since, margin).rag;
      const to = effectiveRag(b as unknown as RagInput, until, margin).rag;
      if (from !== to) out.actions.ragChanged.push({ ...n, from, to });
      if (dueOf(a) !== dueOf(b)) {
        out.actions.redated.push({ ...n, from: dueOf(a), to: dueOf(b), timesRedated: h.timesRedated, slipDays: daysBetween(h.originalDue ?? str(b.dueDate), dueOf(b)) });
      }
    } else {
      const list = h.type === 'risk' ? out.risks : out.issues;
      const wasOpen = !!a && a.status === 'open';
      const isOpen = !!b && b.status === 'open';
      if (isOpen && !wasOpen) list.opened.push(n);
      if (wasOpen && b && !isOpen) list.closed.push(n);
      if (h.type === 'risk' && a && b && score(a) !== score(b)) out.risks.scoreChanged.push({ ...n, from: score(a), to: score(b) });
    }
  }
  for (const list of [out.actions.ragChanged, out.actions.redated, out.actions.completed, out.actions.added, out.actions.removed, out.risks.opened, out.risks.closed, out.risks.scoreChanged, out.issues.opened, out.issues.closed]) {
    (list as Named[]).sort(byRef);
  }
  return out;
}

/**
 * The events that belong to one plan: actions created in it, risks and issues created in one of its
 * projects (membership is read from each resource's create event, so deleted ones keep theirs).
 */
export function eventsOfPlan(events: ChangeEvent[], planId: string, projectIds: Iterable<string>): ChangeEvent[] {
  const projects = new Set(projectIds);
  const member = new Map<string, boolean>();
  const out: ChangeEvent[] = [];
  for (const e of events) {
    let m = member.get(e.resourceId);
    if (m === undefined) {
      const s = e.after ?? e.before ?? {};
      m = e.resourceType === 'action' ? s.planId === planId : projects.has(str(s.projectId));
      member.set(e.resourceId, m);
    }
    if (m) out.push(e);
  }
  return out;
}

/**
 * The events of one project's tasks (actions whose projectId, as last recorded, is the project) and of its
 * risks and issues: what its highlight report's "Changes since the last report" covers.
 */
export function eventsOfProject(events: ChangeEvent[], projectId: string): ChangeEvent[] {
  const lastProject = new Map<string, unknown>();
  for (const e of events) {
    const s = e.after ?? e.before;
    if (s && Object.prototype.hasOwnProperty.call(s, 'projectId')) lastProject.set(e.resourceId, s.projectId);
  }
  return events.filter((e) => lastProject.get(e.resourceId) === projectId);
}
