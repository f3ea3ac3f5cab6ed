import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../src/domain/changes.js';
import { latestOnOrBefore, movedMeasures, statesBefore } from '../../src/domain/measure-history.js';

let seq = 0;
const ev = (at: string, operation: string, resourceType: string, resourceId: string, after: Record<string, unknown> | null, before: Record<string, unknown> | null = null): ChangeEvent => ({
  seq: ++seq,
  at,
  operation,
  resourceType,
  resourceId,
  before,
  after,
});
const measure = (over: Record<string, unknown> = {}) => ({
  planId: 'p1',
  projectId: null,
  ref: 'M2.1',
  title: 'EHC plans issued within 20 weeks',
  unit: '%',
  direction: 'higher-is-better',
  tolerance: 5,
  baseline: { value: 30, period: '2022-03-31' },
  milestones: [],
  target: { value: 60, by: '2023-03-31' },
  version: 1,
  ...over,
});
const value = (measureId: string, period: string, v: number) => ({ measureId, period, value: v, note: null, version: 1 });

describe('latestOnOrBefore', () => {
  it('takes the latest period on or before the date, whatever the order given', () => {
    const values = [value('m', '2022-09-30', 44), value('m', '2022-05-31', 35), value('m', '2022-10-31', 41)];
    expect(latestOnOrBefore(values, '2022-09-30')).toMatchObject({ period: '2022-09-30', value: 44 });
    expect(latestOnOrBefore(values, '2022-09-29')).toMatchObject({ period: '2022-05-31', value: 35 });
    expect(latestOnOrBefore(values, '2022-01-01')).toBeNull();
  });
});

describe('statesBefore', () => {
  it('replays creates, updates and deletes recorded before the instant, ignoring later ones in any order', () => {
    const events = [
      ev('2022-06-01T09:00:00.000Z', 'create', 'measure-value', 'v1', value('m', '2022-05-31', 35)),
      ev('2022-06-02T09:00:00.000Z', 'update', 'measure-value', 'v1', { value: 36, version: 2 }, { value: 35, version: 1 }),
      ev('2022-06-03T09:00:00.000Z', 'create', 'measure-value', 'v2', value('m', '2022-06-30', 40)),
      ev('2022-06-04T09:00:00.000Z', 'delete', 'measure-value', 'v2', null, value('m', '2022-06-30', 40)),
      // Recorded with a clock set back: the seq is later, the time earlier.
      ev('2022-06-01T08:00:00.000Z', 'create', 'measure-value', 'v3', value('m', '2022-04-30', 33)),
    ];
    const at = statesBefore(events, '2022-06-02T00:00:00.000Z');
    expect([...at.keys()].sort()).toEqual(['v1', 'v3']);
    expect(at.get('v1')!.value).toBe(35);
    const later = statesBefore(events, '2022-07-01T00:00:00.000Z');
    expect(later.get('v1')!.value).toBe(36);
    expect(later.has('v2')).toBe(false);
  });
});

describe('movedMeasures', () => {
  const events = [
    ev('2022-06-01T09:00:00.000Z', 'create', 'measure', 'm1', measure()),
    ev('2022-06-01T09:00:00.000Z', 'create', 'measure', 'm2', measure({ ref: 'M4.1', title: 'Annual health checks', baseline: null, target: null })),
    ev('2022-06-01T09:00:00.000Z', 'create', 'measure', 'mx', measure({ planId: 'p2', ref: 'X1' })),
    ev('2022-06-01T09:00:00.000Z', 'create', 'measure', 'm3', measure({ ref: 'M4.3', title: 'Deleted later' })),
    ev('2022-06-02T09:00:00.000Z', 'create', 'measure-value', 'a', value('m1', '2022-05-31', 35)),
    ev('2022-06-02T09:00:00.000Z', 'create', 'measure-value', 'x', value('mx', '2022-05-31', 35)),
    ev('2022-06-02T09:00:00.000Z', 'create', 'measure-value', 'd', value('m3', '2022-05-31', 10)),
    ev('2022-08-10T09:00:00.000Z', 'create', 'measure-value', 'b', value('m2', '2022-06-30', 52)),
    // Late on the since day in London (BST): still recorded "at the end of since".
    ev('2022-09-30T22:30:00.000Z', 'create', 'measure-value', 'c', value('m1', '2022-09-30', 44)),
    // After since: a late figure for an earlier period, a value for after until.
    ev('2022-10-12T09:00:00.000Z', 'create', 'measure-value', 'e', value('m2', '2022-09-30', 55)),
    ev('2022-10-20T09:00:00.000Z', 'create', 'measure-value', 'f', value('m1', '2022-12-31', 99)),
    ev('2022-10-20T09:00:00.000Z', 'create', 'measure-value', 'x2', value('mx', '2022-10-31', 50)),
    ev('2022-10-21T09:00:00.000Z', 'create', 'measure-value', 'g', value('m3', '2022-10-31', 20)),
    ev('2022-11-01T09:00:00.000Z', 'delete', 'measure', 'm3', null, measure({ ref: 'M4.3' })),
  ];

  it('compares the latest values as recorded at the end of each day, with the RAG at until', () => {
    const moved = movedMeasures({ since: '2022-09-30', until: '2022-11-18', events, planId: 'p1' });
    // m1: 44 at both ends (the 31 December value is after until); m2: the late figure moves it; m3 was deleted; mx is another plan's.
    expect(moved).toEqual([{ id: 'm2', ref: 'M4.1', title: 'Annual health checks', unit: '%', from: 52, to: 55, fromPeriod: '2022-06-30', toPeriod: '2022-09-30', rag: null }]);
  });

  it('a value recorded on the since day counts at since; before it, the measure moves', () => {
    const moved = movedMeasures({ since: '2022-09-29', until: '2022-09-30', events, planId: 'p1' });
    // Expected on 30/09/2022: 30 + 30 × 183/365 ≈ 45.04; 44 is worse by ≈ 1.04, within the tolerance of 5.
    expect(moved).toEqual([{ id: 'm1', ref: 'M2.1', title: 'EHC plans issued within 20 weeks', unit: '%', from: 35, to: 44, fromPeriod: '2022-05-31', toPeriod: '2022-09-30', rag: 'at-risk' }]);
  });

  it('the RAG uses the trajectory as recorded at until, and a project filter keeps that project’s measures', () => {
    const withChange = [
      ...events,
      ev('2022-10-01T09:00:00.000Z', 'update', 'measure', 'm1', { tolerance: 0, projectId: 'prj1', version: 2 }, { tolerance: 5, projectId: null, version: 1 }),
    ];
    expect(movedMeasures({ since: '2022-09-29', until: '2022-10-02', events: withChange, planId: 'p1' })[0]!.rag).toBe('off-target');
    expect(movedMeasures({ since: '2022-09-29', until: '2022-10-02', events: withChange, planId: 'p1', projectId: 'prj1' }).map((m) => m.id)).toEqual(['m1']);
    expect(movedMeasures({ since: '2022-09-29', until: '2022-10-02', events: withChange, planId: 'p1', projectId: 'prj2' })).toEqual([]);
  });

  it('a measure created after since moves from null once it has a value', () => {
    const moved = movedMeasures({ since: '2022-05-01', until: '2022-06-02', events, planId: 'p1' });
    expect(moved.map((m) => [m.ref, m.from, m.to])).toEqual([
      ['M2.1', null, 35],
      ['M4.3', null, 10],
    ]);
  });
});
