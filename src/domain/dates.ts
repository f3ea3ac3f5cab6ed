// Calendar arithmetic on 'YYYY-MM-DD' strings, in UTC so no time zone can shift a day.

export const toUtc = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

export const fromUtc = (dt: Date) => dt.toISOString().slice(0, 10);

export const addDays = (iso: string, days: number) => {
  const dt = toUtc(iso);
  dt.setUTCDate(dt.getUTCDate() + days);
  return fromUtc(dt);
};

/** Days since 1970-01-01 (UTC) of a date; a 'YYYY-MM-DD' without splitting it or making a Date (every action read derives its RAG from three). */
export function dayNumber(iso: string): number {
  if (iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
  }
  return toUtc(iso).getTime() / 86_400_000;
}

export const daysBetween = (from: string, to: string) => Math.round(dayNumber(to) - dayNumber(from));

/** The same day of the month `months` later; clamped to the month's last day (31 Aug + 18 months → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return fromUtc(target);
}

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with one (every action
// read asks for today's date).
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

// The last answer, per minute of UTC time: London's offset is whole hours, so its date changes only on a
// minute boundary, and every request in that minute asks for the same day (formatting costs ~1 µs).
let memoMinute = Number.NaN;
let memoDay = '';

/** Today's date in England (Europe/London), as the statutory clocks and "behind schedule" use it. */
export function londonDate(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== memoMinute) {
    memoDay = LONDON_DAY.format(now);
    memoMinute = minute;
  }
  return memoDay;
}

/** dd/mm/yyyy, as the council's documents print dates. */
export function ukDate(iso: string | null | undefined, shortYear = false): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${shortYear ? y!.slice(2) : y}`;
}

const LONG: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
const LONG_WITH_WEEKDAY: Intl.DateTimeFormatOptions = { weekday: 'long', ...LONG };
const MONTH_YEAR: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric', timeZone: 'UTC' };
// Noon UTC: the calendar day of a 'YYYY-MM-DD' (or the date part of a timestamp) whatever the zone.
const noonOf = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`);

/** "18 November 2022" ("Friday, 18 November 2022" with the weekday), as letters and documents print dates. */
export const longDate = (iso: string, withWeekday = false): string => noonOf(iso).toLocaleDateString('en-GB', withWeekday ? LONG_WITH_WEEKDAY : LONG);

/** "November 2022". */
export const monthYear = (iso: string): string => noonOf(iso).toLocaleDateString('en-GB', MONTH_YEAR);
