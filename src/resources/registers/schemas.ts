// The four registers of a project: risks, issues, dependencies (with dated updates) and benefits.
import { z } from 'zod';
import { BENEFIT_KINDS, DEPENDENCY_STATUSES, REGISTER_STATUSES } from '../../domain/vocabulary.js';
import { PageQuery } from '../../shared/pagination.js';
import { Email, IsoDate, LongText, Meta, nullish, ShortText } from '../../shared/schemas.js';

const Score = z.number().int().min(1).max(5);
const Ref = z.string().trim().min(1, 'must not be empty').max(30).meta({ example: '00011', description: 'Unique in the project’s register.' });
const Description = z.string().trim().min(1, 'must not be empty').max(4000);
const common = { ref: Ref, owner: nullish(ShortText), ownerEmail: nullish(Email), description: Description };
const entryMeta = { ...Meta, projectId: z.string(), ref: z.string(), owner: z.string().nullable(), ownerEmail: z.string().nullable(), description: z.string() };
const required = { ref: Ref.optional(), description: Description.optional() };
export const RegisterQuery = z.strictObject({ ...PageQuery });

// Risks
const riskFields = {
  ...common,
  impactDescription: nullish(LongText),
  likelihood: Score.meta({ description: '1 (rare) – 5 (almost certain)' }),
  impact: Score.meta({ description: '1 (negligible) – 5 (severe)' }),
  status: z.enum(REGISTER_STATUSES).default('open'),
  mitigation: nullish(LongText),
  targetResolutionDate: nullish(IsoDate),
};
export const CreateRisk = z.strictObject(riskFields).meta({ id: 'CreateRisk' });
export const UpdateRisk = z
  .strictObject({ ...riskFields, ...required, likelihood: Score.optional(), impact: Score.optional(), status: z.enum(REGISTER_STATUSES).optional() })
  .meta({ id: 'UpdateRisk' });
export const Risk = z
  .object({
    ...entryMeta,
    impactDescription: z.string().nullable(),
    likelihood: z.number().int(),
    impact: z.number().int(),
    score: z.number().int().meta({ description: 'likelihood × impact (1–25)' }),
    status: z.enum(REGISTER_STATUSES),
    mitigation: z.string().nullable(),
    targetResolutionDate: z.string().nullable(),
  })
  .meta({ id: 'Risk' });

// Issues
const issueFields = {
  ...common,
  impactDescription: nullish(LongText),
  impactScore: Score,
  status: z.enum(REGISTER_STATUSES).default('open'),
  mitigation: nullish(LongText),
  resolutionDate: nullish(IsoDate).meta({ description: 'Absolute resolution date.' }),
};
export const CreateIssue = z.strictObject(issueFields).meta({ id: 'CreateIssue' });
export const UpdateIssue = z
  .strictObject({ ...issueFields, ...required, impactScore: Score.optional(), status: z.enum(REGISTER_STATUSES).optional() })
  .meta({ id: 'UpdateIssue' });
export const Issue = z
  .object({
    ...entryMeta,
    impactDescription: z.string().nullable(),
    impactScore: z.number().int(),
    status: z.enum(REGISTER_STATUSES),
    mitigation: z.string().nullable(),
    resolutionDate: z.string().nullable(),
  })
  .meta({ id: 'Issue' });

// Dependencies
const DependencyStatus = z.enum(DEPENDENCY_STATUSES);
export const DependencyUpdate = z.strictObject({ date: IsoDate, text: z.string().trim().min(1, 'must not be empty').max(4000) });
const depFields = {
  ...common,
  impactScore: Score,
  status: DependencyStatus.default('open'),
  mitigation: nullish(LongText),
  targetResolutionDate: nullish(IsoDate),
  updates: z.array(DependencyUpdate).max(200).default([]).meta({ description: 'Dated updates to the mitigating action ("May 2022 Update …").' }),
};
export const CreateDependency = z.strictObject(depFields).meta({ id: 'CreateDependency' });
export const UpdateDependency = z
  .strictObject({
    ...depFields,
    ...required,
    impactScore: Score.optional(),
    status: DependencyStatus.optional(),
    updates: z.array(DependencyUpdate).max(200).optional(),
  })
  .meta({ id: 'UpdateDependency' });
export const Dependency = z
  .object({
    ...entryMeta,
    impactScore: z.number().int(),
    status: DependencyStatus,
    mitigation: z.string().nullable(),
    targetResolutionDate: z.string().nullable(),
    updates: z.array(z.object({ date: z.string(), text: z.string() })),
  })
  .meta({ id: 'Dependency' });

// Benefits
const BenefitKind = z.enum(BENEFIT_KINDS);
const benefitFields = {
  ...common,
  ref: Ref.meta({ example: 'BEN.681.03' }),
  kind: BenefitKind,
  valueGbpThousands: nullish(z.number().min(0).max(1e9)).meta({ description: 'Cashable value in £k.' }),
  targetDate: nullish(IsoDate),
};
export const CreateBenefit = z.strictObject(benefitFields).meta({ id: 'CreateBenefit' });
export const UpdateBenefit = z.strictObject({ ...benefitFields, ...required, kind: BenefitKind.optional() }).meta({ id: 'UpdateBenefit' });
export const Benefit = z
  .object({ ...entryMeta, kind: BenefitKind, valueGbpThousands: z.number().nullable(), targetDate: z.string().nullable() })
  .meta({ id: 'Benefit' });

export type RegisterQuery = z.infer<typeof RegisterQuery>;
export type CreateRisk = z.infer<typeof CreateRisk>;
export type UpdateRisk = z.infer<typeof UpdateRisk>;
export type Risk = z.infer<typeof Risk>;
export type CreateIssue = z.infer<typeof CreateIssue>;
export type UpdateIssue = z.infer<typeof UpdateIssue>;
export type Issue = z.infer<typeof Issue>;
export type CreateDependency = z.infer<typeof CreateDependency>;
export type UpdateDependency = z.infer<typeof UpdateDependency>;
export type Dependency = z.infer<typeof Dependency>;
export type CreateBenefit = z.infer<typeof CreateBenefit>;
export type UpdateBenefit = z.infer<typeof UpdateBenefit>;
export type Benefit = z.infer<typeof Benefit>;
