// Monthly highlight reports of a project: record fields, and the previous statuses a response adds.
import { z } from 'zod';
import { REPORT_STATES } from '../../domain/vocabulary.js';
import { PageQuery } from '../../shared/pagination.js';
import { Id, IsoDate, LongText, Meta, nullish } from '../../shared/schemas.js';
import { Rag } from '../rag-schema.js';

export const STATUS_KEYS = ['tasks', 'costs', 'risks', 'issues', 'dependencies', 'financialBenefits', 'nonFinancialBenefits'] as const;
export type StatusKey = (typeof STATUS_KEYS)[number];

export const STATUS_LABELS: Record<StatusKey, string> = {
  tasks: 'Tasks & Milestones Status',
  costs: 'Costs Status',
  risks: 'Risks Status',
  issues: 'Issues Status',
  dependencies: 'Dependencies Status',
  financialBenefits: 'Financial Benefits Status',
  nonFinancialBenefits: 'Non-Financial Benefits Status',
};

const StatusEntry = z.strictObject({ status: Rag, explanation: nullish(z.string().max(4000)) });
const StatusSummaryIn = z
  .strictObject(Object.fromEntries(STATUS_KEYS.map((k) => [k, StatusEntry.optional()])) as Record<StatusKey, z.ZodOptional<typeof StatusEntry>>)
  .meta({ description: 'Current status and explanation per part of the project. A PATCH merges per part.' });

const Item = z.strictObject({
  workstreamId: nullish(Id).meta({ description: 'A workstream of the project; items are grouped by it.' }),
  text: z.string().trim().min(1, 'must not be empty').max(2000),
});
const Items = z.array(Item).max(200);
const Money = z.number().min(0).max(1e12);
const Costs = z.strictObject({ spendToDate: Money, forecastSpend: Money, budget: Money }).meta({ description: 'Pounds.' });

const fields = {
  periodStart: IsoDate,
  periodEnd: IsoDate,
  reportDate: nullish(IsoDate).meta({ description: 'The date printed on the report (defaults to periodEnd in documents).' }),
  overallStatus: Rag,
  summary: nullish(LongText),
  helpRequired: nullish(LongText),
  achievements: Items.default([]).meta({ description: 'Key achievements this period.' }),
  nextSteps: Items.default([]).meta({ description: 'Key activities next period.' }),
  statusSummary: nullish(StatusSummaryIn),
  costs: nullish(Costs),
};

export const CreateHighlightReport = z.strictObject(fields).meta({ id: 'CreateHighlightReport' });
export const UpdateHighlightReport = z
  .strictObject({
    ...fields,
    periodStart: IsoDate.optional(),
    periodEnd: IsoDate.optional(),
    overallStatus: Rag.optional(),
    achievements: Items.optional(),
    nextSteps: Items.optional(),
  })
  .meta({ id: 'UpdateHighlightReport' });
export const HighlightReportQuery = z.strictObject({
  ...PageQuery,
  state: z.enum(REPORT_STATES).optional(),
});

export const ReturnReport = z.strictObject({ note: z.string().trim().min(1, 'must not be empty').max(4000) }).meta({ id: 'ReturnHighlightReport' });
export type ReturnReport = z.infer<typeof ReturnReport>;

const StatusEntryOut = z.object({
  status: Rag,
  explanation: z.string().nullable(),
  previousStatus: Rag.nullable().meta({ description: 'From the latest published report before this one.' }),
});
export const HighlightReport = z
  .object({
    ...Meta,
    projectId: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    reportDate: z.string().nullable(),
    overallStatus: Rag,
    previousOverallStatus: Rag.nullable().meta({ description: 'Overall status of the latest published report before this one.' }),
    previousReportId: z.string().nullable(),
    summary: z.string().nullable(),
    helpRequired: z.string().nullable(),
    achievements: z.array(z.object({ workstreamId: z.string().nullable(), text: z.string() })),
    nextSteps: z.array(z.object({ workstreamId: z.string().nullable(), text: z.string() })),
    statusSummary: z.object(Object.fromEntries(STATUS_KEYS.map((k) => [k, StatusEntryOut.nullable()])) as Record<StatusKey, z.ZodNullable<typeof StatusEntryOut>>),
    costs: Costs.nullable(),
    state: z.enum(REPORT_STATES).meta({
      description: 'draft → submitted → approved → published. Any change to a submitted or approved report returns it to draft.',
    }),
    submittedAt: z.string().nullable(),
    submittedBy: z.string().nullable().meta({ description: 'The name of the token that submitted it.' }),
    approvedAt: z.string().nullable(),
    approvedBy: z.string().nullable().meta({ description: 'The name of the token that approved it.' }),
    returnNote: z.string().nullable().meta({ description: 'The note given when it was last returned to draft.' }),
    publishedAt: z.string().nullable(),
    pdfSha256: z.string().nullable().meta({ description: 'SHA-256 of the published PDF.' }),
  })
  .meta({ id: 'HighlightReport' });

export type CreateHighlightReport = z.infer<typeof CreateHighlightReport>;
export type UpdateHighlightReport = z.infer<typeof UpdateHighlightReport>;
export type HighlightReportQuery = z.infer<typeof HighlightReportQuery>;
export type HighlightReport = z.infer<typeof HighlightReport>;
export type StatusSummaryIn = z.infer<typeof StatusSummaryIn>;
export type ReportItem = { workstreamId: string | null; text: string };
