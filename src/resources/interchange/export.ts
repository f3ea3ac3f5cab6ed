// Export: the plan as the workbook the importer reads (same sheets, same columns, so export → import
// changes nothing), made for people too: real date cells, RAG cells coloured with their word, frozen
// header rows, filters, drop-down lists for the fixed vocabularies, and a Guide sheet. Also one sheet as
// CSV, and the blank template.
import ExcelJS from 'exceljs';
import { londonDate, ukDate } from '../../domain/dates.js';
import type { RagValue } from '../../domain/rag.js';
import { formatMilestones, formatUpdates } from './cells.js';
import { dataFields } from './import-plan.js';
import type { InterchangeDeps } from './importer.js';
import { ALL_SHEETS, enumLabel, KINDS, PLAN_KINDS, RAG_OPTIONS, sheetSpec, type ColumnSpec, type Kind, type SheetSpec } from './layout.js';
import { loadPlanData, PlanKeys, type AnyRow, type PlanData } from './plan-data.js';
import { GUIDE_SHEET } from './read.js';

export { XLSX_TYPE } from './media-types.js';

export interface ExportOptions {
  /** The date the RAG column is judged at (YYYY-MM-DD). */
  asOf: string;
  /** Stamped into the workbook's properties. */
  now: Date;
  onProgress?: (sheet: string, rows: number) => void;
}

/** RAG colours of the documents (templates/styles/base.css), with a readable text colour on each. */
const RAG_STYLE: Record<RagValue, { fill: string; font: string }> = {
  'on-target': { fill: 'FF00703C', font: 'FFFFFFFF' },
  'at-risk': { fill: 'FFFFBF47', font: 'FF0B0C0C' },
  'off-target': { fill: 'FFD4351C', font: 'FFFFFFFF' },
  complete: { fill: 'FF1D70B8', font: 'FFFFFFFF' },
};
const HEAD = { fill: 'FF1D3F5E', font: 'FFFFFFFF' };
const DATE_FORMAT = 'dd/mm/yyyy';
/** Drop-down lists and text formats reach this many rows below the data, for rows people add. */
const SPARE_ROWS = 500;

type Cells = Record<string, unknown>;

/** A stored row as the workbook's cells: references by key, enums as words, computed columns filled. */
export function rowCells(kind: Kind, row: AnyRow, keys: PlanKeys, deps: InterchangeDeps, asOf: string): Cells {
  const r = row as Record<string, unknown>;
  const cells: Cells = {};
  for (const f of dataFields(kind)) cells[f] = r[f] ?? null;
  Object.assign(cells, keys.refsOf(kind, row));
  if (kind === 'actions') {
    const a = row as PlanData['actions'][number];
    const rag = deps.ragOf(a, asOf);
    cells.rag = rag ?? (a.status === 'cancelled' ? 'cancelled' : null);
  }
  if (kind === 'risks') cells.score = (r.likelihood as number) * (r.impact as number);
  return cells;
}

/** The value written into a cell for a column, in a workbook (dates as dates) or a CSV (all text). */
function cellValue(column: ColumnSpec, value: unknown, csv: boolean): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  const v = column.value;
  switch (v.type) {
    case 'date':
      return csv ? (value as string) : isoToDate(value as string);
    case 'bool':
      return value ? 'Yes' : 'No';
    case 'enum':
      if (column.key === 'rag' && value === 'cancelled') return 'Cancelled';
      return enumLabel(v.options, value as string);
    case 'updates':
      return (value as { date: string; text: string }[]).length ? formatUpdates(value as { date: string; text: string }[]) : null;
    case 'numbers':
      return (value as number[]).length ? (value as number[]).join(', ') : null;
    case 'milestones':
      return (value as { by: string; value: number }[]).length ? formatMilestones(value as { by: string; value: number }[]) : null;
    default:
      // In a CSV, text that Excel would run as a formula is kept as text with a leading apostrophe
      // (the importer drops it again).
      if (csv && typeof value === 'string' && FORMULA_START.test(value)) return `'${value}`;
      return value as ExcelJS.CellValue;
  }
}

export const FORMULA_START = /^[=+\-@\t\r]/;

const isoToDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function rowsOf(kind: Kind, data: PlanData): AnyRow[] {
  return data[kind] as AnyRow[];
}

