// A monitoring review's note as HTML and PDF (live: it reads the review and the plan as they are now).
import type { DocumentContext } from '../document-context.js';
import { accessiblePdf } from '../../documents/pdf-accessibility.js';
import { buildReviewNoteView, type ReviewNoteView } from './review-note-view.js';

export class ReviewNoteDocuments {
  constructor(private readonly ctx: DocumentContext) {}

  async view(reviewId: string): Promise<ReviewNoteView> {
    const review = await this.ctx.services.reviews.get(reviewId);
    return buildReviewNoteView(this.ctx.repos, review, this.ctx.now());
  }

  renderHtml(view: ReviewNoteView): string {
    return this.ctx.templates.render('review-note/document', view);
  }

  async html(reviewId: string): Promise<string> {
    return this.renderHtml(await this.view(reviewId));
  }

  async pdf(reviewId: string): Promise<Buffer> {
    const view = await this.view(reviewId);
    const html = this.renderHtml(view);
    return accessiblePdf(await this.ctx.renderer.pdf(html), {
      html,
      title: view.review.title,
      author: view.review.author ?? view.plan.localArea,
      subject: `Monitoring review of ${view.plan.title} held on ${view.review.heldOn}`,
    });
  }
}
