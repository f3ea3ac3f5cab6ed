// The action rules every door shares: dates in order, an override with its reason.
import { describe, expect, it } from 'vitest';
import { actionRuleBreaches } from '../../src/domain/action-rules.js';

describe('actionRuleBreaches', () => {
  it('accepts an action in order, with or without dates and override', () => {
    expect(actionRuleBreaches({ dueDate: '2023-03-31' })).toEqual([]);
    expect(actionRuleBreaches({ startDate: '2023-03-31', dueDate: '2023-03-31', revisedDueDate: '2023-03-31', ragOverride: 'at-risk', ragOverrideReason: 'late' })).toEqual([]);
  });

  it('names each broken rule by its field', () => {
    expect(actionRuleBreaches({ startDate: '2023-05-01', dueDate: '2023-03-31', revisedDueDate: '2023-01-01', ragOverride: 'off-target', ragOverrideReason: '  ' })).toEqual([
      { field: 'startDate', rule: 'start-after-due', startDate: '2023-05-01', dueDate: '2023-03-31' },
      { field: 'revisedDueDate', rule: 'revised-before-start', startDate: '2023-05-01', revisedDueDate: '2023-01-01' },
      { field: 'ragOverrideReason', rule: 'override-without-reason' },
    ]);
  });
});
