// Reads objects of a PDF with one classic xref table (as Chromium writes it) on demand, and appends an
// incremental update with the objects changed or added: the printed bytes stay as they are and nothing
// needs the whole file parsed and re-written (a pdf-lib load + save of a 67-page tagged report parses
// and writes ~10,000 objects to change a few dozen). `open` answers null for any other layout, so the
// caller can fall back to a full pdf-lib pass.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFObjectParser, PDFRef, type PDFContext, type PDFObject } from 'pdf-lib';

interface Xref {
  offsets: Map<number, number>;
  /** Some object in use has a generation other than 0 (such a file is not copied as bytes). */
  otherGenerations: boolean;
  trailer: PDFDict;
  startxref: number;
}

function readXref(pdf: Buffer, context: PDFContext): Xref | null {
  const tail = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) return null;
  const startxref = Number(m[1]);
  if (pdf.subarray(startxref, startxref + 4).toString('latin1') !== 'xref') return null;
  const text = pdf.subarray(startxref).toString('latin1');
  const trailerAt = text.indexOf('trailer');
  if (trailerAt < 0) return null;
  const offsets = new Map<number, number>();
  let otherGenerations = false;
  let next = 0;
  for (const raw of text.slice(4, trailerAt).split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const sub = /^(\d+)\s+(\d+)$/.exec(line);
    if (sub) {
      next = Number(sub[1]);
      continue;
    }
    const entry = /^(\d{10})\s+(\d{5})\s+([nf])$/.exec(line);
    if (!entry) return null;
    if (entry[3] === 'n' && entry[2] === '00000') offsets.set(next, Number(entry[1]));
    else if (entry[3] === 'n') otherGenerations = true;
    next++;
  }
  const trailer = PDFObjectParser.forBytes(pdf.subarray(startxref + trailerAt + 'trailer'.length), context).parseObject();
  if (!(trailer instanceof PDFDict) || trailer.get(PDFName.of('Prev')) || trailer.get(PDFName.of('XRefStm'))) return null;
  return { offsets, otherGenerations, trailer, startxref };
}

export class IncrementalPdf {
  private readonly parsed = new Map<number, PDFObject>();
  private readonly changed = new Map<number, PDFObject>();
  private nextNumber: number;

  private constructor(
    private readonly pdf: Buffer,
    readonly context: PDFContext,
    private readonly xref: Xref,
    size: number,
  ) {
    this.nextNumber = size;
  }

  static async open(pdf: Buffer): Promise<IncrementalPdf | null> {
    const context = (await PDFDocument.create({ updateMetadata: false })).context;
    const xref = readXref(pdf, context);
    const size = xref?.trailer.get(PDFName.of('Size'));
    if (!xref || !(size instanceof PDFNumber) || !(xref.trailer.get(PDFName.of('Root')) instanceof PDFRef)) return null;
    return new IncrementalPdf(pdf, context, xref, size.asNumber());
  }

  get trailer(): PDFDict {
    return this.xref.trailer;
  }

  /** One more than the largest object number (the trailer's /Size). */
  get size(): number {
    return this.nextNumber;
  }

  /**
   * Every object's number and bytes (from its `n 0 obj` to the next object or the xref table), in file
   * order; null when an object in use has a generation other than 0 or lies outside the file.
   */
  objectSpans(): { num: number; start: number; end: number }[] | null {
    if (this.xref.otherGenerations) return null;
    const spans = [...this.xref.offsets].map(([num, start]) => ({ num, start, end: 0 })).sort((a, b) => a.start - b.start);
    for (let i = 0; i < spans.length; i++) {
      const end = i + 1 < spans.length ? spans[i + 1]!.start : this.xref.startxref;
      if (spans[i]!.start >= end || end > this.pdf.length || spans[i]!.num >= this.nextNumber) return null;
      spans[i]!.end = end;
    }
    return spans;
  }

