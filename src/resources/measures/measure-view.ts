// A measure as documents show it, as of a date: status line (RAG, latest, expected, target, trend), the
// definition with its history, and the chart (values after the date left out).
import { ukDate } from '../../domain/dates.js';
import { measureStatus } from '../../domain/measure-rag.js';
import { ragLabel } from '../../domain/rag.js';
import type { MeasureRow, MeasureValueRow } from '../../db/repos/measures.js';
import { formatFigure, measureChart, type ChartView } from './measure-chart.js';

export interface MeasureView {
  ref: string;
  title: string;
  definition: string;
  unit: string;
  directionText: string;
  source: string | null;
  rag: string | null;
  ragText: string;
  /** null: no value yet (views published before this was nullable say 'No value yet'). */
  latestText: string | null;
  expectedText: string;
  /** null: no target set. */
  targetText: string | null;
  trendText: string | null;
  definitionHistory: { definition: string; until: string }[];
  chart: ChartView;
}

const TREND_TEXT = { improving: 'Improving', worsening: 'Worsening', steady: 'Steady' } as const;

export function measureView(m: MeasureRow, values: MeasureValueRow[], asOf: string, key: string): MeasureView {
  const shown = values.filter((v) => v.period <= asOf);
  const s = measureStatus(m, shown);
  return {
    ref: m.ref,
    title: m.title,
    definition: m.definition,
    unit: m.unit,
    directionText: m.direction === 'higher-is-better' ? 'Higher is better' : 'Lower is better',
    source: m.source,
    rag: s.rag,
    ragText: s.rag ? ragLabel(s.rag, false) : 'No RAG yet',
    latestText: s.latest ? `${formatFigure(s.latest.value, m.unit)} (${ukDate(s.latest.period)})` : null,
    expectedText: s.expected === null ? '–' : formatFigure(Math.round(s.expected * 10) / 10, m.unit),
    targetText: m.target ? `${formatFigure(m.target.value, m.unit)} by ${ukDate(m.target.by)}` : null,
    trendText: s.trend ? TREND_TEXT[s.trend] : null,
    definitionHistory: m.definitionHistory,
    chart: measureChart({
      key,
      title: `${m.ref} ${m.title}`,
      unit: m.unit,
      direction: m.direction,
      values: shown,
      baseline: m.baseline,
      milestones: m.milestones,
      target: m.target,
      comparators: m.comparators,
      rag: s.rag,
      expected: s.expected,
      definitionChanges: m.definitionHistory,
    }),
  };
}


/** Values grouped by measure id. */
export function valuesByMeasure(values: MeasureValueRow[]): Map<string, MeasureValueRow[]> {
  const out = new Map<string, MeasureValueRow[]>();
  for (const v of values) {
    const list = out.get(v.measureId) ?? [];
    list.push(v);
    out.set(v.measureId, list);
  }
  return out;
}
