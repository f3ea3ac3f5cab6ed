// Assembles one tagged PDF from whole PDFs, page by page, keeping each one's structure tree: pdf-lib's
// copyPages drops the StructTreeRoot, so the tree is carried here with the same object copier as the
// pages (so /Pg, MCR and OBJR entries point at the new pages), under one StructTreeRoot whose Document
// element holds a Part per source; ParentTree keys and the pages' /StructParents are renumbered, RoleMap,
// ClassMap and IDTree entries kept. Furniture added here (page numbers, blank pages) is /Artifact, in an
// embedded, subset Open Sans (./furniture-font.json).
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

/** Entries of a number tree (ParentTree) or name tree (IDTree), bounded against cycles. */
function treeEntries(context: PDFContext, node: PDFObject | undefined, leafKey: 'Nums' | 'Names', out: [PDFObject, PDFObject][] = [], seen = new Set<PDFDict>()): [PDFObject, PDFObject][] {
  const d = context.lookup(node);
  if (!(d instanceof PDFDict) || seen.has(d) || seen.size > 10_000) return out;
  seen.add(d);
  const leaf = context.lookup(d.get(N(leafKey)));
  if (leaf instanceof PDFArray) for (let i = 0; i + 1 < leaf.size(); i += 2) out.push([leaf.get(i), leaf.get(i + 1)]);
  const kids = context.lookup(d.get(N('Kids')));
  if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) treeEntries(context, kids.get(i), leafKey, out, seen);
  return out;
}

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
    const dest = this.context;
    const sctx = src.context;
    const offset = this.nextKey;
    // The kids of the source root become the kids of this source's Part.
    const k = srcRoot.get(N('K'));
    const copiedK = k ? copier.copy(k) : undefined;
    const kidsList = copiedK instanceof PDFArray ? copiedK.asArray() : copiedK ? [copiedK] : [];
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

    let maxKey = -1;
    for (const [key, value] of treeEntries(sctx, srcRoot.get(N('ParentTree')), 'Nums')) {
      const n = numberOf(key);
      if (n === undefined) continue;
      this.parentTree.push([n + offset, copier.copy(value)]);
      maxKey = Math.max(maxKey, n);
    }
    const next = numberOf(sctx.lookup(srcRoot.get(N('ParentTreeNextKey'))));
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
      const d = sctx.lookup(from);
      if (!(d instanceof PDFDict)) return;
      for (const [key, v] of d.entries()) if (!into.has(key.decodeText())) into.set(key.decodeText(), copier.copy(v));
    };
    mergeDict(this.roleMap, srcRoot.get(N('RoleMap')));
    mergeDict(this.classMap, srcRoot.get(N('ClassMap')));
    for (const [key, v] of treeEntries(sctx, srcRoot.get(N('IDTree')), 'Names')) {
      const id = key instanceof PDFHexString || 'decodeText' in key ? (key as PDFHexString).decodeText() : String(key);
      if (!this.ids.has(id)) this.ids.set(id, copier.copy(v));
    }
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
