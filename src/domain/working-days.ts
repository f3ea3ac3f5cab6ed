// Working days in England: Monday to Friday except England and Wales bank holidays, from the maintained
// date-holidays data (it carries one-off days such as the 2022 state funeral and the 2023 coronation).
// The package holds every country's holidays (~20 MB once loaded): required when first asked.
import type Holidays from 'date-holidays';
import { lazyRequire } from '../shared/lazy.js';
import { addDays, toUtc } from './dates.js';

const holidays = lazyRequire<typeof Holidays>('date-holidays');
let england: Holidays | undefined;
const cache = new Map<number, Set<string>>();

function bankHolidays(year: number): Set<string> {
  let set = cache.get(year);
  if (!set) {
    england ??= new (holidays())('GB', 'ENG');
    set = new Set(
      england
        .getHolidays(year)
        .filter((h) => h.type === 'public' || h.type === 'bank')
        .map((h) => h.date.slice(0, 10)),
    );
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
