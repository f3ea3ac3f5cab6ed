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
    super(store, { table: (t) => t.highlightReports, resourceType: 'highlight-report', idPrefix: 'hlr', auditOmit: ['snapshot'] });
  }

  async inProject(projectId: string, db: Db = this.db): Promise<HighlightReportRow[]> {
    return await db.select().from(highlightReports).where(eq(highlightReports.projectId, projectId)).orderBy(asc(highlightReports.periodEnd));
  }

  /** What choosing the previous report needs of each of the project's reports (not their snapshots). */
  async refsInProject(projectId: string, db: Db = this.db): Promise<ReportRef[]> {
    return (await db
          .select({ id: highlightReports.id, periodEnd: highlightReports.periodEnd, state: highlightReports.state, publishedAt: highlightReports.publishedAt })
          .from(highlightReports)
          .where(eq(highlightReports.projectId, projectId))
          .orderBy(asc(highlightReports.periodEnd))) as ReportRef[];
  }

  async countPublishedInProject(projectId: string, db: Db = this.db): Promise<number> {
    return (
      (await db
                .select({ n: count() })
                .from(highlightReports)
                .where(and(eq(highlightReports.projectId, projectId), eq(highlightReports.state, 'published'))))[0]?.n ?? 0
    );
  }

  async countPublishedInPlan(planId: string, db: Db = this.db): Promise<number> {
    return (
      (await db
                .select({ n: count() })
                .from(highlightReports)
                .innerJoin(projects, eq(projects.id, highlightReports.projectId))
                .where(and(eq(projects.planId, planId), eq(highlightReports.state, 'published'))))[0]?.n ?? 0
    );
  }

  async saveFiles(tx: Db, reportId: string, pdf: Buffer, html: string): Promise<void> {
    await tx.insert(publishedFiles).values({ reportId, pdf, html });
  }

  async files(reportId: string): Promise<{ pdf: Buffer; html: string } | undefined> {
    return (await this.db.select({ pdf: publishedFiles.pdf, html: publishedFiles.html }).from(publishedFiles).where(eq(publishedFiles.reportId, reportId)))[0];
  }
}
