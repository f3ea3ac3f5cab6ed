// The checks of ./pdf-check.ts, run in its worker thread: size, the bytes the streams inflate to (counted
// while inflating, stopped at the limit), the number of objects, the page tree walked with cycle detection
// and a depth limit (its /Kids and every page's /Parent chain), the number of pages and the time spent —
// then active content (JavaScript, /OpenAction, /Launch, embedded files…) found, or removed into a cleaned
// copy. Nothing here calls pdf-lib's page functions before the page tree is known to be sound: they follow
// /Parent links without limit.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFContext, type PDFObject } from 'pdf-lib';
import { activeContent } from './pdf-active-content.js';
import { BudgetExceeded, decodedLength, looksLikeZlib, UnsupportedFilter } from './pdf-streams.js';

export interface PdfLimits {
  /** The file itself. */
  maxBytes: number;
  /** All decodable (non-image) streams, inflated, together. */
  maxInflatedBytes: number;
  /** Indirect objects, counting those packed in object streams. */
  maxObjects: number;
  maxPages: number;
  /** Levels of /Pages nodes above a page. */
  maxPageTreeDepth: number;
  /** The whole check (parsing included). */
  maxParseMs: number;
}

export const DEFAULT_PDF_LIMITS: Readonly<PdfLimits> = Object.freeze({
  maxBytes: 25 * 1024 * 1024,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxObjects: 40_000,
  maxPages: 2_000,
  maxPageTreeDepth: 32,
  maxParseMs: 10_000,
});

export type PdfProblemCode =
  | 'not-pdf'
  | 'damaged'
  | 'encrypted'
  | 'no-pages'
  | 'too-large'
  | 'inflated-size'
  | 'objects'
  | 'pages'
  | 'page-tree-depth'
  | 'page-tree-cycle'
  | 'parse-time'
  | 'unsupported-filter'
  | 'memory';

export interface PdfProblem {
  code: PdfProblemCode;
  /** The HTTP status an upload refused for this gets. */
  status: 400 | 413 | 422;
  message: string;
}

export interface PdfCheck {
  /** No problem: the PDF may be stored and used (active content aside, which preparePdf removes). */
  ok: boolean;
  pages: number;
  problems: PdfProblem[];
  /** Kinds of active content found (JavaScript, embedded files…), empty when none. */
  activeContent: string[];
}

const MB = 1024 * 1024;
const mb = (n: number) => `${Math.round((n / MB) * 10) / 10} MB`;

const PROBLEM_STATUS: Record<PdfProblemCode, PdfProblem['status']> = {
  'not-pdf': 400,
  damaged: 400,
  encrypted: 400,
  'no-pages': 400,
  'too-large': 413,
  'inflated-size': 413,
  objects: 413,
  pages: 413,
  'page-tree-depth': 422,
  'page-tree-cycle': 422,
  'parse-time': 422,
  'unsupported-filter': 422,
  memory: 422,
};

export const problemFor = (code: PdfProblemCode, message: string): PdfProblem => ({ code, status: PROBLEM_STATUS[code], message });

class Refusal extends Error {
  constructor(readonly code: PdfProblemCode, message: string) {
    super(message);
  }
}

const refuse = (code: PdfProblemCode, message: string): never => {
  throw new Refusal(code, message);
};

interface Inspected {
  doc: PDFDocument;
  pages: number;
}

/**
 * Checks `bytes` against `limits` without ever holding more than a chunk of any inflated stream, and
 * reports every problem found (the check stops at the first limit hit) and the active content.
 */
export async function checkPdfHere(bytes: Uint8Array, limits: PdfLimits): Promise<PdfCheck> {
  try {
    const { doc, pages } = await inspect(bytes, limits);
    return { ok: true, pages, problems: [], activeContent: activeContent(doc.context, { remove: false }) };
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    return { ok: false, pages: 0, problems: [problemFor(err.code, err.message)], activeContent: [] };
  }
}

export type Prepared = { ok: true; pages: number; removed: string[]; bytes: Uint8Array | null } | { ok: false; problem: PdfProblem };

