// The owner's update form: which fields each item has, and reading a posted form into a submission,
// with a message per bad field (GOV.UK style) and the typed values kept for showing the form again.
import { ACTION_STATUSES, DEPENDENCY_STATUSES, REGISTER_STATUSES, STATUS_LABELS as VOCABULARY_STATUS_LABELS } from '../../domain/vocabulary.js';
import type { ItemType, ItemUpdate } from './schemas.js';

export const STATUS_OPTIONS: Record<ItemType, readonly string[]> = {
  action: ACTION_STATUSES,
  risk: REGISTER_STATUSES,
  issue: REGISTER_STATUSES,
  dependency: DEPENDENCY_STATUSES,
};

export const STATUS_LABELS: Record<string, string> = VOCABULARY_STATUS_LABELS;

export interface FormItem {
  type: ItemType;
  id: string;
  ref: string;
  title: string;
  dueDate: string | null;
  revisedDueDate: string | null;
  startDate: string | null;
  percentComplete: number | null;
  status: string;
}

export const FIELDS = ['percentComplete', 'status', 'comment', 'revisedDueDate', 'delayReason', 'mitigation'] as const;
export type Field = (typeof FIELDS)[number];
export type FormValues = Record<string, Partial<Record<Field, string>>>;
export interface FormError {
  itemId: string;
  field: Field;
  message: string;
}
export type SubmittedItem = ItemUpdate & { type: ItemType; id: string };

export type ParsedForm =
  | { kind: 'ok'; items: SubmittedItem[] }
  | { kind: 'invalid'; values: FormValues; errors: FormError[] }
  | { kind: 'refused'; reason: 'not-yours' | 'malformed' };

const MAX_TEXT = 2000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isRealDate = (s: string) => {
  if (!DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && y >= 2000 && y <= 2100;
};

/** The values the form shows at first: the item as it stands (or the owner's earlier submission). */
export function initialValues(items: FormItem[], earlier: SubmittedItem[] | null): FormValues {
  const prev = new Map((earlier ?? []).map((u) => [u.id, u]));
  return Object.fromEntries(
    items.map((i) => {
      const u = prev.get(i.id);
      return [
        i.id,
        {
          percentComplete: String(u?.percentComplete ?? i.percentComplete ?? ''),
          status: u?.status ?? i.status,
          comment: u?.comment ?? '',
          revisedDueDate: u?.revisedDueDate ?? '',
          delayReason: u?.delayReason ?? '',
          mitigation: u?.mitigation ?? '',
        },
      ];
    }),
  );
}

/**
 * Reads a posted form. Field names are "<itemId>.<field>"; a name naming an item that is not this
 * owner's refuses the whole form (nothing is stored), as does any other unexpected name.
 */
export function parseForm(items: FormItem[], body: Record<string, unknown>): ParsedForm {
  const own = new Map(items.map((i) => [i.id, i]));
  const values: FormValues = Object.fromEntries(items.map((i) => [i.id, {}]));
  for (const [name, raw] of Object.entries(body)) {
    const dot = name.lastIndexOf('.');
    const id = dot > 0 ? name.slice(0, dot) : '';
    const field = name.slice(dot + 1) as Field;
    if (!FIELDS.includes(field)) return { kind: 'refused', reason: 'malformed' };
    if (!own.has(id)) return { kind: 'refused', reason: 'not-yours' };
    if (typeof raw !== 'string') return { kind: 'refused', reason: 'malformed' };
    values[id]![field] = raw;
  }

  const errors: FormError[] = [];
  const out: SubmittedItem[] = [];
  for (const item of items) {
    const v = values[item.id]!;
    const bad = (field: Field, message: string) => errors.push({ itemId: item.id, field, message });
    const text = (field: Field, label: string) => {
      const s = (v[field] ?? '').trim();
      if (s.length > MAX_TEXT) bad(field, `${label} for ${item.ref} must be ${MAX_TEXT} characters or fewer`);
      return s === '' ? null : s;
    };

    let percentComplete: number | null = null;
    if (item.type === 'action') {
      const p = (v.percentComplete ?? '').trim().replace(/%$/, '').trim();
      if (p === '') bad('percentComplete', `Enter the percent complete for ${item.ref}`);
      else if (!/^\d{1,3}$/.test(p) || Number(p) > 100) bad('percentComplete', `Percent complete for ${item.ref} must be a whole number from 0 to 100`);
      else percentComplete = Number(p);
    }

    const status = v.status ?? '';
    if (!STATUS_OPTIONS[item.type].includes(status)) bad('status', `Select a status for ${item.ref}`);

    const comment = text('comment', 'Comment');
    let revisedDueDate: string | null = null;
    let delayReason: string | null = null;
    let mitigation: string | null = null;
    if (item.type === 'action') {
      const d = (v.revisedDueDate ?? '').trim();
      delayReason = text('delayReason', 'The reason');
      mitigation = text('mitigation', 'The mitigation');
      if (d !== '') {
        if (!isRealDate(d)) bad('revisedDueDate', `Revised due date for ${item.ref} must be a real date`);
        else if (item.startDate && d < item.startDate) bad('revisedDueDate', `Revised due date for ${item.ref} must be on or after its start date`);
        else revisedDueDate = d;
        if (!delayReason) bad('delayReason', `Enter the reason the due date of ${item.ref} is moving`);
        if (!mitigation) bad('mitigation', `Enter the mitigation for the delay to ${item.ref}`);
      }
    }
    out.push({ type: item.type, id: item.id, percentComplete, status, comment, revisedDueDate, delayReason, mitigation });
  }
  // Errors in the order the fields appear on the page.
  const order = (e: FormError) => items.findIndex((i) => i.id === e.itemId) * FIELDS.length + FIELDS.indexOf(e.field);
  if (errors.length) return { kind: 'invalid', values, errors: errors.sort((a, b) => order(a) - order(b)) };
  return { kind: 'ok', items: out };
}
