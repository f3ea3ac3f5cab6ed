// The meeting pack: page ranges as JSON and the pack PDF (Part 1, public), and the exempt pack (Part 2,
// editors only, never public).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PdfBody, sendPdf } from '../../shared/document-replies.js';
import { problems } from '../../shared/problem.js';
import { IdParams, QueryBoolean } from '../../shared/schemas.js';
import { PdfAccessibility } from '../uploads/schemas.js';

const tags = ['Meetings and packs'];
const PackRanges = z
  .object({
    items: z.array(
      z.object({
        number: z.number().int(),
        title: z.string(),
        firstPage: z.number().int().nullable(),
        lastPage: z.number().int().nullable(),
        accessibility: PdfAccessibility.nullable()
          .optional()
          .describe('For an uploaded document: how far it serves a screen-reader user, so a clerk can fix it before publishing'),
        problem: z.string().nullable().optional().describe('Set when the document could not be included: the pack carries a page saying so instead'),
      }),
    ),
  })
  .meta({ id: 'PackRanges' });
const Download = z.strictObject({ download: QueryBoolean.optional().meta({ description: 'Send as an attachment instead of inline.' }) });

export default async function packRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const packs = () => app.documents.packs;

  r.get('/meetings/:id/pack', {
    schema: {
      operationId: 'getMeetingPackRanges',
      tags,
      summary: 'Page ranges of the meeting pack',
      description: 'One entry per Part 1 item in agenda order; firstPage/lastPage null for an item without a document. The same ranges the agenda prints.',
      params: IdParams,
      response: { 200: PackRanges, ...problems(400, 401, 403, 404, 422, 503, 504) },
    },
    handler: async (req) => ({ items: await packs().ranges(req.params.id, 1) }),
  });

  r.get('/meetings/:id/pack/pdf', {
    schema: {
      operationId: 'getMeetingPackPdf',
      tags,
      summary: 'The meeting pack as PDF (Part 1 only)',
      description:
        'Front page and agenda (unnumbered), then each item’s document. Pages are numbered from 1 over the documents; each document starts on an odd page; a document of odd length is followed by a page reading "This page is intentionally left blank".',
      params: IdParams,
      querystring: Download,
      produces: ['application/pdf'],
      response: { 200: PdfBody, ...problems(400, 401, 403, 404, 422, 503, 504) },
    },
    handler: async (req, reply) => {
      const meeting = await app.services.meetings.get(req.params.id);
      const { pdf } = await packs().build(meeting.id, 1);
      return sendPdf(reply, pdf, `agenda-pack-${meeting.startsAt.slice(0, 10)}.pdf`, req.query.download);
    },
  });

  r.get('/meetings/:id/exempt-pack', {
    config: { role: 'editor' },
    schema: {
      operationId: 'getExemptPackRanges',
      tags,
      summary: 'Page ranges of the exempt (Part 2) pack',
      params: IdParams,
      response: { 200: PackRanges, ...problems(400, 401, 403, 404, 422, 503, 504) },
    },
    handler: async (req, reply) => {
      reply.header('Cache-Control', 'no-store'); // exempt (Part 2) material: no cache may keep it
      return { items: await packs().ranges(req.params.id, 2) };
    },
  });

  r.get('/meetings/:id/exempt-pack/pdf', {
    config: { role: 'editor' },
    schema: {
      operationId: 'getExemptPackPdf',
      tags,
      summary: 'The exempt pack: Part 2 items only, not for publication',
      params: IdParams,
      querystring: Download,
      produces: ['application/pdf'],
      response: { 200: PdfBody, ...problems(400, 401, 403, 404, 422, 503, 504) },
    },
    handler: async (req, reply) => {
      const meeting = await app.services.meetings.get(req.params.id);
      const { pdf } = await packs().build(meeting.id, 2);
      return sendPdf(reply, pdf, `exempt-pack-${meeting.startsAt.slice(0, 10)}.pdf`, req.query.download, 'no-store'); // exempt (Part 2) material: no cache may keep it
    },
  });
}