  /** The object a reference points to (as changed in this update, if it was); other objects as they are. */
  resolve(o: PDFObject | undefined): PDFObject | undefined {
    if (!(o instanceof PDFRef)) return o;
    const n = o.objectNumber;
    const hit = this.changed.get(n) ?? this.parsed.get(n);
    if (hit) return hit;
    const at = this.xref.offsets.get(n);
    if (at === undefined) return undefined;
    const header = /^\s*(\d+)\s+0\s+obj/.exec(this.pdf.subarray(at, at + 40).toString('latin1'));
    if (!header || Number(header[1]) !== n) throw new Error(`object ${n} is not where the xref says`);
    const obj = PDFObjectParser.forBytes(this.pdf.subarray(at + header[0].length), this.context).parseObject();
    this.parsed.set(n, obj);
    return obj;
  }

  dict(o: PDFObject | undefined): PDFDict | undefined {
    const d = this.resolve(o);
    return d instanceof PDFDict ? d : undefined;
  }

  /** The pages in order, with their references (page tree walked with cycle and depth limits). */
  pages(): { ref: PDFRef; dict: PDFDict }[] {
    const out: { ref: PDFRef; dict: PDFDict }[] = [];
    const seen = new Set<number>();
    const walk = (ref: PDFObject | undefined, depth: number) => {
      if (!(ref instanceof PDFRef) || depth > 32 || seen.has(ref.objectNumber)) throw new Error('page tree not understood');
      seen.add(ref.objectNumber);
      const node = this.dict(ref);
      if (!node) throw new Error('page tree not understood');
      if (node.get(PDFName.of('Type')) === PDFName.of('Page')) return void out.push({ ref, dict: node });
      const kids = this.resolve(node.get(PDFName.of('Kids')));
      if (!(kids instanceof PDFArray)) throw new Error('page tree not understood');
      for (const k of kids.asArray()) walk(k, depth + 1);
    };
    walk(this.dict(this.trailer.get(PDFName.of('Root')))?.get(PDFName.of('Pages')), 0);
    return out;
  }

  /** Replaces the object `ref` points to in the update. */
  set(ref: PDFRef, obj: PDFObject): void {
    this.changed.set(ref.objectNumber, obj);
  }

  /** A new object, numbered after the file's. */
  add(obj: PDFObject): PDFRef {
    const ref = PDFRef.of(this.nextNumber++);
    this.changed.set(ref.objectNumber, obj);
    return ref;
  }

  /** The original bytes followed by the update: changed and new objects, their xref section, a trailer. */
  save(trailerChanges: Record<string, PDFObject> = {}): Buffer {
    const chunks: Buffer[] = [];
    const written: { num: number; offset: number }[] = [];
    let offset = this.pdf.length;
    if (this.pdf[this.pdf.length - 1] !== 0x0a) {
      chunks.push(Buffer.from('\n', 'latin1'));
      offset++;
    }
    for (const [num, obj] of [...this.changed].sort((a, b) => a[0] - b[0])) {
      const head = Buffer.from(`${num} 0 obj\n`, 'latin1');
      const body = Buffer.alloc(obj.sizeInBytes());
      obj.copyBytesInto(body, 0);
      const foot = Buffer.from('\nendobj\n', 'latin1');
      written.push({ num, offset });
      chunks.push(head, body, foot);
      offset += head.length + body.length + foot.length;
    }
    let xref = 'xref\n';
    for (let i = 0; i < written.length; ) {
      let j = i;
      while (j + 1 < written.length && written[j + 1]!.num === written[j]!.num + 1) j++;
      xref += `${written[i]!.num} ${j - i + 1}\n`;
      for (let k = i; k <= j; k++) xref += `${String(written[k]!.offset).padStart(10, '0')} 00000 n \n`;
      i = j + 1;
    }
    const trailer = this.trailer.clone(this.context);
    trailer.set(PDFName.of('Size'), PDFNumber.of(this.nextNumber));
    trailer.set(PDFName.of('Prev'), PDFNumber.of(this.xref.startxref));
    for (const [k, v] of Object.entries(trailerChanges)) trailer.set(PDFName.of(k), v);
    chunks.push(Buffer.from(`${xref}trailer\n${trailer.toString()}\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
    return Buffer.concat([this.pdf, ...chunks]);
  }
}
