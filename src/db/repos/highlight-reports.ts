// Data access for highlight reports and the bytes of published ones.
import { and, asc, count, eq } from 'drizzle-orm';
import type { highlightReports, projects, publishedFiles } from '../schema.js';
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
    return await db.select().from(this.t.highlightReports).where(eq(this.t.highlightReports.projectId, projectId)).orderBy(asc(this.t.highlightReports.periodEnd));
  }

  /** What choosing the previous report needs of each of the project's reports (not their snapshots). */
  async refsInProject(projectId: string, db: Db = this.db): Promise<ReportRef[]> {
    return (await db
      .select({ id: this.t.highlightReports.id, periodEnd: this.t.highlightReports.periodEnd, state: this.t.highlightReports.state, publishedAt: this.t.highlightReports.publishedAt })
      .from(this.t.highlightReports)
      .where(eq(this.t.highlightReports.projectId, projectId))
      .orderBy(asc(this.t.highlightReports.periodEnd))) as ReportRef[];
  }

  async countPublishedInProject(projectId: string, db: Db = this.db): Promise<number> {
    return (
      (await db
        .select({ n: count() })
        .from(this.t.highlightReports)
        .where(and(eq(this.t.highlightReports.projectId, projectId), eq(this.t.highlightReports.state, 'published'))))[0]?.n ?? 0
    );
  }

  async countPublishedInPlan(planId: string, db: Db = this.db): Promise<number> {
    return (
      (await db
        .select({ n: count() })
        .from(this.t.highlightReports)
        .innerJoin(this.t.projects, eq(this.t.projects.id, this.t.highlightReports.projectId))
        .where(and(eq(this.t.projects.planId, planId), eq(this.t.highlightReports.state, 'published'))))[0]?.n ?? 0
    );
  }

  /** The report as published, if it was still at `version` (the conditional UPDATE); undefined otherwise. */
  async markPublished(
    tx: Db,
    id: string,
    version: number,
    set: { publishedAt: string; publishedBy: string; snapshot: unknown; pdfSha256: string },
  ): Promise<HighlightReportRow | undefined> {
    const t = this.t.highlightReports;
    const rows = await tx
      .update(t)
      .set({ ...set, state: 'published', version: version + 1, updatedAt: set.publishedAt })
      .where(and(eq(t.id, id), eq(t.version, version)))
      .returning();
    return rows[0];
  }

  async saveFiles(tx: Db, reportId: string, pdf: Buffer, html: string): Promise<void> {
    await tx.insert(this.t.publishedFiles).values({ reportId, pdf, html });
  }

  async files(reportId: string): Promise<{ pdf: Buffer; html: string } | undefined> {
    return (await this.db.select({ pdf: this.t.publishedFiles.pdf, html: this.t.publishedFiles.html }).from(this.t.publishedFiles).where(eq(this.t.publishedFiles.reportId, reportId)))[0];
  }
}
