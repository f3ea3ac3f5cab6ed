// The core tables (plans, areas, projects, actions, registers, reports, meetings, uploads, tokens, audit).
// Dates are YYYY-MM-DD text, timestamps ISO 8601 UTC text and nested lists JSON text.

import { sql } from 'drizzle-orm';
import { blob, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ACTION_STATUSES, AUDIT_OPERATIONS, BENEFIT_KINDS, DEPENDENCY_STATUSES, PLAN_KINDS, RAG_VALUES, REGISTER_STATUSES, REPORT_STATES, ROLES,
} from '../../domain/vocabulary.js';
import { recordColumns } from './columns.js';


export const plans = sqliteTable('plans', {
  ...recordColumns,
  title: text('title').notNull(),
  kind: text('kind', { enum: PLAN_KINDS }).notNull(),
  localArea: text('local_area').notNull(),
  principalAuthority: text('principal_authority'),
  inspectionReportPublishedOn: text('inspection_report_published_on'),
  reviewCadenceMonths: integer('review_cadence_months'),
});

export const areas = sqliteTable(
  'areas',
  {
    ...recordColumns,
    planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description'),
  },
  (t) => [uniqueIndex('areas_plan_number').on(t.planId, t.number)],
);

export const projects = sqliteTable(
  'projects',
  {
    ...recordColumns,
    planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    author: text('author'),
    gatewayStage: text('gateway_stage'),
    plannedEndDate: text('planned_end_date'),
    budget: real('budget'),
    approver: text('approver'),
  },
  (t) => [uniqueIndex('projects_plan_code').on(t.planId, t.code)],
);

export const workstreams = sqliteTable(
  'workstreams',
  {
    ...recordColumns,
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    letter: text('letter').notNull(),
    title: text('title').notNull(),
    aim: text('aim'),
  },
  (t) => [uniqueIndex('workstreams_project_letter').on(t.projectId, t.letter)],
);

export const actions = sqliteTable(
  'actions',
  {
    ...recordColumns,
    planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    ref: text('ref').notNull(),
    title: text('title').notNull(),
    areaId: text('area_id').references(() => areas.id, { onDelete: 'set null' }),
    projectId: text('project_id').references(() => projects.id, { onDelete: 'set null' }),
    workstreamId: text('workstream_id').references(() => workstreams.id, { onDelete: 'set null' }),
    responsibleOrganisation: text('responsible_organisation'),
    owner: text('owner'),
    ownerEmail: text('owner_email'),
    startDate: text('start_date'),
    dueDate: text('due_date').notNull(),
    revisedDueDate: text('revised_due_date'),
    percentComplete: integer('percent_complete').notNull().default(0),
    milestone: integer('milestone', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: ACTION_STATUSES }).notNull(),
    delayReason: text('delay_reason'),
    mitigation: text('mitigation'),
    ragOverride: text('rag_override', { enum: RAG_VALUES }),
    ragOverrideReason: text('rag_override_reason'),
  },
  (t) => [
    uniqueIndex('actions_plan_ref').on(t.planId, t.ref),
    // A plan's actions page by id (creation order): without it every list page sorts the whole plan.
    index('actions_plan_id').on(t.planId, t.id),
    index('actions_project').on(t.projectId),
    index('actions_area').on(t.areaId),
  ],
);

const registerCommon = {
  ...recordColumns,
  projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  ref: text('ref').notNull(),
  owner: text('owner'),
  ownerEmail: text('owner_email'),
  description: text('description').notNull(),
};

export const risks = sqliteTable(
  'risks',
  {
    ...registerCommon,
    impactDescription: text('impact_description'),
    likelihood: integer('likelihood').notNull(),
    impact: integer('impact').notNull(),
    status: text('status', { enum: REGISTER_STATUSES }).notNull(),
    mitigation: text('mitigation'),
    targetResolutionDate: text('target_resolution_date'),
  },
  (t) => [uniqueIndex('risks_project_ref').on(t.projectId, t.ref)],
);

export const issues = sqliteTable(
  'issues',
  {
    ...registerCommon,
    impactDescription: text('impact_description'),
    impactScore: integer('impact_score').notNull(),
    status: text('status', { enum: REGISTER_STATUSES }).notNull(),
    mitigation: text('mitigation'),
    resolutionDate: text('resolution_date'),
  },
  (t) => [uniqueIndex('issues_project_ref').on(t.projectId, t.ref)],
);

export const dependencies = sqliteTable(
  'dependencies',
  {
    ...registerCommon,
    impactScore: integer('impact_score').notNull(),
    status: text('status', { enum: DEPENDENCY_STATUSES }).notNull(),
    mitigation: text('mitigation'),
    targetResolutionDate: text('target_resolution_date'),
    updates: text('updates', { mode: 'json' }).$type<{ date: string; text: string }[]>().notNull(),
  },
  (t) => [uniqueIndex('dependencies_project_ref').on(t.projectId, t.ref)],
);

