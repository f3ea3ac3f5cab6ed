// Streaming .xlsx reader: the zip through BoundedZip, each part's XML through a SAX parser (saxes: no DTD
// entities are expanded), cells handed over a row at a time — never the whole workbook in memory. Cell
// values come out as exceljs gives them (shared and inline strings, numbers, booleans, errors, formulas
// with their saved result, numbers in a date format as Dates with the workbook's 1904 flag), so the rest
// of the importer reads them the same way.
import { SaxesParser } from 'saxes';
import type { CellInput } from './cells.js';
import { ImportLimitError, type ImportLimits } from './limits.js';
import { UnreadableUploadError } from './problems.js';
import { BoundedZip } from './zip.js';

export interface WorkbookSheet {
  name: string;
  /** The sheet's part in the zip: xl/worksheets/sheet1.xml. */
  path: string;
}

/** One row as read: cells by 1-based column index. */
export type RowCells = Map<number, CellInput>;
export type RowSink = (row: number, cells: RowCells) => void;

const unreadable = () => new UnreadableUploadError('The file is not a readable Excel workbook (.xlsx); it may be damaged or password-protected.');

// Excel's built-in number formats (as exceljs names them; the locale-specific ones have none).
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** A number format that shows a date or time (exceljs's rule, so the same cells become Dates). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const excelToDate = (v: number, date1904: boolean) => new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

/** `_x000D_` and friends: how Excel writes characters XML cannot hold. */
const decodeEscapes = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s);

const localName = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

type Attributes = Record<string, string>;
interface XmlHandlers {
  open?(name: string, attributes: Attributes, selfClosing: boolean): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** A SAX parser over one part, fed as the part inflates. Malformed XML → unreadable workbook. */
async function parsePart(zip: BoundedZip, path: string, maxBytes: number, h: XmlHandlers, label?: string): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failed: unknown = null;
  parser.on('error', (err) => {
    failed ??= err;
  });
  if (h.open) parser.on('opentag', (node) => h.open!(localName(node.name), node.attributes as Attributes, node.isSelfClosing));
  if (h.text) {
    parser.on('text', (t) => h.text!(t));
    parser.on('cdata', (t) => h.text!(t));
  }
  if (h.close) parser.on('closetag', (node) => h.close!(localName(node.name)));
  const check = () => {
    if (failed) throw failed instanceof ImportLimitError ? failed : unreadable();
  };
  await zip.read(
    path,
    maxBytes,
    (text) => {
      try {
        parser.write(text);
      } catch (err) {
        if (err instanceof ImportLimitError || err instanceof StopReading) throw err;
        throw unreadable();
      }
      check();
    },
    label,
  );
  try {
    parser.close();
  } catch {
    throw unreadable();
  }
  check();
}

/** Thrown by a handler to stop reading a part early (not an error). */
class StopReading extends Error {}

const attr = (a: Attributes, local: string): string | undefined => {
  if (local in a) return a[local];
  for (const k of Object.keys(a)) if (localName(k) === local) return a[k];
  return undefined;
};

