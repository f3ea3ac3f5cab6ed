// A plan's documents as of a date (default: today in England), each as PDF and as a web page: the
// progress report here, and the same pair of routes for any other plan document (the impact report).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HtmlBody, PdfBody, sendHtml, sendPdf } from '../../shared/document-replies.js';
import { problems } from '../../shared/problem.js';
import { Id, IsoDate, QueryBoolean } from '../../shared/schemas.js';

const Params = z.strictObject({ planId: Id });

/** A plan document's two renderings, as of a date. */
export interface PlanDocument {
  pdf(planId: string, asOf?: string): Promise<Buffer>;
  html(planId: string, asOf?: string): Promise<string>;
}

export interface PlanDocumentRoutes {
  /** The path segment and file name: 'progress-report' → /plans/:planId/progress-report/pdf. */
  slug: string;
  /** For operationIds: 'ProgressReport' → getProgressReportPdf, getProgressReportHtml. */
  operation: string;
  /** For summaries: 'progress report'. */
  title: string;
  tags: string[];
  description?: string;
  query: z.ZodType<{ asOf?: string; download?: unknown }>;
  document: () => PlanDocument;
}

export function registerPlanDocument(app: FastifyInstance, def: PlanDocumentRoutes) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const common = { tags: def.tags, description: def.description, params: Params, querystring: def.query };

  r.get(`/plans/:planId/${def.slug}/pdf`, {
    schema: {
      ...common,
      operationId: `get${def.operation}Pdf`,
      summary: `The plan’s ${def.title} as PDF`,
      produces: ['application/pdf'],
      response: { 200: PdfBody, ...problems(400, 401, 403, 404, 422, 503, 504) },
    },
    handler: async (req, reply) => {
      const { planId } = req.params as { planId: string };
      const { asOf, download } = req.query as { asOf?: string; download?: unknown };
      await app.services.plans.get(planId);
      const pdf = await def.document().pdf(planId, asOf);
      return sendPdf(reply, pdf, `${def.slug}-${asOf ?? 'today'}.pdf`, Boolean(download));
    },
  });

  r.get(`/plans/:planId/${def.slug}/html`, {
    schema: {
      ...common,
      operationId: `get${def.operation}Html`,
      summary: `The plan’s ${def.title} as a web page`,
      produces: ['text/html'],
      response: { 200: HtmlBody, ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      const { planId } = req.params as { planId: string };
      await app.services.plans.get(planId);
      return sendHtml(reply, await def.document().html(planId, (req.query as { asOf?: string }).asOf));
    },
  });
}

export default async function planDocumentRoutes(app: FastifyInstance) {
  registerPlanDocument(app, {
    slug: 'progress-report',
    operation: 'ProgressReport',
    title: 'progress report',
    tags: ['Progress updates'],
    description:
      'Per area: what we have done, what we will do next, evidence of impact; then the actions behind schedule (Action | Reason | Mitigation) and the actions by RAG per area.',
    query: z.strictObject({
      asOf: IsoDate.optional().meta({ description: 'Uses each area’s latest update on or before this date (default today).' }),
      download: QueryBoolean.optional().meta({ description: 'Send as an attachment instead of inline.' }),
    }),
    document: () => app.documents.progressReports,
  });
}
