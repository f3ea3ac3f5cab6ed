// Highlight report documents: the PDF and the HTML page (live for drafts, frozen once published), and
// publication.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { etagFor, parseIfMatch } from '../../shared/etag.js';
import { responseHeaders } from '../../shared/openapi.js';
import { DOCUMENT_CSP, HtmlBody, PdfBody } from '../../shared/document-replies.js';
import { problems } from '../../shared/problem.js';
import { IdParams, QueryBoolean } from '../../shared/schemas.js';
import { IfMatchHeaders, sendResource } from '../crud-routes.js';
import { HighlightReport } from './schemas.js';

const tags = ['Highlight reports'];
const DOWNLOAD = QueryBoolean.optional().meta({ description: 'Send as an attachment instead of inline.' });

export default async function highlightReportDocumentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/highlight-reports/:id/publish', {
    schema: {
      operationId: 'publishHighlightReport',
      tags,
      summary: 'Publish a highlight report',
      description:
        'Freezes the report: its data (project, tasks, registers, statuses, previous statuses) is stored as a snapshot with the rendered PDF and its SHA-256. Afterwards PATCH/DELETE → 409 and the documents never change.',
      params: IdParams,
      headers: IfMatchHeaders,
      response: { 200: HighlightReport, ...problems(400, 401, 403, 404, 409, 412, 422, 503, 504) },
    },
    handler: async (req, reply) => {
      const published = await app.documents.highlightReports.publish(req.params.id, parseIfMatch(req.headers['if-match']), req.actor!);
      return sendResource(reply, published);
    },
  });

  r.get('/highlight-reports/:id/pdf', {
    schema: {
      operationId: 'getHighlightReportPdf',
      tags,
      summary: 'The highlight report as PDF (A4 landscape, tagged)',
      params: IdParams,
      querystring: z.strictObject({ download: DOWNLOAD }),
      produces: ['application/pdf'],
      ...responseHeaders({ 200: ['ETag', 'Content-Disposition', 'X-Content-SHA256'] }),
      response: { 200: PdfBody, ...problems(400, 401, 403, 404, 422, 503, 504) },
    },
    handler: async (req, reply) => {
      const report = await app.services.highlightReports.get(req.params.id);
      const pdf = await app.documents.highlightReports.pdf(report.id);
      const project = await app.services.projects.get(report.projectId);
      const name = `highlight-report-${project.code}-${report.reportDate ?? report.periodEnd}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_');
      reply
        .type('application/pdf')
        .header('Content-Disposition', `${req.query.download ? 'attachment' : 'inline'}; filename="${name}"`)
        .header('ETag', etagFor(report.version))
        // Behind a token: never public. A published report's PDF never changes, so the client may keep it.
        .header('Cache-Control', report.state === 'published' ? 'private, max-age=31536000, immutable' : 'private, no-cache');
      if (report.pdfSha256) reply.header('X-Content-SHA256', report.pdfSha256);
      return reply.send(pdf);
    },
  });

  r.get('/highlight-reports/:id/html', {
    schema: {
      operationId: 'getHighlightReportHtml',
      tags,
      summary: 'The highlight report as an accessible web page',
      params: IdParams,
      produces: ['text/html'],
      ...responseHeaders({ 200: ['ETag'] }),
      response: { 200: HtmlBody, ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      const report = await app.services.highlightReports.get(req.params.id);
      return reply
        .type('text/html; charset=utf-8')
        .header('ETag', etagFor(report.version))
        .header('Content-Security-Policy', `${DOCUMENT_CSP}; img-src data:; font-src data:`)
        .send(await app.documents.highlightReports.html(report.id));
    },
  });
}
