// Reading an upload (an .xlsx workbook, or one sheet as CSV) into rows of cells keyed by the layout's
// columns. Nothing is interpreted here beyond finding the sheets, the header row and the columns; the
// cells are parsed and validated by the import planner.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { plainValue, toText, type CellInput } from './cells.js';
import { columnForHeader, normaliseName, sheetForName, sheetSpec, SHEETS, type ColumnSpec, type Kind, type SheetSpec } from './layout.js';
import { sheetProblem, UnreadableUploadError, type SheetProblem } from './problems.js';

export type UploadFormat = 'xlsx' | 'csv';

export interface ReadColumn {
  spec: ColumnSpec;
  /** The header as the file spells it. */
  header: string;
  /** 1-based column index in the sheet. */
  index: number;
}

export interface ReadRow {
  row: number;
  cells: Map<string, CellInput>;
}

export interface ReadSheet {
  spec: SheetSpec;
  /** The worksheet's name in the file (the layout name for CSV). */
  name: string;
  headerRow: number;
  columns: Map<string, ReadColumn>;
  rows: ReadRow[];
}

export interface ReadWorkbook {
  sheets: ReadSheet[];
  problems: SheetProblem[];
  warnings: SheetProblem[];
  rowCount: number;
}

/** At most this many data rows in one upload. */
export const MAX_ROWS = 100_000;
/** Rows searched for the header row (a title or a blank line may sit above it). */
const HEADER_SEARCH_ROWS = 10;
/** Sheets the exporter adds for people, skipped without a warning. */
export const GUIDE_SHEET = 'Guide';
const QUIET_SHEETS = new Set([GUIDE_SHEET, 'Read me', 'Readme', 'Instructions', 'Notes', 'Lists'].map(normaliseName));

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What a file's first bytes say it is. */
export function sniffFormat(bytes: Buffer): UploadFormat | 'xls' | null {
  if (bytes.subarray(0, 4).equals(XLSX_MAGIC)) return 'xlsx';
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) return 'xls';
  return null;
}

/** Reads an upload. `csvKind` names the sheet a CSV holds (for a workbook: the only sheet to read). Throws UnreadableUploadError for a file that is not one. */
export async function readUpload(bytes: Buffer, format: UploadFormat, csvKind?: Kind): Promise<ReadWorkbook> {
  const sniffed = sniffFormat(bytes);
  if (sniffed === 'xls') {
    throw new UnreadableUploadError('This is an old-style Excel 97–2003 (.xls) file. Open it in Excel, save it as "Excel Workbook (.xlsx)" and upload that.', 415);
  }
  if (format === 'xlsx') {
    if (sniffed !== 'xlsx') throw new UnreadableUploadError('The file is not an Excel workbook (.xlsx): it does not start like one. Upload an .xlsx file, or a CSV with Content-Type text/csv.');
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as never);
    } catch {
      throw new UnreadableUploadError('The file is not a readable Excel workbook (.xlsx); it may be damaged or password-protected.');
    }
    // With a sheet named, only that sheet of the workbook is read (the others are left alone).
    const chosen = csvKind ? wb.worksheets.filter((ws) => sheetForName(ws.name)?.kind === csvKind) : wb.worksheets;
    if (csvKind && chosen.length === 0) {
      return { sheets: [], problems: [sheetProblem(sheetSpec(csvKind).name, null, null, `The workbook has no ${sheetSpec(csvKind).name} sheet`)], warnings: [], rowCount: 0 };
    }
    return readWorksheets(chosen.map((ws) => ({ name: ws.name, ws })));
  }
  if (!csvKind) throw new UnreadableUploadError('Say which sheet the CSV file holds with ?sheet= (areas, projects, workstreams, actions, risks, issues, dependencies or benefits).');
  if (sniffed === 'xlsx') throw new UnreadableUploadError('The file is an Excel workbook, not CSV: send it with Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.');
  const text = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
  const wb = new ExcelJS.Workbook();
  let ws: ExcelJS.Worksheet;
  try {
    // Every field is kept as the text between the delimiters: refs like "2.10" must not become numbers.
    ws = await wb.csv.read(Readable.from([text]), { map: unquoteFormula, parserOptions: { delimiter } });
  } catch (err) {
    throw new UnreadableUploadError(`The CSV file cannot be read: ${(err as Error).message}.`);
  }
  return readWorksheets([{ name: sheetSpec(csvKind).name, ws, kind: csvKind }]);
}

/** The exporter writes text that Excel would take for a formula with a leading apostrophe; drop it. */
const unquoteFormula = (v: unknown) => (typeof v === 'string' && /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

/** UTF-8 (with or without a byte order mark), else Windows-1252 as Excel's "CSV (Comma delimited)" writes it. */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Node 20's TextDecoder treats windows-1252 as ISO-8859-1; the 0x80–0x9F range differs (€ ‘ ’ “ ” – — …).
    return bytes.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] || c);
  }
}

