// A review's note as PDF and HTML, laid out like seed 003's "WSoA Review Meeting (MR3)" note.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HtmlBody, PdfBody, sendHtml, sendPdf } from '../../shared/document-replies.js';
import { problems } from '../../shared/problem.js';
import { IdParams } from '../../shared/schemas.js';

const tags = ['Reviews'];
const DOWNLOAD = z.enum(['1', 'true']).optional().meta({ description: 'Send as an attachment instead of inline.' });

export default async function reviewDocumentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/reviews/:id/pdf', {
    schema: {
      operationId: 'getReviewPdf',
      tags,
      summary: 'The review note as PDF (A4 portrait, tagged)',
      description: 'Attendance, actions from the previous review, general update, support received, actions behind schedule (Action | Reason | Mitigation), progress per area with evidence of impact and key next steps, agreed actions, next meeting.',
      params: IdParams,
      querystring: z.strictObject({ download: DOWNLOAD }),
      produces: ['application/pdf'],
      response: { 200: PdfBody, ...problems(400, 401, 403, 404, 503, 504) },
    },
    handler: async (req, reply) => {
      const review = await app.services.reviews.get(req.params.id);
      const pdf = await app.documents.reviewNotes.pdf(review.id);
      return sendPdf(reply, pdf, `review-${review.heldOn}.pdf`, Boolean(req.query.download));
    },
  });

  r.get('/reviews/:id/html', {
    schema: {
      operationId: 'getReviewHtml',
      tags,
      summary: 'The review note as an accessible web page',
      params: IdParams,
      produces: ['text/html'],
      response: { 200: HtmlBody, ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      const review = await app.services.reviews.get(req.params.id);
      return sendHtml(reply, await app.documents.reviewNotes.html(review.id), { cacheControl: 'no-cache' });
    },
  });
}
