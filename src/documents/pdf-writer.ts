// Writes a PDF from a pdf-lib context plus objects copied as bytes from other PDFs, renumbered on the way
// (every object number of a source shifted by one offset: `n g obj` and each `n g R` in its dictionary
// part; stream data copied untouched). A merge then neither parses nor re-serialises the objects it only
// carries over: for a 300-task report, ~15,000 structure elements that pdf-lib would tokenize into objects
// and write back out.
import type { PDFContext, PDFObject } from 'pdf-lib';
import { afterAngle, afterComment, afterLiteralString, afterRegular, isDigit, isRegular, isWs } from './pdf-syntax.js';

/** A growable output buffer. */
export class ByteSink {
  private buf: Buffer;
  length = 0;

  constructor(size: number) {
    this.buf = Buffer.allocUnsafe(Math.max(1024, size));
  }

  private ensure(n: number) {
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }

  bytes(src: Buffer, start: number, end: number) {
    this.ensure(end - start);
    this.length += src.copy(this.buf, this.length, start, end);
  }

  ascii(s: string) {
    this.ensure(s.length);
    this.length += this.buf.write(s, this.length, 'latin1');
  }

  object(obj: PDFObject) {
    const n = obj.sizeInBytes();
    this.ensure(n);
    this.length += obj.copyBytesInto(this.buf, this.length);
  }

  result(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

const STREAM = Buffer.from('stream', 'latin1');

function intAt(b: Buffer, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) v = v * 10 + (b[i]! - 48);
  return v;
}

/**
 * Writes the object in bytes [start, end) of `pdf` (`n g obj …`) with its number and every reference in
 * its dictionary part shifted by `off`. Strings, names and comments are skipped whole, so text that reads
 * like a reference is left alone; from the `stream` keyword on, bytes are copied as they are. False (and
 * nothing written) when the bytes do not begin with an object header.
 */
export function writeShifted(pdf: Buffer, start: number, end: number, off: number, sink: ByteSink): boolean {
  let i = start;
  while (i < end && isWs(pdf[i]!)) i++;
  const numStart = i;
  while (i < end && isDigit(pdf[i]!)) i++;
  if (i === numStart || !isWs(pdf[i] ?? 0)) return false;
  const num = intAt(pdf, numStart, i);
  let copied = i;
  sink.ascii(String(num + off));
  const b = pdf;
  while (i < end) {
    const c = b[i]!;
    if (c === 40) {
      i = afterLiteralString(b, i, end);
    } else if (c === 60) {
      i = afterAngle(b, i, end);
    } else if (c === 37) {
      i = afterComment(b, i, end);
    } else if (c === 47) {
      i = afterRegular(b, i + 1, end);
    } else if (isDigit(c)) {
      let j = i;
      while (j < end && isDigit(b[j]!)) j++;
      if (j < end && isRegular(b[j]!)) {
        i = afterRegular(b, j, end); // a real number or other token: skipped whole
        continue;
      }
      // a reference is `A g R`: whitespace, digits, whitespace, then R standing alone
      let k = j;
      while (k < end && isWs(b[k]!)) k++;
      const genStart = k;
      while (k < end && isDigit(b[k]!)) k++;
      let m = k;
      while (m < end && isWs(b[m]!)) m++;
      if (genStart > j && k > genStart && m > k && b[m] === 82 && (m + 1 >= end || !isRegular(b[m + 1]!))) {
        sink.bytes(b, copied, i);
        sink.ascii(String(intAt(b, i, j) + off));
        copied = j;
        i = m + 1;
      } else {
        i = j;
      }
    } else if (c === 115 && (isWs(b[i - 1]!) || b[i - 1] === 62) && b.compare(STREAM, 0, 6, i, i + 6) === 0 && (b[i + 6] === 10 || b[i + 6] === 13)) {
      break;
    } else if (isRegular(c)) {
      i = afterRegular(b, i, end); // a keyword (true, null, obj…), whole: a digit inside it is no number
    } else {
      i++;
    }
  }
  sink.bytes(b, copied, end);
  return true;
}

/** Objects of one source PDF copied as bytes, numbered `num + off`, except those listed in `skip`. */
export interface ShiftedSource {
  pdf: Buffer;
  spans: { num: number; start: number; end: number }[];
  off: number;
  skip: Set<number>;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A source's objects as written (numbers shifted): the bytes, and each object's new number and offset in them. */
export interface ShiftedBytes {
  bytes: Buffer;
  objects: { num: number; at: number }[];
}

/**
 * Writes a source's objects (those not skipped), shifted, into bytes of their own: done as soon as the
 * source is appended, while other documents still print, so that saving only concatenates.
 */
export async function shiftedBytes(s: ShiftedSource, objectsPerTick = 2000): Promise<ShiftedBytes> {
  await tick();
  const sink = new ByteSink(s.pdf.length + (s.pdf.length >> 4));
  const objects: { num: number; at: number }[] = [];
  let count = 0;
  for (const span of s.spans) {
    if (s.skip.has(span.num)) continue;
    const at = sink.length;
    if (!writeShifted(s.pdf, span.start, span.end, s.off, sink)) throw new Error(`object ${span.num} could not be copied`);
    objects.push({ num: span.num + s.off, at });
    if (++count % objectsPerTick === 0) await tick();
  }
  return { bytes: sink.result(), objects };
}

/**
 * The whole file: header, the context's objects, the sources' shifted objects, one xref table (a
 * subsection per run of numbers in use) and the trailer from the context's trailer info. Yields to the
 * event loop every `objectsPerTick` objects.
 */
export async function writePdf(context: PDFContext, sources: Promise<ShiftedBytes>[], objectsPerTick = 2000): Promise<Buffer> {
  const copied = await Promise.all(sources);
  const sink = new ByteSink(copied.reduce((n, c) => n + c.bytes.length, 0) + (1 << 20));
  sink.ascii('%PDF-1.7\n%\x81\x81\x81\x81\n\n');
  const offsets = new Map<number, number>();
  let count = 0;
  for (const [ref, obj] of context.enumerateIndirectObjects()) {
    offsets.set(ref.objectNumber, sink.length);
    sink.ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    sink.object(obj);
    sink.ascii('\nendobj\n\n');
    if (++count % objectsPerTick === 0) await tick();
  }
  for (const c of copied) {
    const base = sink.length;
    sink.bytes(c.bytes, 0, c.bytes.length);
    for (const o of c.objects) offsets.set(o.num, base + o.at);
  }
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  const size = Math.max(context.largestObjectNumber, nums[nums.length - 1] ?? 0) + 1;
  const xrefAt = sink.length;
  let xref = 'xref\n0 1\n0000000000 65535 f \n';
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    xref += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String(offsets.get(nums[k]!)).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  sink.ascii(xref);
  const t = context.trailerInfo;
  let dict = `<<\n/Size ${size}\n`;
  for (const [k, v] of [['Root', t.Root], ['Encrypt', t.Encrypt], ['Info', t.Info], ['ID', t.ID]] as const) if (v) dict += `/${k} ${v.toString()}\n`;
  sink.ascii(`trailer\n${dict}>>\nstartxref\n${xrefAt}\n%%EOF`);
  return sink.result();
}
