// Writes src/domain/england-bank-holidays.json: England and Wales bank holidays for TABLE_YEARS, taken
// from the date-holidays package (public and bank days of GB/ENG). The server reads this table instead of
// loading date-holidays, which holds every country's holidays (~20 MB and 0.2–0.6 s to load); years
// outside the table still go to the package. test/domain/working-days.test.ts fails when the table no
// longer matches the installed package: rerun `npx tsx src/cli/bank-holidays.ts` after updating it.
import { writeFileSync } from 'node:fs';
import Holidays from 'date-holidays';
import { BANK_HOLIDAY_TABLE_FILE, TABLE_YEARS, englandFromPackage, type BankHolidayTable } from '../domain/working-days.js';

const england = new Holidays('GB', 'ENG');
const years: Record<string, string[]> = {};
for (let y = TABLE_YEARS.from; y <= TABLE_YEARS.to; y++) years[y] = englandFromPackage(england, y);
const table: BankHolidayTable = { source: 'date-holidays (GB, ENG: public and bank holidays), by src/cli/bank-holidays.ts', years };
writeFileSync(BANK_HOLIDAY_TABLE_FILE, `${JSON.stringify(table, null, 1)}\n`);
console.log(`wrote ${BANK_HOLIDAY_TABLE_FILE} (${TABLE_YEARS.from}–${TABLE_YEARS.to})`);
