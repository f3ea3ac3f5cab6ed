// What anonymous readers download, printed once per change of its inputs and kept: the Part 1 pack PDF
// of a public meeting and each item's document, stored under a content key (a SHA-256 of the meeting's
// version and the version of every document input), served with a strong ETag. Concurrent requests for a
// copy not yet stored share one build (single-flight); every build runs as a 'public' render
// (src/render/audience.ts). A build or page count that failed (a time-out) is remembered for a short
// while, so a heavy document does not cost a render on every view and the agenda still answers.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { agendaPart, highlightReportIds, withUnpublishedLeftOut } from '../resources/meetings/agenda.js';
import { meetingDate, type PackItemRange } from '../resources/meetings/pack.js';
import { preparePdf } from '../documents/pdf-check.js';
import { withBackLink } from './back-link.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderingFor } from '../render/audience.js';
import { TEMPLATES_DIR } from '../render/templates.js';
import type { AgendaItem } from '../resources/meetings/schemas.js';
import type { MeetingRow } from '../db/repos/meetings.js';
import { AppError, ServiceUnavailableError } from '../shared/errors.js';
import type { PublicDocumentsRepo } from '../db/repos/public-documents.js';

export interface PackOutline {
  items: PackItemRange[];
  frontPages: number;
  pages: number;
}

export interface StoredDocument {
  body: Buffer;
  mediaType: string;
  etag: string;
}

export interface PublicDocumentsOptions {
  /** How long a failed build or page count is remembered (default 60 s). */
  failureTtlMs?: number;
  /** How long the agenda page waits for page numbers not yet known before answering without them (default 2 s). */
  agendaWaitMs?: number;
}

/** Bumped when what is stored changes shape; with the templates' fingerprint, part of every key. */
const FORMAT = 1;
const MAX_REMEMBERED = 500;

export class DocumentUnavailableError extends AppError {
  constructor(detail: string) {
    super(404, 'not-found', 'Not found', detail);
  }
}

let templatesFingerprint: string | undefined;
function fingerprint(): string {
  if (!templatesFingerprint) {
    const h = createHash('sha256');
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else h.update(p.slice(TEMPLATES_DIR.length)).update(readFileSync(p));
      }
    };
    walk(TEMPLATES_DIR);
    templatesFingerprint = h.digest('hex').slice(0, 16);
  }
  return templatesFingerprint;
}

const sha256 = (x: string | Buffer) => createHash('sha256').update(x).digest('hex');
const etagOf = (body: Buffer) => `"${sha256(body).slice(0, 32)}"`;

/** Map with a size bound: the oldest entries go first. */
function remember<K, V>(map: Map<K, V>, key: K, value: V) {
  map.delete(key);
  while (map.size >= MAX_REMEMBERED) map.delete(map.keys().next().value!);
  map.set(key, value);
}

export class PublicDocuments {
  private readonly building = new Map<string, Promise<StoredDocument>>();
  private readonly failures = new Map<string, { until: number; error: unknown }>();
  private readonly outlines = new Map<string, { value?: PackOutline; pending?: Promise<PackOutline>; failedUntil?: number }>();
  private readonly failureTtlMs: number;
  private readonly agendaWaitMs: number;

  constructor(
    private readonly app: FastifyInstance,
    private readonly repo: PublicDocumentsRepo,
    opts: PublicDocumentsOptions = {},
  ) {
    this.failureTtlMs = opts.failureTtlMs ?? 60_000;
    this.agendaWaitMs = opts.agendaWaitMs ?? 2_000;
  }

  /** The public's agenda (Part 1): unpublished highlight reports left out with a note. */
  async agenda(m: MeetingRow): Promise<AgendaItem[]> {
    const items = agendaPart(m.items, 1);
    const published = new Set<string>();
    for (const id of highlightReportIds(items)) if ((await this.repo.highlightReportState(id))?.state === 'published') published.add(id);
    return withUnpublishedLeftOut(items, (id) => published.has(id));
  }

  /** The stored Part 1 pack PDF, built (once, shared by concurrent requests) when its inputs changed. */
  async pack(m: MeetingRow): Promise<StoredDocument> {
    return this.stored(await this.packKey(m), m, null, async () => {
      const built = await this.app.documents.packs.build(m.id, 1, { publishedOnly: true });
      const docPages = built.items.reduce((n, i) => n + (i.firstPage === null ? 0 : i.lastPage! - i.firstPage + 1), 0);
      const outline: PackOutline = { items: built.items, frontPages: built.pages - docPages, pages: built.pages };
      return { body: built.pdf, mediaType: 'application/pdf', meta: outline as unknown as Record<string, unknown> };
    });
  }

