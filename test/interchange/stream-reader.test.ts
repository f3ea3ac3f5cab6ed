// The streaming reader (yauzl + saxes) against exceljs, which read uploads before it: for generated
// workbooks of every kind of cell (shared strings, rich text, hyperlinks, formulas with and without a saved
// result, errors, booleans, numbers, dates in date formats, percentages, the 1904 date system), both give
// the same value and number format for every cell the importer keeps.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestApp, problem } from '../helpers/app.js';
import { deflatePiece, part, SHEET_HEAD, workbookWith } from './bomb-files.js';
import { counts, newPlan, upload, workbook } from './helpers.js';
import { plainValue } from '../../src/resources/interchange/cells.js';
import { readUpload } from '../../src/resources/interchange/read.js';

const HEADERS = ['Ref', 'Title', 'Start date', 'Due date', '% complete', 'Milestone', 'Owner'];

const cell = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('2.10', '  spaced  ', 'line\nbreak', 'CR\r\nLF', 'x_x000D_y', '<&>"\'', 'émoji 😀', '=1+1'),
  fc.integer({ min: -10, max: 60000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.date({ min: new Date('1905-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
  fc.constant({ error: '#DIV/0!' }),
  fc.constant({ richText: [{ text: 'rich ' }, { font: { bold: true }, text: 'text' }] }),
  fc.constant({ text: 'a link', hyperlink: 'http://example.invalid' }),
  fc.constant({ formula: 'A1', result: 7 }),
  fc.constant({ formula: 'TODAY()' }),
  fc.constant({ formula: 'B1', result: 'text result' }),
);
const format = fc.constantFrom(undefined, '0%', 'dd/mm/yyyy', '@', '0.00', 'd mmm yyyy', '[Red]0');

/** What exceljs reads for the rows below the header: value (looked through) and number format by row and column. */
async function viaExceljs(bytes: Buffer): Promise<Map<string, { value: unknown; numFmt?: string }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const out = new Map<string, { value: unknown; numFmt?: string }>();
  wb.getWorksheet('Actions')!.eachRow({ includeEmpty: false }, (row, r) => {
    if (r === 1) return;
    HEADERS.forEach((_, i) => {
      const c = row.getCell(i + 1);
      out.set(`${r}:${i + 1}`, { value: plainValue(c.value), numFmt: c.numFmt });
    });
  });
  return out;
}

describe('the streaming reader', () => {
  it('reads every kind of cell as exceljs does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.tuple(cell, format), { minLength: HEADERS.length, maxLength: HEADERS.length }), { minLength: 1, maxLength: 8 }), fc.boolean(), async (rows, date1904) => {
        const wb = new ExcelJS.Workbook();
        if (date1904) wb.properties.date1904 = true;
        const ws = wb.addWorksheet('Actions');
        ws.addRow(HEADERS);
        rows.forEach((cells, i) => {
          const row = ws.getRow(i + 2);
          cells.forEach(([value, numFmt], j) => {
            const c = row.getCell(j + 1);
            c.value = value as ExcelJS.CellValue;
            if (numFmt) c.numFmt = numFmt;
          });
        });
        const bytes = Buffer.from(await wb.xlsx.writeBuffer());
        const expected = await viaExceljs(bytes);
        const read = await readUpload(bytes, 'xlsx');
        const sheet = read.sheets.find((s) => s.spec.kind === 'actions')!;
        for (const row of sheet.rows) {
          for (const col of sheet.columns.values()) {
            if (col.spec.computed) continue;
            const got = row.cells.get(col.spec.key)!;
            const want = expected.get(`${row.row}:${col.index}`)!;
            const where = `row ${row.row} ${col.header}`;
            // exceljs turns a formula's text result in a date-formatted cell into an Invalid Date; the streaming
            // reader keeps the text (a deliberate difference: the importer then reads the text).
            if (want.value instanceof Date && Number.isNaN(want.value.getTime())) continue;
            expect(plainValue(got.value), where).toEqual(want.value);
            if (typeof want.value === 'number') expect(got.numFmt, where).toBe(want.numFmt);
          }
        }
        // Rows with no value in the importer's columns are skipped by both.
        const kept = new Set(sheet.rows.map((r) => r.row));
        for (const [key, v] of expected) {
          const r = Number(key.split(':')[0]);
          const empty = v.value === null || (typeof v.value === 'string' && v.value.trim() === '');
          if (!kept.has(r) && !empty) throw new Error(`row ${r} was dropped though ${key} holds ${JSON.stringify(v.value)}`);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('answers a number too large for a date, in a date cell, with a problem (not a crash)', async () => {
    const t = await createTestApp();
    try {
      const planId = await newPlan(t);
      const before = await counts(t);
      const bytes = await workbook({ Actions: [HEADERS, ['1.1', 'Too late', 1e9, '31/03/2023', 0, 'No', 9e15]] }, (wb) => {
        wb.getWorksheet('Actions')!.getCell('C2').numFmt = 'dd/mm/yyyy';
        wb.getWorksheet('Actions')!.getCell('G2').numFmt = 'd mmm yyyy';
      });
      const p = problem(await upload(t, planId, bytes), 400);
      expect(p.errors!.map((e) => e.path)).toEqual(['Actions!C2', 'Actions!G2']);
      expect(p.errors![0]!.message).toBe('Start date holds a date Excel cannot show (#####); put a real date or value in the cell');
      expect(await counts(t)).toEqual(before);
    } finally {
      await t.close();
    }
  });

  it('refuses broken parts as unreadable (400) and never waits on them', async () => {
    const broken: [string, Buffer][] = [
      ['deflate data that is not deflate', workbookWith('Actions', { name: '', deflated: Buffer.from([0xff, 0xfe, 0x00, 0x12, 0x99, 0x88, 0x77]), declaredSize: 100 })],
      ['a deflate stream cut short', workbookWith('Actions', { name: '', deflated: deflatePiece(SHEET_HEAD), declaredSize: 100 })],
      ['a sheet that is not XML', workbookWith('Actions', (n) => part(n, 'hello <<<>'))],
      [
        'entities declared in a DOCTYPE (never expanded)',
        workbookWith('Actions', (n) =>
          part(n, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>'),
        ),
      ],
    ];
    for (const [name, bytes] of broken) {
      await expect(readUpload(bytes, 'xlsx'), name).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/not a readable Excel workbook/) });
    }
  });
});