/**
 * Checks the PDF and removes its active content. `bytes` is null when there was nothing to remove (keep
 * the input), else a cleaned copy (pdf-lib rewrite, structure tree and outline kept).
 */
export async function preparePdfHere(input: Uint8Array, limits: PdfLimits): Promise<Prepared> {
  let inspected: Inspected;
  try {
    inspected = await inspect(input, limits);
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    return { ok: false, problem: problemFor(err.code, err.message) };
  }
  const { doc, pages } = inspected;
  const removed = activeContent(doc.context, { remove: true });
  if (!removed.length) return { ok: true, pages, removed, bytes: null };
  const saved = await doc.save({ useObjectStreams: false, updateFieldAppearances: false, addDefaultPage: false, objectsPerTick: Infinity });
  return { ok: true, pages, removed, bytes: saved };
}

async function inspect(bytes: Uint8Array, limits: PdfLimits): Promise<Inspected> {
  const deadline = Date.now() + limits.maxParseMs;
  const inTime = () => {
    if (Date.now() > deadline) refuse('parse-time', `Checking the PDF took longer than ${limits.maxParseMs / 1000} s; it is too complex to accept.`);
  };
  if (bytes.length === 0) refuse('not-pdf', 'The body is empty: send the PDF file itself.');
  if (bytes.length > limits.maxBytes) refuse('too-large', `The PDF is ${mb(bytes.length)}; at most ${mb(limits.maxBytes)} is accepted.`);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.slice(0, 1024).includes('%PDF-')) refuse('not-pdf', 'This is not a PDF file (no %PDF- header).');

  // 1. Before any parser sees it: objects counted, and every stream that looks compressed inflated with
  // a budget (pdf-lib decodes object and xref streams while loading, without a limit of its own).
  countObjectsRaw(text, limits);
  await scanRawStreams(bytes, text, limits, inTime);
  inTime();

  // 2. Parsed, within the time left.
  const doc = await withDeadline(load(bytes), deadline, limits);
  const context = doc.context;
  let objects = 0;
  for (const _ of context.enumerateIndirectObjects()) objects++;
  if (objects > limits.maxObjects) refuse('objects', `The PDF has ${objects} objects; at most ${limits.maxObjects} are accepted.`);

  // 3. The streams as the parser sees them (exact lengths and filters), again within the budget.
  await scanParsedStreams(context, limits, inTime);

  // 4. The page tree.
  const pages = walkPageTree(context, limits);
  inTime();
  return { doc, pages };
}

async function load(bytes: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false, parseSpeed: Infinity });
  } catch (err) {
    if ((err as Error).name === 'EncryptedPDFError') refuse('encrypted', 'The PDF is encrypted; remove the password before uploading.');
    if (err instanceof RangeError) refuse('damaged', 'The PDF could not be read: its objects are nested too deeply.');
    return refuse('damaged', 'The PDF could not be read: it may be damaged.');
  }
}

function withDeadline<T>(work: Promise<T>, deadline: number, limits: PdfLimits): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Refusal('parse-time', `Reading the PDF took longer than ${limits.maxParseMs / 1000} s; it is too complex to accept.`)),
      Math.max(0, deadline - Date.now()),
    );
  });
  work.catch(() => undefined);
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const OBJ_RE = /\d+\s+\d+\s+obj\b/g;
/** Bytes outside objects and xref tables a file may have (beyond that it is mostly not PDF). */
const MAX_STRAY_BYTES = 1024 * 1024;

/**
 * Counts objects, and refuses a file that is mostly not PDF syntax before a parser sees it: pdf-lib
 * skips such "jibberish" a byte at a time, at microseconds a byte.
 */