/** Windows-1252 characters for bytes 0x80–0x9F (where ISO-8859-1 has control characters). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function readWorksheets(list: { name: string; ws: ExcelJS.Worksheet; kind?: Kind }[]): ReadWorkbook {
  const out: ReadWorkbook = { sheets: [], problems: [], warnings: [], rowCount: 0 };
  const seen = new Map<Kind, string>();
  for (const { name, ws, kind } of list) {
    const spec = kind ? sheetSpec(kind) : sheetForName(name);
    if (!spec) {
      if (!QUIET_SHEETS.has(normaliseName(name)) && ws.actualRowCount > 0) {
        out.warnings.push(sheetProblem(name, null, null, `Sheet '${name}' is not one the importer knows (${SHEETS.map((s) => s.name).join(', ')}); it was ignored`));
      }
      continue;
    }
    const other = seen.get(spec.kind);
    if (other) {
      out.problems.push(sheetProblem(name, null, null, `Sheets '${other}' and '${name}' both hold ${spec.name.toLowerCase()}; keep one`));
      continue;
    }
    seen.set(spec.kind, name);
    const sheet = readSheet(spec, name, ws, out);
    if (sheet) {
      out.sheets.push(sheet);
      out.rowCount += sheet.rows.length;
    }
  }
  if (list.length > 0 && out.sheets.length === 0 && out.problems.length === 0) {
    out.problems.push(
      sheetProblem(list[0]!.name, null, null, `The workbook has none of the sheets the importer reads: ${SHEETS.map((s) => s.name).join(', ')} (see the template workbook)`),
    );
  }
  if (out.rowCount > MAX_ROWS) {
    out.problems.push(sheetProblem(list[0]!.name, null, null, `The upload has ${out.rowCount} rows; at most ${MAX_ROWS} can be imported at once`));
  }
  return out;
}

const cellText = (v: unknown) => {
  const p = plainValue(v);
  return p === null || typeof p === 'object' ? (p instanceof Date ? toText(p) : '') : toText(p).trim();
};

function readSheet(spec: SheetSpec, name: string, ws: ExcelJS.Worksheet, out: ReadWorkbook): ReadSheet | null {
  // The header row: of the first rows, the one naming the most columns of this sheet.
  let headerRow = 0;
  let best = 0;
  const last = Math.min(ws.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= last; r++) {
    let matches = 0;
    ws.getRow(r).eachCell((cell) => {
      const t = cellText(cell.value);
      if (t && columnForHeader(spec.kind, t)) matches++;
    });
    if (matches > best) {
      best = matches;
      headerRow = r;
    }
  }
  if (ws.actualRowCount === 0) return { spec, name, headerRow: 1, columns: new Map(), rows: [] };
  if (!headerRow) {
    const names = spec.columns.filter((c) => !c.computed).map((c) => c.header);
    out.problems.push(sheetProblem(name, 1, null, `The ${spec.name} sheet has no header row naming its columns (such as ${names.slice(0, 4).join(', ')}…) in its first ${HEADER_SEARCH_ROWS} rows`));
    return null;
  }

  const columns = new Map<string, ReadColumn>();
  let clash = false;
  ws.getRow(headerRow).eachCell((cell, index) => {
    const header = cellText(cell.value).replace(/\s+/g, ' ');
    if (!header) return;
    const col = columnForHeader(spec.kind, header);
    if (!col) {
      out.warnings.push(sheetProblem(name, headerRow, { index, header }, `Column '${header}' is not one the importer knows on the ${spec.name} sheet; it was ignored`));
      return;
    }
    const previous = columns.get(col.key);
    if (previous) {
      clash = true;
      out.problems.push(
        sheetProblem(name, headerRow, { index, header }, `Columns '${previous.header}' and '${header}' both give the ${col.header.toLowerCase()}; keep one of them`),
      );
      return;
    }
    columns.set(col.key, { spec: col, header, index });
  });
  if (clash) return null;

  const rows: ReadRow[] = [];
  const used = [...columns.values()].filter((c) => !c.spec.computed);
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r <= headerRow) return;
    const cells = new Map<string, CellInput>();
    let any = false;
    for (const c of used) {
      const cell = row.getCell(c.index);
      const value = cell.value;
      const p = plainValue(value);
      if (!(p === null || (typeof p === 'string' && p.trim() === ''))) any = true;
      cells.set(c.spec.key, { value, numFmt: cell.numFmt });
    }
    if (any) rows.push({ row: r, cells });
  });
  return { spec, name, headerRow, columns, rows };
}
