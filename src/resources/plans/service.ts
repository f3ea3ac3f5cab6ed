// Plan rules: the statutory deadlines on every read; a plan holding published reports cannot be deleted.
import { nextReviewBy, planDeadlines } from '../../domain/deadlines.js';
import { ConflictError } from '../../shared/errors.js';
import type { Repos } from '../../db/repos/index.js';
import { ResourceService } from '../resource-service.js';
import type { PlanRow } from '../../db/repos/plans.js';
import type { CreatePlan, Plan, PlanQuery, UpdatePlan } from './schemas.js';

/** The plan as the API serves it; `latestReview` gives deadlines.nextReviewBy. */
export const planToApi = (row: PlanRow, latestReview?: { heldOn: string; nextReviewOn: string | null } | null): Plan => ({
  ...row,
  deadlines: { ...planDeadlines(row.inspectionReportPublishedOn), nextReviewBy: nextReviewBy(latestReview, row.reviewCadenceMonths) },
});

export const createPlansService = (repos: Repos) =>
  new ResourceService<Repos['plans'], CreatePlan, UpdatePlan, PlanQuery, Plan>({
    repo: repos.plans,
    toApi: async (row) => planToApi(row, await repos.reviews.latestInPlan(row.id)),
    optional: ['principalAuthority', 'inspectionReportPublishedOn', 'reviewCadenceMonths'],
    guardDelete: async (current, tx) => {
      if ((await repos.highlightReports.countPublishedInPlan(current.id, tx)) > 0) {
        throw new ConflictError('This plan has published highlight reports, which are records and cannot be deleted.');
      }
    },
  });
