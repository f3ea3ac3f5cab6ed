// Assembles one tagged PDF from whole PDFs, page by page, keeping each one's structure tree: pdf-lib's
// copyPages drops the StructTreeRoot, so the tree is carried here with the same object copier as the
// pages (so /Pg, MCR and OBJR entries point at the new pages), under one StructTreeRoot whose Document
// element holds a Part per source; ParentTree keys and the pages' /StructParents are renumbered, RoleMap,
// ClassMap and IDTree entries kept. A PDF Chromium printed is not parsed whole: its objects are copied as
// bytes with their numbers shifted (./pdf-writer.ts), and only those the pack changes (catalog, page
// tree, pages, the structure root and its kids, outline items, annotations) are read and rewritten.
// Furniture added here (page numbers, blank pages) is /Artifact, in an embedded, subset Open Sans
// (./furniture-font.json).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  PDFRawStream,
  PDFRef,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import { contentsOf, fixTitles, titleOf } from './pdf-accessibility.js';
import type { PrintedPdf } from './pdf-printed.js';
import { shiftedBytes, writePdf, type ShiftedBytes } from './pdf-writer.js';

/** The characters furniture may use: printable ASCII and the en dash. */
export const FURNITURE_CHARS = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), '–'];

/** Open Sans subset to FURNITURE_CHARS in a one-page PDF, with each character's code and width (written by src/cli/furniture-font.ts). */
export const FONT_DONOR_FILE = fileURLToPath(new URL('./furniture-font.json', import.meta.url));
export interface FontDonorFile {
  source: string;
  codes: Record<string, string>;
  widths: Record<string, number>;
  /** Base64. */
  pdf: string;
}

interface FontDonor {
  doc: PDFDocument;
  ref: PDFRef;
  codes: Map<string, string>;
  widths: Map<string, number>;
}

/**
 * The furniture font, read ONCE per process from FONT_DONOR_FILE; each pack copies the font's objects from
 * it. (Embedding with fontkit cost ~400 ms per pack, then ~0.3 s and ~16 MB once per process; the subset is
 * now made once, by src/cli/furniture-font.ts.)
 */
let donorPromise: Promise<FontDonor> | null = null;
export function fontDonor(): Promise<FontDonor> {
  donorPromise ??= (async () => {
    const file = JSON.parse(readFileSync(FONT_DONOR_FILE, 'utf8')) as FontDonorFile;
    const doc = await PDFDocument.load(Buffer.from(file.pdf, 'base64'), { updateMetadata: false });
    const page = doc.getPage(0);
    const fonts = doc.context.lookup(page.node.Resources()!.get(PDFName.of('Font')), PDFDict);
    return { doc, ref: fonts.values()[0] as PDFRef, codes: new Map(Object.entries(file.codes)), widths: new Map(Object.entries(file.widths)) };
  })();
  donorPromise.catch(() => (donorPromise = null));
  return donorPromise;
}

const N = (s: string) => PDFName.of(s);

type Lookup = (o: PDFObject | undefined) => PDFObject | undefined;

/**
 * Entries of a number tree (ParentTree) or name tree (IDTree), bounded against cycles; the references
 * of its nodes are added to `nodes`.
 */
function treeEntries(lookup: Lookup, node: PDFObject | undefined, leafKey: 'Nums' | 'Names', nodes: PDFRef[] = [], out: [PDFObject, PDFObject][] = [], seen = new Set<PDFDict>()): [PDFObject, PDFObject][] {
  const d = lookup(node);
  if (!(d instanceof PDFDict) || seen.has(d) || seen.size > 10_000) return out;
  seen.add(d);
  if (node instanceof PDFRef) nodes.push(node);
  const leaf = lookup(d.get(N(leafKey)));
  if (leaf instanceof PDFArray) for (let i = 0; i + 1 < leaf.size(); i += 2) out.push([leaf.get(i), leaf.get(i + 1)]);
  const kids = lookup(d.get(N('Kids')));
  if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) treeEntries(lookup, kids.get(i), leafKey, nodes, out, seen);
  return out;
}

/** A parsed object rebuilt in `ctx` with every reference's number shifted by `off`. */
function shifted(o: PDFObject, off: number, ctx: PDFContext): PDFObject {
  if (o instanceof PDFRef) return PDFRef.of(o.objectNumber + off, o.generationNumber);
  if (o instanceof PDFDict) {
    const d = PDFDict.withContext(ctx);
    for (const [k, v] of o.entries()) d.set(k, shifted(v, off, ctx));
    return d;
  }
  if (o instanceof PDFArray) {
    const a = PDFArray.withContext(ctx);
    for (const v of o.asArray()) a.push(shifted(v, off, ctx));
    return a;
  }
  if (o instanceof PDFRawStream) return PDFRawStream.of(shifted(o.dict, off, ctx) as PDFDict, o.contents);
  return o;
}