function countObjectsRaw(text: string, limits: PdfLimits): void {
  let n = 0;
  let covered = 0;
  OBJ_RE.lastIndex = 0;
  for (let m = OBJ_RE.exec(text); m; m = OBJ_RE.exec(text)) {
    if (++n > limits.maxObjects) refuse('objects', `The PDF has more than ${limits.maxObjects} objects; at most ${limits.maxObjects} are accepted.`);
    const end = text.indexOf('endobj', m.index);
    if (end < 0) break;
    covered += end + 6 - m.index;
    OBJ_RE.lastIndex = end + 6;
  }
  if (n === 0) refuse('damaged', 'The PDF could not be read: it holds no PDF objects.');
  for (let at = text.indexOf('xref'); at >= 0; at = text.indexOf('xref', at + 4)) {
    const end = text.indexOf('trailer', at);
    if (end < 0) break;
    covered += end - at;
    at = end;
  }
  const stray = text.length - covered;
  if (stray > MAX_STRAY_BYTES && stray > text.length / 4) refuse('damaged', 'The PDF could not be read: most of it is not PDF syntax.');
}

const STREAM_RE = /stream(\r\n|\n|\r)/g;
const FILTER_RE = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>()]+)/;
const LENGTH_RE = /\/Length\s+(\d+)(\s+\d+\s+R)?/;

async function scanRawStreams(bytes: Uint8Array, text: string, limits: PdfLimits, inTime: () => void): Promise<void> {
  let budget = limits.maxInflatedBytes;
  let packed = 0;
  let from = 0;
  STREAM_RE.lastIndex = 0;
  for (let m = STREAM_RE.exec(text); m; m = STREAM_RE.exec(text)) {
    const at = m.index;
    if (at > 0 && /[A-Za-z]/.test(text[at - 1]!)) continue; // "endstream"
    const objAt = text.lastIndexOf('obj', at);
    const dict = text.slice(Math.max(objAt, from, at - 65_536), at);
    const start = at + m[0].length;
    const length = LENGTH_RE.exec(dict);
    let end = -1;
    if (length && !length[2]) {
      const candidate = start + Number(length[1]);
      if (/^\s*endstream/.test(text.slice(candidate, candidate + 32))) end = candidate;
    }
    if (end < 0) end = text.indexOf('endstream', start);
    if (end < 0) end = text.length;
    STREAM_RE.lastIndex = end;
    from = end;

    const structural = /\/(ObjStm|XRef)\b/.test(dict);
    if (structural) {
      const n = /\/N\s+(\d+)/.exec(dict);
      packed += n ? Number(n[1]) : 0;
      if (packed > limits.maxObjects) refuse('objects', `The PDF packs more than ${limits.maxObjects} objects in object streams; at most ${limits.maxObjects} are accepted.`);
    }
    if (!structural && /\/Subtype\s*\/Image\b/.test(dict)) continue;
    const data = bytes.subarray(start, end);
    const filter = FILTER_RE.exec(dict)?.[1];
    const filters = filter ? (filter.match(/\/[^\s/[\]]+/g) ?? []).map((f) => f.slice(1)) : looksLikeZlib(data) ? ['FlateDecode'] : [];
    if (!filters.length) continue;
    budget -= await counted(data, filters, budget, limits);
    inTime();
  }
}

async function scanParsedStreams(context: PDFContext, limits: PdfLimits, inTime: () => void): Promise<void> {
  let budget = limits.maxInflatedBytes;
  for (const [, obj] of context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const dict = obj.dict;
    const type = nameOf(dict.lookup(PDFName.of('Type')));
    if (type !== 'ObjStm' && type !== 'XRef' && nameOf(dict.lookup(PDFName.of('Subtype'))) === 'Image') continue;
    const f = dict.lookup(PDFName.of('Filter'));
    const filters = f instanceof PDFArray ? f.asArray().map((x) => nameOf(context.lookup(x)) ?? '') : f instanceof PDFName ? [f.decodeText()] : [];
    if (!filters.length) continue;
    budget -= await counted(obj.contents, filters, budget, limits);
    inTime();
  }
}

