// The scrutiny meeting pack: front page and agenda, then each item's document. Our own documents are
// printed in ONE Chromium pass (so the whole pack stays tagged, with an outline entry per item and page
// numbers from CSS margin boxes); uploaded PDFs are drawn onto placeholder pages afterwards with pdf-lib.
// Page ranges come first: each generated document is measured alone (cached by its HTML), then placed.
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { londonDate } from '../domain/dates.js';
import { frontMatterPadding, pagesLabel, placeDocuments, type PlacedPart } from '../domain/page-ranges.js';
import { renderMarkdown } from '../render/markdown.js';
import { countPdfPages } from '../render/pdf-pages.js';
import type { AgendaItem } from '../resources/meetings/schemas.js';
import type { MeetingRow } from '../resources/meetings/repo.js';
import { agendaEntries, agendaPart, withUnpublishedLeftOut } from './agenda.js';
import type { DocumentContext } from './context.js';
import type { HighlightReportDocuments } from './highlight-report.js';
import { withPdfInfo } from './pdf-info.js';
import { overlayPages } from './pdf-overlay.js';
import type { ProgressReportDocuments } from './progress-report.js';
import { ChangesPageDocuments } from './changes-page.js';
import { buildReviewNoteView } from './review-note-view.js';

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
  sizes: { width: number; height: number }[];
}

type PackDoc = HtmlDoc | UploadDoc;

export interface PackItemRange {
  number: number;
  title: string;
  firstPage: number | null;
  lastPage: number | null;
}

/** publishedOnly: the public's pack — highlight reports that are not published are left out with a note. */
export interface PackOptions {
  publishedOnly?: boolean;
}

export interface BuiltPack {
  pdf: Buffer;
  items: PackItemRange[];
  pages: number;
}

const SECTION_HEADINGS: Record<string, string> = { discussion: 'DISCUSSION ITEMS', information: 'INFORMATION' };
const PAD_TEXT = 'This page is intentionally left blank';
const OBJECTS_PER_TICK = 2000;

export function meetingDate(startsAt: string) {
  const d = new Date(startsAt);
  const dateLong = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  const parts = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { dateLong, time: `${get('hour')}.${get('minute')} ${get('dayPeriod').toLowerCase().replace(/\./g, '')}`, isoDate: londonDate(d) };
}

export class PackDocuments {
  private readonly pageCounts = new Map<string, number>();
  private readonly uploadSizes = new Map<string, { width: number; height: number }[]>();

  constructor(
    private readonly ctx: DocumentContext,
    private readonly highlightReports: HighlightReportDocuments,
    private readonly progressReports: ProgressReportDocuments,
  ) {}

  /** Page ranges of the pack's items (Part 1, or Part 2 for the exempt pack) without printing the pack. */
  async ranges(meetingId: string, part: 1 | 2 = 1): Promise<PackItemRange[]> {
    return (await this.outline(meetingId, part)).items;
  }

  /** The ranges plus the number of unnumbered front pages (to link to a PDF page: front + firstPage). */
  async outline(meetingId: string, part: 1 | 2 = 1, opts: PackOptions = {}): Promise<{ items: PackItemRange[]; frontPages: number; pages: number }> {
    const { items, frontPages, placed } = await this.layout(meetingId, part, opts);
    return { items, frontPages, pages: frontPages + placed.reduce((n, p) => n + (p.lastPage - p.firstPage + 1), 0) };
  }

  /** The HTML build() prints in its one Chromium pass (before uploads are drawn in). */
  async html(meetingId: string, part: 1 | 2 = 1, opts: PackOptions = {}): Promise<string> {
    const { context } = await this.layout(meetingId, part, opts);
    return this.ctx.templates.render('pack/document', context);
  }

  async build(meetingId: string, part: 1 | 2 = 1, opts: PackOptions = {}): Promise<BuiltPack> {
    const { meeting, docs, placed, items, frontPages, context } = await this.layout(meetingId, part, opts);
    const html = this.ctx.templates.render('pack/document', context);
    let pdf = await this.ctx.renderer.pdf(html);
    const docPages = placed.reduce((n, p) => n + (p.lastPage - p.firstPage + 1), 0);
    const expected = frontPages + docPages;
    const actual = countPdfPages(pdf);
    if (actual !== expected) {
      // A measured page count did not hold in the combined print: the agenda's ranges would be wrong.
      throw new Error(`Pack layout mismatch: expected ${expected} pages, printed ${actual} (front ${frontPages}, ${JSON.stringify(placed)}).`);
    }
    const uploads = docs.map((d, i) => ({ d, p: placed[i]! })).filter((x): x is { d: UploadDoc; p: PlacedPart<number> } => x.d.kind === 'upload');
    if (uploads.length) pdf = await this.drawUploads(pdf, uploads, frontPages, placed);
    const title = `${meeting.committee} – ${meetingDate(meeting.startsAt).dateLong}${part === 2 ? ' – exempt items' : ''}`;
    pdf = withPdfInfo(pdf, { title, author: meeting.council ?? (meeting.contact as { name?: string } | null)?.name ?? 'SEND plan tracker', subject: 'Agenda pack' });
    return { pdf, items, pages: expected };
  }

