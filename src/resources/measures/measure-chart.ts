// A measure's line chart as plain geometry for the SVG partial (templates/partials/measure-chart.hbs):
// values, the trajectory to the target, the target, comparators, the RAG of the latest point, axis labels,
// and the text alternative (a sentence and the figures). Pure: no I/O, no user text marked safe.
import { toUtc, ukDate } from '../../domain/dates.js';
import { expectedValue, trajectoryPoints, type Direction, type MeasureRag, type Trajectory } from '../../domain/measure-rag.js';
import { formatFigure } from '../../domain/figures.js';
import { ragLabel } from '../../domain/rag.js';

export { formatFigure };

export interface ChartInput extends Trajectory {
  /** Unique in the document: SVG ids (title, desc) are built from it. */
  key: string;
  title: string;
  unit: string;
  direction: Direction;
  values: { period: string; value: number; note?: string | null }[];
  comparators: { name: string; value: number; period: string }[];
  rag: MeasureRag | null;
  expected: number | null;
  definitionChanges: { until: string }[];
}

interface XY {
  x: number;
  y: number;
}

export interface ChartView {
  ids: { title: string; desc: string };
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  title: string;
  desc: string;
  empty: boolean;
  yTicks: { y: number; label: string }[];
  /** The unit, written above the y axis when tick labels are bare numbers (any unit but "%"). */
  unitLabel: string | null;
  xTicks: { x: number; label: string }[];
  valuesPath: string | null;
  valuePoints: (XY & { label: string })[];
  trajectoryPath: string | null;
  target: (XY & { label: string; labelY: number; anchor: 'start' | 'end' }) | null;
  comparators: { y: number; label: string; labelY: number }[];
  latest: (XY & { rag: MeasureRag | null; ragText: string; label: string; labelY: number; anchor: 'start' | 'end' }) | null;
  changes: { x: number; label: string; labelX: number; anchor: 'start' | 'end' }[];
  rows: { period: string; value: string; expected: string; note: string | null }[];
}

