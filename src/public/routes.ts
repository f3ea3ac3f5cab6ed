// Public web pages of public meetings (no token): the agenda with links to each Part 1 document as a
// web page and to the pack PDF. Private meetings, Part 2 items and unpublished highlight reports are never
// served here. Documents come from stored copies (./public-documents.ts) with strong ETags.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agendaEntries } from '../resources/meetings/agenda.js';
import { meetingDate } from '../resources/meetings/pack.js';
import type { MeetingRow } from '../db/repos/meetings.js';
import { NotFoundError } from '../shared/errors.js';
import { notModified, PublicDocuments, type PublicDocumentsOptions, type StoredDocument } from './public-documents.js';
import { PublicDocumentsRepo } from '../db/repos/public-documents.js';
import { HtmlBody, PdfBody } from '../shared/document-replies.js';
import { problems } from '../shared/problem.js';
import { Id, IdParams } from '../shared/schemas.js';

const tags = ['Public pages'];
const SECTION_HEADINGS: Record<string, string> = { discussion: 'Discussion items', information: 'Information' };
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const CACHE_CONTROL = 'public, max-age=60';
const NotModified = z.null().meta({ description: 'Not modified: If-None-Match names the current ETag; no body.' });

/** A stored document (or page) with its ETag: 304 when the client already has it. */
function sendStored(req: FastifyRequest, reply: FastifyReply, doc: StoredDocument, disposition?: string) {
  reply.header('ETag', doc.etag).header('Cache-Control', CACHE_CONTROL);
  if (doc.mediaType.startsWith('text/html')) reply.header('Content-Security-Policy', HTML_CSP);
  if (notModified(req.headers['if-none-match'], doc.etag)) return reply.code(304).send();
  if (disposition) reply.header('Content-Disposition', disposition);
  return reply.type(doc.mediaType).send(doc.body);
}

const page = (body: string): StoredDocument => {
  const bytes = Buffer.from(body, 'utf8');
  return { body: bytes, mediaType: 'text/html; charset=utf-8', etag: `"${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}"` };
};

export default async function publicRoutes(app: FastifyInstance, opts: PublicDocumentsOptions = {}) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const stored = new PublicDocuments(app, new PublicDocumentsRepo(app.store), opts);

  async function publicMeeting(id: string): Promise<MeetingRow> {
    const m = await app.repos.meetings.get(id);
    if (!m || !m.isPublic) throw new NotFoundError('public meeting', id);
    return m;
  }

  r.get('/meetings/:id', {
    config: { public: true },
    schema: {
      operationId: 'getPublicMeetingPage',
      tags,
      summary: 'Public web page of a meeting: agenda, documents and pack',
      security: [],
      params: IdParams,
      produces: ['text/html'],
      response: { 200: HtmlBody, 304: NotModified, ...problems(400, 404, 429) },
    },
    handler: async (req, reply) => {
      const m = await publicMeeting(req.params.id);
      const when = meetingDate(m.startsAt);
      // Page numbers when known (stored pack, or measured within a short wait); without them otherwise.
      const outline = await stored.agendaOutline(m);
      const ranges = new Map((outline?.items ?? []).map((i) => [i.number, i]));
      const base = `/meetings/${m.id}`;
      const items = agendaEntries(await stored.agenda(m), SECTION_HEADINGS).map(({ item: i, ...entry }) => {
        const range = ranges.get(i.number);
        const d = i.document;
        return {
          ...entry,
          documentUrl: d ? `${base}/items/${i.number}` : null,
          documentLinkText: d?.type === 'upload' ? 'Read the document (PDF)' : 'Read the document (web page)',
          pages: range?.firstPage ? `pages ${range.firstPage}–${range.lastPage}` : null,
          pdfPage: range?.firstPage && outline ? outline.frontPages + range.firstPage : null,
        };
      });
      const members = m.members as { name: string; role?: string }[];
      return sendStored(
        req,
        reply,
        page(app.templates.render('public/meeting', {
          council: m.council,
          committee: m.committee,
          dateLong: when.dateLong,
          time: when.time,
          venue: m.venue,
          meetingType: m.meetingType,
          members,
          chair: members.find((x) => x.role === 'chair')?.name,
          viceChair: members.find((x) => x.role === 'vice-chair')?.name,
          contact: m.contact,
          packUrl: `${base}/pack.pdf`,
          packPages: outline?.pages,
          items,
        })),
      );
    },
  });

  r.get('/meetings/:id/pack.pdf', {
    config: { public: true },
    schema: {
      operationId: 'getPublicMeetingPackPdf',
      tags,
      summary: 'The public agenda pack (Part 1) as PDF',
      security: [],
      params: IdParams,
      produces: ['application/pdf'],
      response: { 200: PdfBody, 304: NotModified, ...problems(400, 404, 422, 429, 503, 504) },
    },
    handler: async (req, reply) => {
      const m = await publicMeeting(req.params.id);
      return sendStored(req, reply, await stored.pack(m), `inline; filename="agenda-pack-${m.startsAt.slice(0, 10).replace(/[^0-9-]/g, '_')}.pdf"`);
    },
  });

  r.get('/meetings/:id/items/:number', {
    config: { public: true },
    schema: {
      operationId: 'getPublicMeetingItem',
      tags,
      summary: 'The document of a Part 1 agenda item: a web page, or the uploaded PDF',
      security: [],
      params: z.strictObject({ id: Id, number: z.coerce.number().int().min(1).max(999) }),
      produces: ['text/html', 'application/pdf'],
      response: { 200: z.any().meta({ description: 'text/html or application/pdf' }), 304: NotModified, ...problems(400, 404, 429, 503, 504) },
    },
    handler: async (req, reply) => {
      const m = await publicMeeting(req.params.id);
      const item = (await stored.agenda(m)).find((i) => i.number === req.params.number);
      if (!item?.document) throw new NotFoundError('agenda item document', String(req.params.number));
      const doc = await stored.item(m, item);
      return sendStored(req, reply, doc, doc.mediaType === 'application/pdf' ? `inline; filename="item-${item.number}.pdf"` : undefined);
    },
  });
}