export const benefits = sqliteTable(
  'benefits',
  {
    ...registerCommon,
    kind: text('kind', { enum: BENEFIT_KINDS }).notNull(),
    valueGbpThousands: real('value_gbp_thousands'),
    targetDate: text('target_date'),
  },
  (t) => [uniqueIndex('benefits_project_ref').on(t.projectId, t.ref)],
);

export const highlightReports = sqliteTable(
  'highlight_reports',
  {
    ...recordColumns,
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    reportDate: text('report_date'),
    overallStatus: text('overall_status').notNull(),
    summary: text('summary'),
    helpRequired: text('help_required'),
    achievements: text('achievements', { mode: 'json' }).$type<unknown[]>().notNull(),
    nextSteps: text('next_steps', { mode: 'json' }).$type<unknown[]>().notNull(),
    statusSummary: text('status_summary', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    costs: text('costs', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    state: text('state', { enum: REPORT_STATES }).notNull().default('draft'),
    // Approval before publishing: who submitted it (token id, so the approver can be told apart) and who approved.
    submittedAt: text('submitted_at'),
    submittedBy: text('submitted_by'),
    submittedByTokenId: text('submitted_by_token_id'),
    approvedAt: text('approved_at'),
    approvedBy: text('approved_by'),
    returnNote: text('return_note'),
    publishedAt: text('published_at'),
    publishedBy: text('published_by'),
    // The frozen view model the published document was rendered from; null while draft.
    snapshot: text('snapshot', { mode: 'json' }).$type<unknown>(),
    pdfSha256: text('pdf_sha256'),
  },
  (t) => [index('highlight_reports_project').on(t.projectId, t.periodEnd)],
);

// Rendered bytes of published documents, kept apart so ordinary reads never load them.
export const publishedFiles = sqliteTable('published_files', {
  reportId: text('report_id').primaryKey().references(() => highlightReports.id, { onDelete: 'cascade' }),
  pdf: blob('pdf', { mode: 'buffer' }).notNull(),
  html: text('html').notNull(),
});

export const areaUpdates = sqliteTable(
  'area_updates',
  {
    ...recordColumns,
    areaId: text('area_id').notNull().references(() => areas.id, { onDelete: 'cascade' }),
    asOf: text('as_of').notNull(),
    done: text('done', { mode: 'json' }).$type<string[]>().notNull(),
    next: text('next', { mode: 'json' }).$type<string[]>().notNull(),
    evidenceOfImpact: text('evidence_of_impact'),
    evidenceIds: text('evidence_ids', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
  },
  (t) => [index('area_updates_area').on(t.areaId, t.asOf)],
);

export const meetings = sqliteTable('meetings', {
  ...recordColumns,
  council: text('council'),
  committee: text('committee').notNull(),
  startsAt: text('starts_at').notNull(),
  venue: text('venue'),
  isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(true),
  meetingType: text('meeting_type'),
  members: text('members', { mode: 'json' }).$type<unknown[]>().notNull(),
  contact: text('contact', { mode: 'json' }).$type<Record<string, unknown> | null>(),
  items: text('items', { mode: 'json' }).$type<unknown[]>().notNull(),
});

export const uploads = sqliteTable(
  'uploads',
  {
    id: text('id').primaryKey(),
    createdAt: text('created_at').notNull(),
    filename: text('filename'),
    size: integer('size').notNull(),
    // 0 for files other than PDFs (served as pages: null).
    pages: integer('pages').notNull(),
    sha256: text('sha256').notNull(),
    mediaType: text('media_type').notNull().default('application/pdf'),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  },
  // One file is stored once: a repeated upload is found by its hash.
  (t) => [index('uploads_sha256').on(t.sha256)],
);

export const apiTokens = sqliteTable('api_tokens', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: text('created_at').notNull(),
  revokedAt: text('revoked_at'),
});

export const auditEvents = sqliteTable(
  'audit_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    actorTokenId: text('actor_token_id'),
    requestId: text('request_id'),
    operation: text('operation', { enum: AUDIT_OPERATIONS }).notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id').notNull(),
    before: text('before', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    after: text('after', { mode: 'json' }).$type<Record<string, unknown> | null>(),
  },
  (t) => [index('audit_resource').on(t.resourceType, t.resourceId, t.seq), index('audit_at').on(t.at)],
);


// Secret calendar-feed URLs of a plan, for subscribing from Outlook or Google Calendar (which cannot send
// a bearer token). Only a SHA-256 of each secret is stored; revoking one stops its URL.
export const calendarFeeds = sqliteTable(
  'calendar_feeds',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    secretHash: text('secret_hash').notNull().unique(),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('calendar_feeds_plan').on(t.planId)],
);
