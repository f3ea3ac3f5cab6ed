// Whatever a spreadsheet holds, the import answers 200 or a 4xx problem — never a 500 — and writes
// nothing unless it answers 200.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { fullSheets } from './fixtures.js';
import { counts, newPlan, upload, workbook } from './helpers.js';

let t: TestApp;
let planId: string;
beforeAll(async () => {
  t = await createTestApp();
  planId = await newPlan(t);
  await upload(t, planId, await workbook(fullSheets()));
});
afterAll(() => t.close());

const cell = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('31/02/2023', '2023-03-31', '1/4/22', 'Yes', 'In progress', 'Amber', 'PR000681', 'A', '2.1', '', '   ', '=1+1', '£12,500', '40%', '2022-05-01: update'),
  fc.integer({ min: -10, max: 60000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.date({ min: new Date('1800-01-01'), max: new Date('2300-01-01') }),
  fc.constant({ error: '#DIV/0!' }),
  fc.constant({ richText: [{ text: 'rich ' }, { text: 'text' }] }),
  fc.constant({ text: 'a link', hyperlink: 'http://example.invalid' }),
  fc.constant({ formula: 'A1', result: 7 }),
);

describe('robustness', () => {
  it('never answers 500 to any cells under any known headers', async () => {
    const sheets = fullSheets();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(sheets)),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (name, rows, dryRun) => {
          const header = sheets[name]![0]!;
          const before = await counts(t);
          const res = await upload(t, planId, await workbook({ [name]: [header, ...rows] }), { query: `dryRun=${dryRun}` });
          expect([200, 400]).toContain(res.statusCode);
          if (res.statusCode !== 200 || dryRun) expect(await counts(t)).toEqual(before);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never answers 500 to arbitrary bytes, as a workbook or as CSV', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.boolean(), async (bytes, asCsv) => {
        const body = asCsv ? Buffer.from(bytes) : Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(bytes)]);
        const res = await upload(t, planId, body, asCsv ? { type: 'text/csv', query: 'sheet=risks' } : {});
        expect(res.statusCode).toBeGreaterThanOrEqual(200);
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
