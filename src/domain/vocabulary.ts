// The product's closed vocabularies, each named once: API schemas (z.enum), database columns
// (text(..., { enum })) and domain rules all take their values from here.

export const PLAN_KINDS = ['wsoa', 'priority-action-plan', 'improvement-plan'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** An action's RAG (the measure RAG is the first three: a measure is never "complete"). */
export const RAG_VALUES = ['on-target', 'at-risk', 'off-target', 'complete'] as const;
export type RagValue = (typeof RAG_VALUES)[number];
export const MEASURE_RAG_VALUES = ['on-target', 'at-risk', 'off-target'] as const;
export type MeasureRag = (typeof MEASURE_RAG_VALUES)[number];

export const ACTION_STATUSES = ['not-started', 'in-progress', 'complete', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const RAG_SOURCES = ['derived', 'override'] as const;

/** Risks and issues are open or closed; dependencies have two steps between. */
export const REGISTER_STATUSES = ['open', 'closed'] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];
export const DEPENDENCY_STATUSES = ['open', 'managed', 'escalated', 'closed'] as const;
export type DependencyStatus = (typeof DEPENDENCY_STATUSES)[number];
export const BENEFIT_KINDS = ['cashable', 'non-cashable'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

export const REPORT_STATES = ['draft', 'submitted', 'approved', 'published'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const AUDIT_OPERATIONS = ['create', 'update', 'delete', 'publish', 'revoke'] as const;

export const DIRECTIONS = ['higher-is-better', 'lower-is-better'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const FREQUENCIES = ['monthly', 'termly', 'quarterly', 'annual'] as const;
export const TRENDS = ['improving', 'worsening', 'steady'] as const;
export type Trend = (typeof TRENDS)[number];

export const EVIDENCE_KINDS = ['activity', 'impact', 'voice'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const ROUND_STATES = ['scheduled', 'open', 'closed'] as const;
export type RoundState = (typeof ROUND_STATES)[number];
export const REQUEST_STATES = ['sent', 'submitted', 'accepted', 'returned'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const ITEM_TYPES = ['action', 'risk', 'issue', 'dependency'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** An action agreed at a monitoring review. */
export const AGREED_ACTION_STATUSES = ['open', 'done'] as const;
export type AgreedActionStatus = (typeof AGREED_ACTION_STATUSES)[number];

export const MEETING_SECTIONS = ['procedural', 'discussion', 'information'] as const;
export const MEMBER_ROLES = ['chair', 'vice-chair'] as const;
export const PUBLIC_DOCUMENT_KINDS = ['pack', 'item'] as const;

/** The words documents, forms and spreadsheets print for action and register statuses. */
export const STATUS_LABELS: Record<ActionStatus | DependencyStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
  cancelled: 'Cancelled',
  open: 'Open',
  closed: 'Closed',
  managed: 'Managed',
  escalated: 'Escalated',
};
