// All document builders of the app, reached as app.documents.
import type { DocumentContext } from './context.js';
import { HighlightReportDocuments } from './highlight-report.js';

export function createDocuments(ctx: DocumentContext) {
  return {
    highlightReports: new HighlightReportDocuments(ctx),
  };
}

export type Documents = ReturnType<typeof createDocuments>;
