// Plans: a Written Statement of Action, a priority action plan (area SEND) or an improvement plan.
import { z } from 'zod';
import { PLAN_KINDS } from '../../domain/vocabulary.js';
import { PageQuery } from '../../shared/pagination.js';
import { IsoDate, Meta, nullish, ShortText, Title } from '../../shared/schemas.js';

export const PlanKind = z.enum(PLAN_KINDS).meta({
  description: 'wsoa: Written Statement of Action (framework before 2023); priority-action-plan: priority action plan (area SEND); improvement-plan: any other plan.',
});

const fields = {
  title: Title,
  kind: PlanKind,
  localArea: ShortText.meta({ example: 'Wolverhampton' }),
  principalAuthority: nullish(ShortText).meta({ description: 'The authority named in the report as responsible for the plan.' }),
  inspectionReportPublishedOn: nullish(IsoDate).meta({ description: 'Publication date of the inspection report; starts the statutory clock.' }),
  reviewCadenceMonths: nullish(z.number().int().min(1).max(12)).meta({ description: 'Months between monitoring reviews with DfE and NHS England (1–12).' }),
};

export const CreatePlan = z.strictObject(fields).meta({ id: 'CreatePlan' });
export const UpdatePlan = z
  .strictObject({ ...fields, title: Title.optional(), kind: PlanKind.optional(), localArea: ShortText.optional() })
  .partial()
  .meta({ id: 'UpdatePlan' });
export const PlanQuery = z.strictObject({ ...PageQuery });

export const Deadlines = z
  .object({
    submitBy: z.string().nullable().meta({ description: '30th working day after publication: submit the plan to Ofsted and CQC.' }),
    publishBy: z.string().nullable().meta({ description: '70th working day after publication: publish the final plan.' }),
    monitoringInspectionBy: z.string().nullable().meta({ description: 'Same day of the month, 18 months after publication.' }),
    nextReviewBy: z.string().nullable().meta({ description: 'The latest review’s nextReviewOn, else its heldOn plus reviewCadenceMonths; null without either.' }),
  })
  .meta({ description: 'Working days exclude weekends and England and Wales bank holidays; the publication day does not count.' });

export const Plan = z
  .object({
    ...Meta,
    title: z.string(),
    kind: PlanKind,
    localArea: z.string(),
    principalAuthority: z.string().nullable(),
    inspectionReportPublishedOn: z.string().nullable(),
    reviewCadenceMonths: z.number().int().nullable(),
    deadlines: Deadlines,
  })
  .meta({ id: 'Plan' });

export type CreatePlan = z.infer<typeof CreatePlan>;
export type UpdatePlan = z.infer<typeof UpdatePlan>;
export type PlanQuery = z.infer<typeof PlanQuery>;
export type Plan = z.infer<typeof Plan>;
