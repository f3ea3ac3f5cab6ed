import { describe, expect, it } from 'vitest';
import { computeChanges, endOfLondonDay, eventsOfPlan, eventsOfProject, type ChangeEvent } from '../../src/domain/changes.js';

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
const action = (over: Record<string, unknown> = {}) => ({
  planId: 'p1',
  ref: '2.1',
  title: 'Review the pathway',
  status: 'in-progress',
  startDate: '2022-01-01',
  dueDate: '2022-09-30',
  revisedDueDate: null,
  percentComplete: 50,
  ragOverride: null,
  version: 1,
  ...over,
});

describe('endOfLondonDay', () => {
  it('is midnight UTC in winter and 23:00 UTC the day before in summer', () => {
    expect(endOfLondonDay('2022-11-18')).toBe('2022-11-19T00:00:00.000Z');
    expect(endOfLondonDay('2022-07-01')).toBe('2022-07-01T23:00:00.000Z');
    // The last Sunday of October 2022 (30th): the clocks go back at 01:00 UTC.
    expect(endOfLondonDay('2022-10-29')).toBe('2022-10-29T23:00:00.000Z');
    expect(endOfLondonDay('2022-10-30')).toBe('2022-10-31T00:00:00.000Z');
  });
});

describe('computeChanges', () => {
  it('reconstructs RAG moves, redating (times and slip), completions, additions and removals', () => {
    const events = [
      ev('2022-01-10T10:00:00.000Z', 'create', 'action', 'a1', action()),
      ev('2022-01-10T10:00:00.000Z', 'create', 'action', 'a2', action({ ref: '2.2', title: 'Co-produce the plan', dueDate: '2022-12-31' })),
      ev('2022-01-10T10:00:00.000Z', 'create', 'action', 'a3', action({ ref: '3.1', title: 'Publish the strategy', dueDate: '2023-03-31' })),
      // a1 slips twice before `since` is over, once after.
      ev('2022-08-01T09:00:00.000Z', 'update', 'action', 'a1', { revisedDueDate: '2022-10-31', version: 2 }, { revisedDueDate: null, version: 1 }),
      ev('2022-09-01T09:00:00.000Z', 'update', 'action', 'a1', { revisedDueDate: '2022-11-30', version: 3 }, { revisedDueDate: '2022-10-31', version: 2 }),
      // Late on the since day in London (BST): still part of that day.
      ev('2022-09-30T22:30:00.000Z', 'update', 'action', 'a1', { percentComplete: 60, version: 4 }, { percentComplete: 50, version: 3 }),
      ev('2022-10-20T09:00:00.000Z', 'update', 'action', 'a1', { revisedDueDate: '2023-03-31', version: 5 }, { revisedDueDate: '2022-11-30', version: 4 }),
      // a2 completes; a3 is deleted; a4 is added; a5 is added and removed inside the period.
      ev('2022-10-21T09:00:00.000Z', 'update', 'action', 'a2', { status: 'complete', percentComplete: 100, version: 2 }, { status: 'in-progress', percentComplete: 50, version: 1 }),
      ev('2022-10-22T09:00:00.000Z', 'delete', 'action', 'a3', null, action({ ref: '3.1', title: 'Publish the strategy' })),
      ev('2022-10-23T09:00:00.000Z', 'create', 'action', 'a4', action({ ref: '2.12', title: 'Practice week', dueDate: '2023-01-31' })),
      ev('2022-10-24T09:00:00.000Z', 'create', 'action', 'a5', action({ ref: '9.9', title: 'Mistake' })),
      ev('2022-10-24T09:05:00.000Z', 'delete', 'action', 'a5', null, action({ ref: '9.9', title: 'Mistake' })),
      // After `until`: ignored.
      ev('2022-11-19T09:00:00.000Z', 'update', 'action', 'a1', { status: 'complete', version: 6 }, { status: 'in-progress', version: 5 }),
    ];
    const c = computeChanges({ since: '2022-09-30', until: '2022-11-18', events });
    expect(c.actions.redated).toEqual([{ id: 'a1', ref: '2.1', title: 'Review the pathway', from: '2022-11-30', to: '2023-03-31', timesRedated: 3, slipDays: 182 }]);
    // a1: as of 30 Sept, due 30 Nov, 60% of Jan–Nov expected ≈ 81% → at risk; as of 18 Nov, due March, 60% ≈ 71% expected → on target;
    // a2: 50% against ≈ 75% expected on 30 Sept → at risk, then complete.
    expect(c.actions.ragChanged).toEqual([
      { id: 'a1', ref: '2.1', title: 'Review the pathway', from: 'at-risk', to: 'on-target' },
      { id: 'a2', ref: '2.2', title: 'Co-produce the plan', from: 'at-risk', to: 'complete' },
    ]);
    expect(c.actions.completed).toEqual([{ id: 'a2', ref: '2.2', title: 'Co-produce the plan' }]);
    expect(c.actions.added).toEqual([{ id: 'a4', ref: '2.12', title: 'Practice week' }]);
    expect(c.actions.removed).toEqual([{ id: 'a3', ref: '3.1', title: 'Publish the strategy' }]);
  });

  it('risks opened, closed and re-scored; issues opened and closed', () => {
    const risk = (over: Record<string, unknown>) => ({ projectId: 'pr1', ref: 'R1', description: 'Recruitment slips', likelihood: 2, impact: 3, status: 'open', ...over });
    const events = [
      ev('2022-09-01T09:00:00.000Z', 'create', 'risk', 'r1', risk({})),
      ev('2022-09-01T09:00:00.000Z', 'create', 'risk', 'r2', risk({ ref: 'R2', description: 'Capita One slips' })),
      ev('2022-10-05T09:00:00.000Z', 'update', 'risk', 'r1', { likelihood: 4, version: 2 }, { likelihood: 2, version: 1 }),
      ev('2022-10-06T09:00:00.000Z', 'update', 'risk', 'r2', { status: 'closed', version: 2 }, { status: 'open', version: 1 }),
      ev('2022-10-07T09:00:00.000Z', 'create', 'risk', 'r3', risk({ ref: 'R3', description: 'Budget' })),
      ev('2022-09-01T09:00:00.000Z', 'create', 'issue', 'i1', { projectId: 'pr1', ref: 'I1', description: 'Hub closed', impactScore: 3, status: 'open' }),
      ev('2022-10-08T09:00:00.000Z', 'update', 'issue', 'i1', { status: 'closed', version: 2 }, { status: 'open', version: 1 }),
      ev('2022-10-09T09:00:00.000Z', 'create', 'issue', 'i2', { projectId: 'pr1', ref: 'I2', description: 'Staffing', impactScore: 2, status: 'open' }),
    ].sort((x, y) => x.at.localeCompare(y.at));
    const c = computeChanges({ since: '2022-09-30', until: '2022-11-18', events });
    expect(c.risks).toEqual({
      opened: [{ id: 'r3', ref: 'R3', title: 'Budget' }],
      closed: [{ id: 'r2', ref: 'R2', title: 'Capita One slips' }],
      scoreChanged: [{ id: 'r1', ref: 'R1', title: 'Recruitment slips', from: 6, to: 12 }],
    });
    expect(c.issues).toEqual({ opened: [{ id: 'i2', ref: 'I2', title: 'Staffing' }], closed: [{ id: 'i1', ref: 'I1', title: 'Hub closed' }] });
    expect(c.measures).toEqual({ moved: [] });
  });

  it('nothing changed: empty lists; same day since and until', () => {
    const events = [ev('2022-01-10T10:00:00.000Z', 'create', 'action', 'a1', action({ dueDate: '2023-09-30' }))];
    const c = computeChanges({ since: '2022-11-18', until: '2022-11-18', events });
    expect(c.actions).toEqual({ ragChanged: [], redated: [], completed: [], added: [], removed: [] });
  });

  it('eventsOfPlan keeps the plan’s actions and its projects’ register entries, deleted ones included', () => {
    const events = [
      ev('2022-01-10T10:00:00.000Z', 'create', 'action', 'a1', action()),
      ev('2022-01-10T10:00:00.000Z', 'create', 'action', 'x1', action({ planId: 'other' })),
      ev('2022-01-11T10:00:00.000Z', 'update', 'action', 'a1', { title: 'T', version: 2 }, { title: 'Review the pathway', version: 1 }),
      ev('2022-01-11T10:00:00.000Z', 'create', 'risk', 'r1', { projectId: 'pr1', ref: 'R1' }),
      ev('2022-01-11T10:00:00.000Z', 'create', 'risk', 'r9', { projectId: 'pr9', ref: 'R9' }),
      ev('2022-01-12T10:00:00.000Z', 'delete', 'action', 'a1', null, action()),
    ];
    expect(eventsOfPlan(events, 'p1', ['pr1']).map((e) => e.resourceId)).toEqual(['a1', 'a1', 'r1', 'a1']);
  });
});

describe('eventsOfProject', () => {
  it('follows the project an action was last recorded in', () => {
    const events = [
      ev('2022-01-10T10:00:00.000Z', 'create', 'action', 'a1', action({ projectId: 'pr1' })),
      ev('2022-01-10T10:00:00.000Z', 'create', 'action', 'a2', action({ projectId: 'pr1' })),
      ev('2022-01-11T10:00:00.000Z', 'update', 'action', 'a2', { projectId: 'pr2', version: 2 }, { projectId: 'pr1', version: 1 }),
      ev('2022-01-11T10:00:00.000Z', 'create', 'risk', 'r1', { projectId: 'pr1', ref: 'R1' }),
      ev('2022-01-12T10:00:00.000Z', 'update', 'action', 'a1', { title: 'T', version: 2 }, { title: 'Review the pathway', version: 1 }),
    ];
    expect(eventsOfProject(events, 'pr1').map((e) => e.resourceId)).toEqual(['a1', 'r1', 'a1']);
  });
});
