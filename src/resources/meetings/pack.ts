// The scrutiny meeting pack: front page and agenda, then each item's document. Each generated document
// is printed ONCE, tagged, on its own (cached by its HTML); uploaded PDFs are kept as they are; the
// agenda, whose "(Pages a - b)" come from those real page counts, is printed last; then the pack is
// assembled page by page with every source's structure tree merged under one root (./pdf-merge.ts), page
// numbers and blank pages added as artifacts, an outline built from the items, and the accessibility
// entries every PDF of ours carries (./pdf-accessibility.ts). A stored upload that cannot be read or
// merged is replaced by a note page saying so, and flagged in the pack's JSON: the rest of the pack works.
import { createHash } from 'node:crypto';
import { PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import { londonDate, longDate, ukDate } from '../../domain/dates.js';
import { frontMatterPadding, pagesLabel, placeDocuments, type PlacedPart } from '../../domain/page-ranges.js';
import { renderMarkdown } from '../../render/markdown.js';
import { countPdfPages } from '../../render/pdf-pages.js';
import type { AgendaItem } from './schemas.js';
import type { MeetingRow } from '../../db/repos/meetings.js';
import { agendaEntries, agendaPart, highlightReportIds, withUnpublishedLeftOut } from './agenda.js';
import { ChangesPageDocuments } from '../changes/changes-page.js';
import { buildReviewNoteView } from '../reviews/review-note-view.js';
import type { DocumentContext } from '../document-context.js';
import type { HighlightReportDocuments } from '../highlight-reports/highlight-report.js';
import {
  OBJECTS_PER_TICK,
  headingsOf,
  artifactContents,
  readAccessibility,
  repairOutline,
  setDocumentEntries,
  setPageContents,
  setPageLabels,
  type UploadAccessibility,
} from '../../documents/pdf-accessibility.js';
import { TaggedPdfBuilder, fontDonor } from '../../documents/pdf-merge.js';
import { PrintedPdf } from '../../documents/pdf-printed.js';
import type { ProgressReportDocuments } from '../plans/progress-report.js';

type Orientation = 'portrait' | 'landscape';

interface HtmlDoc {
  kind: 'html';
  item: AgendaItem;
  body: string;
  orientation: Orientation;
  cssClass: string;
  headerText: string;
}

interface UploadDoc {
  kind: 'upload';
  item: AgendaItem;
  uploadId: string;
}

type PackDoc = HtmlDoc | UploadDoc;

/** A document built for the pack, and its print when it is printed by us. */
type Started = { doc: PackDoc; html: string | null; printing: Promise<Prepared> | null };

/**
 * The order documents are built (and so start printing) in: the likely longest first — a highlight report
 * (its Gantt, registers and tasks), then a progress report, then the rest — so the longest print, which
 * decides when the agenda can print, starts first.
 */
const BUILD_RANK: Record<string, number> = { 'highlight-report': 0, 'progress-report': 1 };
const buildRank = (item: AgendaItem) => (item.document ? (BUILD_RANK[item.document.type] ?? 2) : 3);

/** One item's pages as they go into the pack: printed by us, or an upload as it was supplied. */
type Piece =
  | { kind: 'printed'; doc: PackDoc; html: string; pdf: Buffer; pages: number; orientation: Orientation; problem: string | null; accessibility: UploadAccessibility | null; src?: Promise<PrintedSource> }
  | { kind: 'upload'; doc: UploadDoc; bytes: Buffer; pages: number; sizes: { width: number; height: number }[]; accessibility: UploadAccessibility; src?: PDFDocument };
// (src: the PDF opened (or being opened) during this request, when it was printed or checked just now.)

/** A PDF we printed, as the merge reads it: copied as bytes (as Chromium writes it), or parsed by pdf-lib. */
type PrintedSource = PrintedPdf | PDFDocument;

interface UploadCheck {
  ok: boolean;
  pages: number;
  sizes: { width: number; height: number }[];
  accessibility: UploadAccessibility | null;
  problem: string | null;
}

/** publishedOnly: the public's pack — highlight reports that are not published are left out with a note. */
export interface PackOptions {
  publishedOnly?: boolean;
}

export interface PackItemRange {
  number: number;
  title: string;
  firstPage: number | null;
  lastPage: number | null;
  /** For an uploaded document: how far it serves a screen-reader user (null if it could not be read). */
  accessibility?: UploadAccessibility | null;
  /** Set when the item's document could not be included (the pack carries a note page instead). */
  problem?: string | null;
}

export interface BuiltPack {
  pdf: Buffer;
  items: PackItemRange[];
  pages: number;
}

const SECTION_HEADINGS: Record<string, string> = { discussion: 'DISCUSSION ITEMS', information: 'INFORMATION' };
const PAD_TEXT = 'This page is intentionally left blank';
const A4 = { width: 595.28, height: 841.89 };
/** Printed documents kept for the next request (published documents never change), at most this many bytes. */
const PRINT_CACHE_BYTES = 96 * 1024 * 1024;
/** Packs kept as built, by the content they were built from (a repeated request costs no assembly). */
const BUILT_CACHE_PACKS = 4;

interface PrintEntry {
  pdf: Buffer;
  pages: number;
  /** Each page's content with untagged paint marked as artifacts (null: unchanged). */
  marked: (Buffer | null)[];
}
type Prepared = { pdf: Buffer; pages: number; src?: Promise<PrintedSource> };
const entrySize = (e: PrintEntry) => e.pdf.length + e.marked.reduce((n, m) => n + (m?.length ?? 0), 0);

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function meetingDate(startsAt: string) {
  const d = new Date(startsAt);
  const isoDate = londonDate(d);
  const dateLong = longDate(isoDate);
  const parts = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { dateLong, time: `${get('hour')}.${get('minute')} ${get('dayPeriod').toLowerCase().replace(/\./g, '')}`, isoDate };
}

export class PackDocuments {
  private readonly printed = new Map<string, PrintEntry>();
  private printedBytes = 0;
  private readonly printing = new Map<string, Promise<Prepared>>();
  private readonly uploadChecks = new Map<string, UploadCheck>();
  private readonly built = new Map<string, { pdf: Buffer; pages: number }>();

  constructor(
    private readonly ctx: DocumentContext,
    private readonly highlightReports: HighlightReportDocuments,
    private readonly progressReports: ProgressReportDocuments,
  ) {}

  /** Page ranges of the pack's items (Part 1, or Part 2 for the exempt pack). */
  async ranges(meetingId: string, part: 1 | 2 = 1): Promise<PackItemRange[]> {
    return (await this.outline(meetingId, part)).items;
  }

  /** The ranges plus the number of unnumbered front pages (to link to a PDF page: front + firstPage). */
  async outline(meetingId: string, part: 1 | 2 = 1, opts: PackOptions = {}): Promise<{ items: PackItemRange[]; frontPages: number; pages: number }> {
    const { items, front, placed } = await this.layout(meetingId, part, opts);
    const { pages } = await front.printed;
    const frontPages = pages + frontMatterPadding(pages);
    return { items, frontPages, pages: frontPages + placed.reduce((n, p) => n + (p.lastPage - p.firstPage + 1), 0) };
  }

  /**
   * The whole pack as ONE HTML document (uploads as empty placeholder pages, CSS page numbers): what
   * printing the same documents in a single Chromium pass costs, the benchmark's baseline.
   */
  async html(meetingId: string, part: 1 | 2 = 1, opts: PackOptions = {}): Promise<string> {
    const { pieces, placed, context, front } = await this.layout(meetingId, part, opts);
    const frontPad = frontMatterPadding((await front.printed).pages) === 1;
    const docs = pieces.map((p, i) => ({ ...this.templateDoc(p, i), padded: placed[i]!.padded }));
    return this.ctx.templates.render('pack/document', { ...context, cssPageNumbers: true, frontPad, docs });
  }

  async build(meetingId: string, part: 1 | 2 = 1, opts: PackOptions = {}): Promise<BuiltPack> {
    try {
      return await this.assemble(meetingId, part, opts);
    } catch (err) {
      // A page count read from the bytes that the opened PDF contradicts (see printFresh): laid out again
      // with the real counts, now cached.
      if (!(err instanceof PageCountMismatch)) throw err;
      return this.assemble(meetingId, part, opts);
    }
  }

  private async assemble(meetingId: string, part: 1 | 2, opts: PackOptions): Promise<BuiltPack> {
    const { meeting, pieces, placed, items, front } = await this.layout(meetingId, part, opts);
    const key = createHash('sha256')
      .update(JSON.stringify([part, front.html, pieces.map((p) => (p.kind === 'upload' ? p.doc.uploadId : p.html))]))
      .digest('hex');
    const hit = this.built.get(key);
    if (hit) return { pdf: hit.pdf, items, pages: hit.pages };

    const b = await TaggedPdfBuilder.create();
    const outline: Parameters<TaggedPdfBuilder['setOutline']>[0] = [];
    // The documents first (the front matter may still be printing), then the front matter before them.
    for (const [i, piece] of pieces.entries()) {
      const p = placed[i]!;
      const label = `Agenda Item ${piece.doc.item.number}: ${piece.doc.item.title}`;
      let pages: PDFPage[];
      if (piece.kind === 'printed') {
        const appended = await this.appendPrinted(b, await this.opened(piece), piece.html, label);
        pages = appended.pages;
        outline.push(...appended.outline.map((ref) => ({ ref })));
        if (!appended.outline.length) outline.push({ title: label, page: pages[0]! });
      } else {
        const appended = b.append(piece.src ?? (await this.load(piece.bytes)), label);
        pages = appended.pages;
        outline.push({ title: label, page: pages[0]!, children: appended.outline });
      }
      for (const [k, page] of pages.entries()) {
        await b.drawArtifactText(page, `Page ${p.firstPage + k}`, { y: 16, size: 9, patch: piece.kind === 'upload' });
      }
      if (p.padded) {
        const last = pages[pages.length - 1]!.getSize();
        await this.padPage(b, last.width > last.height ? { width: A4.height, height: A4.width } : A4, p.lastPage);
      }
    }
    const printedFront = await front.printed;
    const fronted = await this.appendPrinted(b, await this.opened(printedFront), front.html, 'Front page and agenda', true);
    const frontPad = frontMatterPadding(printedFront.pages) === 1;
    if (frontPad) await this.padPage(b, A4, null, true);

    b.setOutline([...fronted.outline.map((ref) => ({ ref })), ...outline] as never);
    b.finishStructure();
    const frontPages = printedFront.pages + (frontPad ? 1 : 0);
    setPageLabels(b.doc, [{ start: 0, style: 'r' }, { start: frontPages, style: 'D' }]);
    const title = `${meeting.committee} – ${meetingDate(meeting.startsAt).dateLong}${part === 2 ? ' – exempt items' : ''}`;
    setDocumentEntries(b.doc, {
      title,
      author: meeting.council ?? (meeting.contact as { name?: string } | null)?.name ?? 'SEND plan tracker',
      subject: 'Agenda pack',
      lang: 'en-GB',
    });
    const pdf = await b.save(OBJECTS_PER_TICK);
    const built = { pdf, pages: b.doc.getPageCount() };
    if (this.built.size >= BUILT_CACHE_PACKS) this.built.delete(this.built.keys().next().value!);
    this.built.set(key, built);
    return { ...built, items };
  }

  /** A printed PDF opened, its page count checked against the one the layout used. */
  private async opened(p: { pdf: Buffer; pages: number; src?: Promise<PrintedSource> }): Promise<PrintedSource> {
    const src = (await p.src) ?? (await this.openPrinted(p.pdf));
    if (pageCountOf(src) !== p.pages) throw new PageCountMismatch();
    return src;
  }

  private async openPrinted(pdf: Buffer): Promise<PrintedSource> {
    return (await PrintedPdf.open(pdf)) ?? (await this.load(pdf));
  }

  private load(bytes: Uint8Array) {
    return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: OBJECTS_PER_TICK });
  }

  /** A blank page: its words and its number are artifacts (nothing on it is content). */
  private async padPage(b: TaggedPdfBuilder, size: { width: number; height: number }, pageNumber: number | null, atStart = false) {
    const page = b.addArtifactPage(size.width, size.height, atStart);
    await b.drawArtifactText(page, PAD_TEXT, { y: size.height / 2, size: 12, color: [0.314, 0.353, 0.373], subtype: 'Watermark' });
    if (pageNumber !== null) await b.drawArtifactText(page, `Page ${pageNumber}`, { y: 16, size: 9 });
  }

  private async layout(meetingId: string, part: 1 | 2, opts: PackOptions = {}) {
    void fontDonor().catch(() => undefined); // parsed while Chromium prints, not after
    const meeting = await this.ctx.repos.meetings.mustGet(meetingId);
    const partItems = agendaPart(meeting.items, part);
    const published = new Set<string>();
    if (opts.publishedOnly) for (const id of highlightReportIds(partItems)) if ((await this.ctx.repos.highlightReports.get(id))?.state === 'published') published.add(id);
    const agendaItems = opts.publishedOnly ? withUnpublishedLeftOut(partItems, (id) => published.has(id)) : partItems;
    const when = meetingDate(meeting.startsAt);
    const base = this.baseContext(meeting, part);
    // Each document printed once, on its own, as soon as its HTML is ready, while the next is built (the
    // renderer queues beyond its slots); the likely longest built first (see BUILD_RANK).
    const built = new Map<AgendaItem, Started>();
    for (const item of [...agendaItems].sort((a, b) => buildRank(a) - buildRank(b))) {
      const doc = await this.documentFor(item, when.isoDate, meeting);
      if (!doc) continue;
      const html = doc.kind === 'html' ? this.measureHtml(base, doc) : null;
      const printing = html === null ? null : this.printPrepared(html);
      printing?.catch(() => undefined);
      built.set(item, { doc, html, printing });
    }
    // Uploads read (and test-merged) once.
    const pieces = await this.pieces(
      agendaItems.flatMap((i) => built.get(i) ?? []),
      base,
    );
    const placed = placeDocuments(pieces.map((p, i) => ({ key: i, pages: p.pages })));
    const rangeByNumber = new Map(pieces.map((p, i) => [p.doc.item.number, { placed: placed[i]!, piece: p }]));
    const items: PackItemRange[] = agendaItems.map((i) => {
      const r = rangeByNumber.get(i.number);
      const range: PackItemRange = { number: i.number, title: i.title, firstPage: r?.placed.firstPage ?? null, lastPage: r?.placed.lastPage ?? null };
      if (r?.piece.doc.kind === 'upload') {
        range.accessibility = r.piece.accessibility;
        range.problem = r.piece.kind === 'printed' ? r.piece.problem : null;
      }
      return range;
    });
    // The front page and agenda, printed now that the documents' ranges are known (build() assembles
    // the documents meanwhile).
    const context = { ...base, agenda: this.agendaRows(agendaItems, pieces, placed) };
    const frontHtml = this.ctx.templates.render('pack/document', { ...context, docs: [] });
    const printed = this.printPrepared(frontHtml);
    printed.catch(() => undefined);
    return { meeting, pieces, placed, items, front: { html: frontHtml, printed }, context };
  }

  /** One document's HTML as printed on its own (to be placed in the pack). */
  private measureHtml(base: ReturnType<PackDocuments['baseContext']>, d: HtmlDoc): string {
    return this.ctx.templates.render('pack/document', { ...base, measureOnly: true, docs: [this.htmlTemplateDoc(d, d.item.number)] });
  }

  private async pieces(started: Started[], base: ReturnType<PackDocuments['baseContext']>): Promise<Piece[]> {
    const docs = started.map((s) => s.doc);
    const htmls = started.map((s) => s.html);
    // Printing has started; the uploads are read in this process meanwhile.
    const printing = started.map((s) => s.printing);
    const checks: ({ check: UploadCheck; doc?: PDFDocument } | null)[] = [];
    for (const d of docs) checks.push(d.kind === 'upload' ? await this.checkUpload(d.uploadId) : null);
    // A stored upload that cannot be read or merged: a note page in its place.
    const notes = docs.map((d, i): HtmlDoc | null => {
      const c = checks[i];
      if (d.kind !== 'upload' || !c || c.check.ok) return null;
      return {
        kind: 'html',
        item: d.item,
        orientation: 'portrait',
        cssClass: 'minutes not-included',
        headerText: d.item.title,
        body: `<p class="not-included"><strong>This document could not be included:</strong> ${escapeHtml(c.check.problem ?? 'it could not be read.')}</p><p>Please ask the clerk for a copy.</p>`,
      };
    });
    notes.forEach((n, i) => {
      if (n) printing[i] = this.printPrepared((htmls[i] = this.measureHtml(base, n)));
    });
    const printed = await Promise.all(docs.map((_, i) => printing[i] ?? null));
    return Promise.all(docs.map(async (d, i): Promise<Piece> => {
      const c = checks[i];
      if (d.kind === 'upload' && c?.check.ok) {
        const { pages, sizes, accessibility } = c.check;
        return { kind: 'upload', doc: d, bytes: (await this.ctx.repos.uploads.bytes(d.uploadId)), pages, sizes, accessibility: accessibility!, src: c.doc };
      }
      const p = printed[i]!;
      return {
        kind: 'printed',
        doc: d,
        html: htmls[i]!,
        pdf: p.pdf,
        pages: p.pages,
        orientation: notes[i]?.orientation ?? (d as HtmlDoc).orientation,
        problem: c?.check.problem ?? null,
        accessibility: c?.check.accessibility ?? null,
        src: p.src,
      };
    }));
  }

  /** Reads a stored upload and merges it into a scratch PDF once: a file that fails either is left out. */
  private async checkUpload(uploadId: string): Promise<{ check: UploadCheck; doc?: PDFDocument }> {
    const hit = this.uploadChecks.get(uploadId);
    if (hit) return { check: hit };
    let check: UploadCheck;
    let doc: PDFDocument | undefined;
    try {
      doc = await this.load(await this.ctx.repos.uploads.bytes(uploadId));
      const pages = doc.getPages();
      if (!pages.length) throw new Error('no pages');
      const sizes = pages.map((p) => {
        const { width, height } = p.getSize();
        const rotated = p.getRotation().angle % 180 !== 0;
        return rotated ? { width: height, height: width } : { width, height };
      });
      const accessibility = readAccessibility(doc);
      (await TaggedPdfBuilder.create()).append(doc);
      check = { ok: true, pages: pages.length, sizes, accessibility, problem: null };
    } catch {
      check = {
        ok: false,
        pages: 0,
        sizes: [],
        accessibility: null,
        problem: doc ? 'the uploaded PDF could not be combined with the pack (its internal structure is damaged).' : 'the uploaded PDF could not be read (it may be damaged).',
      };
      doc = undefined;
    }
    if (this.uploadChecks.size > 500) this.uploadChecks.delete(this.uploadChecks.keys().next().value!);
    this.uploadChecks.set(uploadId, check);
    return { check, doc };
  }

  /**
   * Chromium's tagged PDF of the HTML, printed once and kept (bounded by bytes) for the next request.
   * A fresh print is opened at once, while other documents are still printing, and its untagged paint
   * marked as artifacts (kept with it); the opened PDF goes to this request's build.
   */
  private async printPrepared(html: string): Promise<Prepared> {
    const key = createHash('sha256').update(html).digest('hex');
    const hit = this.printed.get(key);
    if (hit) {
      this.printed.delete(key);
      this.printed.set(key, hit);
      return { pdf: hit.pdf, pages: hit.pages };
    }
    // Two requests for the same document while it prints share the one print.
    const pending = this.printing.get(key);
    if (pending) return pending;
    const job = this.printFresh(key, html);
    this.printing.set(key, job);
    // Shared until opened and cached.
    void job
      .then((p) => p.src)
      .catch(() => undefined)
      .finally(() => this.printing.delete(key));
    return job;
  }

  private async printFresh(key: string, html: string): Promise<Prepared> {
    const pdf = await this.ctx.renderer.pdf(html);
    const src = (async () => {
      // After the caller has its page count: the agenda, waiting for the last count, starts printing first.
      await new Promise(setImmediate);
      const doc = await this.openPrinted(pdf);
      const marked = doc instanceof PrintedPdf ? await doc.markedContents() : doc.getPages().map((p) => artifactContents(p));
      const entry = { pdf, pages: pageCountOf(doc), marked };
      this.printed.set(key, entry);
      this.printedBytes += entrySize(entry);
      for (const [k, v] of this.printed) {
        if (this.printedBytes <= PRINT_CACHE_BYTES || k === key) break;
        this.printed.delete(k);
        this.printedBytes -= entrySize(v);
      }
      return doc;
    })();
    src.catch(() => undefined);
    // The count read from Chromium's bytes at once, so the agenda (waiting for the last count) prints
    // while this PDF is opened; opened() checks it. Not understood (0): wait for the opening.
    const counted = countPdfPages(pdf);
    return { pdf, pages: counted > 0 ? counted : pageCountOf(await src), src };
  }

  /**
   * Pages printed by Chromium, copied in, with their untagged paint (running headers, backgrounds) marked
   * as artifacts (computed when printed), and outline titles repaired from the HTML's headings.
   */
  private async appendPrinted(b: TaggedPdfBuilder, src: PrintedSource, html: string, title: string, atStart = false) {
    const marked = this.printed.get(createHash('sha256').update(html).digest('hex'))?.marked;
    if (src instanceof PrintedPdf) return b.appendPrinted(src, { title, atStart, marked: marked ?? (await src.markedContents()), headings: headingsOf(html) });
    repairOutline(src, headingsOf(html));
    const appended = b.append(src, title, atStart);
    appended.pages.forEach((p, i) => {
      const m = marked ? marked[i] : artifactContents(p);
      if (m) setPageContents(p, m);
    });
    return appended;
  }

  private baseContext(meeting: MeetingRow, part: 1 | 2) {
    const when = meetingDate(meeting.startsAt);
    return {
      council: meeting.council,
      committee: meeting.committee,
      dateLong: when.dateLong,
      time: when.time,
      isPublic: meeting.isPublic,
      meetingType: meeting.meetingType,
      venue: meeting.venue,
      members: meeting.members,
      contact: meeting.contact,
      exempt: part === 2,
      partHeading: part === 1 ? 'PART 1 – Items open to all attendees' : 'PART 2 – Items not open to the public and press (exempt information)',
      packLabel: `${meeting.committee} – ${when.dateLong}`,
    };
  }

  private agendaRows(items: AgendaItem[], pieces: Piece[], placed: PlacedPart<number>[]) {
    const byNumber = new Map(pieces.map((d, i) => [d.doc.item.number, placed[i]!]));
    return agendaEntries(items, SECTION_HEADINGS).map(({ item, ...entry }) => {
      const p = byNumber.get(item.number);
      return { ...entry, pages: p ? pagesLabel(p.firstPage, p.lastPage) : null };
    });
  }

  private htmlTemplateDoc(d: HtmlDoc, index: number) {
    return {
      kind: 'html',
      itemLabel: `Agenda Item ${d.item.number}: ${d.item.title}`,
      pageName: `item-${index}`,
      orientation: d.orientation,
      cssClass: d.cssClass,
      headerText: d.headerText,
      body: this.ctx.templates.trusted(d.body),
    };
  }

  private templateDoc(p: Piece, index: number) {
    if (p.kind === 'upload') {
      return {
        kind: 'upload',
        itemLabel: `Agenda Item ${p.doc.item.number}: ${p.doc.item.title}`,
        placeholders: p.sizes.map((s, n) => ({ pageName: `upl-${index}-${n}`, width: s.width, height: s.height })),
      };
    }
    // A printed piece's HTML holds the document; re-render its template doc for the single-pass HTML.
    const d = p.doc.kind === 'html' ? p.doc : null;
    if (d) return this.htmlTemplateDoc(d, index);
    return { kind: 'html', itemLabel: `Agenda Item ${p.doc.item.number}: ${p.doc.item.title}`, pageName: `item-${index}`, orientation: 'portrait', cssClass: 'minutes', headerText: p.doc.item.title, body: '' };
  }

  private async documentFor(item: AgendaItem, meetingDay: string, meeting: MeetingRow): Promise<PackDoc | null> {
    const d = item.document;
    if (!d) return null;
    const t = this.ctx.templates;
    switch (d.type) {
      case 'highlight-report': {
        const view = await this.highlightReports.view(d.id);
        return {
          kind: 'html',
          item,
          orientation: 'landscape',
          cssClass: 'hr-doc',
          headerText: `${view.project.name} (${view.project.code}) – Highlight Report – ${ukDate(view.report.reportDate)}`,
          body: t.render('highlight-report/body', { ...view, headingOffset: 1 }),
        };
      }
      case 'progress-report': {
        const view = await this.progressReports.view(d.planId, d.asOf ?? meetingDay);
        return {
          kind: 'html',
          item,
          orientation: 'portrait',
          cssClass: 'pr-doc',
          headerText: `${view.plan.title} – progress update`,
          body: t.render('progress-report/body', { ...view, headingOffset: 1 }),
        };
      }
      case 'minutes':
        return { kind: 'html', item, orientation: 'portrait', cssClass: 'minutes', headerText: item.title, body: renderMarkdown(d.text, 1) };
      case 'upload':
        return { kind: 'upload', item, uploadId: d.id };
      case 'review': {
        const view = await buildReviewNoteView(this.ctx.repos, await this.ctx.services.reviews.get(d.id), this.ctx.now());
        return { kind: 'html', item, orientation: 'portrait', cssClass: 'rn-doc', headerText: view.review.title, body: t.render('review-note/body', { ...view, headingOffset: 1 }) };
      }
      case 'changes': {
        const view = await new ChangesPageDocuments(this.ctx).forMeeting(meeting, d.planId, d.since);
        return { kind: 'html', item, orientation: 'portrait', cssClass: 'ch-doc', headerText: 'What changed since last time', body: t.render('changes/body', { ...view, headingOffset: 1 }) };
      }
    }
  }
}

/** See build(). */
class PageCountMismatch extends Error {}

const pageCountOf = (src: PrintedSource) => (src instanceof PrintedPdf ? src.pageCount : src.getPageCount());

export { PAD_TEXT };
