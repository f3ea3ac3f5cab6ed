// Approval before publishing: submit, approve (by someone other than the submitter) and return to draft.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { parseIfMatch } from '../../shared/etag.js';
import { problems } from '../../shared/problem.js';
import { IdParams } from '../../shared/schemas.js';
import { IfMatchHeaders, sendResource } from '../crud-routes.js';
import { HighlightReport, ReturnReport } from './schemas.js';

const tags = ['Highlight reports'];

export default async function highlightReportApprovalRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = app.services.highlightReports;

  r.post('/highlight-reports/:id/submit', {
    schema: {
      operationId: 'submitHighlightReport',
      tags,
      summary: 'Submit a draft highlight report for approval',
      description: 'draft → submitted. Records the submitting token, so that another token must approve it.',
      params: IdParams,
      headers: IfMatchHeaders,
      response: { 200: HighlightReport, ...problems(400, 401, 403, 404, 409, 412) },
    },
    handler: async (req, reply) => sendResource(reply, await service.step(req.params.id, 'submit', parseIfMatch(req.headers['if-match']), req.actor!)),
  });

  r.post('/highlight-reports/:id/approve', {
    schema: {
      operationId: 'approveHighlightReport',
      tags,
      summary: 'Approve a submitted highlight report',
      description: 'submitted → approved, recording approvedBy (the token name) and approvedAt. The token that submitted it cannot approve it (403); a report that is not submitted → 409.',
      params: IdParams,
      headers: IfMatchHeaders,
      response: { 200: HighlightReport, ...problems(400, 401, 403, 404, 409, 412) },
    },
    handler: async (req, reply) => sendResource(reply, await service.step(req.params.id, 'approve', parseIfMatch(req.headers['if-match']), req.actor!)),
  });

  r.post('/highlight-reports/:id/return', {
    schema: {
      operationId: 'returnHighlightReport',
      tags,
      summary: 'Return a submitted or approved highlight report to draft, with a note',
      params: IdParams,
      headers: IfMatchHeaders,
      body: ReturnReport,
      response: { 200: HighlightReport, ...problems(400, 401, 403, 404, 409, 412, 413) },
    },
    handler: async (req, reply) =>
      sendResource(reply, await service.step(req.params.id, 'return', parseIfMatch(req.headers['if-match']), req.actor!, req.body.note)),
  });
}
