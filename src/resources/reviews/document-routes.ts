// A review's note as PDF and HTML, laid out like seed 003's "WSoA Review Meeting (MR3)" note.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
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
      response: { 200: z.any().meta({ description: 'application/pdf', type: 'string', format: 'binary' }), ...problems(400, 401, 403, 404, 503, 504) },
    },
    handler: async (req, reply) => {
      const review = app.repos.reviews.mustGet(req.params.id);
      const pdf = await app.documents.reviewNotes.pdf(review.id);
      const name = `review-${review.heldOn}.pdf`;
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `${req.query.download ? 'attachment' : 'inline'}; filename="${name}"`)
        .header('Cache-Control', 'no-cache')
        .send(pdf);
    },
  });

  r.get('/reviews/:id/html', {
    schema: {
      operationId: 'getReviewHtml',
      tags,
      summary: 'The review note as an accessible web page',
      params: IdParams,
      produces: ['text/html'],
      response: { 200: z.string().meta({ description: 'text/html' }), ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      const review = app.repos.reviews.mustGet(req.params.id);
      return reply
        .type('text/html; charset=utf-8')
        .header('Cache-Control', 'no-cache')
        .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(await app.documents.reviewNotes.html(review.id));
    },
  });
}
