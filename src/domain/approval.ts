// Approval before publishing a highlight report: draft → submitted → approved → published, four eyes
// (the approver is not the submitter), and any change to a submitted or approved report sends it back.

import type { ReportState } from './vocabulary.js';

export type { ReportState } from './vocabulary.js';
export type ApprovalStep = 'submit' | 'approve' | 'return' | 'publish';

const FROM: Record<ApprovalStep, ReportState[]> = {
  submit: ['draft'],
  approve: ['submitted'],
  return: ['submitted', 'approved'],
  publish: ['draft', 'submitted', 'approved'],
};

const TO: Record<ApprovalStep, ReportState> = { submit: 'submitted', approve: 'approved', return: 'draft', publish: 'published' };

export type ApprovalRefusal = { status: 403 | 409; detail: string } | null;

/** Why the step is refused (null when allowed). `needsApproval`: the project names an approver. */
export function refuseStep(
  step: ApprovalStep,
  report: { state: ReportState; submitterKey: string | null },
  ctx: { actorKey: string; needsApproval: boolean },
): ApprovalRefusal {
  if (report.state === 'published') return { status: 409, detail: 'This report is published; a published report is a record and cannot change.' };
  if (!FROM[step].includes(report.state)) return { status: 409, detail: `A ${report.state} report cannot be ${pastTense(step)}; it must be ${FROM[step].join(' or ')}.` };
  if (step === 'approve' && report.submitterKey !== null && report.submitterKey === ctx.actorKey) {
    return { status: 403, detail: 'The report was submitted with your token: someone else must approve it (four eyes).' };
  }
  if (step === 'publish' && ctx.needsApproval && report.state !== 'approved') {
    return { status: 409, detail: `The project has an approver, so the report must be approved before it is published; it is ${report.state}.` };
  }
  return null;
}

export const nextState = (step: ApprovalStep): ReportState => TO[step];

/** A change to the report's content: a submitted or approved report goes back to draft. */
export const stateAfterEdit = (state: ReportState): ReportState => (state === 'submitted' || state === 'approved' ? 'draft' : state);

const pastTense = (step: ApprovalStep) => ({ submit: 'submitted', approve: 'approved', return: 'returned', publish: 'published' })[step];