const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'].map((k) => PDFName.of(k));

const numberOf = (o: PDFObject | undefined) => (o instanceof PDFNumber ? o.asNumber() : undefined);

export interface Appended {
  pages: PDFPage[];
  /** Top-level items of the source's outline, copied (to nest under the pack's own entry). */
  outline: PDFRef[];
}

export class TaggedPdfBuilder {
  private readonly rootRef: PDFRef;
  private readonly documentRef: PDFRef;
  private readonly parts: PDFRef[] = [];
  private readonly parentTree: [number, PDFObject][] = [];
  private nextKey = 0;
  private readonly roleMap = new Map<string, PDFObject>();
  private readonly classMap = new Map<string, PDFObject>();
  private readonly ids = new Map<string, PDFObject>();
  private fontRef: PDFRef | null = null;
  private readonly isolateRef: PDFRef;
  /** PDFs appended by appendPrinted, as bytes (written while the pack is assembled) for save(). */
  private readonly copied: Promise<ShiftedBytes>[] = [];

  private constructor(readonly doc: PDFDocument) {
    this.rootRef = doc.context.nextRef();
    this.documentRef = doc.context.nextRef();
    this.isolateRef = doc.context.register(doc.context.stream('q\n'));
  }

  static async create(): Promise<TaggedPdfBuilder> {
    return new TaggedPdfBuilder(await PDFDocument.create({ updateMetadata: false }));
  }

  private get context() {
    return this.doc.context;
  }

  /** Pages and Parts placed before the others (see `atStart`). */
  private startPages = 0;
  private startParts = 0;

  /**
   * Appends every page of `src` with its structure (under a Part titled `title`) and its outline; with
   * `atStart`, places them before everything appended without it (so the front matter, printed last, can
   * still come first).
   */
  append(src: PDFDocument, title?: string, atStart = false): Appended {
    const dest = this.context;
    const copier = PDFObjectCopier.for(src.context, dest);
    // The copier's map from source objects to copies: seeded with the pages, so a /Pg, a link's /Dest or
    // an annotation's /P reaching a page before it is copied gets the page's new reference rather than
    // a second copy (with its /Parent: the whole source page tree).
    const traversed = (copier as unknown as { traversedObjects: Map<PDFObject, PDFObject> }).traversedObjects;
    const srcPages = src.getPages();
    const refs = srcPages.map((p) => {
      const ref = dest.nextRef();
      traversed.set(p.ref, ref);
      return ref;
    });
    const srcRootRef = src.catalog.get(N('StructTreeRoot'));
    const srcRoot = src.context.lookup(srcRootRef);
    const partRef = dest.nextRef();
    if (srcRootRef instanceof PDFRef) traversed.set(srcRootRef, partRef);

    const pages = srcPages.map((p, i) => {
      const leaf = copier.copy(p.node) as PDFPageLeaf;
      dest.assign(refs[i]!, leaf);
      const page = PDFPage.of(leaf, refs[i]!, this.doc);
      this.place(page, atStart);
      return page;
    });

    if (srcRoot instanceof PDFDict) this.appendStructure(src, srcRoot, copier, pages, partRef, title, atStart);

    const outline: PDFRef[] = [];
    const outlines = src.context.lookup(src.catalog.get(N('Outlines')));
    if (outlines instanceof PDFDict) {
      let ref = outlines.get(N('First'));
      const seen = new Set<PDFObject>();
      while (ref instanceof PDFRef && !seen.has(ref) && seen.size < 10_000) {
        seen.add(ref);
        const copied = copier.copy(ref) as PDFRef;
        outline.push(copied);
        ref = (src.context.lookup(ref) as PDFDict).get(N('Next'));
      }
    }
    return { pages, outline };
  }

  private place(page: PDFPage, atStart: boolean) {
    if (atStart) this.doc.insertPage(this.startPages++, page);
    else this.doc.addPage(page);
  }

