// Rules of the monthly update round: when a round opens, when an owner is reminded (working days after
// the request was sent) and escalated (on the due date), how long a link lives, and which request
// states allow which step.
import { addDays } from './dates.js';
import { addWorkingDays } from './working-days.js';

/** Links stop working this many calendar days after the round's due date. */
export const LINK_LIFETIME_DAYS = 30;

import type { RequestState, RoundState } from './vocabulary.js';

export type { RequestState, RoundState } from './vocabulary.js';

export const roundOpensNow = (opensOn: string, today: string) => opensOn <= today;

/** The day a reminder is due: the n-th working day after the day the request was sent. */
export const reminderDueOn = (sentOn: string, remindAfterWorkingDays: number) => addWorkingDays(sentOn, remindAfterWorkingDays);

/** An owner who has not answered is reminded once, from that day on. */
export function isReminderDue(r: { state: RequestState; sentOn: string | null; remindedAt: string | null }, remindAfterWorkingDays: number, today: string): boolean {
  if (!r.sentOn || r.remindedAt || r.state !== 'sent') return false;
  return today >= reminderDueOn(r.sentOn, remindAfterWorkingDays);
}

/** On the due date (or the first run after it) the escalation contact hears who has not answered. */
export const isEscalationDue = (dueOn: string, today: string) => today >= dueOn;

/** Whether an owner still owes an answer (never submitted, or had it returned). */
export const awaitingAnswer = (state: RequestState) => state === 'sent' || state === 'returned';

export const linkExpiresOn = (dueOn: string) => addDays(dueOn, LINK_LIFETIME_DAYS);

/** A link works while its round is open and until LINK_LIFETIME_DAYS after the due date (inclusive). */
export const isLinkLive = (round: { state: RoundState; dueOn: string }, today: string) => round.state === 'open' && today <= linkExpiresOn(round.dueOn);

export const canSubmit = (state: RequestState) => state === 'sent' || state === 'returned';
export const canAccept = (state: RequestState) => state === 'submitted';
export const canReturn = (state: RequestState) => state === 'submitted';

/** Whether an item is still open, so its owner is asked for an update. */
export function isOpenForUpdate(type: 'action' | 'risk' | 'issue' | 'dependency', status: string): boolean {
  if (type === 'action') return status !== 'complete' && status !== 'cancelled';
  return status !== 'closed';
}
