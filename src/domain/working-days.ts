// Working days in England: Monday to Friday except England and Wales bank holidays, from the maintained
// date-holidays data (it carries one-off days such as the 2022 state funeral and the 2023 coronation).
// Years in TABLE_YEARS come from a table generated from that data (src/cli/bank-holidays.ts): the package
// holds every country's holidays (~20 MB, 0.2–0.6 s to load) and is required only for a year outside it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Holidays from 'date-holidays';
import { lazyRequire } from '../shared/lazy.js';
import { addDays, toUtc } from './dates.js';

export const TABLE_YEARS = { from: 2000, to: 2050 };
export const BANK_HOLIDAY_TABLE_FILE = fileURLToPath(new URL('./england-bank-holidays.json', import.meta.url));
export interface BankHolidayTable {
  source: string;
  /** ISO dates by year. */
  years: Record<string, string[]>;
}

const holidays = lazyRequire<typeof Holidays>('date-holidays');
let england: Holidays | undefined;
let table: BankHolidayTable | undefined;
const cache = new Map<number, Set<string>>();

/** England and Wales bank holidays of `year` as the date-holidays package has them. */
export function englandFromPackage(calendar: Holidays, year: number): string[] {
  return calendar
    .getHolidays(year)
    .filter((h) => h.type === 'public' || h.type === 'bank')
    .map((h) => h.date.slice(0, 10));
}

function bankHolidays(year: number): Set<string> {
  let set = cache.get(year);
  if (!set) {
    if (year >= TABLE_YEARS.from && year <= TABLE_YEARS.to) {
      table ??= JSON.parse(readFileSync(BANK_HOLIDAY_TABLE_FILE, 'utf8')) as BankHolidayTable;
      set = new Set(table.years[year] ?? []);
    } else {
      england ??= new (holidays())('GB', 'ENG');
      set = new Set(englandFromPackage(england, year));
    }
    cache.set(year, set);
  }
  return set;
}

export const isBankHoliday = (iso: string) => bankHolidays(Number(iso.slice(0, 4))).has(iso);

export function isWorkingDay(iso: string): boolean {
  const dow = toUtc(iso).getUTCDay();
  return dow !== 0 && dow !== 6 && !isBankHoliday(iso);
}

/** The n-th working day after `from` (`from` itself never counts, whatever day it is). */
export function addWorkingDays(from: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  let day = from;
  let counted = 0;
  while (counted < n) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted++;
  }
  return day;
}