  private appendStructure(src: PDFDocument, srcRoot: PDFDict, copier: PDFObjectCopier, pages: PDFPage[], partRef: PDFRef, title: string | undefined, atStart: boolean) {
    const sctx = src.context;
    const lookup: Lookup = (o) => sctx.lookup(o);
    const copy = (o: PDFObject) => copier.copy(o);
    // The kids of the source root become the kids of this source's Part.
    const k = srcRoot.get(N('K'));
    const copiedK = k ? copier.copy(k) : undefined;
    const kids = copiedK instanceof PDFArray ? copiedK.asArray() : copiedK ? [copiedK] : [];
    this.addPart(partRef, kids, title, atStart);
    this.mergeStructure(lookup, srcRoot, pages, copy);
  }

  /** The Part of one source under the pack's Document, holding the source root's kids (their /P set to it). */
  private addPart(partRef: PDFRef, kidsList: PDFObject[], title: string | undefined, atStart: boolean) {
    const dest = this.context;
    const kids: PDFObject[] = [];
    for (const kid of kidsList) {
      const el = dest.lookup(kid);
      if (!(el instanceof PDFDict)) continue;
      el.set(N('P'), partRef);
      // Chromium's root element is a Document; inside the pack's Document it becomes a division of it.
      if (el.get(N('S')) === N('Document')) el.set(N('S'), N('Sect'));
      kids.push(kid);
    }
    const part = dest.obj({ Type: 'StructElem', S: 'Part', P: this.documentRef, K: kids });
    if (title) part.set(N('T'), PDFHexString.fromText(title));
    dest.assign(partRef, part);
    if (atStart) this.parts.splice(this.startParts++, 0, partRef);
    else this.parts.push(partRef);
  }

  /**
   * A source's ParentTree entries (keys shifted past those used so far, values copied by `copy`), the
   * /StructParent(s) of its pages, annotations and XObjects shifted alike, and its RoleMap, ClassMap and
   * IDTree entries. Returns the references of the tree nodes read (no longer needed in the pack).
   */
  private mergeStructure(lookup: Lookup, srcRoot: PDFDict, pages: PDFPage[], copy: (o: PDFObject) => PDFObject): PDFRef[] {
    const dest = this.context;
    const offset = this.nextKey;
    const nodes: PDFRef[] = [];
    let maxKey = -1;
    for (const [key, value] of treeEntries(lookup, srcRoot.get(N('ParentTree')), 'Nums', nodes)) {
      const n = numberOf(key);
      if (n === undefined) continue;
      this.parentTree.push([n + offset, copy(value)]);
      maxKey = Math.max(maxKey, n);
    }
    const next = numberOf(lookup(srcRoot.get(N('ParentTreeNextKey'))));
    this.nextKey = offset + Math.max(maxKey + 1, next ?? 0);

    const shift = (d: PDFDict, key: string) => {
      const v = numberOf(dest.lookup(d.get(N(key))));
      if (v !== undefined) d.set(N(key), PDFNumber.of(v + offset));
    };
    const shifted = new Set<PDFDict>();
    for (const page of pages) {
      shift(page.node, 'StructParents');
      const annots = dest.lookup(page.node.get(N('Annots')));
      if (annots instanceof PDFArray) {
        for (const a of annots.asArray()) {
          const ad = dest.lookup(a);
          if (ad instanceof PDFDict && !shifted.has(ad)) {
            shifted.add(ad);
            shift(ad, 'StructParent');
          }
        }
      }
      const res = dest.lookup(page.node.get(N('Resources')));
      const xo = res instanceof PDFDict ? dest.lookup(res.get(N('XObject'))) : undefined;
      if (xo instanceof PDFDict) {
        for (const v of xo.values()) {
          const x = dest.lookup(v);
          if (x instanceof PDFRawStream && !shifted.has(x.dict)) {
            shifted.add(x.dict);
            shift(x.dict, 'StructParents');
          }
        }
      }
    }

    const mergeDict = (into: Map<string, PDFObject>, from: PDFObject | undefined) => {
      const d = lookup(from);
      if (from instanceof PDFRef) nodes.push(from);
      if (!(d instanceof PDFDict)) return;
      for (const [key, v] of d.entries()) if (!into.has(key.decodeText())) into.set(key.decodeText(), copy(v));
    };
    mergeDict(this.roleMap, srcRoot.get(N('RoleMap')));
    mergeDict(this.classMap, srcRoot.get(N('ClassMap')));
    for (const [key, v] of treeEntries(lookup, srcRoot.get(N('IDTree')), 'Names', nodes)) {
      const id = key instanceof PDFHexString || 'decodeText' in key ? (key as PDFHexString).decodeText() : String(key);
      if (!this.ids.has(id)) this.ids.set(id, copy(v));
    }
    return nodes;
  }

