// Checks that an uploaded file other than a PDF is what its Content-Type says: Word, Excel and PowerPoint
// (zip packages: the central directory names the main part, and [Content_Types].xml declares its type),
// PNG and JPEG (magic bytes and a sane header), CSV (UTF-8 text without NUL bytes). Bounded: at most
// MAX_ENTRIES zip entries are read and [Content_Types].xml is inflated to at most 1 MB.
import { inflateRawSync } from 'node:zlib';

export const OFFICE_TYPES = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'Word document (DOCX)',
    mainPart: 'word/document.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    extension: 'docx',
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    label: 'Excel workbook (XLSX)',
    mainPart: 'xl/workbook.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    extension: 'xlsx',
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    label: 'PowerPoint presentation (PPTX)',
    mainPart: 'ppt/presentation.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
    extension: 'pptx',
  },
} as const;

/** Every type an upload may have, with the file extension the evidence bundle gives it. */
export const UPLOAD_EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  ...Object.fromEntries(Object.entries(OFFICE_TYPES).map(([type, o]) => [type, o.extension])),
  'text/csv': 'csv',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/** The types checked here (the PDF check lives with the upload route). */
export const CHECKED_TYPES = Object.keys(UPLOAD_EXTENSIONS).filter((t) => t !== 'application/pdf');

export class ContentMismatch extends Error {}

const MAX_ENTRIES = 20_000;
const MAX_CONTENT_TYPES_XML = 1024 * 1024;
const MAX_IMAGE_SIDE = 65_535;

/** Throws ContentMismatch (with a message for people) unless `bytes` are a file of `mediaType`. */
export function checkContent(mediaType: string, bytes: Buffer): void {
  if (bytes.length === 0) throw new ContentMismatch('The body is empty: send the file itself.');
  if (mediaType in OFFICE_TYPES) return checkOffice(OFFICE_TYPES[mediaType as keyof typeof OFFICE_TYPES], bytes);
  if (mediaType === 'image/png') return checkPng(bytes);
  if (mediaType === 'image/jpeg') return checkJpeg(bytes);
  if (mediaType === 'text/csv') return checkCsv(bytes);
  throw new ContentMismatch(`Files of type ${mediaType} are not accepted.`);
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The entries named by a zip's central directory (no zip64, no multi-disk: Office files under 25 MB need neither). */
export function zipEntries(b: Buffer): ZipEntry[] {
  const notZip = new ContentMismatch('This is not a zip package (no readable central directory).');
  if (b.length < 22 || b.readUInt32LE(0) !== 0x04034b50) throw notZip;
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip;
  const count = b.readUInt16LE(eocd + 10);
  const size = b.readUInt32LE(eocd + 12);
  const offset = b.readUInt32LE(eocd + 16);
  if (count > MAX_ENTRIES || offset + size > eocd) throw notZip;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || b.readUInt32LE(p) !== 0x02014b50) throw notZip;
    const nameLength = b.readUInt16LE(p + 28);
    const extraLength = b.readUInt16LE(p + 30);
    const commentLength = b.readUInt16LE(p + 32);
    if (p + 46 + nameLength > eocd) throw notZip;
    entries.push({
      name: b.toString('utf8', p + 46, p + 46 + nameLength),
      method: b.readUInt16LE(p + 10),
      compressedSize: b.readUInt32LE(p + 20),
      localOffset: b.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryText(b: Buffer, e: ZipEntry, limit: number): string {
  const bad = new ContentMismatch(`The package's ${e.name} could not be read.`);
  const p = e.localOffset;
  if (p + 30 > b.length || b.readUInt32LE(p) !== 0x04034b50) throw bad;
  const start = p + 30 + b.readUInt16LE(p + 26) + b.readUInt16LE(p + 28);
  const data = b.subarray(start, start + e.compressedSize);
  if (data.length !== e.compressedSize) throw bad;
  try {
    if (e.method === 0) return data.subarray(0, limit).toString('utf8');
    if (e.method === 8) return inflateRawSync(data, { maxOutputLength: limit }).toString('utf8');
  } catch {
    throw bad;
  }
  throw bad;
}

function checkOffice(o: (typeof OFFICE_TYPES)[keyof typeof OFFICE_TYPES], b: Buffer): void {
  const entries = zipEntries(b);
  const types = entries.find((e) => e.name === '[Content_Types].xml');
  if (!types) throw new ContentMismatch(`This is not a ${o.label}: the package has no [Content_Types].xml.`);
  if (!entries.some((e) => e.name === o.mainPart)) throw new ContentMismatch(`This is not a ${o.label}: the package has no ${o.mainPart}.`);
  // Macro-enabled files (.docm, .xlsm, .pptm) declare a different main type and are refused here.
  if (!entryText(b, types, MAX_CONTENT_TYPES_XML).includes(o.contentType)) {
    throw new ContentMismatch(`This is not a ${o.label}: its [Content_Types].xml does not declare ${o.mainPart} as ${o.contentType}.`);
  }
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function checkPng(b: Buffer): void {
  if (b.length < 33 || !b.subarray(0, 8).equals(PNG_MAGIC)) throw new ContentMismatch('This is not a PNG image (no PNG signature).');
  if (b.readUInt32BE(8) !== 13 || b.toString('latin1', 12, 16) !== 'IHDR') throw new ContentMismatch('This PNG image has no header (IHDR) where it should be.');
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const depth = b[24]!;
  const colour = b[25]!;
  if (width < 1 || height < 1 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) throw new ContentMismatch(`This PNG image's size (${width} × ${height}) is not sane.`);
  if (![1, 2, 4, 8, 16].includes(depth) || ![0, 2, 3, 4, 6].includes(colour)) throw new ContentMismatch('This PNG image has an invalid header.');
}

function checkJpeg(b: Buffer): void {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) throw new ContentMismatch('This is not a JPEG image (no JPEG signature).');
  // Walk the marker segments to the frame header (SOFn) and check its size.
  let p = 2;
  for (let n = 0; n < 1000 && p + 4 <= b.length; n++) {
    if (b[p] !== 0xff) break;
    const marker = b[p + 1]!;
    if (marker === 0xff) {
      p++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      p += 2;
      continue;
    }
    const length = b.readUInt16BE(p + 2);
    if (length < 2) break;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      if (p + 9 > b.length) break;
      const height = b.readUInt16BE(p + 5);
      const width = b.readUInt16BE(p + 7);
      if (width < 1 || height < 1) throw new ContentMismatch(`This JPEG image's size (${width} × ${height}) is not sane.`);
      return;
    }
    if (marker === 0xda || marker === 0xd9) break;
    p += 2 + length;
  }
  throw new ContentMismatch('This JPEG image has no readable frame header.');
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function checkCsv(b: Buffer): void {
  if (b.includes(0)) throw new ContentMismatch('This is not a CSV file: it contains NUL bytes (a binary file?).');
  try {
    UTF8.decode(b);
  } catch {
    throw new ContentMismatch('This CSV file is not valid UTF-8 text: save it as "CSV UTF-8".');
  }
}
