// A plan's impact report as PDF and HTML, as of a date (default: today in England).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HtmlBody, PdfBody, sendHtml, sendPdf } from '../../shared/document-replies.js';
import { problems } from '../../shared/problem.js';
import { Id, IsoDate } from '../../shared/schemas.js';

const tags = ['Evidence and inspection readiness'];
const Params = z.strictObject({ planId: Id });
const Query = z.strictObject({
  asOf: IsoDate.optional().meta({ description: 'Values, updates and evidence on or before this date (default today).' }),
  download: z.enum(['1', 'true']).optional(),
});
const description =
  'Per area: its latest "What is different?" (the area update’s evidenceOfImpact), each of its measures as a chart (values, trajectory, target, comparators) with its RAG and figures as text, its evidence counted by kind with the impact and voice items listed; then the information-request items that have no evidence.';

export default async function impactReportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/plans/:planId/impact-report/pdf', {
    schema: {
      operationId: 'getImpactReportPdf',
      tags,
      summary: 'The plan’s impact report as PDF',
      description,
      params: Params,
      querystring: Query,
      produces: ['application/pdf'],
      response: { 200: PdfBody, ...problems(400, 401, 403, 404, 503, 504) },
    },
    handler: async (req, reply) => {
      app.repos.plans.mustGet(req.params.planId);
      const pdf = await app.documents.impactReports.pdf(req.params.planId, req.query.asOf);
      return sendPdf(reply, pdf, `impact-report-${req.query.asOf ?? 'today'}.pdf`, Boolean(req.query.download));
    },
  });

  r.get('/plans/:planId/impact-report/html', {
    schema: {
      operationId: 'getImpactReportHtml',
      tags,
      summary: 'The plan’s impact report as a web page',
      description,
      params: Params,
      querystring: Query,
      produces: ['text/html'],
      response: { 200: HtmlBody, ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      app.repos.plans.mustGet(req.params.planId);
      return sendHtml(reply, app.documents.impactReports.html(req.params.planId, req.query.asOf));
    },
  });
}