  /**
   * Appends every page of a PDF Chromium printed, as append() does, without parsing it whole: its objects
   * are written as bytes, numbered after everything so far (./pdf-writer.ts); the pages, the structure
   * root's kids, annotations, XObjects with structure and outline items are read and rewritten here.
   * `marked`: each page's content with untagged paint marked as artifacts (null: kept); `headings`: the
   * HTML's headings, to repair the outline titles.
   */
  appendPrinted(src: PrintedPdf, opts: { title?: string; atStart?: boolean; marked?: (Buffer | null)[]; headings?: string[] } = {}): Appended {
    const dest = this.context;
    const r = src.reader;
    const off = dest.largestObjectNumber;
    dest.largestObjectNumber = off + r.size;
    const skip = new Set<number>();
    const copy = (o: PDFObject) => shifted(o, off, dest);
    /** The source's object `ref` rewritten here (under its shifted number) instead of copied as bytes. */
    const take = (ref: PDFRef, obj: PDFObject): PDFRef => {
      const to = PDFRef.of(ref.objectNumber + off);
      dest.assign(to, obj);
      skip.add(ref.objectNumber);
      return to;
    };
    const drop = (o: PDFObject | undefined) => {
      if (o instanceof PDFRef) skip.add(o.objectNumber);
    };
    const catalog = r.dict(r.trailer.get(N('Root')));
    if (!catalog) throw new Error('no catalog');
    drop(r.trailer.get(N('Root')));
    drop(r.trailer.get(N('Info')));
    drop(catalog.get(N('Metadata')));

    // Content streams used by one page only (a page's marked content replaces its own).
    const uses = new Map<number, number>();
    for (const { dict } of src.pages) for (const c of contentsOf(dict)) if (c instanceof PDFRef) uses.set(c.objectNumber, (uses.get(c.objectNumber) ?? 0) + 1);

    const pages = src.pages.map(({ ref, dict }, i) => {
      const entries = new Map<PDFName, PDFObject>();
      for (const [k, v] of dict.entries()) if (k !== N('Parent')) entries.set(k, v);
      // Inherited attributes from the source's page tree, whose nodes are dropped.
      for (let parent = dict.get(N('Parent')), depth = 0; parent instanceof PDFRef && depth < 32; depth++) {
        drop(parent);
        const node = r.dict(parent);
        if (!node) break;
        for (const key of INHERITED) if (!entries.has(key) && node.has(key)) entries.set(key, node.get(key)!);
        parent = node.get(N('Parent'));
      }
      // Made direct: what drawing on the page, its size and the structure merge look up here.
      for (const key of ['Resources', 'MediaBox', 'CropBox', 'Annots']) {
        const v = entries.get(N(key));
        if (v instanceof PDFRef) entries.set(N(key), r.resolve(v)!);
      }
      const res = entries.get(N('Resources'));
      if (res instanceof PDFDict) {
        const own = res.clone();
        for (const key of ['Font', 'XObject']) {
          const v = own.get(N(key));
          if (v instanceof PDFRef) own.set(N(key), r.resolve(v)!);
        }
        entries.set(N('Resources'), own);
      }
      const marked = opts.marked?.[i];
      if (marked) for (const c of contentsOf(dict)) if (c instanceof PDFRef && uses.get(c.objectNumber) === 1) skip.add(c.objectNumber);
      const map = new Map<PDFName, PDFObject>();
      for (const [k, v] of entries) map.set(k, copy(v));
      if (marked) map.set(N('Contents'), dest.register(dest.stream(marked, { Filter: 'FlateDecode' })));
      const leaf = PDFPageLeaf.fromMapWithContext(map, dest);
      // Annotations (their /StructParent) and XObjects with structure (/StructParents) are renumbered
      // by the structure merge, so they are rewritten here.
      const annots = entries.get(N('Annots'));
      for (const a of annots instanceof PDFArray ? annots.asArray() : []) {
        const ad = a instanceof PDFRef && !skip.has(a.objectNumber) ? r.dict(a) : undefined;
        if (ad) take(a as PDFRef, copy(ad));
      }
      const xo = res instanceof PDFDict ? r.dict((entries.get(N('Resources')) as PDFDict).get(N('XObject'))) : undefined;
      for (const v of xo?.values() ?? []) {
        if (!(v instanceof PDFRef) || skip.has(v.objectNumber)) continue;
        const x = r.resolve(v);
        if (x instanceof PDFRawStream && x.dict.has(N('StructParents'))) take(v, copy(x));
      }
      const page = PDFPage.of(leaf, take(ref, leaf), this.doc);
      this.place(page, opts.atStart ?? false);
      return page;
    });

    const rootRef = catalog.get(N('StructTreeRoot'));
    const root = r.dict(rootRef);
    if (root) {
      drop(rootRef);
      const partRef = dest.nextRef();
      const k = root.get(N('K'));
      const kidsList = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
      const kids = kidsList.map((kid) => {
        const el = kid instanceof PDFRef ? r.dict(kid) : undefined;
        return el ? take(kid as PDFRef, copy(el)) : copy(kid);
      });
      this.addPart(partRef, kids, opts.title, opts.atStart ?? false);
      for (const node of this.mergeStructure((o) => r.resolve(o), root, pages, copy)) drop(node);
    }

    // The outline's items, read and rewritten (titles repaired; the top level is re-linked by setOutline).
    const outline: PDFRef[] = [];
    const outlines = catalog.get(N('Outlines'));
    drop(outlines);
    const items: { ref: PDFRef; dict: PDFDict }[] = [];
    const seen = new Set<number>();
    const walk = (first: PDFObject | undefined, depth: number, top: boolean) => {
      for (let ref = first; ref instanceof PDFRef && depth < 16 && items.length < 10_000 && !seen.has(ref.objectNumber); ) {
        seen.add(ref.objectNumber);
        const dict = r.dict(ref);
        if (!dict) break;
        items.push({ ref, dict });
        if (top) outline.push(PDFRef.of(ref.objectNumber + off));
        walk(dict.get(N('First')), depth + 1, false);
        ref = dict.get(N('Next'));
      }
    };
    walk(r.dict(outlines)?.get(N('First')), 0, true);
    const titles = opts.headings ? fixTitles(items.map((i) => titleOf(i.dict)), opts.headings) : null;
    items.forEach((item, i) => {
      const d = copy(item.dict) as PDFDict;
      if (titles) d.set(N('Title'), PDFHexString.fromText(titles[i]!));
      take(item.ref, d);
    });

    const bytes = shiftedBytes({ pdf: src.pdf, spans: src.spans, off, skip });
    bytes.catch(() => undefined); // awaited by save()
    this.copied.push(bytes);
    return { pages, outline };
  }

