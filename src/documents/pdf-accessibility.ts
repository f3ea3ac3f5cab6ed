// What makes each PDF we hand out accessible beyond Chromium's tagging, applied to every output: /Lang,
// the title shown in the window (DisplayDocTitle), XMP metadata with dc:title and the PDF/UA identifier,
// running headers/footers and other untagged paint marked as /Artifact, /PageLabels matching the printed
// page numbers, and outline titles repaired from the HTML's own headings. Also reads an uploaded PDF's
// accessibility (tagged? title? language? fonts embedded?) for the clerk.
import { inflateSync, deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFContext, type PDFObject, type PDFPage } from 'pdf-lib';
import { IncrementalPdf } from './pdf-incremental.js';
import { afterAngle, afterComment, afterLiteralString, afterRegular, isWs } from './pdf-syntax.js';

export interface PdfMeta {
  title: string;
  author?: string;
  subject?: string;
  lang?: string;
}

/** Page label ranges: from page index `start`, roman lower case ('r') or decimal ('D') from `first`. */
export interface PageLabelRange {
  start: number;
  style: 'r' | 'D';
  first?: number;
}

/** pdf-lib yields to the event loop every N objects; 2,000 (~25 ms of work) keeps requests flowing cheaply. */
export const OBJECTS_PER_TICK = 2000;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function xmp(meta: PdfMeta): string {
  const lang = meta.lang ?? 'en-GB';
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(meta.title)}</rdf:li><rdf:li xml:lang="${esc(lang)}">${esc(meta.title)}</rdf:li></rdf:Alt></dc:title>
${meta.author ? `<dc:creator><rdf:Seq><rdf:li>${esc(meta.author)}</rdf:li></rdf:Seq></dc:creator>` : ''}
${meta.subject ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(meta.subject)}</rdf:li></rdf:Alt></dc:description>` : ''}
<dc:language><rdf:Bag><rdf:li>${esc(lang)}</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>SEND plan tracker (Chromium, pdf-lib)</pdf:Producer>
<xmp:CreatorTool>SEND plan tracker</xmp:CreatorTool>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

// ---- Untagged paint → /Artifact -------------------------------------------------------------------


// Operators are read as numbers (their 1–3 bytes packed), not strings: the tokenizer runs over every byte of
// every page, and a string and an object per operator were most of the pass's cost.
const opCode = (s: string) => s.charCodeAt(0) | ((s.charCodeAt(1) || 0) << 8) | ((s.charCodeAt(2) || 0) << 16);
const [BDC, BMC, EMC, BT, ET, OP_n, OP_q, OP_Q, DO, SH, BI, ID] = ['BDC', 'BMC', 'EMC', 'BT', 'ET', 'n', 'q', 'Q', 'Do', 'sh', 'BI', 'ID'].map(opCode) as number[];
const PATH_OPS = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're'].map(opCode));
const PAINT_OPS = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*'].map(opCode));
/** A word of 4+ bytes that is an operand (true, false, null), not an operator. */
function isKeywordOperand(b: Buffer, start: number, len: number): boolean {
  if (len === 4) {
    const w = b.toString('latin1', start, start + 4);
    return w === 'true' || w === 'null';
  }
  return len === 5 && b.toString('latin1', start, start + 5) === 'false';
}

/**
 * The content stream with each text object, painted path, XObject or shading that lies outside every
 * marked-content sequence wrapped in `/Artifact BMC … EMC` (Chromium paints @page margin boxes, list
 * markers and backgrounds untagged). Null when nothing changes or the stream is not understood (inline
 * images). One pass: the tokenizer hands each operator, with the span from its first operand, to the rules.
 */
export function wrapUntaggedAsArtifacts(content: Buffer): Buffer | null {
  const b = content;
  const n = b.length;
  const spans: number[] = []; // start, end, start, end…
  let depth = 0;
  let inText = false;
  let textStart = -1;
  let textMarked = false;
  let path = -1;
  let i = 0;
  let operandStart = -1;
  while (i < n) {
    const c = b[i]!;
    if (isWs(c)) {
      i++;
      continue;
    }
    const tokenStart = i;
    if (c === 37) {
      i = afterComment(b, i, n);
      continue;
    }
    if (c === 40) {
      i = afterLiteralString(b, i, n);
    } else if (c === 60) {
      i = afterAngle(b, i, n);
    } else if (c === 62) {
      i += b[i + 1] === 62 ? 2 : 1;
    } else if (c === 91 || c === 93 || c === 123 || c === 125) {
      i++;
    } else if (c === 47) {
      i = afterRegular(b, i + 1, n);
    } else {
      i = afterRegular(b, i, n);
      // Numbers (most of a content stream) are operands.
      const isNumber = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
      const len = i - tokenStart;
      if (!isNumber && (len <= 3 || !isKeywordOperand(b, tokenStart, len))) {
        // An operator: 0 stands for any the rules below ignore (none of those is longer than 3 bytes).
        const op = len > 3 ? 0 : c | ((len > 1 ? b[tokenStart + 1]! : 0) << 8) | ((len > 2 ? b[tokenStart + 2]! : 0) << 16);
        const start = operandStart >= 0 ? operandStart : tokenStart;
        operandStart = -1;
        if (op === BI || op === ID) return null;
        if (op === BDC || op === BMC || op === EMC) {
          if (inText) textMarked = true;
          path = -1;
          depth = op === EMC ? Math.max(0, depth - 1) : depth + 1;
        } else if (op === BT) {
          inText = true;
          textStart = depth === 0 ? start : -1;
          textMarked = depth !== 0;
        } else if (op === ET) {
          if (inText && !textMarked && depth === 0) spans.push(textStart, i);
          inText = false;
        } else if (op === OP_n || op === OP_q || op === OP_Q) {
          path = -1;
        } else if (op === DO || op === SH) {
          if (depth === 0 && !inText) spans.push(start, i);
        } else if (!inText && depth === 0) {
          if (PATH_OPS.has(op)) {
            if (path < 0) path = start;
          } else if (path >= 0 && PAINT_OPS.has(op)) {
            spans.push(path, i);
            path = -1;
          }
        }
        continue;
      }
    }
    if (operandStart < 0) operandStart = tokenStart;
  }
  if (!spans.length) return null;
  const parts: Buffer[] = [];
  let at = 0;
  const open = Buffer.from('/Artifact BMC\n', 'latin1');
  const close = Buffer.from('\nEMC', 'latin1');
  for (let k = 0; k < spans.length; k += 2) {
    parts.push(content.subarray(at, spans[k]), open, content.subarray(spans[k], spans[k + 1]), close);
    at = spans[k + 1]!;
  }
  parts.push(content.subarray(at));
  return Buffer.concat(parts);
}

function decodeStream(obj: PDFObject | undefined, context: PDFContext): Buffer | null {
  const s = obj instanceof PDFRef ? context.lookup(obj) : obj;
  if (!(s instanceof PDFRawStream)) return null;
  const filter = s.dict.get(PDFName.of('Filter'));
  const single = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
  if (!single) return Buffer.from(s.contents);
  if (single === PDFName.of('FlateDecode') && !s.dict.get(PDFName.of('DecodeParms'))) return inflateSync(s.contents);
  return null;
}

/** A page's content with its untagged paint marked as artifacts, deflated; null when nothing changes. */
export function artifactContents(page: PDFPage): Buffer | null {
  return markedContents(contentsOf(page.node), page.doc.context);
}

/** A page dictionary's /Contents as a list (one stream or an array of them). */
export function contentsOf(page: PDFDict): PDFObject[] {
  const contents = page.get(PDFName.of('Contents'));
  return contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
}

/**
 * Content streams (in order, as one page's content) with their untagged paint marked as artifacts,
 * deflated; null when nothing changes or a stream cannot be decoded.
 */
export function markedContents(streams: (PDFObject | undefined)[], context: PDFContext): Buffer | null {
  const decoded: Buffer[] = [];
  for (const c of streams) {
    const d = c ? decodeStream(c, context) : null;
    if (!d) return null;
    decoded.push(d);
  }
  const joined = decoded.length === 1 ? decoded[0]! : Buffer.concat(decoded.flatMap((d) => [d, Buffer.from('\n')]));
  const wrapped = wrapUntaggedAsArtifacts(joined);
  // Level 1: several times faster than the default for a few per cent more bytes.
  return wrapped ? deflateSync(wrapped, { level: 1 }) : null;
}

/** Replaces a page's content with deflated bytes (from artifactContents). */
export function setPageContents(page: PDFPage, deflated: Buffer): void {
  const context = page.doc.context;
  page.node.set(PDFName.of('Contents'), context.register(context.stream(deflated, { Filter: 'FlateDecode' })));
}

/** Marks a page's untagged paint as artifacts (see wrapUntaggedAsArtifacts). */
export function markPageArtifacts(page: PDFPage): void {
  const deflated = artifactContents(page);
  if (deflated) setPageContents(page, deflated);
}

// ---- Outline titles ---------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** The text of each <h1>–<h6> of the HTML, in order (tags read as spaces, so "Panel<span>13…" stays two words). */
export function headingsOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi)) {
    const text = m[2]!
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (e, k: string) =>
        k[0] === '#' ? String.fromCodePoint(k[1]?.toLowerCase() === 'x' ? parseInt(k.slice(2), 16) : Number(k.slice(1))) : (ENTITIES[k] ?? e),
      )
      .replace(/\s+/g, ' ')
      .replace(/ ([,.;:!?)])/g, '$1')
      .replace(/\( /g, '(')
      .trim();
    if (text) out.push(text);
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, '');

function outlineItems(context: PDFContext, first: PDFObject | undefined, out: PDFDict[] = [], depth = 0): PDFDict[] {
  const seen = new Set<PDFDict>();
  let ref = first;
  while (ref && depth < 16 && out.length < 10_000) {
    const node = context.lookup(ref);
    if (!(node instanceof PDFDict) || seen.has(node)) break;
    seen.add(node);
    out.push(node);
    outlineItems(context, node.get(PDFName.of('First')), out, depth + 1);
    ref = node.get(PDFName.of('Next'));
  }
  return out;
}

export function titleOf(item: PDFDict): string {
  const t = item.get(PDFName.of('Title'));
  return t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : '';
}

/**
 * Chromium builds outline titles from painted text: a heading opening a page comes out twice, and words
 * on separate lines run together. Each title is replaced by the heading it was taken from (matched in
 * order, ignoring spaces); titles without a match are only trimmed and un-doubled.
 */
export function repairOutline(doc: PDFDocument, headings: string[]): void {
  const outlines = doc.context.lookup(doc.catalog.get(PDFName.of('Outlines')));
  if (!(outlines instanceof PDFDict)) return;
  const items = outlineItems(doc.context, outlines.get(PDFName.of('First')));
  fixTitles(items.map(titleOf), headings).forEach((title, i) => items[i]!.set(PDFName.of('Title'), PDFHexString.fromText(title)));
}

/** Outline titles repaired (see repairOutline) from the HTML's headings, in order. */
export function fixTitles(titles: string[], headings: string[]): string[] {
  let next = 0;
  return titles.map((t) => {
    const raw = t.trim();
    const key = squash(raw);
    const half = key.length % 2 === 0 && key.slice(0, key.length / 2) === key.slice(key.length / 2) ? key.slice(0, key.length / 2) : null;
    for (let h = next; h < headings.length; h++) {
      const k = squash(headings[h]!);
      if (k === key || k === half) {
        next = h + 1;
        return headings[h]!;
      }
    }
    return half ? raw.replace(/\s+/g, ' ').slice(0, Math.ceil(raw.length / 2)).trim() : raw;
  });
}

// ---- Document-level entries ------------------------------------------------------------------------

function pageLabels(context: PDFContext, ranges: PageLabelRange[]): PDFDict {
  const nums: PDFObject[] = [];
  for (const r of ranges) nums.push(PDFNumber.of(r.start), context.obj({ S: r.style, ...(r.first && r.first !== 1 ? { St: r.first } : {}) }));
  return context.obj({ Nums: nums });
}

export function setPageLabels(doc: PDFDocument, ranges: PageLabelRange[]): void {
  doc.catalog.set(PDFName.of('PageLabels'), pageLabels(doc.context, ranges));
}

/** Title (shown in the window), author, subject, /Lang, MarkInfo, XMP with the PDF/UA identifier, /Tabs /S. */
export function setDocumentEntries(doc: PDFDocument, meta: PdfMeta): void {
  const lang = meta.lang ?? 'en-GB';
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  doc.setCreator('SEND plan tracker');
  doc.setProducer('SEND plan tracker (Chromium, pdf-lib)');
  doc.setLanguage(lang);
  const ctx = doc.context;
  if (!doc.catalog.get(PDFName.of('MarkInfo'))) doc.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
  const metadata = ctx.stream(Buffer.from(xmp({ ...meta, lang }), 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), ctx.register(metadata));
  for (const page of doc.getPages()) page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
}

export interface FinishOptions extends PdfMeta {
  /** The HTML the PDF was printed from: its headings repair the outline titles. */
  html?: string;
  pageLabels?: PageLabelRange[];
}

/**
 * Applies everything above to a PDF Chromium printed: as an incremental update (./pdf-incremental.ts:
 * only the catalog, pages and outline are read; new content streams, page dictionaries, outline items,
 * catalog, Info and XMP are appended), or, for a PDF not laid out as Chromium writes it, by one pdf-lib
 * parse and save.
 */
export async function accessiblePdf(pdf: Uint8Array, opts: FinishOptions): Promise<Buffer> {
  const bytes = Buffer.isBuffer(pdf) ? pdf : Buffer.from(pdf);
  try {
    const updated = await accessibleIncremental(bytes, opts);
    if (updated) return updated;
  } catch {
    // fall back to the full pass below
  }
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: OBJECTS_PER_TICK });
  for (const page of doc.getPages()) markPageArtifacts(page);
  if (opts.html) repairOutline(doc, headingsOf(opts.html));
  setPageLabels(doc, opts.pageLabels ?? [{ start: 0, style: 'D' }]);
  setDocumentEntries(doc, opts);
  return Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: OBJECTS_PER_TICK }));
}

async function accessibleIncremental(pdf: Buffer, opts: FinishOptions): Promise<Buffer | null> {
  const inc = await IncrementalPdf.open(pdf);
  if (!inc) return null;
  const ctx = inc.context;
  const N = (k: string) => PDFName.of(k);
  const rootRef = inc.trailer.get(N('Root')) as PDFRef;
  const catalog = inc.dict(rootRef)?.clone(ctx);
  if (!catalog) return null;

  for (const { ref, dict } of inc.pages()) {
    const page = dict.clone(ctx);
    const marked = markedContents(contentsOf(dict).map((c) => inc.resolve(c)), ctx);
    if (marked) page.set(N('Contents'), inc.add(ctx.stream(marked, { Filter: 'FlateDecode' })));
    page.set(N('Tabs'), N('S'));
    inc.set(ref, page);
  }

  const outlines = inc.dict(catalog.get(N('Outlines')));
  if (outlines && opts.html) {
    const items: { ref: PDFRef; dict: PDFDict }[] = [];
    const walk = (first: PDFObject | undefined, depth: number) => {
      for (let ref = first; ref instanceof PDFRef && depth < 16 && items.length < 10_000; ) {
        if (items.some((i) => i.ref === ref)) break;
        const dict = inc.dict(ref);
        if (!dict) break;
        items.push({ ref, dict });
        walk(dict.get(N('First')), depth + 1);
        ref = dict.get(N('Next'));
      }
    };
    walk(outlines.get(N('First')), 0);
    const fixed = fixTitles(items.map((i) => titleOf(i.dict)), headingsOf(opts.html));
    items.forEach((item, i) => {
      if (fixed[i] === titleOf(item.dict)) return;
      const d = item.dict.clone(ctx);
      d.set(N('Title'), PDFHexString.fromText(fixed[i]!));
      inc.set(item.ref, d);
    });
  }

  const lang = opts.lang ?? 'en-GB';
  catalog.set(N('Lang'), PDFString.of(lang));
  catalog.set(N('ViewerPreferences'), ctx.obj({ DisplayDocTitle: true }));
  if (!catalog.get(N('MarkInfo'))) catalog.set(N('MarkInfo'), ctx.obj({ Marked: true }));
  catalog.set(N('Metadata'), inc.add(ctx.stream(Buffer.from(xmp({ ...opts, lang }), 'utf8'), { Type: 'Metadata', Subtype: 'XML' })));
  catalog.set(N('PageLabels'), pageLabels(ctx, opts.pageLabels ?? [{ start: 0, style: 'D' }]));
  inc.set(rootRef, catalog);

  const info = inc.dict(inc.trailer.get(N('Info')))?.clone(ctx) ?? (ctx.obj({}) as PDFDict);
  info.set(N('Title'), PDFHexString.fromText(opts.title));
  if (opts.author) info.set(N('Author'), PDFHexString.fromText(opts.author));
  if (opts.subject) info.set(N('Subject'), PDFHexString.fromText(opts.subject));
  info.set(N('Creator'), PDFHexString.fromText('SEND plan tracker'));
  info.set(N('Producer'), PDFHexString.fromText('SEND plan tracker (Chromium, pdf-lib)'));
  return inc.save({ Info: inc.add(info) });
}

// ---- Reading an upload's accessibility --------------------------------------------------------------

export interface UploadAccessibility {
  /** Marked as tagged (/MarkInfo /Marked true) with a structure tree: a screen reader can follow it. */
  tagged: boolean;
  title: string | null;
  /** Viewers show the title rather than the file name. */
  displaysTitle: boolean;
  language: string | null;
  fontsEmbedded: boolean;
  /** Names of fonts not embedded (a reader may substitute them or fail to extract their text). */
  fontsNotEmbedded: string[];
  /** Claims PDF/UA in its XMP metadata. */
  pdfUa: boolean;
  /** What a clerk should fix before publishing, in words; empty when nothing was found. */
  problems: string[];
}

const FONT_FILES = ['FontFile', 'FontFile2', 'FontFile3'].map((k) => PDFName.of(k));

function fontEmbedded(context: PDFContext, font: PDFDict): boolean {
  if (font.get(PDFName.of('Subtype')) === PDFName.of('Type3')) return true;
  let target: PDFDict = font;
  const descendants = context.lookup(font.get(PDFName.of('DescendantFonts')));
  if (descendants instanceof PDFArray) {
    const d = context.lookup(descendants.get(0));
    if (d instanceof PDFDict) target = d;
  }
  const descriptor = context.lookup(target.get(PDFName.of('FontDescriptor')));
  return descriptor instanceof PDFDict && FONT_FILES.some((k) => descriptor.get(k));
}

function fontsOf(doc: PDFDocument): { name: string; embedded: boolean }[] {
  const context = doc.context;
  const seenRes = new Set<PDFDict>();
  const fonts = new Map<PDFDict, { name: string; embedded: boolean }>();
  const visit = (res: PDFObject | undefined, depth: number) => {
    const r = context.lookup(res);
    if (!(r instanceof PDFDict) || seenRes.has(r) || depth > 8 || seenRes.size > 5000) return;
    seenRes.add(r);
    const fd = context.lookup(r.get(PDFName.of('Font')));
    if (fd instanceof PDFDict) {
      for (const v of fd.values()) {
        const f = context.lookup(v);
        if (f instanceof PDFDict && !fonts.has(f)) {
          const base = f.get(PDFName.of('BaseFont'));
          fonts.set(f, { name: base instanceof PDFName ? base.decodeText() : 'unnamed', embedded: fontEmbedded(context, f) });
          visit(f.get(PDFName.of('Resources')), depth + 1);
        }
      }
    }
    const xo = context.lookup(r.get(PDFName.of('XObject')));
    if (xo instanceof PDFDict) {
      for (const v of xo.values()) {
        const x = context.lookup(v);
        if (x instanceof PDFRawStream && x.dict.get(PDFName.of('Subtype')) === PDFName.of('Form')) visit(x.dict.get(PDFName.of('Resources')), depth + 1);
      }
    }
  };
  for (const page of doc.getPages()) visit(page.node.Resources(), 0);
  return [...fonts.values()];
}

/** How far an uploaded PDF will serve a screen-reader user. */
export function readAccessibility(doc: PDFDocument): UploadAccessibility {
  const context = doc.context;
  const cat = doc.catalog;
  const markInfo = context.lookup(cat.get(PDFName.of('MarkInfo')));
  const marked = markInfo instanceof PDFDict && String(markInfo.get(PDFName.of('Marked'))) === 'true';
  const tagged = marked && context.lookup(cat.get(PDFName.of('StructTreeRoot'))) instanceof PDFDict;
  const title = doc.getTitle()?.trim() || null;
  const prefs = context.lookup(cat.get(PDFName.of('ViewerPreferences')));
  const displaysTitle = prefs instanceof PDFDict && String(prefs.get(PDFName.of('DisplayDocTitle'))) === 'true';
  const langObj = context.lookup(cat.get(PDFName.of('Lang')));
  const language = langObj instanceof PDFString || langObj instanceof PDFHexString ? langObj.decodeText().trim() || null : null;
  const fonts = fontsOf(doc);
  const fontsNotEmbedded = [...new Set(fonts.filter((f) => !f.embedded).map((f) => f.name))];
  const meta = context.lookup(cat.get(PDFName.of('Metadata')));
  let pdfUa = false;
  if (meta instanceof PDFRawStream) {
    try {
      const bytes = decodeStream(meta, context);
      pdfUa = !!bytes && /pdfuaid:part\s*(=\s*["']1|>\s*1\s*<)/.test(bytes.toString('utf8'));
    } catch {
      pdfUa = false;
    }
  }
  const problems: string[] = [];
  if (!tagged) problems.push('not tagged: a screen reader cannot follow its headings, lists and tables');
  if (!title) problems.push('no document title');
  if (!language) problems.push('no document language');
  if (fontsNotEmbedded.length) problems.push(`fonts not embedded: ${fontsNotEmbedded.join(', ')}`);
  return { tagged, title, displaysTitle, language, fontsEmbedded: fontsNotEmbedded.length === 0, fontsNotEmbedded, pdfUa, problems };
}

/** readAccessibility of PDF bytes; null when the file cannot be read. */
export async function uploadAccessibility(bytes: Uint8Array): Promise<UploadAccessibility | null> {
  try {
    return readAccessibility(await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false, parseSpeed: OBJECTS_PER_TICK }));
  } catch {
    return null;
  }
}
