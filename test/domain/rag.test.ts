import { describe, expect, it } from 'vitest';
import { deriveRag, effectiveRag, expectedPercent, hasSlipped, isBehindSchedule, type RagInput } from '../../src/domain/rag.js';

const base: RagInput = {
  status: 'in-progress',
  startDate: '2022-01-01',
  dueDate: '2022-12-31',
  revisedDueDate: null,
  percentComplete: 50,
  ragOverride: null,
};

describe('deriveRag', () => {
  it('complete wins over dates', () => {
    expect(deriveRag({ ...base, status: 'complete', dueDate: '2022-01-31' }, '2022-11-18')).toBe('complete');
  });

  it('cancelled has no RAG', () => {
    expect(deriveRag({ ...base, status: 'cancelled' }, '2022-11-18')).toBeNull();
  });

  it('past the due date and not complete is off target', () => {
    expect(deriveRag({ ...base, dueDate: '2022-11-17', percentComplete: 99 }, '2022-11-18')).toBe('off-target');
  });

  it('due today is not yet off target', () => {
    expect(deriveRag({ ...base, startDate: null, dueDate: '2022-11-18' }, '2022-11-18')).toBe('on-target');
  });

  it('uses the revised due date when set', () => {
    const extended = { ...base, dueDate: '2022-10-31', revisedDueDate: '2023-01-31', percentComplete: 80 };
    expect(deriveRag(extended, '2022-11-18')).toBe('on-target');
    expect(isBehindSchedule(extended, '2022-11-18')).toBe(false);
    expect(isBehindSchedule({ ...extended, revisedDueDate: null }, '2022-11-18')).toBe(true);
  });

  it('trailing the expected progress by more than the margin is at risk', () => {
    // 1 Jan → 31 Dec, as of 1 Jul: about 50% expected.
    expect(Math.round(expectedPercent('2022-01-01', '2022-12-31', '2022-07-01'))).toBe(50);
    expect(deriveRag({ ...base, percentComplete: 25 }, '2022-07-01')).toBe('at-risk');
    expect(deriveRag({ ...base, percentComplete: 31 }, '2022-07-01')).toBe('on-target');
    expect(deriveRag({ ...base, percentComplete: 31 }, '2022-07-01', 10)).toBe('at-risk');
  });

  it('without a start date only the due date counts', () => {
    expect(deriveRag({ ...base, startDate: null, percentComplete: 0 }, '2022-12-30')).toBe('on-target');
  });

  it('an action not yet started is on target', () => {
    expect(deriveRag({ ...base, startDate: '2023-01-01', dueDate: '2023-06-30', percentComplete: 0 }, '2022-11-18')).toBe('on-target');
  });
});

describe('effectiveRag', () => {
  it('an override wins and says so', () => {
    expect(effectiveRag({ ...base, ragOverride: 'at-risk' }, '2022-02-01')).toEqual({ rag: 'at-risk', ragSource: 'override' });
    expect(effectiveRag({ ...base, status: 'cancelled', ragOverride: 'complete' }, '2022-02-01').rag).toBe('complete');
  });

  it('otherwise derived', () => {
    expect(effectiveRag(base, '2022-02-01')).toEqual({ rag: 'on-target', ragSource: 'derived' });
  });
});

describe('hasSlipped', () => {
  it('counts an extended action as behind its original schedule', () => {
    const extended = { ...base, dueDate: '2022-10-31', revisedDueDate: '2023-01-31' };
    expect(hasSlipped(extended, '2022-11-18')).toBe(true);
    expect(isBehindSchedule(extended, '2022-11-18')).toBe(false);
  });

  it('ignores complete, cancelled and not-yet-due actions', () => {
    expect(hasSlipped({ ...base, dueDate: '2022-10-31', status: 'complete' }, '2022-11-18')).toBe(false);
    expect(hasSlipped({ ...base, dueDate: '2022-10-31', status: 'cancelled' }, '2022-11-18')).toBe(false);
    expect(hasSlipped({ ...base, dueDate: '2022-11-18' }, '2022-11-18')).toBe(false);
  });
});