const W = 640;
const H = 230;
const PLOT = { left: 58, top: 22, right: W - 20, bottom: H - 30 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const day = (iso: string) => toUtc(iso).getTime();
const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function niceStep(span: number): number {
  const raw = span / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
}

export function measureChart(m: ChartInput): ChartView {
  const values = [...m.values].sort((a, b) => (a.period < b.period ? -1 : 1));
  const trajectory = trajectoryPoints(m);
  const dates = [...values.map((v) => v.period), ...trajectory.map((p) => p.date)];
  const figures = [...values.map((v) => v.value), ...trajectory.map((p) => p.value), ...m.comparators.map((c) => c.value)];
  const ids = { title: `chart-${m.key}-title`, desc: `chart-${m.key}-desc` };
  const plot = { ...PLOT, width: PLOT.right - PLOT.left, height: PLOT.bottom - PLOT.top };
  const base = { ids, width: W, height: H, plot, title: `${m.title}: chart` };
  const rows = values.map((v) => {
    const e = expectedValue(m, v.period);
    return { period: ukDate(v.period), value: formatFigure(v.value, m.unit), expected: e === null ? '–' : formatFigure(Math.round(e * 10) / 10, m.unit), note: v.note ?? null };
  });
  if (dates.length === 0 || figures.length === 0) {
    return { ...base, desc: 'No values and no trajectory recorded yet.', empty: true, yTicks: [], unitLabel: null, xTicks: [], valuesPath: null, valuePoints: [], trajectoryPath: null, target: null, comparators: [], latest: null, changes: [], rows };
  }

  // x: time, padded a fortnight either side so end points are not on the frame.
  let x0 = Math.min(...dates.map(day)) - 14 * 86_400_000;
  let x1 = Math.max(...dates.map(day)) + 14 * 86_400_000;
  if (x1 - x0 < 60 * 86_400_000) [x0, x1] = [x0 - 30 * 86_400_000, x1 + 30 * 86_400_000];
  const sx = (iso: string) => PLOT.left + ((day(iso) - x0) / (x1 - x0)) * plot.width;

  // y: the figures with a margin, on round steps; percentages stay within 0–100.
  let lo = Math.min(...figures);
  let hi = Math.max(...figures);
  if (hi - lo < 1e-9) [lo, hi] = [lo - Math.max(1, Math.abs(lo) * 0.1), hi + Math.max(1, Math.abs(hi) * 0.1)];
  const step = niceStep(hi - lo);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  if (m.unit === '%') [lo, hi] = [Math.max(0, lo), Math.min(100, hi)];
  if (hi - lo < step) hi = lo + step;
  const sy = (v: number) => PLOT.bottom - ((v - lo) / (hi - lo)) * plot.height;
  const r1 = (n: number) => Math.round(n * 10) / 10;

  const yTicks: ChartView['yTicks'] = [];
  // Tick labels stay short (a long unit would run off the left edge): "40%", or "40" with the unit above.
  const tick = (v: number) => (m.unit === '%' ? formatFigure(v, '%') : formatFigure(v, '').trim());
  for (let v = lo, i = 0; v <= hi + step / 1000 && i < 12; v += step, i++) yTicks.push({ y: r1(sy(v)), label: tick(Math.round(v * 1e6) / 1e6) });

  // Month ticks, at most seven: every 1, 2, 3, 6 or 12 months.
  const start = new Date(x0);
  const months = (new Date(x1).getUTCFullYear() - start.getUTCFullYear()) * 12 + new Date(x1).getUTCMonth() - start.getUTCMonth();
  const every = [1, 2, 3, 6, 12, 24, 60].find((n) => months / n <= 6) ?? 120;
  const xTicks: ChartView['xTicks'] = [];
  for (let i = 1; i <= months && xTicks.length < 8; i++) {
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1));
    if (d.getUTCMonth() % every !== 0 && every <= 12) continue;
    if (every > 12 && (d.getUTCMonth() !== 0 || d.getUTCFullYear() % (every / 12) !== 0)) continue;
    const iso = d.toISOString().slice(0, 10);
    xTicks.push({ x: r1(sx(iso)), label: `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` });
  }

  const path = (pts: XY[]) => (pts.length ? pts.map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join(' ') : null);
  const valuePoints = values.map((v) => ({ x: r1(sx(v.period)), y: r1(sy(v.value)), label: `${ukDate(v.period)}: ${formatFigure(v.value, m.unit)}` }));
  const trajectoryXY = trajectory.map((p) => ({ x: r1(sx(p.date)), y: r1(sy(p.value)) }));
  const targetXY = m.target ? { x: r1(sx(m.target.by)), y: r1(sy(m.target.value)) } : null;
  const last = values[values.length - 1];
  const lastXY = valuePoints[valuePoints.length - 1];
  const nearRight = (x: number) => x > PLOT.right - 120;

  // Labels sit just above their line; close lines push their labels apart so none overprints another.
  const comparators = m.comparators
    .slice(0, 4)
    .map((c) => {
      const y = r1(sy(c.value));
      return { y, label: truncate(`${c.name} ${formatFigure(c.value, m.unit)} (${ukDate(c.period)})`, 60), labelY: y < PLOT.top + 12 ? y + 11 : y - 3 };
    })
    .sort((a, b) => a.labelY - b.labelY);
  for (let i = 1; i < comparators.length; i++) {
    const prev = comparators[i - 1]!;
    if (comparators[i]!.labelY - prev.labelY < 11) comparators[i]!.labelY = r1(prev.labelY + 11);
  }

  const words: string[] = [];
  if (last) {
    words.push(`${values.length} value${values.length === 1 ? '' : 's'} from ${ukDate(values[0]!.period)} (${formatFigure(values[0]!.value, m.unit)}) to ${ukDate(last.period)} (${formatFigure(last.value, m.unit)}).`);
  } else words.push('No values recorded yet.');
  if (m.baseline && m.target) {
    words.push(`Trajectory from the baseline of ${formatFigure(m.baseline.value, m.unit)} (${ukDate(m.baseline.period)}) ${m.milestones.length ? `through ${m.milestones.length} milestone${m.milestones.length === 1 ? '' : 's'} ` : ''}to the target of ${formatFigure(m.target.value, m.unit)} by ${ukDate(m.target.by)}.`);
  }
  if (last && m.expected !== null) words.push(`Latest ${formatFigure(last.value, m.unit)} against an expected ${formatFigure(m.expected, m.unit)}: ${ragLabel(m.rag, false)}.`);
  for (const c of m.comparators) words.push(`${c.name}: ${formatFigure(c.value, m.unit)} (${ukDate(c.period)}).`);
  words.push(m.direction === 'higher-is-better' ? 'Higher is better.' : 'Lower is better.');

  return {
    ...base,
    desc: words.join(' '),
    empty: false,
    yTicks,
    unitLabel: m.unit === '%' ? null : truncate(m.unit, 40),
    xTicks,
    valuesPath: path(valuePoints),
    valuePoints,
    trajectoryPath: trajectoryXY.length > 1 ? path(trajectoryXY) : null,
    target: targetXY && m.target ? { ...targetXY, labelY: targetXY.y > PLOT.bottom - 12 ? r1(targetXY.y - 8) : r1(targetXY.y + 4), label: truncate(`Target ${formatFigure(m.target.value, m.unit)}`, 40), anchor: nearRight(targetXY.x) ? 'end' : 'start' } : null,
    comparators,
    latest:
      last && lastXY
        ? {
            x: lastXY.x,
            y: lastXY.y,
            rag: m.rag,
            ragText: m.rag ? ragLabel(m.rag, false) : 'No RAG',
            label: `${truncate(formatFigure(last.value, m.unit), 34)}${m.rag ? ` · ${ragLabel(m.rag, false)}` : ''}`,
            labelY: lastXY.y < PLOT.top + 16 ? lastXY.y + 18 : lastXY.y - 9,
            anchor: nearRight(lastXY.x) ? 'end' : 'start',
          }
        : null,
    changes: m.definitionChanges
      .filter((c) => day(c.until) >= x0 && day(c.until) <= x1)
      .map((c) => {
        const x = r1(sx(c.until));
        return { x, label: `Definition changed ${ukDate(c.until)}`, labelX: nearRight(x) ? x - 3 : x + 3, anchor: nearRight(x) ? ('end' as const) : ('start' as const) };
      }),
    rows,
  };
}
