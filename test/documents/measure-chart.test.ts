// The measure chart's geometry and text alternative (pure function behind templates/partials/measure-chart).
import { describe, expect, it } from 'vitest';
import { formatFigure, measureChart, type ChartInput } from '../../src/resources/measures/measure-chart.js';
import { Templates } from '../../src/render/templates.js';

const input: ChartInput = {
  key: 'm1',
  title: 'M2.1 Plans within 20 weeks',
  unit: '%',
  direction: 'higher-is-better',
  values: [
    { period: '2022-06-30', value: 44 },
    { period: '2022-03-31', value: 35 },
  ],
  baseline: { value: 31, period: '2022-01-31' },
  milestones: [],
  target: { value: 80, by: '2023-03-31' },
  comparators: [{ name: 'England average', value: 59.9, period: '2021-12-31' }],
  rag: 'off-target',
  expected: 46.7,
  definitionChanges: [{ until: '2022-05-01' }],
};

describe('measureChart', () => {
  it('places values in date order inside the plot, the trajectory from baseline to target, and the latest point with its RAG', () => {
    const c = measureChart(input);
    expect(c.empty).toBe(false);
    expect(c.valuePoints.map((p) => p.label)).toEqual(['31/03/2022: 35%', '30/06/2022: 44%']);
    for (const p of [...c.valuePoints, c.target!]) {
      expect(p.x).toBeGreaterThanOrEqual(c.plot.left);
      expect(p.x).toBeLessThanOrEqual(c.plot.right);
      expect(p.y).toBeGreaterThanOrEqual(c.plot.top);
      expect(p.y).toBeLessThanOrEqual(c.plot.bottom);
    }
    expect(c.valuePoints[1]!.x).toBeGreaterThan(c.valuePoints[0]!.x);
    expect(c.valuePoints[1]!.y).toBeLessThan(c.valuePoints[0]!.y); // higher value, higher on the page
    expect(c.trajectoryPath).toMatch(/^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/);
    expect(c.latest).toMatchObject({ rag: 'off-target', label: '44% · Off Target' });
    expect(c.target!.label).toBe('Target 80%');
    expect(c.comparators[0]!.label).toBe('England average 59.9% (31/12/2021)');
    expect(c.changes).toHaveLength(1);
    expect(c.yTicks.map((t) => t.label)).toEqual(['20%', '40%', '60%', '80%']);
    expect(c.xTicks.length).toBeGreaterThan(2);
    expect(c.xTicks.length).toBeLessThanOrEqual(8);
  });

  it('says the figures in words and gives a row per value', () => {
    const c = measureChart(input);
    expect(c.desc).toBe(
      '2 values from 31/03/2022 (35%) to 30/06/2022 (44%). Trajectory from the baseline of 31% (31/01/2022) to the target of 80% by 31/03/2023. Latest 44% against an expected 46.7%: Off Target. England average: 59.9% (31/12/2021). Higher is better.',
    );
    expect(c.rows.map((r) => [r.period, r.value])).toEqual([
      ['31/03/2022', '35%'],
      ['30/06/2022', '44%'],
    ]);
  });

  it('is empty without values and a trajectory; copes with one value and equal values', () => {
    expect(measureChart({ ...input, values: [], baseline: null, target: null, comparators: [] }).empty).toBe(true);
    const one = measureChart({ ...input, values: [{ period: '2022-06-30', value: 5 }], baseline: null, target: null, comparators: [], unit: 'days' });
    expect(one.empty).toBe(false);
    expect(one.valuePoints[0]!.x).toBeGreaterThan(one.plot.left);
    expect(one.yTicks.length).toBeGreaterThan(1);
    // A long unit goes above the axis; tick labels are bare numbers.
    const long = measureChart({ ...input, unit: 'per 10,000 children and young people aged 0–25' });
    expect(long.unitLabel).toBe('per 10,000 children and young people ag…');
    expect(long.yTicks.every((t) => /^[\d,.-]+$/.test(t.label))).toBe(true);
    expect(Number.isFinite(one.valuePoints[0]!.y)).toBe(true);
  });

  it('formats figures with their unit', () => {
    expect(formatFigure(57.3, '%')).toBe('57.3%');
    expect(formatFigure(1234.5, 'days')).toBe('1,234.5 days');
    expect(formatFigure(null, '%')).toBe('–');
  });

  it('renders as SVG with role img, title and desc, and escapes text', () => {
    const html = new Templates().render('partials/measure-chart', { chart: measureChart({ ...input, title: '<script>x</script>' }) });
    expect(html).toContain('role="img"');
    expect(html).toContain('<title id="chart-m1-title">&lt;script&gt;x&lt;/script&gt;: chart</title>');
    expect(html).toContain('<desc id="chart-m1-desc">');
    expect(html).not.toContain('<script>');
  });
});
