// Shape of the transcribed example data. References between records use their human keys
// (area number, workstream letter, action ref) so the loader can resolve them to ids.

import type { ActionStatus, AgreedActionStatus, BenefitKind, DependencyStatus, PlanKind, RagValue, RegisterStatus } from '../domain/vocabulary.js';

export type { ActionStatus } from '../domain/vocabulary.js';
export type Rag = RagValue;

export interface ExamplePlan {
  title: string;
  kind: PlanKind;
  localArea: string;
  principalAuthority?: string;
  inspectionReportPublishedOn?: string; // YYYY-MM-DD
  reviewCadenceMonths?: number;
}

export interface ExampleArea {
  number: number;
  title: string;
  description?: string;
}

export interface ExampleAction {
  ref: string; // unique in the plan: "2.1" for WSoA actions, "COI-01".. for project tasks
  title: string;
  areaNumber?: number;
  workstreamLetter?: string; // project tasks only
  inProject?: boolean; // true for the Culture of Inclusion tasks
  responsibleOrganisation?: string;
  owner?: string;
  startDate?: string;
  dueDate: string;
  revisedDueDate?: string;
  percentComplete?: number;
  milestone?: boolean;
  status?: ActionStatus;
  delayReason?: string;
  mitigation?: string;
}

export interface ExampleProject {
  code: string;
  name: string;
  author?: string;
  gatewayStage?: string;
  plannedEndDate?: string;
  budget?: number;
  approver?: string;
}

export interface ExampleWorkstream { letter: string; title: string; aim?: string }

export interface ExampleRisk {
  ref: string; owner?: string; description: string; impactDescription?: string;
  likelihood: number; impact: number; status?: RegisterStatus; mitigation?: string; targetResolutionDate?: string;
}
export interface ExampleIssue {
  ref: string; owner?: string; description: string; impactDescription?: string;
  impactScore: number; status?: RegisterStatus; mitigation?: string; resolutionDate?: string;
}
export interface ExampleDependency {
  ref: string; owner?: string; description: string; impactScore: number;
  status?: DependencyStatus; mitigation?: string; targetResolutionDate?: string;
  updates?: { date: string; text: string }[];
}
export interface ExampleBenefit {
  ref: string; owner?: string; description: string; kind: BenefitKind;
  valueGbpThousands?: number; targetDate?: string;
}

export interface StatusEntry { status: Rag; explanation?: string }
export interface ExampleHighlightReport {
  periodStart: string; periodEnd: string; reportDate?: string; overallStatus: Rag;
  summary?: string; helpRequired?: string;
  achievements?: { workstreamLetter?: string; text: string }[];
  nextSteps?: { workstreamLetter?: string; text: string }[];
  statusSummary?: {
    tasks: StatusEntry; costs: StatusEntry; risks: StatusEntry; issues: StatusEntry;
    dependencies: StatusEntry; financialBenefits: StatusEntry; nonFinancialBenefits: StatusEntry;
  };
  costs?: { spendToDate: number; forecastSpend: number; budget: number };
  publish: boolean; // publish after creating (oldest first)
}

export interface ExampleProgressUpdate {
  areaNumber: number; asOf: string; done: string[]; next: string[]; evidenceOfImpact?: string;
}

export interface ExampleReview {
  title: string; heldOn: string; venue?: string;
  attendees?: { name: string; role?: string; organisation?: string }[];
  apologies?: { name: string; role?: string; organisation?: string }[];
  generalUpdate?: string;
  supportReceived?: { areaNumber?: number; activity: string; provider?: string; impact?: string }[];
  agreedActions?: { text: string; who?: string; when?: string; status: AgreedActionStatus }[];
  conclusion?: string; nextReviewOn?: string; author?: string;
}

export interface ExampleMeetingItem {
  number: number; title: string; presenter?: string;
  section?: 'procedural' | 'discussion' | 'information'; part?: 1 | 2;
  // which document the loader attaches: the previous minutes, the example highlight report,
  // the plan's progress report, or one of the example uploaded documents by key
  document?: { type: 'minutes' } | { type: 'highlight-report' } | { type: 'progress-report'; asOf?: string }
    | { type: 'upload'; key: 'presentation' | 'adviser-review' | 'guidance' };
  note?: string; // extra agenda text printed under the item
}

export interface ExampleMeeting {
  council?: string;
  committee: string; startsAt: string; venue?: string; isPublic?: boolean; meetingType?: string;
  members: { name: string; role?: 'chair' | 'vice-chair' }[];
  contact?: { name: string; phone?: string; email?: string };
  items: ExampleMeetingItem[];
}

export interface ExampleData {
  plan: ExamplePlan;
  areas: ExampleArea[];
  actions: ExampleAction[];
  project: ExampleProject;
  workstreams: ExampleWorkstream[];
  risks: ExampleRisk[];
  issues: ExampleIssue[];
  dependencies: ExampleDependency[];
  benefits: ExampleBenefit[];
  highlightReports: ExampleHighlightReport[];
  progressUpdates: ExampleProgressUpdate[];
  /** Monitoring reviews with DfE and NHS England, oldest first (loaded after the progress updates). */
  reviews?: ExampleReview[];
  previousMinutesMarkdown: string;
  meeting: ExampleMeeting;
}
