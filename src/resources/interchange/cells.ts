// Cell values → field values. A cell arrives as exceljs gives it (string, number, boolean, Date, rich text,
// hyperlink, formula with its saved result, error) or, from a CSV, as the text between the commas. Each
// parser returns the value for the field or a sentence a project manager understands.
import { enumOption, type ColumnSpec, type EnumOption } from './layout.js';

export interface CellInput {
  value: unknown;
  /** The cell's number format (xlsx only): tells a percentage cell (0.4 shown as 40%) from the number 0.4. */
  numFmt?: string;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const ok = (value: unknown): Parsed => ({ ok: true, value });
const bad = (message: string): Parsed => ({ ok: false, message });

/** What the cell holds once formulas, rich text and hyperlinks are looked through. */
export function plainValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? plainValue(o.result) : { noResult: true };
  if ('error' in o) return o;
  if ('text' in o) return plainValue(o.text); // hyperlink
  return v;
}

/** Text as shown in messages: quoted, cut short, dates as dd/mm/yyyy. */
export function shown(v: unknown): string {
  const p = plainValue(v);
  let s: string;
  if (p instanceof Date) s = Number.isNaN(p.getTime()) ? 'an invalid date' : ukDate(p);
  else if (typeof p === 'object' && p !== null) s = JSON.stringify(p);
  else s = String(p);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

const ukDate = (d: Date) =>
  `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

const isEmpty = (p: unknown) => p === null || p === undefined || (typeof p === 'string' && p.trim() === '');

/**
 * Parses one cell for a column, named `header` (as the file spells it) in messages. Empty cells give null;
 * the caller decides whether the field may be empty.
 */
export function parseCell(cell: CellInput, column: ColumnSpec, header: string): Parsed {
  const p = plainValue(cell.value);
  if (isEmpty(p)) return ok(null);
  // A number too large for a date, in a date format: Excel shows #####.
  if (p instanceof Date && Number.isNaN(p.getTime())) return bad(`${header} holds a date Excel cannot show (#####); put a real date or value in the cell`);
  if (typeof p === 'object' && p !== null && !(p instanceof Date)) {
    const o = p as Record<string, unknown>;
    if (o.noResult) return bad(`${header} holds a formula without a saved result; open the file in Excel, save it and try again`);
    if ('error' in o) return bad(`${header} holds the Excel error ${String(o.error)}; put a value in the cell instead`);
    return bad(`${header} holds something that is not a value`);
  }
  const say = `${header} '${shown(p)}'`;
  const v = column.value;
  switch (v.type) {
    case 'text':
      return ok(toText(p));
    case 'int': {
      const n = toNumber(p);
      if (n === null) return bad(`${say} is not a number`);
      if (!Number.isInteger(n)) return bad(`${say} is not a whole number`);
      return ok(n);
    }
    case 'number':
    case 'money': {
      const n = toNumber(p, v.type === 'money');
      return n === null ? bad(`${say} is not a number`) : ok(n);
    }
    case 'percent': {
      let n: number | null;
      if (typeof p === 'number') n = cell.numFmt?.includes('%') ? round(p * 100) : p;
      else if (typeof p === 'string' && /%\s*$/.test(p)) n = toNumber(p.replace(/%\s*$/, ''));
      else n = toNumber(p);
      if (n === null) return bad(`${say} is not a percentage`);
      if (!Number.isInteger(n)) return bad(`${say} is not a whole percentage`);
      return ok(n);
    }
    case 'date': {
      const r = toIsoDate(p);
      return 'error' in r ? bad(`${say} ${r.error}`) : ok(r.date);
    }
    case 'bool': {
      const b = toBool(p);
      return b === null ? bad(`${say} is not Yes or No`) : ok(b);
    }
    case 'enum': {
      const o = enumOption(v.options, toText(p));
      return o ? ok(o.value) : bad(`${say} is not one of: ${labels(v.options)}`);
    }
    case 'letter': {
      const m = /^(?:workstream\s*|ws\s*)?([A-Za-z])(?:[\s.):–-].*)?$/is.exec(toText(p).trim());
      return m ? ok(m[1]!.toUpperCase()) : bad(`${say} is not a workstream letter (A, B, C…)`);
    }
    case 'updates':
      return parseUpdates(toText(p), header);
    case 'numbers': {
      const parts = toText(p).split(/[\s,;]+/).filter(Boolean);
      const out: number[] = [];
      for (const part of parts) {
        const n = Number(part);
        if (!Number.isInteger(n) || n < 1) return bad(`${say} is not a list of area numbers (write them as 1, 3)`);
        out.push(n);
      }
      return ok(out);
    }
    case 'milestones':
      return parseMilestones(toText(p), header);
  }
}

/** Milestones in one cell: "2023-03-31=60; 2023-09-30=70" (a UK date before the "=" too). */
export function parseMilestones(cellText: string, header: string): Parsed {
  const out: { by: string; value: number }[] = [];
  const parts = cellText.split(/[;\n]/).map((x) => x.trim()).filter(Boolean);
  for (const [i, part] of parts.entries()) {
    const m = /^([^=]+)=\s*(.+)$/.exec(part);
    if (!m) return bad(`${header} part ${i + 1} '${part}' is not "date=value"; write them as "2023-03-31=60; 2023-09-30=70"`);
    const d = toIsoDate(m[1]!.trim());
    if ('error' in d) return bad(`${header} part ${i + 1}: '${m[1]!.trim()}' ${d.error}`);
    const v = toNumber(m[2]!.trim());
    if (v === null) return bad(`${header} part ${i + 1}: '${m[2]!.trim()}' is not a number`);
    out.push({ by: d.date, value: v });
  }
  return ok(out);
}

