// HTTP routes for highlight reports (records). Publishing and rendering live in ./document-routes.ts.
import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../crud-routes.js';
import { CreateHighlightReport, HighlightReport, HighlightReportQuery, UpdateHighlightReport } from './schemas.js';

export default async function highlightReportRoutes(app: FastifyInstance) {
  registerCrud(app, {
    tag: 'Highlight reports',
    name: ['highlight report', 'highlight reports'],
    collection: { path: '/projects/:projectId/highlight-reports', param: 'projectId' },
    item: '/highlight-reports/:id',
    schemas: { create: CreateHighlightReport, update: UpdateHighlightReport, query: HighlightReportQuery, resource: HighlightReport },
    service: app.services.highlightReports,
    notes: {
      create: 'previousOverallStatus and each previousStatus come from the project’s latest published report before this one.',
      update: 'A published report is frozen: 409.',
      remove: 'A published report is a record: 409.',
    },
  });
}
