// The measure rule: expected value on the trajectory, RAG with tolerance and direction, trend.
import { describe, expect, it } from 'vitest';
import { expectedValue, measureRag, measureStatus, measureTrend, trajectoryProblems, type Trajectory } from '../../src/domain/measure-rag.js';

// EHC plans issued within 20 weeks: 40% at the end of March 2022, 60% by September, 90% by March 2023.
const t: Trajectory = {
  baseline: { value: 40, period: '2022-03-31' },
  milestones: [{ by: '2022-09-30', value: 60 }],
  target: { value: 90, by: '2023-03-31' },
};

describe('expectedValue', () => {
  it('is null without a baseline or a target, and before the baseline', () => {
    expect(expectedValue({ ...t, baseline: null }, '2022-06-30')).toBeNull();
    expect(expectedValue({ ...t, target: null }, '2022-06-30')).toBeNull();
    expect(expectedValue(t, '2022-03-30')).toBeNull();
  });
  it('is the baseline, each milestone and the target on their dates', () => {
    expect(expectedValue(t, '2022-03-31')).toBe(40);
    expect(expectedValue(t, '2022-09-30')).toBe(60);
    expect(expectedValue(t, '2023-03-31')).toBe(90);
  });
  it('runs in straight lines between the points, and stays at the target after its date', () => {
    // 2022-03-31 → 2022-09-30 is 183 days; 2022-06-30 is day 91.
    expect(expectedValue(t, '2022-06-30')).toBeCloseTo(40 + (20 * 91) / 183, 10);
    // 2022-09-30 → 2023-03-31 is 182 days; 2022-12-30 is day 91: half way.
    expect(expectedValue(t, '2022-12-30')).toBeCloseTo(75, 10);
    expect(expectedValue(t, '2024-01-01')).toBe(90);
  });
  it('goes straight from baseline to target without milestones', () => {
    expect(expectedValue({ ...t, milestones: [] }, '2022-09-30')).toBeCloseTo(40 + (50 * 183) / 365, 10);
  });
});

describe('measureRag', () => {
  it('higher is better: at or above expected is on target; below by ≤ tolerance at risk; further off target', () => {
    expect(measureRag(60, 60, 'higher-is-better', 5)).toBe('on-target');
    expect(measureRag(61, 60, 'higher-is-better', 5)).toBe('on-target');
    expect(measureRag(55, 60, 'higher-is-better', 5)).toBe('at-risk');
    expect(measureRag(54.9, 60, 'higher-is-better', 5)).toBe('off-target');
  });
  it('lower is better mirrors it', () => {
    expect(measureRag(10, 12, 'lower-is-better', 1)).toBe('on-target');
    expect(measureRag(13, 12, 'lower-is-better', 1)).toBe('at-risk');
    expect(measureRag(13.5, 12, 'lower-is-better', 1)).toBe('off-target');
  });
  it('with tolerance 0, any shortfall is off target; floating point noise is not a shortfall', () => {
    expect(measureRag(59.99, 60, 'higher-is-better', 0)).toBe('off-target');
    expect(measureRag(0.1 + 0.2, 0.3, 'higher-is-better', 0)).toBe('on-target');
    expect(measureRag(57.3 - 0.1, 57.2, 'higher-is-better', 0)).toBe('on-target');
  });
  it('is null without a value or an expectation', () => {
    expect(measureRag(null, 60, 'higher-is-better')).toBeNull();
    expect(measureRag(60, null, 'higher-is-better')).toBeNull();
  });
});

describe('measureTrend', () => {
  it('compares the latest value with the one before it, by period, in the direction', () => {
    const v = [
      { period: '2022-10-31', value: 50 },
      { period: '2022-08-31', value: 45 },
      { period: '2022-09-30', value: 48 },
    ];
    expect(measureTrend(v, 'higher-is-better')).toBe('improving');
    expect(measureTrend(v, 'lower-is-better')).toBe('worsening');
    expect(measureTrend([...v, { period: '2022-11-30', value: 50 }], 'higher-is-better')).toBe('steady');
    expect(measureTrend(v.slice(0, 1), 'higher-is-better')).toBeNull();
  });
});

describe('measureStatus', () => {
  it('derives latest, expected, rag and trend together', () => {
    const s = measureStatus({ ...t, direction: 'higher-is-better', tolerance: 5 }, [
      { period: '2022-09-30', value: 58 },
      { period: '2022-12-30', value: 72 },
    ]);
    expect(s).toEqual({ latest: { period: '2022-12-30', value: 72 }, expected: 75, rag: 'at-risk', trend: 'improving' });
    expect(measureStatus({ ...t, direction: 'higher-is-better', tolerance: 0 }, [])).toEqual({ latest: null, expected: null, rag: null, trend: null });
  });
});

describe('trajectoryProblems', () => {
  it('names milestones out of order or outside baseline → target', () => {
    expect(trajectoryProblems(t)).toEqual([]);
    const bad = trajectoryProblems({ ...t, milestones: [{ by: '2022-09-30', value: 60 }, { by: '2022-06-30', value: 50 }, { by: '2023-04-30', value: 95 }] });
    expect(bad.map(([f]) => f)).toEqual(['milestones.1.by', 'milestones.2.by']);
    expect(trajectoryProblems({ ...t, milestones: [], target: { value: 90, by: '2022-01-01' } })).toEqual([['target.by', 'must be after the baseline period']]);
  });
});