/** Resolves a relationship target against the folder of the part that names it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

async function relationships(zip: BoundedZip, of: string, limits: ImportLimits): Promise<{ id: string; type: string; target: string }[]> {
  const folder = of.split('/').slice(0, -1).join('/');
  const relsPath = `${folder ? `${folder}/` : ''}_rels/${of.split('/').pop()}.rels`;
  if (!zip.has(relsPath)) return [];
  const out: { id: string; type: string; target: string }[] = [];
  await parsePart(zip, relsPath, limits.metaPartBytes, {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target && out.length < 10_000) out.push({ id: a.Id, type: a.Type ?? '', target: resolveTarget(of, a.Target) });
    },
  });
  return out;
}

export class XlsxReader {
  private sharedStrings: string[] | null = null;
  private cellCount = 0;

  private constructor(
    private readonly zip: BoundedZip,
    private readonly limits: ImportLimits,
    readonly sheets: WorkbookSheet[],
    private readonly date1904: boolean,
    private readonly numFmts: (string | undefined)[],
    private readonly sharedStringsPath: string | null,
  ) {}

  static async open(bytes: Buffer, limits: ImportLimits): Promise<XlsxReader> {
    const zip = await BoundedZip.open(bytes, limits);
    try {
      const root = await relationships(zip, '', limits).catch(() => []);
      const workbookPath = root.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
      if (!zip.has(workbookPath)) throw unreadable();

      const declared: { name: string; rid: string }[] = [];
      let date1904 = false;
      await parsePart(zip, workbookPath, limits.metaPartBytes, {
        open(name, a) {
          if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
          if (name === 'sheet' && declared.length < limits.zipEntries) declared.push({ name: a.name ?? '', rid: attr(a, 'id') ?? '' });
        },
      });
      const rels = await relationships(zip, workbookPath, limits);
      const byId = new Map(rels.map((r) => [r.id, r]));
      const sheets = declared.flatMap((s) => {
        const target = byId.get(s.rid)?.target;
        return target && zip.has(target) ? [{ name: s.name, path: target }] : [];
      });
      const stylesPath = rels.find((r) => r.type.endsWith('/styles'))?.target;
      const numFmts = stylesPath && zip.has(stylesPath) ? await readStyles(zip, stylesPath, limits) : [];
      const ss = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target;
      return new XlsxReader(zip, limits, sheets, date1904, numFmts, ss && zip.has(ss) ? ss : null);
    } catch (err) {
      zip.close();
      throw err;
    }
  }

  close(): void {
    this.zip.close();
  }

  /** Whether the sheet holds any value at all (read until the first one). */
  async hasValues(sheet: WorkbookSheet): Promise<boolean> {
    let found = false;
    let inValue = false;
    try {
      await parsePart(
        this.zip,
        sheet.path,
        this.limits.entryBytes,
        {
          open(name) {
            inValue = name === 'v' || name === 't';
          },
          text(t) {
            if (inValue && t.trim() !== '') {
              found = true;
              throw new StopReading();
            }
          },
          close() {
            inValue = false;
          },
        },
        `sheet ${sheet.name}`,
      );
    } catch (err) {
      if (!(err instanceof StopReading)) throw err;
    }
    return found;
  }

  /** Streams the sheet's rows (cells with a value or a style) to `onRow`, counting cells against the limit. */
  async readSheet(sheet: WorkbookSheet, onRow: RowSink): Promise<void> {
    const strings = await this.loadSharedStrings();
    const { limits, numFmts, date1904 } = this;
    const label = `sheet ${sheet.name}`;
    let rowNumber = 0;
    let cells: RowCells | null = null;
    let col = 0;
    // The cell being read.
    let type = '';
    let style: number | undefined;
    let value: string | null = null;
    let formula: string | null = null;
    let inline = '';
    let hasInline = false;
    let into: 'v' | 'f' | 't' | null = null;
    let phonetic = 0;

    const finishCell = () => {
      if (++this.cellCount > limits.cells) {
        throw new ImportLimitError('cells', `The workbook's sheet ${sheet.name} takes the workbook past ${limits.cells} cells`, sheet.name);
      }
      const numFmt = style !== undefined ? numFmts[style] : undefined;
      let v: unknown;
      if (formula !== null) {
        const result = value === null ? undefined : type === 'str' ? value : type === 'b' ? parseInt(value, 10) !== 0 : type === 'e' ? { error: value } : parseFloat(value);
        v = result === undefined ? { formula } : { formula, result: typeof result === 'number' && isDateFormat(numFmt) ? excelToDate(result, date1904) : result };
      } else if (hasInline) {
        v = decodeEscapes(inline);
      } else if (value === null) {
        v = null;
      } else if (type === 's') {
        const s = strings[parseInt(value, 10)];
        v = s === undefined ? null : s;
      } else if (type === 'str') v = value;
      else if (type === 'b') v = parseInt(value, 10) !== 0;
      else if (type === 'e') v = { error: value };
      else if (type === 'd') {
        const d = new Date(value);
        v = Number.isNaN(d.getTime()) ? value : d;
      } else {
        const n = parseFloat(value);
        v = isDateFormat(numFmt) ? excelToDate(n, date1904) : n;
      }
      if (v !== null) cells!.set(col, numFmt === undefined ? { value: v } : { value: v, numFmt });
    };

    await parsePart(
      this.zip,
      sheet.path,
      limits.entryBytes,
      {
        open(name, a) {
          switch (name) {
            case 'row': {
              const r = a.r ? parseInt(a.r, 10) : rowNumber + 1;
              rowNumber = Number.isInteger(r) && r > rowNumber && r <= 1_048_576 ? r : rowNumber + 1;
              cells = new Map();
              col = 0;
              return;
            }
            case 'c': {
              if (!cells) return;
              const ref = a.r ? /^([A-Z]{1,3})\d*$/i.exec(a.r) : null;
              col = ref ? columnIndex(ref[1]!) : col + 1;
              type = a.t ?? 'n';
              style = a.s !== undefined ? parseInt(a.s, 10) : undefined;
              value = null;
              formula = null;
              inline = '';
              hasInline = false;
              into = null;
              phonetic = 0;
              return;
            }
            case 'v':
              into = 'v';
              value ??= '';
              return;
            case 'f':
              into = 'f';
              formula ??= '';
              return;
            case 'is':
              hasInline = true;
              return;
            case 'rPh':
              phonetic++;
              return;
            case 't':
              into = hasInline && phonetic === 0 ? 't' : null;
              return;
          }
        },
        text(t) {
          if (into === 'v') value += t;
          else if (into === 'f') formula += t;
          else if (into === 't') inline += t;
        },
        close(name) {
          switch (name) {
            case 'v':
            case 'f':
            case 't':
              into = null;
              return;
            case 'rPh':
              phonetic--;
              return;
            case 'c':
              if (cells) finishCell();
              return;
            case 'row':
              if (cells && cells.size) onRow(rowNumber, cells);
              cells = null;
              return;
          }
        },
      },
      label,
    );
  }

  private async loadSharedStrings(): Promise<string[]> {
    if (this.sharedStrings) return this.sharedStrings;
    const strings: string[] = [];
    this.sharedStrings = strings;
    if (!this.sharedStringsPath) return strings;
    let current: string | null = null;
    let inText = false;
    let phonetic = 0;
    await parsePart(
      this.zip,
      this.sharedStringsPath,
      this.limits.sharedStringsBytes,
      {
        open(name) {
          if (name === 'si') current = '';
          else if (name === 'rPh') phonetic++;
          else if (name === 't') inText = phonetic === 0;
        },
        text(t) {
          if (inText && current !== null) current += t;
        },
        close(name) {
          if (name === 't') inText = false;
          else if (name === 'rPh') phonetic--;
          else if (name === 'si' && current !== null) {
            strings.push(decodeEscapes(current));
            current = null;
          }
        },
      },
      'shared strings',
    );
    return strings;
  }
}

async function readStyles(zip: BoundedZip, path: string, limits: ImportLimits): Promise<(string | undefined)[]> {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  await parsePart(zip, path, limits.metaPartBytes, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId && a.formatCode !== undefined) custom.set(parseInt(a.numFmtId, 10), a.formatCode);
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfIds.push(a.numFmtId ? parseInt(a.numFmtId, 10) : 0);
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfIds.map((id) => (id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined));
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