function newWorkbook(now: Date, title?: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SEND plan tracker';
  wb.lastModifiedBy = 'SEND plan tracker';
  wb.created = now;
  wb.modified = now;
  if (title) wb.title = title;
  return wb;
}

/** The columns of a sheet's CSV: all, less those written only when some row has a value. */
function csvColumns(spec: SheetSpec, rows: Cells[]): ColumnSpec[] {
  return spec.columns.filter((c) => !c.csvWhenUsed || rows.some((r) => r[c.key] !== null && r[c.key] !== undefined));
}

/** Adds one data sheet: header row, rows, formats, filter, frozen header, drop-downs. */
function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec, rows: Cells[]): ExcelJS.Worksheet {
  const { columns } = spec;
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }] });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: HEAD.font } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEAD.fill } };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.note = c.note;
  });
  header.height = 30;
  for (const cells of rows) {
    const row = ws.addRow(columns.map((c) => cellValue(c, cells[c.key], false)));
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.value.type === 'date') cell.numFmt = DATE_FORMAT;
      if (c.value.type === 'text' && REF_LIKE.has(c.key)) cell.numFmt = '@';
      if (c.width >= 40) cell.alignment = { vertical: 'top', wrapText: true };
      else cell.alignment = { vertical: 'top' };
      if (c.key === 'rag') styleRag(cell, cells.rag as RagValue | 'cancelled' | null);
      if (c.computed) cell.font = { ...(cell.font ?? {}), italic: true };
    });
  }
  const last = Math.max(rows.length + 1, 1) + SPARE_ROWS;
  columns.forEach((c, i) => {
    const letter = ws.getColumn(i + 1).letter;
    const range = `${letter}2:${letter}${last}`;
    if (c.computed) return;
    if (c.value.type === 'enum') {
      validations(ws).add(range, listValidation(c.value.options.map((o) => o.label), c.header));
    } else if (c.value.type === 'bool') {
      validations(ws).add(range, listValidation(['Yes', 'No'], c.header));
    } else if (c.value.type === 'date') {
      validations(ws).add(range, {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: true,
        formulae: [new Date(Date.UTC(1900, 0, 1))],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: c.header,
        error: 'Enter a date, such as 31/03/2023.',
      });
    }
    if (c.value.type === 'text' && REF_LIKE.has(c.key)) {
      for (let r = rows.length + 2; r <= Math.min(last, rows.length + 1 + 100); r++) ws.getCell(`${letter}${r}`).numFmt = '@';
    }
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(rows.length + 1, 1), column: columns.length } };
  return ws;
}

/** Range validations: exceljs has them at run time, its type declarations only per cell. */
const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;

/** Columns kept as text even when they look like numbers ("2.10" is not 2.1). */
const REF_LIKE = new Set(['ref', 'code', 'projectCode']);

function listValidation(words: string[], header: string): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${words.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: header,
    error: `Choose one of: ${words.join(', ')}.`,
  };
}

function styleRag(cell: ExcelJS.Cell, rag: RagValue | 'cancelled' | null) {
  if (!rag || rag === 'cancelled') return;
  const s = RAG_STYLE[rag];
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: s.fill } };
  cell.font = { bold: true, color: { argb: s.font } };
}

/** The Guide sheet: what each sheet and column means, for people filling the workbook in. */
function addGuide(wb: ExcelJS.Workbook, intro: string[]) {
  const ws = wb.addWorksheet(GUIDE_SHEET);
  ws.columns = [{ width: 28 }, { width: 46 }, { width: 14 }, { width: 90 }];
  const title = ws.addRow(['How to fill in this workbook']);
  title.font = { bold: true, size: 14 };
  for (const line of [...intro, ...GENERAL_RULES]) ws.addRow([line]).getCell(1).alignment = { wrapText: false };
  for (const spec of ALL_SHEETS) {
    ws.addRow([]);
    const h = ws.addRow([`Sheet "${spec.name}"`, spec.description]);
    h.font = { bold: true, size: 12 };
    ws.addRow([`Also read from a sheet named: ${spec.synonyms.join(', ')}`]).font = { italic: true };
    const head = ws.addRow(['Column', 'Also accepted', 'New rows need it', 'What to write']);
    head.eachCell((cell) => {
      cell.font = { bold: true, color: { argb: HEAD.font } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEAD.fill } };
    });
    for (const c of spec.columns) {
      const row = ws.addRow([c.header, c.synonyms.join(', '), c.computed ? 'ignored' : c.required ? 'yes' : '', c.note]);
      row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
      row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
      row.getCell(1).alignment = { vertical: 'top' };
    }
  }
}

