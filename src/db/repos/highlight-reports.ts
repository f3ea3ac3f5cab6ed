// Data access for highlight reports and the bytes of published ones.
import { and, asc, count, eq } from 'drizzle-orm';
import { highlightReports, projects, publishedFiles } from '../schema.js';
import { CrudRepo } from '../crud-repo.js';
import type { Db } from '../client.js';
import type { Store } from '../store.js';
import type { ReportRef } from '../../domain/previous-status.js';

export type HighlightReportRow = typeof highlightReports.$inferSelect;

export class HighlightReportsRepo extends CrudRepo<typeof highlightReports> {
  constructor(store: Store) {
    super(store, { table: highlightReports, resourceType: 'highlight-report', idPrefix: 'hlr', auditOmit: ['snapshot'] });
  }

  inProject(projectId: string, db: Db = this.db): HighlightReportRow[] {
    return db.select().from(highlightReports).where(eq(highlightReports.projectId, projectId)).orderBy(asc(highlightReports.periodEnd)).all();
  }

  /** What choosing the previous report needs of each of the project's reports (not their snapshots). */
  refsInProject(projectId: string, db: Db = this.db): ReportRef[] {
    return db
      .select({ id: highlightReports.id, periodEnd: highlightReports.periodEnd, state: highlightReports.state, publishedAt: highlightReports.publishedAt })
      .from(highlightReports)
      .where(eq(highlightReports.projectId, projectId))
      .orderBy(asc(highlightReports.periodEnd))
      .all() as ReportRef[];
  }

  countPublishedInProject(projectId: string, db: Db = this.db): number {
    return (
      db
        .select({ n: count() })
        .from(highlightReports)
        .where(and(eq(highlightReports.projectId, projectId), eq(highlightReports.state, 'published')))
        .get()?.n ?? 0
    );
  }

  countPublishedInPlan(planId: string, db: Db = this.db): number {
    return (
      db
        .select({ n: count() })
        .from(highlightReports)
        .innerJoin(projects, eq(projects.id, highlightReports.projectId))
        .where(and(eq(projects.planId, planId), eq(highlightReports.state, 'published')))
        .get()?.n ?? 0
    );
  }

  saveFiles(tx: Db, reportId: string, pdf: Buffer, html: string): void {
    tx.insert(publishedFiles).values({ reportId, pdf, html }).run();
  }

  files(reportId: string): { pdf: Buffer; html: string } | undefined {
    return this.db.select({ pdf: publishedFiles.pdf, html: publishedFiles.html }).from(publishedFiles).where(eq(publishedFiles.reportId, reportId)).get();
  }
}
