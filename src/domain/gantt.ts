// Gantt geometry over a financial year (1 April – 31 March): month columns, and each task's bar and
// milestone as percentages of the year's width, so templates can draw them with plain CSS.
import { addDays, daysBetween } from './dates.js';

export interface GanttYear {
  start: string; // 1 April
  end: string; // 31 March
  label: string; // "2022/23"
  months: { label: string; year: number; startPct: number; widthPct: number }[];
  years: { year: number; months: number }[];
}

const MONTHS = ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar'];

export function financialYearOf(iso: string): GanttYear {
  const y = Number(iso.slice(0, 4));
  const startYear = Number(iso.slice(5, 7)) >= 4 ? y : y - 1;
  const start = `${startYear}-04-01`;
  const end = `${startYear + 1}-03-31`;
  const total = daysBetween(start, end) + 1;
  const months = MONTHS.map((label, i) => {
    const year = i < 9 ? startYear : startYear + 1;
    const month = ((i + 3) % 12) + 1;
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    const nextFirst = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    return { label, year, startPct: (daysBetween(start, first) / total) * 100, widthPct: (daysBetween(first, nextFirst) / total) * 100 };
  });
  return {
    start,
    end,
    label: `${startYear}/${String(startYear + 1).slice(2)}`,
    months,
    years: [
      { year: startYear, months: 9 },
      { year: startYear + 1, months: 3 },
    ],
  };
}

export interface GanttBar {
  /** Bar from start to end clipped to the year, or null when the task has no start or lies outside. */
  bar: { leftPct: number; widthPct: number; continuesBefore: boolean; continuesAfter: boolean } | null;
  /** Where the ◆ goes (the end date), when the task is a milestone in this year. */
  milestonePct: number | null;
  /** The task lies wholly before or after the year shown. */
  outside: 'before' | 'after' | null;
}

/** Position of a date's day within the year, 0–100 (the middle of the day). */
export function positionPct(fy: GanttYear, iso: string): number {
  const total = daysBetween(fy.start, fy.end) + 1;
  return ((daysBetween(fy.start, iso) + 0.5) / total) * 100;
}

export function ganttBar(fy: GanttYear, start: string | null, end: string, milestone: boolean): GanttBar {
  const first = start ?? end;
  if (end < fy.start) return { bar: null, milestonePct: null, outside: 'before' };
  if (first > fy.end) return { bar: null, milestonePct: null, outside: 'after' };
  // Kept off the very edges so the ◆ is never cut by the chart's border.
  const milestonePct = milestone && end >= fy.start && end <= fy.end ? Math.min(Math.max(positionPct(fy, end), 1), 99) : null;
  if (!start) return { bar: null, milestonePct, outside: null };
  const total = daysBetween(fy.start, fy.end) + 1;
  const from = start < fy.start ? fy.start : start;
  const to = end > fy.end ? fy.end : end;
  const leftPct = (daysBetween(fy.start, from) / total) * 100;
  const widthPct = Math.max(((daysBetween(from, addDays(to, 1))) / total) * 100, 0.4);
  return { bar: { leftPct, widthPct, continuesBefore: start < fy.start, continuesAfter: end > fy.end }, milestonePct, outside: null };
}
