// Draws pages of other PDFs over pages of a Chromium-printed PDF by appending an incremental update:
// the uploaded pages become Form XObjects (copied with pdf-lib into a scratch context numbered after the
// printed PDF's objects), each target page gets a rewritten dictionary whose /Contents also draws its
// XObject and a "Page n" label, and a new xref section points at them. The printed bytes — with their
// tagged structure and outline — stay untouched, and nothing needs the whole PDF parsed and re-written
// (a tagged 100-page pack has ~15,000 objects). Returns null for a PDF it does not understand (not the
// single classic xref table Chromium writes), so the caller can fall back to a full pdf-lib save.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFObjectParser, PDFRef, StandardFonts, type PDFContext, type PDFObject } from 'pdf-lib';

export interface Overlay {
  /** 0-based index of the printed page to draw on. */
  pageIndex: number;
  /** The PDF to take the page from, and its 0-based page. */
  source: Uint8Array;
  sourcePage: number;
  /** Text drawn at the foot of the page on a white patch (the pack's page number). */
  label: string;
}

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(4).replace(/0+$/, '').replace(/\.$/, ''));

interface Xref {
  offsets: Map<number, { offset: number; gen: number }>;
  trailer: PDFDict;
  startxref: number;
}

function readXref(pdf: Buffer, context: PDFContext): Xref | null {
  const tail = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) return null;
  const startxref = Number(m[1]);
  const head = pdf.subarray(startxref, startxref + 4).toString('latin1');
  if (head !== 'xref') return null; // an xref stream: not what Chromium writes
  const text = pdf.subarray(startxref).toString('latin1');
  const trailerAt = text.indexOf('trailer');
  if (trailerAt < 0) return null;
  const offsets = new Map<number, { offset: number; gen: number }>();
  const lines = text.slice(4, trailerAt).split(/\r\n|\r|\n/);
  let next = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const sub = /^(\d+)\s+(\d+)$/.exec(line);
    if (sub) {
      next = Number(sub[1]);
      continue;
    }
    const entry = /^(\d{10})\s+(\d{5})\s+([nf])$/.exec(line);
    if (!entry) return null;
    if (entry[3] === 'n') offsets.set(next, { offset: Number(entry[1]), gen: Number(entry[2]) });
    next++;
  }
  const trailerStart = startxref + trailerAt + 'trailer'.length;
  const trailer = PDFObjectParser.forBytes(pdf.subarray(trailerStart), context).parseObject();
  if (!(trailer instanceof PDFDict) || trailer.get(PDFName.of('Prev')) || trailer.get(PDFName.of('XRefStm'))) return null;
  return { offsets, trailer, startxref };
}

