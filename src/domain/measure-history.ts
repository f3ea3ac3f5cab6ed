// Measures (KPIs) as the audit trail recorded them at the end of a day: which of a plan's measures moved
// between two days (latest value as recorded then, and its RAG), and the latest value on or before a date.
//
// "As recorded" is deliberate. A value's period says which time it measures; the trail says when the
// tracker learnt it. The figure a committee saw at the end of `since` is the latest value *recorded* by
// then for a period on or before `since`: a value entered later for an earlier period (a late return,
// or a correction by PATCH) is not part of `from`; it shows in `to` when it is the latest by `until`.
// Reading periods alone from today's rows would rewrite `from` with figures nobody had on that day.
import type { ChangeEvent, MovedMeasure } from './changes.js';
import { endOfLondonDay } from './changes.js';
import { measureStatus, type Direction, type Trajectory } from './measure-rag.js';

type State = Record<string, unknown>;

export interface PeriodValue {
  period: string;
  value: number;
}

export interface MovedInput {
  since: string;
  until: string;
  /** Events of resource types 'measure' and 'measure-value' recorded before the end of `until`, in order. */
  events: ChangeEvent[];
  planId: string;
  /** Only the measures of this project (as recorded at `until`): a highlight report's section. */
  projectId?: string;
}

/** The states of the resources after replaying the events recorded before `beforeInstant` (creates, updates, deletes). */
export function statesBefore(events: ChangeEvent[], beforeInstant: string): Map<string, State> {
  const states = new Map<string, State>();
  for (const e of events) {
    // Filtered rather than stopped at the first later event: `at` follows the clock, `seq` the writes.
    if (e.at >= beforeInstant) continue;
    if (e.operation === 'create') states.set(e.resourceId, { ...(e.after ?? {}) });
    else if (e.operation === 'update') {
      const prev = states.get(e.resourceId);
      if (prev) states.set(e.resourceId, { ...prev, ...(e.after ?? {}) });
    } else if (e.operation === 'delete') states.delete(e.resourceId);
  }
  return states;
}

/** The value with the latest period on or before `date` (null: none). */
export function latestOnOrBefore(values: Iterable<PeriodValue>, date: string): PeriodValue | null {
  let best: PeriodValue | null = null;
  for (const v of values) if (v.period <= date && (!best || v.period > best.period)) best = v;
  return best;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function valuesByMeasure(values: Map<string, State>): Map<string, PeriodValue[]> {
  const out = new Map<string, PeriodValue[]>();
  for (const v of values.values()) {
    const id = str(v.measureId);
    if (typeof v.period !== 'string' || typeof v.value !== 'number') continue;
    const list = out.get(id) ?? [];
    list.push({ period: v.period, value: v.value });
    out.set(id, list);
  }
  return out;
}

/**
 * The plan's measures whose latest value as recorded at the end of `until` differs from the latest as
 * recorded at the end of `since` (each on or before its day), with the RAG at `until` (the measure's
 * trajectory and values as recorded then). A measure deleted by `until` has not moved; one created
 * after `since` moves from null once it has a value.
 */
export function movedMeasures(input: MovedInput): MovedMeasure[] {
  const { since, until, planId } = input;
  const measureEvents = input.events.filter((e) => e.resourceType === 'measure');
  const valueEvents = input.events.filter((e) => e.resourceType === 'measure-value');
  const sinceEnd = endOfLondonDay(since);
  const untilEnd = endOfLondonDay(until);
  const measuresAtUntil = statesBefore(measureEvents, untilEnd);
  const valuesAtSince = valuesByMeasure(statesBefore(valueEvents, sinceEnd));
  const valuesAtUntil = valuesByMeasure(statesBefore(valueEvents, untilEnd));
  const out: MovedMeasure[] = [];
  for (const [id, m] of measuresAtUntil) {
    if (m.planId !== planId) continue;
    if (input.projectId !== undefined && m.projectId !== input.projectId) continue;
    const before = (valuesAtSince.get(id) ?? []).filter((v) => v.period <= since);
    const after = (valuesAtUntil.get(id) ?? []).filter((v) => v.period <= until);
    const from = latestOnOrBefore(before, since);
    const to = latestOnOrBefore(after, until);
    if ((from?.value ?? null) === (to?.value ?? null)) continue;
    const status = measureStatus(m as unknown as Trajectory & { direction: Direction; tolerance: number }, after);
    out.push({
      id,
      ref: str(m.ref),
      title: str(m.title),
      unit: str(m.unit),
      from: from?.value ?? null,
      to: to?.value ?? null,
      fromPeriod: from?.period ?? null,
      toPeriod: to?.period ?? null,
      rag: status.rag,
    });
  }
  return out;
}