export const GENERAL_RULES = [
  'One sheet per kind of record (Areas, Projects, Workstreams, Actions, Risks, Issues, Dependencies, Benefits); the first row names the columns. Sheets you leave out are not touched.',
  'Column and sheet names are matched ignoring case, spaces and punctuation; the "Also accepted" names work too. Columns the importer does not know are ignored.',
  'Rows are found again by their reference (area number, project code, workstream letter, action ref, register ref): re-importing updates those records instead of adding new ones. Importing never deletes anything.',
  'Dates: real Excel dates, or text as 31/03/2023, 31/3/23, 31-Mar-2023 or 2023-03-31 (always day first).',
  'An empty cell clears the field (or sets its default: 0 %, not a milestone, Not started / Open). A column left out keeps what is stored.',
  'The RAG and Score columns are worked out by the tracker and ignored on import; use RAG override (with a reason) to set a RAG by hand.',
  'Everything is checked before anything is written: if any row has a problem, nothing is imported and every problem is listed by sheet, row and column.',
];

/** The plan as a workbook. */
export async function planWorkbook(deps: InterchangeDeps, planId: string, opts: ExportOptions): Promise<ExcelJS.Workbook> {
  const plan = await deps.repos.plans.mustGet(planId);
  const data = await loadPlanData(deps.repos, planId);
  const keys = new PlanKeys(data);
  const wb = newWorkbook(opts.now, plan.title);
  wb.subject = `${plan.localArea}: ${plan.title}`;
  for (const kind of KINDS) {
    // A plan without measures keeps the workbook it always had.
    if ((kind === 'measures' || kind === 'measureValues') && data.measures.length === 0) continue;
    const spec = sheetSpec(kind);
    const rows = rowsOf(kind, data).map((row) => rowCells(kind, row, keys, deps, opts.asOf));
    addSheet(wb, spec, rows);
    opts.onProgress?.(spec.name, rows.length);
  }
  addGuide(wb, [
    `${plan.title} (${plan.localArea}), exported on ${ukDate(londonDate(opts.now))}. RAG as of ${ukDate(opts.asOf)}.`,
    'Edit the sheets and import the workbook again into the same plan to update it.',
  ]);
  return wb;
}

/** The blank workbook: every sheet with its header row, formats and drop-downs, and the Guide. */
export function templateWorkbook(now: Date, kinds: readonly Kind[] = PLAN_KINDS): ExcelJS.Workbook {
  const wb = newWorkbook(now, 'SEND improvement plan workbook');
  for (const spec of ALL_SHEETS) if (kinds.includes(spec.kind)) addSheet(wb, spec, []);
  addGuide(wb, ['Fill in the sheets, then import the workbook into a plan: POST /api/v1/plans/{planId}/import, or npm run import -- --plan <planId> <file.xlsx>.']);
  return wb;
}

export async function xlsxBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One sheet of the plan as CSV (UTF-8 with a byte order mark, so Excel reads "£" and "–" right). */
export async function planCsv(deps: InterchangeDeps, planId: string, kind: Kind, opts: ExportOptions): Promise<Buffer> {
  await deps.repos.plans.mustGet(planId);
  const data = await loadPlanData(deps.repos, planId);
  const keys = new PlanKeys(data);
  const spec = sheetSpec(kind);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(spec.name);
  const rows = rowsOf(kind, data);
  const all = rows.map((row) => rowCells(kind, row, keys, deps, opts.asOf));
  const columns = csvColumns(spec, all);
  ws.addRow(columns.map((c) => c.header));
  for (const cells of all) ws.addRow(columns.map((c) => cellValue(c, cells[c.key], true)));
  opts.onProgress?.(spec.name, rows.length);
  const out = await wb.csv.writeBuffer({ sheetName: spec.name, formatterOptions: { writeBOM: true, rowDelimiter: '\r\n' } });
  return Buffer.from(out);
}