async function counted(data: Uint8Array, filters: string[], budget: number, limits: PdfLimits): Promise<number> {
  try {
    return await decodedLength(data, filters, budget);
  } catch (err) {
    if (err instanceof BudgetExceeded) {
      refuse('inflated-size', `The PDF's compressed streams expand to more than ${mb(limits.maxInflatedBytes)}; at most ${mb(limits.maxInflatedBytes)} is accepted.`);
    }
    if (err instanceof UnsupportedFilter) refuse('unsupported-filter', `The PDF uses ${err.filter} compression, which is not accepted; save it again with a current PDF writer.`);
    throw err;
  }
}

const nameOf = (o: PDFObject | undefined) => (o instanceof PDFName ? o.decodeText() : undefined);

/**
 * Pages counted by walking /Kids from the catalog's /Pages, refusing a node reached twice (a cycle or a
 * shared subtree), a tree deeper than the limit, more pages than the limit, and a page whose /Parent
 * chain does not end at the root within the depth limit (readers follow it for inherited attributes).
 */
function walkPageTree(context: PDFContext, limits: PdfLimits): number {
  const root = context.trailerInfo.Root;
  const catalog = root instanceof PDFRef ? context.lookup(root) : root;
  if (!(catalog instanceof PDFDict)) refuse('damaged', 'The PDF could not be read: it has no document catalog.');
  const top = (catalog as PDFDict).get(PDFName.of('Pages'));
  if (!(top instanceof PDFRef)) refuse('damaged', 'The PDF could not be read: it has no page tree.');
  const seen = new Set<string>();
  const key = (r: PDFRef) => `${r.objectNumber} ${r.generationNumber}`;
  const leaves: PDFDict[] = [];
  const stack: { ref: PDFRef; depth: number }[] = [{ ref: top as PDFRef, depth: 0 }];
  while (stack.length) {
    const { ref, depth } = stack.pop()!;
    if (seen.has(key(ref))) refuse('page-tree-cycle', 'The PDF’s page tree has a cycle: a page or /Pages node is reached twice through /Kids.');
    seen.add(key(ref));
    if (depth > limits.maxPageTreeDepth) refuse('page-tree-depth', `The PDF’s page tree is more than ${limits.maxPageTreeDepth} levels deep.`);
    const node = context.lookup(ref);
    if (!(node instanceof PDFDict)) refuse('damaged', 'The PDF could not be read: its page tree points at something that is not a page.');
    const dict = node as PDFDict;
    const kids = dict.lookup(PDFName.of('Kids'));
    const type = nameOf(dict.lookup(PDFName.of('Type')));
    if (type === 'Pages' && !(kids instanceof PDFArray)) continue; // an empty node
    if (type === 'Page' || !(kids instanceof PDFArray)) {
      leaves.push(dict);
      if (leaves.length > limits.maxPages) refuse('pages', `The PDF has more than ${limits.maxPages} pages; at most ${limits.maxPages} are accepted.`);
      continue;
    }
    for (let i = (kids as PDFArray).size() - 1; i >= 0; i--) {
      const kid = (kids as PDFArray).get(i);
      if (!(kid instanceof PDFRef)) refuse('damaged', 'The PDF could not be read: its page tree holds a page that is not an object reference.');
      stack.push({ ref: kid as PDFRef, depth: depth + 1 });
    }
  }
  if (!leaves.length) refuse('no-pages', 'The PDF has no pages.');
  for (const page of leaves) {
    const chain = new Set<PDFDict>([page]);
    let node: PDFObject | undefined = page.get(PDFName.of('Parent'));
    for (let up = 0; node !== undefined; up++) {
      const parent = node instanceof PDFRef ? context.lookup(node) : node;
      if (!(parent instanceof PDFDict)) break;
      if (chain.has(parent)) refuse('page-tree-cycle', 'The PDF’s page tree has a cycle: following /Parent from a page comes back to it.');
      if (up > limits.maxPageTreeDepth) refuse('page-tree-depth', `The PDF’s page tree is more than ${limits.maxPageTreeDepth} levels deep (following /Parent).`);
      chain.add(parent);
      node = parent.get(PDFName.of('Parent'));
    }
  }
  return leaves.length;
}