/** The cell text of milestones (the inverse of parseMilestones). */
export const formatMilestones = (milestones: { by: string; value: number }[]) => milestones.map((m) => `${m.by}=${m.value}`).join('; ');

const labels = (options: EnumOption[]) => options.map((o) => o.label).join(', ');
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Text of a cell as it is (line breaks included, so export → import is exact); numbers as written (2.1 → "2.1"); dates as YYYY-MM-DD. */
export function toText(p: unknown): string {
  if (p instanceof Date) return Number.isNaN(p.getTime()) ? '#####' : p.toISOString().slice(0, 10);
  if (typeof p === 'number') return String(round(p));
  if (typeof p === 'boolean') return p ? 'TRUE' : 'FALSE';
  return String(p);
}

function toNumber(p: unknown, money = false): number | null {
  if (typeof p === 'number') return Number.isFinite(p) ? p : null;
  if (typeof p !== 'string') return null;
  let s = p.trim().replace(/,/g, '').replace(/\s+/g, '');
  if (money) s = s.replace(/^£/, '').replace(/^-£/, '-');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  return Number(s);
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'x', '✓', '✔', '◆', 'milestone']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', '-', '–']);

function toBool(p: unknown): boolean | null {
  if (typeof p === 'boolean') return p;
  if (typeof p === 'number') return p === 1 ? true : p === 0 ? false : null;
  const s = String(p).trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoOf(y: number, m: number, d: number): { date: string } | { error: string } {
  if (y < 1900 || y > 2200) return { error: 'is not a date between 1900 and 2200' };
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) {
    return { error: 'is not a real date' };
  }
  return { date: `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * A date cell, an Excel serial number or text as a UK reader writes it: 31/03/2023, 31/3/23, 31.03.2023,
 * 31-03-2023, 31 March 2023, 31-Mar-23, or 2023-03-31. Day first, always (never US month-first).
 */
export function toIsoDate(p: unknown): { date: string } | { error: string } {
  if (p instanceof Date) {
    if (Number.isNaN(p.getTime())) return { error: 'is not a real date' };
    // exceljs reads a date cell as midnight UTC of that day (plus the time of day, if any).
    return isoOf(p.getUTCFullYear(), p.getUTCMonth() + 1, p.getUTCDate());
  }
  if (typeof p === 'number') {
    // An Excel serial day number in a cell not formatted as a date (1 = 1900-01-01; 25569 = 1970-01-01).
    if (!Number.isInteger(p) || p < 1 || p > 2958465) return { error: 'is not a date' };
    const dt = new Date(Math.round((p - 25569) * 86_400_000));
    return isoOf(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
  }
  const s = String(p).trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?$/.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?: 00:00(?::00)?)?$/.exec(s);
  if (m) return isoOf(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  m = /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{4}|\d{2})$/i.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
    if (month < 0 || !monthNameOk(m[2]!)) return { error: 'is not a date' };
    return isoOf(fullYear(m[3]!), month + 1, Number(m[1]));
  }
  if (/^\d+$/.test(s)) return toIsoDate(Number(s));
  if (/^([A-Za-z]{3,9})\.?\s+(\d{4})$/.test(s)) return { error: 'names a month but not a day; write a date such as 31/03/2023' };
  return { error: 'is not a date (write it as 31/03/2023)' };
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthNameOk = (word: string) => {
  const w = word.toLowerCase();
  return MONTH_NAMES.some((n) => n.startsWith(w)) || w === 'sept';
};

/**
 * Dependency updates in one cell, one per line: "2022-05-01: text" (or a UK date before the colon).
 * A line without a leading date continues the update above it.
 */
export function parseUpdates(cellText: string, header: string): Parsed {
  const updates: { date: string; text: string }[] = [];
  // Split on \n only: a \r before it stays part of the text (so CRLF text comes back exactly as it went out).
  const lines = cellText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = /^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2}))\s*[:–-]\s?(.*)$/s.exec(line);
    if (m) {
      const d = toIsoDate(m[1]!);
      if ('error' in d) return bad(`${header} line ${i + 1}: '${m[1]}' ${d.error}`);
      updates.push({ date: d.date, text: m[2]! });
    } else if (updates.length) {
      updates[updates.length - 1]!.text += `\n${line}`;
    } else if (line.trim() !== '') {
      return bad(`${header} line ${i + 1} does not start with a date; write each update as "2022-05-01: what happened"`);
    }
  }
  for (const u of updates) u.text = u.text.trim();
  return ok(updates);
}

/** The cell text of dependency updates (the inverse of parseUpdates). */
export const formatUpdates = (updates: { date: string; text: string }[]) => updates.map((u) => `${u.date}: ${u.text}`).join('\n');

/** Excel column letters of a 1-based index: 1 → A, 28 → AB. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