export async function overlayPages(pdf: Buffer, overlays: Overlay[]): Promise<Buffer | null> {
  const scratch = await PDFDocument.create({ updateMetadata: false });
  const context = scratch.context;
  const xref = readXref(pdf, context);
  if (!xref) return null;
  const size = (xref.trailer.get(PDFName.of('Size')) as { asNumber?: () => number } | undefined)?.asNumber?.();
  const root = xref.trailer.get(PDFName.of('Root'));
  if (!size || !(root instanceof PDFRef)) return null;

  const parsed = new Map<number, PDFObject>();
  const objAt = (ref: PDFRef): PDFObject | null => {
    const hit = parsed.get(ref.objectNumber);
    if (hit) return hit;
    const at = xref.offsets.get(ref.objectNumber);
    if (!at) return null;
    const header = /^\s*(\d+)\s+(\d+)\s+obj/.exec(pdf.subarray(at.offset, at.offset + 40).toString('latin1'));
    if (!header || Number(header[1]) !== ref.objectNumber) return null;
    const obj = PDFObjectParser.forBytes(pdf.subarray(at.offset + header[0].length), context).parseObject();
    parsed.set(ref.objectNumber, obj);
    return obj;
  };
  const resolve = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? (objAt(o) ?? undefined) : o);

  // The pages in order.
  const pages: { ref: PDFRef; dict: PDFDict }[] = [];
  const catalog = objAt(root);
  if (!(catalog instanceof PDFDict)) return null;
  const walk = (ref: PDFObject | undefined, depth: number): boolean => {
    if (!(ref instanceof PDFRef) || depth > 32) return false;
    const node = objAt(ref);
    if (!(node instanceof PDFDict)) return false;
    const type = node.get(PDFName.of('Type'));
    if (type === PDFName.of('Page')) {
      pages.push({ ref, dict: node });
      return true;
    }
    const kids = resolve(node.get(PDFName.of('Kids')));
    if (!(kids instanceof PDFArray)) return false;
    for (let i = 0; i < kids.size(); i++) if (!walk(kids.get(i), depth + 1)) return false;
    return true;
  };
  if (!walk(catalog.get(PDFName.of('Pages')), 0)) return null;
  if (overlays.some((o) => !pages[o.pageIndex])) return null;

  // New objects are numbered after the printed PDF's.
  context.largestObjectNumber = Math.max(context.largestObjectNumber, size - 1);
  const firstNew = size;
  const font = await scratch.embedFont(StandardFonts.Helvetica);
  const embeddedBySource = new Map<Uint8Array, Awaited<ReturnType<PDFDocument['embedPdf']>>>();
  for (const o of overlays) {
    if (embeddedBySource.has(o.source)) continue;
    const source = await PDFDocument.load(o.source, { updateMetadata: false });
    embeddedBySource.set(o.source, await scratch.embedPdf(source, source.getPageIndices()));
  }
  await scratch.flush();

  const push = context.register(context.stream('q\n'));
  const rewritten: [PDFRef, PDFDict][] = [];
  for (const [i, o] of overlays.entries()) {
    const target = pages[o.pageIndex]!;
    const embedded = embeddedBySource.get(o.source)![o.sourcePage]!;
    const box = resolve(target.dict.get(PDFName.of('MediaBox')));
    if (!(box instanceof PDFArray) || box.size() !== 4) return null;
    const [x0, y0, x1, y1] = [0, 1, 2, 3].map((k) => (box.get(k) as unknown as { asNumber(): number }).asNumber()) as [number, number, number, number];
    const width = x1 - x0;
    const height = y1 - y0;
    const xobject = `SptUpload${i}`;
    const fontName = 'SptHelvetica';
    const size9 = 9;
    const w = font.widthOfTextAtSize(o.label, size9);
    const ops = [
      'Q', // closes the q that wraps the page's own content
      'q',
      `1 0 0 1 ${num(x0)} ${num(y0)} cm`,
      `${num(width / embedded.width)} 0 0 ${num(height / embedded.height)} 0 0 cm`,
      `/${xobject} Do`,
      'Q',
      'q',
      '1 1 1 rg',
      `${num(x0 + (width - w) / 2 - 4)} ${num(y0 + 10)} ${num(w + 8)} ${num(size9 + 6)} re`,
      'f',
      'Q',
      'q',
      'BT',
      '0 0 0 rg',
      `/${fontName} ${size9} Tf`,
      `1 0 0 1 ${num(x0 + (width - w) / 2)} ${num(y0 + 14)} Tm`,
      `${font.encodeText(o.label).toString()} Tj`,
      'ET',
      'Q',
    ];
    const drawing = context.register(context.flateStream(`${ops.join('\n')}\n`));

    // The page's resources plus the XObject and the font.
    const oldResources = resolve(target.dict.get(PDFName.of('Resources')));
    const resources = oldResources instanceof PDFDict ? oldResources.clone(context) : context.obj({});
    const merged = (key: string, name: string, ref: PDFRef) => {
      const existing = resolve(resources.get(PDFName.of(key)));
      const dict = existing instanceof PDFDict ? existing.clone(context) : context.obj({});
      dict.set(PDFName.of(name), ref);
      resources.set(PDFName.of(key), dict);
    };
    merged('XObject', xobject, embedded.ref);
    merged('Font', fontName, font.ref);

    const contents = target.dict.get(PDFName.of('Contents'));
    const old = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    const page = target.dict.clone(context);
    page.set(PDFName.of('Contents'), context.obj([push, ...old, drawing]));
    page.set(PDFName.of('Resources'), resources);
    rewritten.push([target.ref, page]);
  }

  // The update: new objects, rewritten pages, an xref section for them, a trailer chained to the old one.
  const written: { num: number; gen: number; offset: number }[] = [];
  const chunks: Buffer[] = [];
  let offset = pdf.length + (pdf[pdf.length - 1] === 0x0a ? 0 : 1);
  if (offset !== pdf.length) chunks.push(Buffer.from('\n', 'latin1'));
  const write = (ref: PDFRef, obj: PDFObject) => {
    const head = Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1');
    const body = Buffer.alloc(obj.sizeInBytes());
    obj.copyBytesInto(body, 0);
    const foot = Buffer.from('\nendobj\n', 'latin1');
    written.push({ num: ref.objectNumber, gen: ref.generationNumber, offset });
    chunks.push(head, body, foot);
    offset += head.length + body.length + foot.length;
  };
  for (const [ref, obj] of context.enumerateIndirectObjects()) if (ref.objectNumber >= firstNew) write(ref, obj);
  for (const [ref, obj] of rewritten) write(ref, obj);

  written.sort((a, b) => a.num - b.num);
  let xrefText = 'xref\n';
  for (let i = 0; i < written.length; ) {
    let j = i;
    while (j + 1 < written.length && written[j + 1]!.num === written[j]!.num + 1) j++;
    xrefText += `${written[i]!.num} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xrefText += `${String(written[k]!.offset).padStart(10, '0')} ${String(written[k]!.gen).padStart(5, '0')} n \n`;
    i = j + 1;
  }
  const newSize = Math.max(size, context.largestObjectNumber + 1);
  const trailer = xref.trailer.clone(context);
  trailer.set(PDFName.of('Size'), context.obj(newSize));
  trailer.set(PDFName.of('Prev'), context.obj(xref.startxref));
  chunks.push(Buffer.from(`${xrefText}trailer\n${trailer.toString()}\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat([pdf, ...chunks]);
}
