// Highlight report documents: live rendering of drafts, and publication, which freezes the view model,
// the HTML and the PDF (with its SHA-256) so a published report never changes afterwards.
import { createHash } from 'node:crypto';
import type { Actor } from '../../db/store.js';
import { ConflictError, PreconditionFailedError } from '../../shared/errors.js';
import { ifMatchAllows } from '../../shared/etag.js';
import type { HighlightReport } from './schemas.js';
import type { HighlightReportRow } from '../../db/repos/highlight-reports.js';
import type { DocumentContext } from '../document-context.js';
import { londonDate, ukDate } from '../../domain/dates.js';
import { buildChangesView, type ChangesView } from '../changes/changes-view.js';
import { buildHighlightReportView, type HighlightReportView } from './highlight-report-view.js';
import { accessiblePdf } from '../../documents/pdf-accessibility.js';

export class HighlightReportDocuments {
  constructor(private readonly ctx: DocumentContext) {}

  /** The view model: frozen for a published report, live for a draft. */
  async view(id: string): Promise<HighlightReportView> {
    const row = await this.ctx.repos.highlightReports.mustGet(id);
    if (row.state === 'published' && row.snapshot) return (row.snapshot as { view: HighlightReportView }).view;
    return this.liveView(row);
  }

  private liveView(row: HighlightReportRow): Promise<HighlightReportView> {
    const { repos, services, now, ragMargin } = this.ctx;
    // One read transaction, so the report shows one consistent moment of the live data.
    return repos.store.snapshot(async (tx) => {
      const view = await buildHighlightReportView(repos, services.highlightReports, row, { now: now(), ragMargin, db: tx as never });
      return { ...view, changes: (await this.changesSincePrevious(row, view)) };
    });
  }

  /** "Changes since the last report": from the previous published report's publication day to today. */
  private async changesSincePrevious(row: HighlightReportRow, view: HighlightReportView): Promise<ChangesView | null> {
    const prev = view.previous.reportId ? (await this.ctx.repos.highlightReports.get(view.previous.reportId)) : undefined;
    if (!prev?.publishedAt) return null;
    const until = londonDate(this.ctx.now());
    const published = londonDate(new Date(prev.publishedAt));
    const since = published < until ? published : until;
    const changes = await this.ctx.services.changes.forProjectNow(row.projectId, since, until);
    if (!changes) return null;
    return buildChangesView(changes, { sinceWhat: `the last report (${ukDate(since)})`, noun: 'task', showMeasures: true });
  }

  renderHtml(view: HighlightReportView): string {
    return this.ctx.templates.render('highlight-report/document', view);
  }

  async html(id: string): Promise<string> {
    const row = await this.ctx.repos.highlightReports.mustGet(id);
    if (row.state === 'published') {
      const files = await this.ctx.repos.highlightReports.files(id);
      if (files) return files.html;
    }
    return this.renderHtml(await this.view(id));
  }

  async pdf(id: string): Promise<Buffer> {
    const row = await this.ctx.repos.highlightReports.mustGet(id);
    if (row.state === 'published') {
      const files = await this.ctx.repos.highlightReports.files(id);
      if (files) return files.pdf;
    }
    const view = await this.view(id);
    return this.printView(view);
  }

  async printView(view: HighlightReportView): Promise<Buffer> {
    const html = this.renderHtml(view);
    return accessiblePdf(await this.ctx.renderer.pdf(html), { ...pdfInfoFor(view), html });
  }

  /** `at` backdates the publication, for loading history (the example); the API always publishes now. */
  async publish(id: string, ifMatch: number[] | undefined, actor: Actor, at?: string): Promise<HighlightReport> {
    const { repos } = this.ctx;
    const store = repos.store;
    const row = await repos.highlightReports.mustGet(id);
    if (!ifMatchAllows(ifMatch, row.version)) throw new PreconditionFailedError(row.version);
    if (row.state === 'published') throw new ConflictError(`This report was already published on ${row.publishedAt}.`);
    await this.ctx.services.highlightReports.checkPublishable(row, actor);

    const publishedAt = at ?? store.timestamp();
    const live = await this.liveView(row);
    const view: HighlightReportView = { ...live, state: 'published', publishedAt, publishedBy: actor.name };
    const html = this.renderHtml(view);
    const pdf = await accessiblePdf(await this.ctx.renderer.pdf(html), { ...pdfInfoFor(view), html });
    const sha = createHash('sha256').update(pdf).digest('hex');

    const updated = await store.tx(async (tx) => {
      const current = await repos.highlightReports.mustGet(id, tx);
      // Someone changed or published the report while it was rendering: the PDF may not match it.
      if (current.version !== row.version) throw new PreconditionFailedError(current.version);
      const published = await repos.highlightReports.markPublished(tx, id, current.version, {
        publishedAt,
        publishedBy: actor.name,
        snapshot: { view, previous: view.previous },
        pdfSha256: sha,
      });
      if (!published) throw new PreconditionFailedError((await repos.highlightReports.mustGet(id, tx)).version);
      await repos.highlightReports.saveFiles(tx, id, pdf, html);
      await store.audit(tx, actor, 'publish', 'highlight-report', id, { state: current.state, version: current.version }, { state: 'published', publishedAt, pdfSha256: sha, version: published.version });
      return published;
    });
    return this.ctx.services.highlightReports.toApi(updated);
  }
}

export function pdfInfoFor(view: HighlightReportView) {
  return {
    title: `Highlight Report – ${view.project.name} – ${view.report.reportDate}`,
    author: view.project.author ?? view.plan.principalAuthority ?? 'SEND plan tracker',
    subject: `${view.project.code} ${view.project.name}: reporting period ${view.report.periodStart} to ${view.report.periodEnd}`,
  };
}
