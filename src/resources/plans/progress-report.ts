// A plan's progress report as of a date, as HTML and PDF (always live: it reads the current records).
import { londonDate } from '../../domain/dates.js';
import type { DocumentContext } from '../document-context.js';
import { accessiblePdf } from '../../documents/pdf-accessibility.js';
import { buildProgressReportView, type ProgressReportView } from './progress-report-view.js';

export class ProgressReportDocuments {
  constructor(private readonly ctx: DocumentContext) {}

  view(planId: string, asOf?: string): Promise<ProgressReportView> {
    const { repos, now, ragMargin } = this.ctx;
    const at = asOf ?? londonDate(now());
    return repos.store.snapshot((tx) => buildProgressReportView(repos, planId, at, { now: now(), ragMargin, db: tx as never }));
  }

  renderHtml(view: ProgressReportView): string {
    return this.ctx.templates.render('progress-report/document', view);
  }

  async html(planId: string, asOf?: string): Promise<string> {
    return this.renderHtml(await this.view(planId, asOf));
  }

  async pdf(planId: string, asOf?: string): Promise<Buffer> {
    const view = await this.view(planId, asOf);
    const html = this.renderHtml(view);
    return accessiblePdf(await this.ctx.renderer.pdf(html), { ...pdfInfoFor(view), html });
  }
}

export const pdfInfoFor = (view: ProgressReportView) => ({
  title: `${view.plan.title} – progress update – ${view.asOf}`,
  author: view.plan.principalAuthority ?? view.plan.localArea,
  subject: `Progress on each area, evidence of impact and actions behind schedule, as of ${view.asOf}`,
});
