import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/domain/dates.js';
import { planDeadlines } from '../../src/domain/deadlines.js';
import { readFileSync } from 'node:fs';
import Holidays from 'date-holidays';
import { addWorkingDays, BANK_HOLIDAY_TABLE_FILE, englandFromPackage, isBankHoliday, isWorkingDay, TABLE_YEARS, type BankHolidayTable } from '../../src/domain/working-days.js';

describe('bank holidays (England and Wales)', () => {
  it('knows the fixed, moving and one-off holidays', () => {
    expect(isBankHoliday('2022-12-26')).toBe(true); // Boxing Day
    expect(isBankHoliday('2022-12-27')).toBe(true); // Christmas Day substitute (25th is a Sunday)
    expect(isBankHoliday('2022-09-19')).toBe(true); // State funeral of Queen Elizabeth II
    expect(isBankHoliday('2022-06-03')).toBe(true); // Platinum Jubilee
    expect(isBankHoliday('2023-05-08')).toBe(true); // Coronation of King Charles III
    expect(isBankHoliday('2023-04-07')).toBe(true); // Good Friday
    expect(isBankHoliday('2023-04-10')).toBe(true); // Easter Monday
    expect(isBankHoliday('2022-12-28')).toBe(false);
  });

  it('reads them from a table that matches the installed date-holidays (else: npx tsx src/cli/bank-holidays.ts)', () => {
    const table = JSON.parse(readFileSync(BANK_HOLIDAY_TABLE_FILE, 'utf8')) as BankHolidayTable;
    const england = new Holidays('GB', 'ENG');
    for (let y = TABLE_YEARS.from; y <= TABLE_YEARS.to; y++) expect(table.years[y], String(y)).toEqual(englandFromPackage(england, y));
    // Beyond the table, the package itself: 2051's Christmas Day is a Monday.
    expect(isBankHoliday('2051-12-25')).toBe(true);
    expect(isBankHoliday('2051-12-27')).toBe(false);
  });

  it('does not use Scotland-only holidays', () => {
    expect(isBankHoliday('2023-01-03')).toBe(false); // 2 January substitute is Scotland only
    expect(isBankHoliday('2022-11-30')).toBe(false); // St Andrew's Day
    expect(isBankHoliday('2023-08-07')).toBe(false); // Scottish summer bank holiday
  });

  it('treats weekends and bank holidays as non-working days', () => {
    expect(isWorkingDay('2022-11-19')).toBe(false); // Saturday
    expect(isWorkingDay('2022-11-20')).toBe(false); // Sunday
    expect(isWorkingDay('2022-11-21')).toBe(true);
    expect(isWorkingDay('2022-12-27')).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('never counts the starting day', () => {
    expect(addWorkingDays('2022-11-21', 1)).toBe('2022-11-22'); // Monday → Tuesday
    expect(addWorkingDays('2022-11-18', 1)).toBe('2022-11-21'); // Friday → Monday
    expect(addWorkingDays('2022-11-19', 1)).toBe('2022-11-21'); // Saturday publication → Monday
    expect(addWorkingDays('2022-11-21', 0)).toBe('2022-11-21');
  });

  it('skips a bank holiday Monday after a Friday', () => {
    expect(addWorkingDays('2023-05-05', 1)).toBe('2023-05-09'); // coronation Monday 8 May
    expect(addWorkingDays('2022-08-26', 1)).toBe('2022-08-30'); // summer bank holiday 29 Aug
  });

  it('crosses Christmas and New Year', () => {
    // 23 Dec 2022 (Fri): 26 and 27 Dec are holidays, so the first working day after is 28 Dec.
    expect(addWorkingDays('2022-12-23', 1)).toBe('2022-12-28');
    // 30 Dec 2022 (Fri): 2 Jan 2023 is the New Year substitute.
    expect(addWorkingDays('2022-12-30', 1)).toBe('2023-01-03');
  });

  it('crosses Easter', () => {
    expect(addWorkingDays('2023-04-06', 1)).toBe('2023-04-11');
  });

  it('rejects negative counts', () => {
    expect(() => addWorkingDays('2022-01-01', -1)).toThrow(RangeError);
  });
});

describe('plan deadlines', () => {
  it('is all null without a publication date', () => {
    expect(planDeadlines(null)).toEqual({ submitBy: null, publishBy: null, monitoringInspectionBy: null });
  });

  it('computes the 30th and 70th working days and 18 months for the Wolverhampton report', () => {
    // Published Friday 5 Nov 2021. 30 working days → Fri 17 Dec 2021. The 70th crosses
    // 27–28 Dec 2021 (substitutes for Christmas and Boxing Day) and 3 Jan 2022.
    expect(planDeadlines('2021-11-05')).toEqual({
      submitBy: '2021-12-17',
      publishBy: '2022-02-16',
      monitoringInspectionBy: '2023-05-05',
    });
  });

  it('counts across the 2022 state funeral', () => {
    // Published Friday 2 Sep 2022: 19 Sep is not a working day, so day 30 is 17 Oct, not 14 Oct.
    expect(planDeadlines('2022-09-02').submitBy).toBe('2022-10-17');
  });

  it('clamps the monitoring date to the end of a shorter month', () => {
    expect(addMonths('2022-08-31', 18)).toBe('2024-02-29');
    expect(addMonths('2021-08-31', 18)).toBe('2023-02-28');
    expect(planDeadlines('2023-07-31').monitoringInspectionBy).toBe('2025-01-31');
  });
});
