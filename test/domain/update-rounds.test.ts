import { describe, expect, it } from 'vitest';
import { canAccept, canReturn, canSubmit, isEscalationDue, isLinkLive, isReminderDue, linkExpiresOn, reminderDueOn, roundOpensNow } from '../../src/domain/update-rounds.js';
import { nextState, refuseStep, stateAfterEdit } from '../../src/domain/approval.js';

describe('update round dates', () => {
  it('reminds after working days, skipping weekends and bank holidays', () => {
    // Fri 23 Dec 2022 + 3 working days: 26 and 27 Dec are bank holidays → Wed 28, Thu 29, Fri 30.
    expect(reminderDueOn('2022-12-23', 3)).toBe('2022-12-30');
    // Thu 4 May 2023 + 2: Fri 5, (weekend), Mon 8 May is the coronation bank holiday → Tue 9.
    expect(reminderDueOn('2023-05-04', 2)).toBe('2023-05-09');
    expect(reminderDueOn('2022-11-18', 3)).toBe('2022-11-23');
  });
  it('reminds once, only those still without an answer', () => {
    const r = { state: 'sent' as const, sentOn: '2022-12-23', remindedAt: null };
    expect(isReminderDue(r, 3, '2022-12-29')).toBe(false);
    expect(isReminderDue(r, 3, '2022-12-30')).toBe(true);
    expect(isReminderDue({ ...r, remindedAt: '2022-12-30T09:00:00Z' }, 3, '2023-01-05')).toBe(false);
    expect(isReminderDue({ ...r, state: 'submitted' }, 3, '2023-01-05')).toBe(false);
    expect(isReminderDue({ ...r, sentOn: null }, 3, '2023-01-05')).toBe(false);
  });
  it('opens and escalates on the day', () => {
    expect(roundOpensNow('2022-11-18', '2022-11-18')).toBe(true);
    expect(roundOpensNow('2022-11-19', '2022-11-18')).toBe(false);
    expect(isEscalationDue('2022-11-30', '2022-11-29')).toBe(false);
    expect(isEscalationDue('2022-11-30', '2022-11-30')).toBe(true);
  });
  it('links live until 30 days after the due date, and only while the round is open', () => {
    expect(linkExpiresOn('2022-11-30')).toBe('2022-12-30');
    expect(isLinkLive({ state: 'open', dueOn: '2022-11-30' }, '2022-12-30')).toBe(true);
    expect(isLinkLive({ state: 'open', dueOn: '2022-11-30' }, '2022-12-31')).toBe(false);
    expect(isLinkLive({ state: 'closed', dueOn: '2022-11-30' }, '2022-11-20')).toBe(false);
    expect(isLinkLive({ state: 'scheduled', dueOn: '2022-11-30' }, '2022-11-20')).toBe(false);
  });
  it('request states', () => {
    expect([canSubmit('sent'), canSubmit('returned'), canSubmit('submitted'), canSubmit('accepted')]).toEqual([true, true, false, false]);
    expect([canAccept('submitted'), canAccept('sent'), canReturn('submitted'), canReturn('accepted')]).toEqual([true, false, true, false]);
  });
});

describe('approval state machine', () => {
  const ctx = { actorKey: 'tok_b', needsApproval: true };
  it('walks draft → submitted → approved → published', () => {
    expect(refuseStep('submit', { state: 'draft', submitterKey: null }, ctx)).toBeNull();
    expect(nextState('submit')).toBe('submitted');
    expect(refuseStep('approve', { state: 'submitted', submitterKey: 'tok_a' }, ctx)).toBeNull();
    expect(nextState('approve')).toBe('approved');
    expect(refuseStep('publish', { state: 'approved', submitterKey: 'tok_a' }, ctx)).toBeNull();
  });
  it('four eyes: the submitter cannot approve', () => {
    expect(refuseStep('approve', { state: 'submitted', submitterKey: 'tok_b' }, ctx)?.status).toBe(403);
  });
  it('refuses steps from the wrong state and publishing unapproved when there is an approver', () => {
    expect(refuseStep('approve', { state: 'draft', submitterKey: null }, ctx)?.status).toBe(409);
    expect(refuseStep('submit', { state: 'submitted', submitterKey: 'x' }, ctx)?.status).toBe(409);
    expect(refuseStep('return', { state: 'draft', submitterKey: null }, ctx)?.status).toBe(409);
    expect(refuseStep('publish', { state: 'submitted', submitterKey: 'x' }, ctx)?.status).toBe(409);
    expect(refuseStep('publish', { state: 'draft', submitterKey: null }, { ...ctx, needsApproval: false })).toBeNull();
    expect(refuseStep('submit', { state: 'published', submitterKey: null }, ctx)?.status).toBe(409);
  });
  it('an edit returns a submitted or approved report to draft', () => {
    expect(stateAfterEdit('submitted')).toBe('draft');
    expect(stateAfterEdit('approved')).toBe('draft');
    expect(stateAfterEdit('draft')).toBe('draft');
  });
});
