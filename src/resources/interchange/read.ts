// Reading an upload (an .xlsx workbook, or one sheet as CSV) into rows of cells keyed by the layout's
// columns, as a stream within the import limits (./limits.ts). Nothing is interpreted here beyond finding the sheets, the header row and the columns; the
// cells are parsed and validated by the import planner.
import { parse as parseCsv } from '@fast-csv/parse';
import { plainValue, toText, type CellInput } from './cells.js';
import { columnForHeader, normaliseName, sheetForName, sheetSpec, ALL_SHEETS, type ColumnSpec, type Kind, type SheetSpec } from './layout.js';
import { DEFAULT_IMPORT_LIMITS, ImportLimitError, mb, type ImportLimits } from './limits.js';
import { sheetProblem, UnreadableUploadError, type SheetProblem } from './problems.js';
import { XlsxReader, type RowCells } from './xlsx.js';

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

/** At most this many data rows in one upload (the `rows` import limit). */
export const MAX_ROWS = DEFAULT_IMPORT_LIMITS.rows;
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

/**
 * Reads an upload as a stream, within `limits` (an ImportLimitError as soon as one is passed). `csvKind`
 * names the sheet a CSV holds (for a workbook: the only sheet to read). Throws UnreadableUploadError for a
 * file that is not one.
 */
export async function readUpload(bytes: Buffer, format: UploadFormat, csvKind?: Kind, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<ReadWorkbook> {
  if (bytes.length > limits.uploadBytes) {
    throw new ImportLimitError('upload-size', `The upload is larger than ${mb(limits.uploadBytes)}`, 'the upload');
  }
  const sniffed = sniffFormat(bytes);
  if (sniffed === 'xls') {
    throw new UnreadableUploadError('This is an old-style Excel 97–2003 (.xls) file. Open it in Excel, save it as "Excel Workbook (.xlsx)" and upload that.', 415);
  }
  const out: ReadWorkbook = { sheets: [], problems: [], warnings: [], rowCount: 0 };
  const rows = new RowBudget(out, limits.rows);
  if (format === 'xlsx') {
    if (sniffed !== 'xlsx') throw new UnreadableUploadError('The file is not an Excel workbook (.xlsx): it does not start like one. Upload an .xlsx file, or a CSV with Content-Type text/csv.');
    const reader = await XlsxReader.open(bytes, limits);
    try {
      // With a sheet named, only that sheet of the workbook is read (the others are left alone).
      const chosen = csvKind ? reader.sheets.filter((ws) => sheetForName(ws.name)?.kind === csvKind) : reader.sheets;
      if (csvKind && chosen.length === 0) {
        return { ...out, problems: [sheetProblem(sheetSpec(csvKind).name, null, null, `The workbook has no ${sheetSpec(csvKind).name} sheet`)] };
      }
      const seen = new Map<Kind, string>();
      for (const ws of chosen) {
        const spec = sheetForName(ws.name);
        if (!spec) {
          if (!QUIET_SHEETS.has(normaliseName(ws.name)) && (await reader.hasValues(ws))) {
            out.warnings.push(sheetProblem(ws.name, null, null, `Sheet '${ws.name}' is not one the importer knows (${ALL_SHEETS.map((s) => s.name).join(', ')}); it was ignored`));
          }
          continue;
        }
        const other = seen.get(spec.kind);
        if (other) {
          out.problems.push(sheetProblem(ws.name, null, null, `Sheets '${other}' and '${ws.name}' both hold ${spec.name.toLowerCase()}; keep one`));
          continue;
        }
        seen.set(spec.kind, ws.name);
        const collector = new SheetCollector(spec, ws.name, out, rows);
        await reader.readSheet(ws, (r, cells) => collector.add(r, cells));
        collector.finish();
      }
      noKnownSheets(out, chosen.map((ws) => ws.name));
      return out;
    } finally {
      reader.close();
    }
  }
  if (!csvKind) throw new UnreadableUploadError('Say which sheet the CSV file holds with ?sheet= (areas, projects, workstreams, actions, risks, issues, dependencies or benefits).');
  if (sniffed === 'xlsx') throw new UnreadableUploadError('The file is an Excel workbook, not CSV: send it with Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.');
  const text = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
  const name = sheetSpec(csvKind).name;
  const collector = new SheetCollector(sheetSpec(csvKind), name, out, rows, 'The CSV file');
  await readCsv(text, delimiter, limits, (r, cells) => collector.add(r, cells));
  collector.finish();
  return out;
}

/** Every record of a CSV, counted (rows and fields) as it is parsed: the parse stops at a limit. */
function readCsv(text: string, delimiter: string, limits: ImportLimits, onRow: (row: number, cells: RowCells) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = parseCsv({ delimiter });
    let row = 0;
    let fields = 0;
    let done = false;
    const fail = (err: unknown) => {
      if (done) return;
      done = true;
      stream.destroy();
      reject(err);
    };
    stream.on('data', (record: string[]) => {
      if (done) return;
      try {
        fields += record.length;
        if (fields > limits.cells) throw new ImportLimitError('cells', `The CSV file has more than ${limits.cells} fields`, 'the CSV file');
        const cells: RowCells = new Map();
        // Every field is kept as the text between the delimiters: refs like "2.10" must not become numbers.
        record.forEach((v, i) => cells.set(i + 1, { value: unquoteFormula(v) }));
        onRow(++row, cells);
      } catch (err) {
        fail(err);
      }
    });
    stream.on('error', (err: Error) => fail(new UnreadableUploadError(`The CSV file cannot be read: ${err.message}.`)));
    stream.on('end', () => {
      if (!done) {
        done = true;
        resolve();
      }
    });
    // Fed in slices so that parsing (and counting) keeps pace with the input rather than after all of it.
    const SLICE = 256 * 1024;
    let at = 0;
    const feed = () => {
      while (!done && at < text.length) {
        const ok = stream.write(text.slice(at, (at += SLICE)));
        if (!ok) return void stream.once('drain', feed);
      }
      if (!done) stream.end();
    };
    feed();
  });
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

