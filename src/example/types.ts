// Shape of the example's JSON files under examples/wolverhampton/ (the plan's records are in its workbook,
// plan.xlsx). References between records use their human keys (area number, workstream letter, action ref,
// document key) so the loader can resolve them to ids.

import type { AgreedActionStatus, PlanKind, RagValue } from '../domain/vocabulary.js';

export interface ExamplePlan {
  title: string;
  kind: PlanKind;
  localArea: string;
  principalAuthority?: string;
  inspectionReportPublishedOn?: string; // YYYY-MM-DD
  reviewCadenceMonths?: number;
}

export interface StatusEntry { status: RagValue; explanation?: string }
export interface ExampleHighlightReport {
  periodStart: string; periodEnd: string; reportDate?: string; overallStatus: RagValue;
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
  // which document the loader attaches: the previous minutes (a Markdown file), the example highlight report,
  // the plan's progress report, or one of the example uploaded documents by key
  document?: { type: 'minutes'; file: string } | { type: 'highlight-report' } | { type: 'progress-report'; asOf?: string }
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

/** documents.json: the uploaded documents, printed from their Markdown files under documents/, by key. */
export type ExampleDocuments = Record<'presentation' | 'adviser-review' | 'guidance', { file: string; title: string; orientation: 'portrait' | 'landscape' }>;

/** update-round.json: the monthly update round and the answers some owners sent (by email, then item ref). */
export interface ExampleUpdateRound {
  round: {
    title: string; opensOn: string; dueOn: string; remindAfterWorkingDays: number;
    escalateTo: { name: string; email: string }; includeRegisters: boolean; message: string;
  };
  submissions: Record<string, Record<string, Record<string, string>>>;
}

/** evidence.json: evidence items the review note names; each file is the note itself (an uploaded document). */
export interface ExampleEvidence {
  asOf: string;
  upload: keyof ExampleDocuments;
  descriptionPrefix: string;
  items: {
    title: string; kind: 'activity' | 'impact' | 'voice'; areaNumbers: number[];
    measureRefs?: string[]; requestItems?: string[];
    quote: string; // the note's words, word for word
  }[];
}

export interface ExampleData {
  plan: ExamplePlan;
  /** The highlight reports of one project of the workbook, oldest first. */
  highlightReports: { project: string; reports: ExampleHighlightReport[] };
  areaUpdates: ExampleProgressUpdate[];
  /** Monitoring reviews with DfE and NHS England, oldest first (loaded after the area updates). */
  reviews: ExampleReview[];
  documents: ExampleDocuments;
  meeting: ExampleMeeting;
  updateRound: ExampleUpdateRound;
  evidence: ExampleEvidence;
}
