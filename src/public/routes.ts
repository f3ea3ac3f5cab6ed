// Public web pages of public meetings (no token): the agenda with links to each Part 1 document as a
// web page and to the pack PDF. Private meetings and Part 2 items are never served here.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agendaEntries, agendaPart } from '../documents/agenda.js';
import { meetingDate } from '../documents/pack.js';
import { renderMarkdown } from '../render/markdown.js';
import { withBackLink } from './back-link.js';
import type { MeetingRow } from '../resources/meetings/repo.js';
import { sendPackPdf } from '../resources/meetings/pack-routes.js';
import { NotFoundError } from '../shared/errors.js';
import { problems } from '../shared/problem.js';
import { Id, IdParams } from '../shared/schemas.js';

const tags = ['Public pages'];
const SECTION_HEADINGS: Record<string, string> = { discussion: 'Discussion items', information: 'Information' };
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const html = (reply: FastifyReply, body: string) =>
  reply.type('text/html; charset=utf-8').header('Content-Security-Policy', HTML_CSP).header('Cache-Control', 'public, max-age=60').send(body);

export default async function publicRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  function publicMeeting(id: string): MeetingRow {
    const m = app.repos.meetings.get(id);
    if (!m || !m.isPublic) throw new NotFoundError('public meeting', id);
    return m;
  }
  const part1 = (m: MeetingRow) => agendaPart(m.items, 1);

  r.get('/meetings/:id', {
    schema: {
      tags,
      summary: 'Public web page of a meeting: agenda, documents and pack',
      security: [],
      params: IdParams,
      produces: ['text/html'],
      response: { 200: z.string().meta({ description: 'text/html' }), ...problems(400, 404) },
    },
    handler: async (req, reply) => {
      const m = publicMeeting(req.params.id);
      const when = meetingDate(m.startsAt);
      const outline = await app.documents.packs.outline(m.id, 1);
      const ranges = new Map(outline.items.map((i) => [i.number, i]));
      const base = `/meetings/${m.id}`;
      const agenda = part1(m);
      const items = agendaEntries(agenda, SECTION_HEADINGS).map(({ item: i, ...entry }) => {
        const range = ranges.get(i.number);
        const d = i.document;
        const draft = d?.type === 'highlight-report' && app.repos.highlightReports.get(d.id)?.state === 'draft';
        return {
          ...entry,
          documentUrl: d ? `${base}/items/${i.number}` : null,
          documentLinkText: d?.type === 'upload' ? 'Read the document (PDF)' : 'Read the document (web page)',
          pages: range?.firstPage ? `pages ${range.firstPage}–${range.lastPage}` : null,
          pdfPage: range?.firstPage ? outline.frontPages + range.firstPage : null,
          draft,
        };
      });
      const members = m.members as { name: string; role?: string }[];
      return html(
        reply,
        app.templates.render('public/meeting', {
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
          packPages: outline.pages,
          items,
        }),
      );
    },
  });

  r.get('/meetings/:id/pack.pdf', {
    schema: {
      tags,
      summary: 'The public agenda pack (Part 1) as PDF',
      security: [],
      params: IdParams,
      produces: ['application/pdf'],
      response: { 200: z.any().meta({ type: 'string', format: 'binary', description: 'application/pdf' }), ...problems(400, 404, 503, 504) },
    },
    handler: async (req, reply) => {
      const m = publicMeeting(req.params.id);
      const { pdf } = await app.documents.packs.build(m.id, 1);
      return sendPackPdf(reply, pdf, `agenda-pack-${m.startsAt.slice(0, 10)}.pdf`);
    },
  });

  r.get('/meetings/:id/items/:number', {
    schema: {
      tags,
      summary: 'The document of a Part 1 agenda item: a web page, or the uploaded PDF',
      security: [],
      params: z.strictObject({ id: Id, number: z.coerce.number().int().min(1).max(999) }),
      produces: ['text/html', 'application/pdf'],
      response: { 200: z.any().meta({ description: 'text/html or application/pdf' }), ...problems(400, 404) },
    },
    handler: async (req, reply) => {
      const m = publicMeeting(req.params.id);
      const item = part1(m).find((i) => i.number === req.params.number);
      const d = item?.document;
      if (!item || !d) throw new NotFoundError('agenda item document', String(req.params.number));
      const back = { backUrl: `/meetings/${m.id}#item-${item.number}`, committee: m.committee, dateLong: meetingDate(m.startsAt).dateLong };
      switch (d.type) {
        case 'highlight-report':
          return html(reply, withBackLink(app.documents.highlightReports.html(d.id), app.templates, back));
        case 'progress-report':
          return html(reply, withBackLink(app.documents.progressReports.html(d.planId, d.asOf ?? meetingDate(m.startsAt).isoDate), app.templates, back));
        case 'minutes':
          return html(
            reply,
            app.templates.render('public/minutes', {
              title: item.title,
              council: m.council,
              committee: m.committee,
              dateLong: meetingDate(m.startsAt).dateLong,
              backUrl: back.backUrl,
              body: app.templates.trusted(renderMarkdown(d.text)),
            }),
          );
        case 'upload':
          return reply.type('application/pdf').header('Content-Disposition', `inline; filename="item-${item.number}.pdf"`).send(app.repos.uploads.bytes(d.id));
      }
    },
  });
}
