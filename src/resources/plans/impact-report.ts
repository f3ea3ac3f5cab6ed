// A plan's impact report as of a date, as HTML and PDF (always live: it reads the current records).
import { londonDate } from '../../domain/dates.js';
import type { DocumentContext } from '../document-context.js';
import { buildImpactReportView, type ImpactReportView } from './impact-report-view.js';
import { accessiblePdf } from '../../documents/pdf-accessibility.js';

export class ImpactReportDocuments {
  constructor(private readonly ctx: DocumentContext) {}

  view(planId: string, asOf?: string): Promise<ImpactReportView> {
    const { repos, now } = this.ctx;
    const at = asOf ?? londonDate(now());
    // One read transaction: the report shows one consistent state of the plan.
    return repos.store.snapshot((tx) => buildImpactReportView(repos, planId, at, { now: now(), db: tx as never }));
  }

  renderHtml(view: ImpactReportView): string {
    return this.ctx.templates.render('impact-report/document', view);
  }

  async html(planId: string, asOf?: string): Promise<string> {
    return this.renderHtml(await this.view(planId, asOf));
  }

  async pdf(planId: string, asOf?: string): Promise<Buffer> {
    const view = await this.view(planId, asOf);
    const html = this.renderHtml(view);
    return accessiblePdf(await this.ctx.renderer.pdf(html), {
      html,
      title: `${view.plan.title} – impact report – ${view.asOf}`,
      author: view.plan.principalAuthority ?? view.plan.localArea,
      subject: `What is different for children, young people and families, per area, as of ${view.asOf}`,
    });
  }
}
