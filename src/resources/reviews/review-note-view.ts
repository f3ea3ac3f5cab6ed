// The view model of a review note, laid out like seed 003's "Wolverhampton WSoA Review Meeting (MR3)":
// the review as the API serves it (stored fields plus what the tracker knows as of heldOn), with the plan
// and the names of the areas support was received for.
import type { Repos } from '../../db/repos/index.js';
import type { Review } from './schemas.js';

export interface ReviewNoteView {
  generatedAt: string;
  plan: { id: string; title: string; kind: string; localArea: string; principalAuthority: string | null; short: string };
  review: Review;
  previous: { title: string; heldOn: string } | null;
  support: (Review['supportReceived'][number] & { areaLabel: string })[];
  behindAnswer: 'Yes' | 'No';
  hasAgreedActions: boolean;
}

/** How the note names the plan: the adviser's "WSoA", or the new framework's words. */
export const planShortName = (kind: string) => (kind === 'wsoa' ? 'WSoA' : kind === 'priority-action-plan' ? 'Priority action plan' : 'Plan');

export async function buildReviewNoteView(repos: Repos, review: Review, now: Date): Promise<ReviewNoteView> {
  const plan = await repos.plans.mustGet(review.planId);
  const areas = new Map(review.areas.map((a) => [a.areaId, a]));
  const short = planShortName(plan.kind);
  return {
    generatedAt: now.toISOString(),
    plan: { id: plan.id, title: plan.title, kind: plan.kind, localArea: plan.localArea, principalAuthority: plan.principalAuthority, short },
    review,
    previous: (await previousOf(repos, review)),
    support: review.supportReceived.map((s) => {
      const a = s.areaId ? areas.get(s.areaId) : undefined;
      return { ...s, areaLabel: a ? `Area ${a.number}: ${a.title}` : 'General' };
    }),
    behindAnswer: review.behindSchedule.length ? 'Yes' : 'No',
    hasAgreedActions: review.agreedActions.length > 0,
  };
}

async function previousOf(repos: Repos, review: Review) {
  const p = review.previousReviewId ? (await repos.reviews.get(review.previousReviewId)) : undefined;
  return p ? { title: p.title, heldOn: p.heldOn } : null;
}