  /** The finished file: objects made or parsed here, then the printed PDFs' objects as bytes. */
  async save(objectsPerTick = 2000): Promise<Buffer> {
    await this.doc.flush();
    return writePdf(this.context, this.copied, objectsPerTick);
  }

  /** A page whose every mark is an artifact (blank pages, notes drawn by us). */
  addArtifactPage(width: number, height: number, atStart = false): PDFPage {
    const page = PDFPage.create(this.doc);
    page.setSize(width, height);
    this.place(page, atStart);
    return page;
  }

  /**
   * Draws `text` as a pagination artifact in the embedded Open Sans, centred (or at x), `y` points from
   * the bottom; `patch` first paints a white box under it (over an uploaded page's own footer).
   */
  async drawArtifactText(page: PDFPage, text: string, opts: { y: number; size: number; x?: number; color?: [number, number, number]; subtype?: 'Footer' | 'Header' | 'Watermark'; patch?: boolean }) {
    const donor = await fontDonor();
    if (!this.fontRef) this.fontRef = PDFObjectCopier.for(donor.doc.context, this.context).copy(donor.ref) as PDFRef;
    const chars = [...text].map((c) => (donor.codes.has(c) ? c : '?'));
    const hex = chars.map((c) => donor.codes.get(c)!).join('');
    const w = (chars.reduce((n, c) => n + donor.widths.get(c)!, 0) * opts.size) / 1000;
    const { width } = page.getSize();
    const x = opts.x ?? (width - w) / 2;
    const key = page.node.newFontDictionary('SptOpenSans', this.fontRef).asString();
    const f = (n: number) => (Math.round(n * 1000) / 1000).toString();
    const [r, g, b] = (opts.color ?? [0.043, 0.047, 0.047]).map(f);
    const ops = [
      this.isolate(page) ? 'Q' : '',
      `/Artifact <</Type /Pagination /Subtype /${opts.subtype ?? 'Footer'}>> BDC`,
      'q',
      opts.patch ? `1 1 1 rg ${f(x - 4)} ${f(opts.y - 4)} ${f(w + 8)} ${f(opts.size + 6)} re f` : '',
      `BT ${key} ${f(opts.size)} Tf ${r} ${g} ${b} rg 1 0 0 1 ${f(x)} ${f(opts.y)} Tm <${hex}> Tj ET`,
      'Q',
      'EMC',
      '',
    ].filter((l, i, all) => l || i === all.length - 1);
    const contents = page.node.get(N('Contents'));
    const list = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    page.node.set(N('Contents'), this.context.obj([...list, this.context.register(this.context.stream(ops.join('\n')))]));
  }

