// The statutory clock of a plan (area SEND handbook paras 148 and 157), and when its next monitoring review is due.
import { addMonths } from './dates.js';
import { addWorkingDays } from './working-days.js';

export const SUBMIT_WORKING_DAYS = 30;
export const PUBLISH_WORKING_DAYS = 70;
export const MONITORING_MONTHS = 18;

export interface PlanDeadlines {
  submitBy: string | null;
  publishBy: string | null;
  monitoringInspectionBy: string | null;
}

export function planDeadlines(inspectionReportPublishedOn: string | null | undefined): PlanDeadlines {
  if (!inspectionReportPublishedOn) return { submitBy: null, publishBy: null, monitoringInspectionBy: null };
  return {
    submitBy: addWorkingDays(inspectionReportPublishedOn, SUBMIT_WORKING_DAYS),
    publishBy: addWorkingDays(inspectionReportPublishedOn, PUBLISH_WORKING_DAYS),
    monitoringInspectionBy: addMonths(inspectionReportPublishedOn, MONITORING_MONTHS),
  };
}

/**
 * When the next monitoring review with DfE and NHS England is due: the latest review's nextReviewOn, else
 * its heldOn plus the plan's cadence; null without either.
 */
export function nextReviewBy(latest: { heldOn: string; nextReviewOn: string | null } | null | undefined, cadenceMonths: number | null | undefined): string | null {
  if (!latest) return null;
  if (latest.nextReviewOn) return latest.nextReviewOn;
  return cadenceMonths ? addMonths(latest.heldOn, cadenceMonths) : null;
}
