// The RAG rule for an action: what "On Target / At Risk / Off Target / Complete" means in this product.
import { daysBetween } from './dates.js';
import type { ActionStatus, RagValue } from './vocabulary.js';

export type { ActionStatus, RagValue } from './vocabulary.js';

export interface RagInput {
  status: ActionStatus;
  startDate: string | null;
  dueDate: string;
  revisedDueDate: string | null;
  percentComplete: number;
  ragOverride: RagValue | null;
}

export const DEFAULT_AT_RISK_MARGIN = 20;

export const RAG_RULE = [
  'An override (ragOverride with its reason) always wins.',
  'Otherwise: status complete → complete; cancelled → none (documents print "Cancelled");',
  'the effective due date (revisedDueDate when set, else dueDate) is before the as-of date → off-target;',
  'percent complete trails the progress expected from elapsed time (start → effective due date) by more than',
  'the at-risk margin (RAG_AT_RISK_MARGIN percentage points, default 20) → at-risk; otherwise on-target.',
].join(' ');

export const effectiveDueDate = (a: Pick<RagInput, 'dueDate' | 'revisedDueDate'>) => a.revisedDueDate ?? a.dueDate;

/** Percent of the work that should be done by `asOf` if it progressed evenly from start to due date. */
export function expectedPercent(startDate: string, dueDate: string, asOf: string): number {
  const span = daysBetween(startDate, dueDate);
  if (span <= 0) return asOf >= dueDate ? 100 : 0;
  const elapsed = Math.min(Math.max(daysBetween(startDate, asOf), 0), span);
  return (elapsed / span) * 100;
}

export function deriveRag(a: RagInput, asOf: string, margin = DEFAULT_AT_RISK_MARGIN): RagValue | null {
  if (a.status === 'complete') return 'complete';
  if (a.status === 'cancelled') return null;
  const due = effectiveDueDate(a);
  if (due < asOf) return 'off-target';
  if (a.startDate && a.startDate <= asOf && expectedPercent(a.startDate, due, asOf) - a.percentComplete > margin) {
    return 'at-risk';
  }
  return 'on-target';
}

export function effectiveRag(
  a: RagInput,
  asOf: string,
  margin = DEFAULT_AT_RISK_MARGIN,
): { rag: RagValue | null; ragSource: 'derived' | 'override' } {
  if (a.ragOverride) return { rag: a.ragOverride, ragSource: 'override' };
  return { rag: deriveRag(a, asOf, margin), ragSource: 'derived' };
}

/** Behind schedule: past the effective due date and neither complete nor cancelled. */
export const isBehindSchedule = (a: Pick<RagInput, 'status' | 'dueDate' | 'revisedDueDate'>, asOf: string) =>
  a.status !== 'complete' && a.status !== 'cancelled' && effectiveDueDate(a) < asOf;

/**
 * Behind its original schedule: the original due date has passed and the action is neither complete nor
 * cancelled — whether or not the date has since been extended. This is what the adviser's review asks
 * for ("Are there any actions behind schedule? Action | Reason | Mitigation").
 */
export const hasSlipped = (a: Pick<RagInput, 'status' | 'dueDate'>, asOf: string) =>
  a.status !== 'complete' && a.status !== 'cancelled' && a.dueDate < asOf;

export const RAG_LABELS: Record<RagValue, string> = {
  'on-target': 'On Target',
  'at-risk': 'At Risk',
  'off-target': 'Off Target',
  complete: 'Complete',
};

export const ragLabel = (rag: RagValue | null | undefined, cancelled = false) =>
  rag ? RAG_LABELS[rag] : cancelled ? 'Cancelled' : 'Not set';
