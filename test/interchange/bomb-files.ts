// Hostile spreadsheets, generated at test time in milliseconds and a few MB at most: a zip written by hand
// (so entries can declare any size), and deflate streams built by repeating one self-contained compressed
// piece — 1 MB of text compresses to about 1 KB, so a "3.5 GB" entry is 3.5 MB on disk.
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** Raw deflate data (method 8). */
  deflated: Buffer;
  /** The uncompressed size the zip claims (a bomb may lie). */
  declaredSize: number;
  crc?: number;
}

/** A piece of raw deflate data that ends byte-aligned without a final block: pieces can be concatenated. */
export const deflatePiece = (text: string | Buffer) => deflateRawSync(typeof text === 'string' ? Buffer.from(text) : text, { finishFlush: constants.Z_SYNC_FLUSH });
/** The final (empty) block that ends a deflate stream of concatenated pieces. */
export const DEFLATE_END = Buffer.from([0x03, 0x00]);

/** `head`, then `chunk` repeated `times` (compressed once), then `tail`, as one deflate stream. */
export function repeatedDeflate(head: string, chunk: string, times: number, tail: string): { deflated: Buffer; size: number } {
  const piece = deflatePiece(chunk);
  const parts = [deflatePiece(head), ...Array.from({ length: times }, () => piece), deflatePiece(tail), DEFLATE_END];
  return { deflated: Buffer.concat(parts), size: Buffer.byteLength(head) + Buffer.byteLength(chunk) * times + Buffer.byteLength(tail) };
}

export const part = (name: string, text: string): ZipPart => {
  const bytes = Buffer.from(text);
  return { name, deflated: Buffer.concat([deflatePiece(bytes), DEFLATE_END]), declaredSize: bytes.length, crc: crc32(bytes) };
};

/** A zip archive of the parts (no zip64: every size below 4 GB). */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(p.crc ?? 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(p.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(p.crc ?? 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(p.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/** A workbook of one sheet named `sheetName` whose XML part is `sheet` (and any extra parts). */
export function workbookWith(sheetName: string, sheet: ZipPart | ((path: string) => ZipPart), extra: ZipPart[] = []): Buffer {
  const path = 'xl/worksheets/sheet1.xml';
  return zip([
    part('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    typeof sheet === 'function' ? sheet(path) : { ...sheet, name: path },
    ...extra,
  ]);
}

const inline = (s: string) => `<c t="inlineStr"><is><t>${s}</t></is></c>`;
const MB = 1024 * 1024;

/** "20 M cells in a small file": a sheet of empty cells, far past the cells limit. */
export function cellsBomb(cells = 20_000_000): Buffer {
  const perChunk = 250_000;
  const { deflated, size } = repeatedDeflate(SHEET_HEAD + '<row r="1">', '<c/>'.repeat(perChunk), Math.ceil(cells / perChunk), '</row>' + SHEET_TAIL);
  return workbookWith('Actions', { name: '', deflated, declaredSize: size });
}

/** One sheet part that inflates to `gb` GB (of XML whitespace), declaring its true size or, lying, a tiny one. */
export function hugeEntryBomb(gb: number, declare: 'true' | 'lie'): Buffer {
  const chunk = ' '.repeat(MB);
  const times = Math.round(gb * 1024);
  const { deflated, size } = repeatedDeflate(SHEET_HEAD, chunk, times, SHEET_TAIL);
  return workbookWith('Actions', { name: '', deflated, declaredSize: declare === 'true' ? Math.min(size, 0xffffffff) : 1000 });
}

/** A workbook of `entries` tiny files besides its sheet. */
export function manyEntriesBomb(entries: number): Buffer {
  const extra = Array.from({ length: entries }, (_, i) => part(`xl/media/n${i}.xml`, '<x/>'));
  return workbookWith('Actions', (name) => part(name, SHEET_HEAD + SHEET_TAIL), extra);
}

/** A sheet of `rows` data rows under a header row (each row one inline string): past the row cap when rows > 100,000. */
export function manyRowsWorkbook(rows: number): Buffer {
  const perChunk = 1000;
  const chunk = `<row>${inline('1.1')}${inline('An action')}</row>`.repeat(perChunk);
  const head = `${SHEET_HEAD}<row r="1">${inline('Ref')}${inline('Title')}</row>`;
  const { deflated, size } = repeatedDeflate(head, chunk, Math.ceil(rows / perChunk), SHEET_TAIL);
  return workbookWith('Actions', { name: '', deflated, declaredSize: size });
}

/** A CSV of the Actions sheet with `rows` data rows (about 6 bytes a row). */
export function manyRowsCsv(rows: number): Buffer {
  return Buffer.from(`Ref,Title\n${'1.1,x\n'.repeat(rows)}`);
}
