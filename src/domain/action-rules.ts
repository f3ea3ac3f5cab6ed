// The action rules that need only the action itself: dates in order, and an override with its reason.
// The actions service enforces them on every write (API, import, update round); the spreadsheet import
// also runs them as its pre-check so that every row's problems are listed at once, in the sheet's words.

export interface ActionRuleInput {
  startDate?: string | null;
  dueDate?: string | null;
  revisedDueDate?: string | null;
  ragOverride?: string | null;
  ragOverrideReason?: string | null;
}

export type ActionRuleBreach =
  | { field: 'startDate'; rule: 'start-after-due'; startDate: string; dueDate: string }
  | { field: 'revisedDueDate'; rule: 'revised-before-start'; startDate: string; revisedDueDate: string }
  | { field: 'ragOverrideReason'; rule: 'override-without-reason' };

/** Every rule the action breaks, in field order (none: an empty list). */
export function actionRuleBreaches(a: ActionRuleInput): ActionRuleBreach[] {
  const out: ActionRuleBreach[] = [];
  const { startDate, dueDate, revisedDueDate } = a;
  if (startDate && dueDate && startDate > dueDate) out.push({ field: 'startDate', rule: 'start-after-due', startDate, dueDate });
  if (startDate && revisedDueDate && startDate > revisedDueDate) out.push({ field: 'revisedDueDate', rule: 'revised-before-start', startDate, revisedDueDate });
  if (a.ragOverride && !a.ragOverrideReason?.trim()) out.push({ field: 'ragOverrideReason', rule: 'override-without-reason' });
  return out;
}
