// A plan's impact report as PDF and HTML, as of a date (default: today in England).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IsoDate } from '../../shared/schemas.js';
import { registerPlanDocument } from '../plans/document-routes.js';

export default async function impactReportRoutes(app: FastifyInstance) {
  registerPlanDocument(app, {
    slug: 'impact-report',
    operation: 'ImpactReport',
    title: 'impact report',
    tags: ['Evidence and inspection readiness'],
    description:
      'Per area: its latest "What is different?" (the area update’s evidenceOfImpact), each of its measures as a chart (values, trajectory, target, comparators) with its RAG and figures as text, its evidence counted by kind with the impact and voice items listed; then the information-request items that have no evidence.',
    query: z.strictObject({
      asOf: IsoDate.optional().meta({ description: 'Values, updates and evidence on or before this date (default today).' }),
      download: z.enum(['1', 'true']).optional(),
    }),
    document: () => app.documents.impactReports,
  });
}