/** The problem when none of the sheets read is one the importer knows. */
function noKnownSheets(out: ReadWorkbook, names: string[]): void {
  if (names.length > 0 && out.sheets.length === 0 && out.problems.length === 0) {
    out.problems.push(sheetProblem(names[0]!, null, null, `The workbook has none of the sheets the importer reads: ${ALL_SHEETS.map((s) => s.name).join(', ')} (see the template workbook)`));
  }
}

/** Data rows of the whole upload, counted as they are found: the `rows` limit. */
class RowBudget {
  constructor(
    private readonly out: ReadWorkbook,
    readonly max: number,
  ) {}

  take(sheet: string, sheetRows: number, what: string): void {
    if (++this.out.rowCount <= this.max) return;
    const detail = sheetRows > this.max ? `${what} has more than ${this.max} rows` : `The upload has more than ${this.max} rows in all (reached on sheet ${sheet})`;
    throw new ImportLimitError('rows', detail, sheet);
  }
}

const cellText = (v: unknown) => {
  const p = plainValue(v);
  return p === null || typeof p === 'object' ? (p instanceof Date ? toText(p) : '') : toText(p).trim();
};

const hasValue = (cells: RowCells) => {
  for (const c of cells.values()) if (c.value !== null && c.value !== undefined) return true;
  return false;
};

/**
 * One sheet's rows as they stream in: the first rows are held until the header row is known (of the first
 * rows, the one naming the most columns of this sheet); after it, only the layout's columns are kept.
 */