  /** Wraps a page's own content in q … Q once (the Q opens our first drawing), so its transforms do not move ours. */
  private readonly isolated = new Set<PDFPageLeaf>();
  private isolate(page: PDFPage): boolean {
    if (this.isolated.has(page.node)) return false;
    this.isolated.add(page.node);
    const contents = page.node.get(N('Contents'));
    if (!contents) return false;
    const list = contents instanceof PDFArray ? contents.asArray() : [contents];
    page.node.set(N('Contents'), this.context.obj([this.isolateRef, ...list]));
    return true;
  }

  /**
   * The outline: top-level entries, each either new (a title, a page and optional copied children) or an
   * item copied from a source (kept with its own children).
   */
  setOutline(entries: ({ title: string; page: PDFPage; children?: PDFRef[] } | { ref: PDFRef })[]) {
    const ctx = this.context;
    if (!entries.length) return;
    const rootRef = ctx.nextRef();
    const refs = entries.map((e) => ('ref' in e ? e.ref : ctx.nextRef()));
    const link = (list: PDFRef[], parent: PDFRef) =>
      list.forEach((r, j) => {
        const d = ctx.lookup(r, PDFDict);
        d.set(N('Parent'), parent);
        if (j === 0) d.delete(N('Prev'));
        else d.set(N('Prev'), list[j - 1]!);
        if (j === list.length - 1) d.delete(N('Next'));
        else d.set(N('Next'), list[j + 1]!);
      });
    entries.forEach((e, i) => {
      if ('ref' in e) return;
      const item = ctx.obj({}) as PDFDict;
      item.set(N('Title'), PDFHexString.fromText(e.title));
      item.set(N('Dest'), ctx.obj([e.page.ref, 'XYZ', null, null, null]));
      const kids = e.children ?? [];
      if (kids.length) {
        link(kids, refs[i]!);
        item.set(N('First'), kids[0]!);
        item.set(N('Last'), kids[kids.length - 1]!);
        item.set(N('Count'), PDFNumber.of(-kids.length)); // closed: the pack's own entries first
      }
      ctx.assign(refs[i]!, item);
    });
    link(refs, rootRef);
    ctx.assign(rootRef, ctx.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[refs.length - 1]!, Count: refs.length }));
    this.doc.catalog.set(N('Outlines'), rootRef);
    this.doc.catalog.set(N('PageMode'), N('UseOutlines'));
  }

  /** Writes the StructTreeRoot (Document → Parts), its ParentTree, RoleMap, ClassMap and IDTree. */
  finishStructure(lang = 'en-GB') {
    const ctx = this.context;
    const document = ctx.obj({ Type: 'StructElem', S: 'Document', P: this.rootRef, K: this.parts });
    document.set(N('Lang'), PDFHexString.fromText(lang));
    ctx.assign(this.documentRef, document);
    const nums: PDFObject[] = [];
    for (const [k, v] of this.parentTree.sort((a, b) => a[0] - b[0])) nums.push(PDFNumber.of(k), v);
    const root = ctx.obj({ Type: 'StructTreeRoot', K: this.documentRef, ParentTree: ctx.register(ctx.obj({ Nums: nums })), ParentTreeNextKey: this.nextKey });
    const asDict = (m: Map<string, PDFObject>) => {
      const d = ctx.obj({}) as PDFDict;
      for (const [k, v] of m) d.set(N(k), v);
      return d;
    };
    if (this.roleMap.size) root.set(N('RoleMap'), asDict(this.roleMap));
    if (this.classMap.size) root.set(N('ClassMap'), asDict(this.classMap));
    if (this.ids.size) {
      const names: PDFObject[] = [];
      for (const [k, v] of [...this.ids].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) names.push(PDFHexString.fromText(k), v);
      root.set(N('IDTree'), ctx.register(ctx.obj({ Names: names })));
    }
    ctx.assign(this.rootRef, root);
    this.doc.catalog.set(N('StructTreeRoot'), this.rootRef);
    this.doc.catalog.set(N('MarkInfo'), ctx.obj({ Marked: true }));
  }
}
