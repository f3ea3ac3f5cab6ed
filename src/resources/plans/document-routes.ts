// A plan's progress report as PDF and HTML, as of a date (default: today in England).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
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
      response: { 200: z.any().meta({ type: 'string', format: 'binary', description: 'application/pdf' }), ...problems(400, 401, 403, 404, 422, 503, 504) },
    },
    handler: async (req, reply) => {
      app.repos.plans.mustGet(req.params.planId);
      const pdf = await app.documents.progressReports.pdf(req.params.planId, req.query.asOf);
      const name = `progress-report-${req.query.asOf ?? 'today'}.pdf`;
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `${req.query.download ? 'attachment' : 'inline'}; filename="${name}"`)
        .header('Cache-Control', 'no-cache')
        .send(pdf);
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
      response: { 200: z.string().meta({ description: 'text/html' }), ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      app.repos.plans.mustGet(req.params.planId);
      return reply
        .type('text/html; charset=utf-8')
        .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(app.documents.progressReports.html(req.params.planId, req.query.asOf));
    },
  });
}