  private async layout(meetingId: string, part: 1 | 2, opts: PackOptions = {}) {
    const meeting = this.ctx.repos.meetings.mustGet(meetingId);
    const published = (id: string) => this.ctx.repos.highlightReports.get(id)?.state === 'published';
    const agendaItems = opts.publishedOnly ? withUnpublishedLeftOut(agendaPart(meeting.items, part), published) : agendaPart(meeting.items, part);
    const when = meetingDate(meeting.startsAt);
    const docs: PackDoc[] = [];
    for (const item of agendaItems) {
      const doc = await this.documentFor(item, when.isoDate, meeting);
      if (doc) docs.push(doc);
    }
    const base = this.baseContext(meeting, part);
    const named = docs.map((d, i) => this.templateDoc(d, i));
    // Measure each generated document alone (same page rules), and the front matter with wide ranges
    // (its length does not depend on the documents' counts, so it is measured alongside them).
    const wide = docs.map((_, i) => ({ key: i, pages: 1, firstPage: 999, lastPage: 999, padded: false }));
    const measureFront = this.ctx.templates.render('pack/document', { ...base, docs: [], agenda: this.agendaRows(agendaItems, docs, wide) });
    const htmls = [measureFront, ...docs.map((d, i) => (d.kind === 'upload' ? null : this.ctx.templates.render('pack/document', { ...base, measureOnly: true, docs: [named[i]] })))];
    // Largest first, so the renderer's parallel pages finish together rather than one waiting on the longest.
    const order = htmls.map((_, i) => i).sort((a, b) => (htmls[b]?.length ?? 0) - (htmls[a]?.length ?? 0));
    const pending: Promise<number>[] = [];
    for (const i of order) pending[i] = htmls[i] === null ? Promise.resolve((docs[i - 1] as UploadDoc).sizes.length) : this.measure(htmls[i]!);
    const [frontBare = 0, ...counts] = await Promise.all(pending);
    const placed = placeDocuments(docs.map((_, i) => ({ key: i, pages: counts[i]! })));
    const frontPad = frontMatterPadding(frontBare);
    const rangeByNumber = new Map(docs.map((d, i) => [d.item.number, placed[i]!]));
    const items: PackItemRange[] = agendaItems.map((i) => {
      const p = rangeByNumber.get(i.number);
      return { number: i.number, title: i.title, firstPage: p?.firstPage ?? null, lastPage: p?.lastPage ?? null };
    });
    const context = {
      ...base,
      frontPad: frontPad === 1,
      agenda: this.agendaRows(agendaItems, docs, placed),
      docs: named.map((n, i) => ({ ...n, padded: placed[i]!.padded })),
    };
    return { meeting, docs, placed, items, frontPages: frontBare + frontPad, context };
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

  private agendaRows(items: AgendaItem[], docs: PackDoc[], placed: PlacedPart<number>[]) {
    const byNumber = new Map(docs.map((d, i) => [d.item.number, placed[i]!]));
    return agendaEntries(items, SECTION_HEADINGS).map(({ item, ...entry }) => {
      const p = byNumber.get(item.number);
      return { ...entry, pages: p ? pagesLabel(p.firstPage, p.lastPage) : null };
    });
  }

  private templateDoc(d: PackDoc, index: number) {
    const itemLabel = `Agenda Item ${d.item.number}: ${d.item.title}`;
    if (d.kind === 'upload') {
      return {
        kind: 'upload',
        itemLabel,
        placeholders: d.sizes.map((s, p) => ({ pageName: `upl-${index}-${p}`, width: s.width, height: s.height })),
      };
    }
    return {
      kind: 'html',
      itemLabel,
      pageName: `item-${index}`,
      orientation: d.orientation,
      cssClass: d.cssClass,
      headerText: d.headerText,
      body: this.ctx.templates.trusted(d.body),
    };
  }

  private async documentFor(item: AgendaItem, meetingDay: string, meeting: MeetingRow): Promise<PackDoc | null> {
    const d = item.document;
    if (!d) return null;
    const t = this.ctx.templates;
    switch (d.type) {
      case 'highlight-report': {
        const view = this.highlightReports.view(d.id);
        return {
          kind: 'html',
          item,
          orientation: 'landscape',
          cssClass: 'hr-doc',
          headerText: `${view.project.name} (${view.project.code}) – Highlight Report – ${view.report.reportDate.split('-').reverse().join('/')}`,
          body: t.render('highlight-report/body', { ...view, headingOffset: 1 }),
        };
      }
      case 'progress-report': {
        const view = this.progressReports.view(d.planId, d.asOf ?? meetingDay);
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
        return { kind: 'upload', item, uploadId: d.id, sizes: await this.sizesOf(d.id) };
      case 'review': {
        const view = buildReviewNoteView(this.ctx.repos, await this.ctx.services.reviews.get(d.id), this.ctx.now());
        return { kind: 'html', item, orientation: 'portrait', cssClass: 'rn-doc', headerText: view.review.title, body: t.render('review-note/body', { ...view, headingOffset: 1 }) };
      }
      case 'changes': {
        const view = await new ChangesPageDocuments(this.ctx).forMeeting(meeting, d.planId, d.since);
        return { kind: 'html', item, orientation: 'portrait', cssClass: 'ch-doc', headerText: 'What changed since last time', body: t.render('changes/body', { ...view, headingOffset: 1 }) };
      }
    }
  }

  private async sizesOf(uploadId: string) {
    let sizes = this.uploadSizes.get(uploadId);
    if (!sizes) {
      const doc = await PDFDocument.load(this.ctx.repos.uploads.bytes(uploadId), { updateMetadata: false });
      sizes = doc.getPages().map((p) => {
        const { width, height } = p.getSize();
        const rotated = p.getRotation().angle % 180 !== 0;
        return rotated ? { width: height, height: width } : { width, height };
      });
      this.uploadSizes.set(uploadId, sizes);
    }
    return sizes;
  }

  /** Pages the HTML prints to; cached by content, since published documents never change. */
  private async measure(html: string): Promise<number> {
    const key = createHash('sha256').update(html).digest('hex');
    const hit = this.pageCounts.get(key);
    if (hit !== undefined) return hit;
    const pages = countPdfPages(await this.ctx.renderer.pdf(html, { tagged: false, outline: false }));
    if (this.pageCounts.size > 500) this.pageCounts.delete(this.pageCounts.keys().next().value!);
    this.pageCounts.set(key, pages);
    return pages;
  }

  private async drawUploads(pdf: Buffer, uploads: { d: UploadDoc; p: PlacedPart<number> }[], frontPages: number, _placed: PlacedPart<number>[]): Promise<Buffer> {
    // As an incremental update of the printed PDF (./pdf-overlay.ts), or by a full pdf-lib rewrite if
    // the printed PDF is not laid out as expected.
    const overlays = uploads.flatMap(({ d, p }) => {
      const source = this.ctx.repos.uploads.bytes(d.uploadId);
      return d.sizes.map((_, i) => ({ pageIndex: frontPages + p.firstPage - 1 + i, source, sourcePage: i, label: `Page ${p.firstPage + i}` }));
    });
    const appended = await overlayPages(pdf, overlays);
    if (appended) return appended;
    // pdf-lib pauses (a timer, ≥ 1 ms) every 100 objects it parses and every 50 it writes: a tagged
    // 100-page pack has ~15,000 objects, so its defaults spent a second waiting. Every 2,000 objects
    // (~25 ms of work) keeps other requests flowing at a fraction of the cost.
    const pack = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: OBJECTS_PER_TICK });
    const font = await pack.embedFont(StandardFonts.Helvetica);
    const pages = pack.getPages();
    for (const { d, p } of uploads) {
      const source = await PDFDocument.load(this.ctx.repos.uploads.bytes(d.uploadId), { updateMetadata: false });
      const embedded = await pack.embedPdf(source, source.getPageIndices());
      embedded.forEach((e, i) => {
        const page = pages[frontPages + p.firstPage - 1 + i]!;
        const { width, height } = page.getSize();
        page.drawPage(e, { x: 0, y: 0, width, height });
        const label = `Page ${p.firstPage + i}`;
        const size = 9;
        const w = font.widthOfTextAtSize(label, size);
        page.drawRectangle({ x: (width - w) / 2 - 4, y: 10, width: w + 8, height: size + 6, color: rgb(1, 1, 1) });
        page.drawText(label, { x: (width - w) / 2, y: 14, size, font, color: rgb(0, 0, 0) });
      });
    }
    return Buffer.from(await pack.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: OBJECTS_PER_TICK }));
  }
}

export { PAD_TEXT };
