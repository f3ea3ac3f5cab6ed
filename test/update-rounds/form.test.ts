// Reading the owner's posted form: values, messages per field in page order, and refusals.
import { describe, expect, it } from 'vitest';
import { initialValues, parseForm, type FormItem } from '../../src/resources/update-rounds/form.js';

const action: FormItem = { type: 'action', id: 'act_1', ref: '1.1', title: 'A', dueDate: '2023-03-31', revisedDueDate: null, startDate: '2022-10-01', percentComplete: 20, status: 'in-progress' };
const risk: FormItem = { type: 'risk', id: 'rsk_1', ref: 'Risk R1', title: 'R', dueDate: null, revisedDueDate: null, startDate: null, percentComplete: null, status: 'open' };

describe('parseForm', () => {
  it('reads a good form into the submission', () => {
    const r = parseForm([action, risk], { 'act_1.percentComplete': ' 45% ', 'act_1.status': 'in-progress', 'act_1.comment': ' ok ', 'rsk_1.status': 'closed', 'rsk_1.comment': '' });
    expect(r).toEqual({
      kind: 'ok',
      items: [
        { type: 'action', id: 'act_1', percentComplete: 45, status: 'in-progress', comment: 'ok', revisedDueDate: null, delayReason: null, mitigation: null },
        { type: 'risk', id: 'rsk_1', percentComplete: null, status: 'closed', comment: null, revisedDueDate: null, delayReason: null, mitigation: null },
      ],
    });
  });

  it('names each problem, in page order, and keeps the typed values', () => {
    const r = parseForm([action], { 'act_1.percentComplete': '4.5', 'act_1.status': 'x', 'act_1.comment': 'c'.repeat(2001), 'act_1.revisedDueDate': '2022-02-30' });
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.errors.map((e) => e.field)).toEqual(['percentComplete', 'status', 'comment', 'revisedDueDate', 'delayReason', 'mitigation']);
    expect(r.values.act_1!.percentComplete).toBe('4.5');
    expect(parseForm([action], { 'act_1.percentComplete': '', 'act_1.status': 'complete' }).kind).toBe('invalid');
    expect(parseForm([action], { 'act_1.percentComplete': '101', 'act_1.status': 'complete' }).kind).toBe('invalid');
  });

  it('a revised date needs a reason and a mitigation, and must not be before the start', () => {
    const base = { 'act_1.percentComplete': '50', 'act_1.status': 'in-progress', 'act_1.revisedDueDate': '2023-06-30' };
    const missing = parseForm([action], base);
    expect(missing.kind === 'invalid' && missing.errors.map((e) => e.field)).toEqual(['delayReason', 'mitigation']);
    const early = parseForm([action], { ...base, 'act_1.revisedDueDate': '2022-09-01', 'act_1.delayReason': 'r', 'act_1.mitigation': 'm' });
    expect(early.kind === 'invalid' && early.errors[0]!.message).toMatch(/on or after its start date/);
    const ok = parseForm([action], { ...base, 'act_1.delayReason': 'r', 'act_1.mitigation': 'm' });
    expect(ok.kind === 'ok' && ok.items[0]!.revisedDueDate).toBe('2023-06-30');
  });

  it('refuses other items, unknown fields and repeated fields, whatever the rest', () => {
    expect(parseForm([action], { 'act_2.status': 'complete' })).toEqual({ kind: 'refused', reason: 'not-yours' });
    expect(parseForm([action], { 'act_1.owner': 'me' })).toEqual({ kind: 'refused', reason: 'malformed' });
    expect(parseForm([action], { 'act_1.status': ['complete', 'cancelled'] })).toEqual({ kind: 'refused', reason: 'malformed' });
    expect(parseForm([action], { __proto__x: 'x' })).toEqual({ kind: 'refused', reason: 'malformed' });
  });

  it('shows the current values first, or the earlier answers of a returned update', () => {
    expect(initialValues([action], null).act_1).toMatchObject({ percentComplete: '20', status: 'in-progress', comment: '' });
    const earlier = [{ type: 'action' as const, id: 'act_1', percentComplete: 70, status: 'complete', comment: 'done', revisedDueDate: null, delayReason: null, mitigation: null }];
    expect(initialValues([action], earlier).act_1).toMatchObject({ percentComplete: '70', status: 'complete', comment: 'done' });
  });
});
