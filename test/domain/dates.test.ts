// The date formats documents, letters and spreadsheets print.
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, daysBetween, londonDate, longDate, monthYear, toUtc, ukDate } from '../../src/domain/dates.js';

describe('date formats', () => {
  it('prints dd/mm/yyyy and dd/mm/yy', () => {
    expect(ukDate('2022-11-08')).toBe('08/11/2022');
    expect(ukDate('2022-11-08', true)).toBe('08/11/22');
    expect(ukDate(null)).toBe('');
  });
  it('prints long dates and months in British English, whatever the time of a timestamp', () => {
    expect(longDate('2022-11-18')).toBe('18 November 2022');
    expect(longDate('2022-11-18', true)).toBe('Friday, 18 November 2022');
    expect(longDate('2022-11-18T23:30:00Z')).toBe('18 November 2022');
    expect(monthYear('2023-03-31')).toBe('March 2023');
  });
  it('takes the day of a moment in England (late on 31 July UTC is already 1 August in summer)', () => {
    expect(longDate(londonDate(new Date('2023-07-31T23:30:00Z')))).toBe('1 August 2023');
  });
});

describe('dayNumber and daysBetween', () => {
  it('agree with Date for every day from 1899 to 2101', () => {
    for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2101, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (dayNumber(iso) !== t / 86_400_000) throw new Error(`${iso}: ${dayNumber(iso)} ≠ ${t / 86_400_000}`);
    }
  });

  it('counts across month ends and leap days', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2000-02-28', '2000-03-01')).toBe(2);
    expect(daysBetween('2100-02-28', '2100-03-01')).toBe(1);
    expect(daysBetween('2022-11-18', '2022-11-01')).toBe(-17);
  });
});

describe('days between two dates', () => {
  // What daysBetween computed before it parsed 'YYYY-MM-DD' itself: two Dates, subtracted.
  const reference = (from: string, to: string) => Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);

  it('counts calendar days across months, leap days and years, either way round', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2023-03-26', '2023-03-27')).toBe(1);
    expect(daysBetween('2023-12-31', '2023-01-01')).toBe(-364);
    // Seeded walk over 1999–2041: the same answer as before for every pair.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const a = addDays('1999-01-01', Math.floor(next() * 15_500));
      const b = addDays('1999-01-01', Math.floor(next() * 15_500));
      expect(daysBetween(a, b)).toBe(reference(a, b));
    }
  });

  it('answers as before for anything that is not YYYY-MM-DD', () => {
    for (const [a, b] of [['2023-1-5', '2023-02-01'], ['', '2023-01-01'], ['2023-01-01', 'soon']] as const) expect(daysBetween(a, b)).toStrictEqual(reference(a, b));
  });
});
