// All document builders of the app, reached as app.documents.
import { ChangesPageDocuments } from './changes/changes-page.js';
import type { DocumentContext } from './document-context.js';
import { EvidenceBundleDocuments } from './evidence/evidence-bundle.js';
import { HighlightReportDocuments } from './highlight-reports/highlight-report.js';
import { ImpactReportDocuments } from './plans/impact-report.js';
import { PackDocuments } from './meetings/pack.js';
import { ProgressReportDocuments } from './plans/progress-report.js';
import { ReviewNoteDocuments } from './reviews/review-note.js';

export function createDocuments(ctx: DocumentContext) {
  const highlightReports = new HighlightReportDocuments(ctx);
  const progressReports = new ProgressReportDocuments(ctx);
  const reviewNotes = new ReviewNoteDocuments(ctx);
  const changesPages = new ChangesPageDocuments(ctx);
  return {
    highlightReports,
    progressReports,
    reviewNotes,
    changesPages,
    packs: new PackDocuments(ctx, highlightReports, progressReports),
    impactReports: new ImpactReportDocuments(ctx),
    evidenceBundles: new EvidenceBundleDocuments(ctx),
  };
}

export type Documents = ReturnType<typeof createDocuments>;