  /**
   * Page ranges for the public agenda: from the stored pack when there is one, else measured (as a public
   * render) — waiting at most agendaWaitMs, and null (no page numbers) while unknown or after a failure.
   */
  async agendaOutline(m: MeetingRow): Promise<PackOutline | null> {
    const key = await this.packKey(m);
    const stored = await this.repo.meta(key);
    if (stored) return stored as unknown as PackOutline;
    let entry = this.outlines.get(key);
    if (entry?.value) return entry.value;
    if (entry?.failedUntil && entry.failedUntil > Date.now()) return null;
    if (!entry?.pending) {
      const pending = renderingFor('public', () => this.app.documents.packs.outline(m.id, 1, { publishedOnly: true }));
      entry = { pending };
      remember(this.outlines, key, entry);
      pending.then(
        (value) => remember(this.outlines, key, { value }),
        () => remember(this.outlines, key, { failedUntil: Date.now() + this.failureTtlMs }),
      );
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), this.agendaWaitMs);
    });
    return Promise.race([entry.pending!.catch(() => null), late]).finally(() => clearTimeout(timer));
  }

  /** The stored document of a Part 1 item (of the public agenda: unpublished reports have none). */
  async item(m: MeetingRow, item: AgendaItem): Promise<StoredDocument> {
    const d = item.document!;
    const when = meetingDate(m.startsAt);
    const back = { backUrl: `/meetings/${m.id}#item-${item.number}`, committee: m.committee, dateLong: when.dateLong };
    // Every document page links back to its place on the agenda.
    const html = (s: string) => ({ body: Buffer.from(withBackLink(s, this.app.templates, back), 'utf8'), mediaType: 'text/html; charset=utf-8' });
    const page = (s: string) => ({ body: Buffer.from(s, 'utf8'), mediaType: 'text/html; charset=utf-8' });
    const docs = this.app.documents;
    return this.stored(await this.itemKey(m, item), m, item.number, async () => {
      switch (d.type) {
        case 'highlight-report':
          return html(await docs.highlightReports.html(d.id));
        case 'progress-report':
          return html(await docs.progressReports.html(d.planId, d.asOf ?? when.isoDate));
        case 'minutes':
          return page(
            this.app.templates.render('public/minutes', {
              title: item.title,
              council: m.council,
              committee: m.committee,
              dateLong: when.dateLong,
              backUrl: back.backUrl,
              body: this.app.templates.trusted(renderMarkdown(d.text)),
            }),
          );
        case 'review':
          return html(await docs.reviewNotes.html(d.id));
        case 'changes':
          return html(docs.changesPages.renderHtml(await docs.changesPages.forMeeting(m, d.planId, d.since)));
        case 'upload': {
          // Uploads stored before they were checked are checked now: the public never gets active content.
          try {
            const { bytes } = await preparePdf(await this.app.repos.uploads.bytes(d.id));
            return { body: bytes, mediaType: 'application/pdf' };
          } catch (err) {
            if (err instanceof AppError && err.status < 500) throw new DocumentUnavailableError(`The document of item ${item.number} cannot be published: ${err.message}`);
            throw err;
          }
        }
      }
    });
  }

  async packKey(m: MeetingRow): Promise<string> {
    const inputs: string[] = [];
    for (const i of await this.agenda(m)) if (i.document) inputs.push(`${i.number}=${await this.documentInputs(m, i)}`);
    return sha256(JSON.stringify([FORMAT, fingerprint(), 'pack', m.id, m.version, inputs]));
  }

  private async itemKey(m: MeetingRow, item: AgendaItem): Promise<string> {
    return sha256(JSON.stringify([FORMAT, fingerprint(), 'item', m.id, m.version, item.number, await this.documentInputs(m, item)]));
  }

  private async documentInputs(m: MeetingRow, item: AgendaItem): Promise<string> {
    const d = item.document!;
    switch (d.type) {
      case 'highlight-report': {
        const r = await this.repo.highlightReportState(d.id);
        return `hr:${d.id}:${r?.state}:${r?.version}`;
      }
      case 'progress-report':
        return `pr:${d.planId}:${d.asOf ?? meetingDate(m.startsAt).isoDate}:${sha256(await this.repo.planInputs(d.planId))}`;
      case 'review': {
        const r = await this.repo.reviewState(d.id);
        return `rv:${d.id}:${r?.version}:${r ? sha256(await this.repo.planInputs(r.planId)) : ''}`;
      }
      case 'changes':
        return `ch:${d.planId}:${d.since ?? ''}:${(await this.repo.latestAuditId())}`;
      case 'minutes':
        return 'minutes'; // its text is part of the meeting row (its version)
      case 'upload':
        return `upl:${d.id}:${(await this.repo.uploadSha256(d.id))}`;
    }
  }

  private async stored(
    key: string,
    m: MeetingRow,
    itemNumber: number | null,
    build: () => Promise<{ body: Buffer; mediaType: string; meta?: Record<string, unknown> }>,
  ): Promise<StoredDocument> {
    const row = await this.repo.get(key);
    if (row) return Promise.resolve({ body: row.body, mediaType: row.mediaType, etag: row.etag });
    const failed = this.failures.get(key);
    if (failed && failed.until > Date.now()) return Promise.reject(failed.error);
    let pending = this.building.get(key);
    if (!pending) {
      pending = renderingFor('public', build)
        .then(async ({ body, mediaType, meta }) => {
          const etag = etagOf(body);
          try {
            await this.repo.put({ contentKey: key, meetingId: m.id, kind: itemNumber === null ? 'pack' : 'item', itemNumber, mediaType, body, etag, meta: meta ?? null });
          } catch (err) {
            // The meeting went away while printing: serve this copy, keep nothing.
            this.app.log.warn({ err, meetingId: m.id }, 'public document not stored');
          }
          return { body, mediaType, etag };
        })
        .catch((err: unknown) => {
          // A busy renderer is worth retrying at once; anything else (a time-out, a broken input) is not.
          if (!(err instanceof ServiceUnavailableError)) remember(this.failures, key, { until: Date.now() + this.failureTtlMs, error: err });
          throw err;
        })
        .finally(() => this.building.delete(key));
      this.building.set(key, pending);
    }
    return pending;
  }
}

/** Whether an If-None-Match header names the ETag (weak comparison, as RFC 9110 asks for this header). */
export function notModified(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const raw = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch;
  if (raw.trim() === '*') return true;
  return raw.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
