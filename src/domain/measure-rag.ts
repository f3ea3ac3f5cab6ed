// The rule for a measure (KPI): the value expected on a date from its trajectory (baseline → milestones →
// target, straight lines between), its RAG against that expectation with a tolerance, and its trend.
import { daysBetween } from './dates.js';
import type { Direction, MeasureRag, Trend } from './vocabulary.js';

export type { Direction, MeasureRag, Trend } from './vocabulary.js';

export interface Trajectory {
  baseline: { value: number; period: string } | null;
  milestones: { by: string; value: number }[];
  target: { value: number; by: string } | null;
}

export interface Point {
  date: string;
  value: number;
}

export const MEASURE_RAG_RULE = [
  'expected: the trajectory’s value at the latest value’s period — straight lines from the baseline through each',
  'milestone to the target (before the baseline: none; after the target date: the target value).',
  'rag: on-target when the latest value is at or better than expected in the measure’s direction, at-risk when',
  'worse by no more than the tolerance, off-target when worse by more; none without a latest or expected value.',
  'trend: the latest value against the one before it, in the measure’s direction.',
].join(' ');

// Floating point: 57.3 − 57.2 is not exactly 0.1, so a difference within this counts as equal.
const EPSILON = 1e-9;

/** The trajectory's points in date order: baseline, milestones, target (empty without baseline and target). */
export function trajectoryPoints(t: Trajectory): Point[] {
  if (!t.baseline || !t.target) return [];
  return [
    { date: t.baseline.period, value: t.baseline.value },
    ...t.milestones.map((m) => ({ date: m.by, value: m.value })),
    { date: t.target.by, value: t.target.value },
  ];
}

/** The value the trajectory expects on `date`, or null (no baseline or target, or before the baseline). */
export function expectedValue(t: Trajectory, date: string): number | null {
  const points = trajectoryPoints(t);
  if (points.length === 0) return null;
  if (date < points[0]!.date) return null;
  const last = points[points.length - 1]!;
  if (date >= last.date) return last.value;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (date > b.date) continue;
    const span = daysBetween(a.date, b.date);
    if (span <= 0) return b.value;
    return a.value + ((b.value - a.value) * daysBetween(a.date, date)) / span;
  }
  return last.value;
}

/** How much worse `actual` is than `expected` in the direction (negative: better). */
export function shortfall(actual: number, expected: number, direction: Direction): number {
  return direction === 'higher-is-better' ? expected - actual : actual - expected;
}

export function measureRag(actual: number | null, expected: number | null, direction: Direction, tolerance = 0): MeasureRag | null {
  if (actual === null || expected === null) return null;
  const worseBy = shortfall(actual, expected, direction);
  if (worseBy <= EPSILON) return 'on-target';
  if (worseBy <= tolerance + EPSILON) return 'at-risk';
  return 'off-target';
}

/** The trend of the last two values (any order given; sorted by period here). */
export function measureTrend(values: { period: string; value: number }[], direction: Direction): Trend | null {
  if (values.length < 2) return null;
  const sorted = [...values].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const latest = sorted[sorted.length - 1]!;
  const before = sorted[sorted.length - 2]!;
  const better = -shortfall(latest.value, before.value, direction);
  if (Math.abs(better) <= EPSILON) return 'steady';
  return better > 0 ? 'improving' : 'worsening';
}

export interface MeasureStatus {
  latest: { period: string; value: number } | null;
  expected: number | null;
  rag: MeasureRag | null;
  trend: Trend | null;
}

/** Everything a measure's response derives from its definition and values (values in any order). */
export function measureStatus(
  m: Trajectory & { direction: Direction; tolerance: number },
  values: { period: string; value: number }[],
): MeasureStatus {
  const latest = values.reduce<{ period: string; value: number } | null>((acc, v) => (!acc || v.period > acc.period ? v : acc), null);
  const expected = latest ? expectedValue(m, latest.period) : null;
  return {
    latest: latest ? { period: latest.period, value: latest.value } : null,
    expected: expected === null ? null : round(expected),
    rag: measureRag(latest?.value ?? null, expected, m.direction, m.tolerance),
    trend: measureTrend(values, m.direction),
  };
}

/** Problems with a trajectory's order, as [field, message] (dates must ascend: baseline ≤ milestones ≤ target). */
export function trajectoryProblems(t: Trajectory): [string, string][] {
  const out: [string, string][] = [];
  t.milestones.forEach((m, i) => {
    if (i > 0 && m.by <= t.milestones[i - 1]!.by) out.push([`milestones.${i}.by`, 'milestone dates must ascend']);
    if (t.baseline && m.by <= t.baseline.period) out.push([`milestones.${i}.by`, 'must be after the baseline period']);
    if (t.target && m.by >= t.target.by) out.push([`milestones.${i}.by`, 'must be before the target date']);
  });
  if (t.baseline && t.target && t.target.by <= t.baseline.period) out.push(['target.by', 'must be after the baseline period']);
  return out;
}

// Expected values print and compare at a sensible precision (a trajectory gives 41.36986301369863).
const round = (n: number) => Math.round(n * 1e6) / 1e6;
