// A plan's progress report as PDF and HTML, as of a date (default: today in England).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HtmlBody, PdfBody, sendHtml, sendPdf } from '../../shared/document-replies.js';
import { problems } from '../../shared/problem.js';
import { Id, IsoDate, QueryBoolean } from '../../shared/schemas.js';

const tags = ['Progress updates'];
const Params = z.strictObject({ planId: Id });
const Query = z.strictObject({
  asOf: IsoDate.optional().meta({ description: 'Uses each area’s latest update on or before this date (default today).' }),
  download: QueryBoolean.optional().meta({ description: 'Send as an attachment instead of inline.' }),
});

export default async function planDocumentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/plans/:planId/progress-report/pdf', {
    schema: {
      operationId: 'getProgressReportPdf',
      tags,
      summary: 'The plan’s progress report as PDF',
      description: 'Per area: what we have done, what we will do next, evidence of impact; then the actions behind schedule (Action | Reason | Mitigation) and the actions by RAG per area.',
      params: Params,
      querystring: Query,
      produces: ['application/pdf'],
      response: { 200: PdfBody, ...problems(400, 401, 403, 404, 422, 503, 504) },
    },
    handler: async (req, reply) => {
      app.repos.plans.mustGet(req.params.planId);
      const pdf = await app.documents.progressReports.pdf(req.params.planId, req.query.asOf);
      return sendPdf(reply, pdf, `progress-report-${req.query.asOf ?? 'today'}.pdf`, Boolean(req.query.download));
    },
  });

  r.get('/plans/:planId/progress-report/html', {
    schema: {
      operationId: 'getProgressReportHtml',
      tags,
      summary: 'The plan’s progress report as a web page',
      params: Params,
      querystring: Query,
      produces: ['text/html'],
      response: { 200: HtmlBody, ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      app.repos.plans.mustGet(req.params.planId);
      return sendHtml(reply, app.documents.progressReports.html(req.params.planId, req.query.asOf));
    },
  });
}