class SheetCollector {
  private readonly early: [number, RowCells][] = [];
  private anyValue = false;
  private headerRow = 0;
  private columns: Map<string, ReadColumn> | null = null;
  private used: ReadColumn[] = [];
  /** No header row, or clashing columns: the problem is recorded and the rows are not kept. */
  private refused = false;
  private readonly rows: ReadRow[] = [];

  constructor(
    private readonly spec: SheetSpec,
    private readonly name: string,
    private readonly out: ReadWorkbook,
    private readonly budget: RowBudget,
    private readonly what = `The workbook's sheet ${name}`,
  ) {}

  add(r: number, cells: RowCells): void {
    if (!hasValue(cells)) return;
    this.anyValue = true;
    if (!this.columns && !this.refused) {
      if (r <= HEADER_SEARCH_ROWS) {
        this.early.push([r, cells]);
        return;
      }
      this.resolveHeader();
    }
    this.dataRow(r, cells);
  }

  finish(): void {
    if (!this.columns && !this.refused) this.resolveHeader();
    if (!this.anyValue) {
      this.out.sheets.push({ spec: this.spec, name: this.name, headerRow: 1, columns: new Map(), rows: [] });
      return;
    }
    if (this.refused || !this.columns) return;
    this.out.sheets.push({ spec: this.spec, name: this.name, headerRow: this.headerRow, columns: this.columns, rows: this.rows });
  }

  private resolveHeader(): void {
    const { spec, name, out } = this;
    let best = 0;
    for (const [r, cells] of this.early) {
      let matches = 0;
      for (const cell of cells.values()) {
        const t = cellText(cell.value);
        if (t && columnForHeader(spec.kind, t)) matches++;
      }
      if (matches > best) {
        best = matches;
        this.headerRow = r;
      }
    }
    if (!this.anyValue) return;
    if (!this.headerRow) {
      const names = spec.columns.filter((c) => !c.computed).map((c) => c.header);
      out.problems.push(sheetProblem(name, 1, null, `The ${spec.name} sheet has no header row naming its columns (such as ${names.slice(0, 4).join(', ')}…) in its first ${HEADER_SEARCH_ROWS} rows`));
      this.refused = true;
      return;
    }
    const headerCells = this.early.find(([r]) => r === this.headerRow)![1];
    const columns = new Map<string, ReadColumn>();
    let clash = false;
    for (const index of [...headerCells.keys()].sort((a, b) => a - b)) {
      const header = cellText(headerCells.get(index)!.value).replace(/\s+/g, ' ');
      if (!header) continue;
      const col = columnForHeader(spec.kind, header);
      if (!col) {
        out.warnings.push(sheetProblem(name, this.headerRow, { index, header }, `Column '${header}' is not one the importer knows on the ${spec.name} sheet; it was ignored`));
        continue;
      }
      const previous = columns.get(col.key);
      if (previous) {
        clash = true;
        out.problems.push(sheetProblem(name, this.headerRow, { index, header }, `Columns '${previous.header}' and '${header}' both give the ${col.header.toLowerCase()}; keep one of them`));
        continue;
      }
      columns.set(col.key, { spec: col, header, index });
    }
    if (clash) {
      this.refused = true;
      return;
    }
    this.columns = columns;
    this.used = [...columns.values()].filter((c) => !c.spec.computed);
    const early = this.early.splice(0);
    for (const [r, cells] of early) this.dataRow(r, cells);
  }

  private dataRow(r: number, rowCells: RowCells): void {
    if (this.refused || !this.columns || r <= this.headerRow) return;
    const cells = new Map<string, CellInput>();
    let any = false;
    for (const c of this.used) {
      const cell = rowCells.get(c.index);
      const value = cell?.value ?? null;
      const p = plainValue(value);
      if (!(p === null || (typeof p === 'string' && p.trim() === ''))) any = true;
      cells.set(c.spec.key, { value, numFmt: cell?.numFmt });
    }
    if (!any) return;
    this.rows.push({ row: r, cells });
    this.budget.take(this.name, this.rows.length, this.what);
  }
}
