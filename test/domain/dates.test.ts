// The date formats documents, letters and spreadsheets print.
import { describe, expect, it } from 'vitest';
import { londonDate, longDate, monthYear, ukDate } from '../../src/domain/dates.js';

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
