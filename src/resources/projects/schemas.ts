// Projects delivering part of a plan (e.g. PR000681 Culture of Inclusion) and their lettered workstreams.
import { z } from 'zod';
import { PageQuery } from '../../shared/pagination.js';
import { IsoDate, LongText, Meta, nullish, ShortText, Title } from '../../shared/schemas.js';

const Money = z.number().min(0).max(1e12).meta({ description: 'Pounds.' });
const fields = {
  code: ShortText.meta({ example: 'PR000681', description: 'Unique in the plan.' }),
  name: Title.meta({ example: 'Culture of Inclusion' }),
  author: nullish(ShortText).meta({ description: 'Author of the highlight reports.' }),
  gatewayStage: nullish(ShortText).meta({ example: 'Delivery (RIBA Stage 5)' }),
  plannedEndDate: nullish(IsoDate),
  budget: nullish(Money),
  approver: nullish(ShortText).meta({ description: 'Approves the highlight reports (e.g. the SRO).' }),
};

export const CreateProject = z.strictObject(fields).meta({ id: 'CreateProject' });
export const UpdateProject = z.strictObject({ ...fields, code: fields.code.optional(), name: fields.name.optional() }).meta({ id: 'UpdateProject' });
export const ProjectQuery = z.strictObject({ ...PageQuery });
export const Project = z
  .object({
    ...Meta,
    planId: z.string(),
    code: z.string(),
    name: z.string(),
    author: z.string().nullable(),
    gatewayStage: z.string().nullable(),
    plannedEndDate: z.string().nullable(),
    budget: z.number().nullable(),
    approver: z.string().nullable(),
  })
  .meta({ id: 'Project' });

const Letter = z.string().regex(/^[A-Z]$/, 'must be one capital letter').meta({ description: 'Unique in the project.', example: 'A' });
const wsFields = {
  letter: Letter,
  title: Title.meta({ example: 'Collaborative Working and Effective Services' }),
  aim: nullish(LongText),
};
export const CreateWorkstream = z.strictObject(wsFields).meta({ id: 'CreateWorkstream' });
export const UpdateWorkstream = z.strictObject({ ...wsFields, letter: Letter.optional(), title: Title.optional() }).meta({ id: 'UpdateWorkstream' });
export const WorkstreamQuery = z.strictObject({ ...PageQuery });
export const Workstream = z
  .object({ ...Meta, projectId: z.string(), letter: z.string(), title: z.string(), aim: z.string().nullable() })
  .meta({ id: 'Workstream' });

export type CreateProject = z.infer<typeof CreateProject>;
export type UpdateProject = z.infer<typeof UpdateProject>;
export type ProjectQuery = z.infer<typeof ProjectQuery>;
export type Project = z.infer<typeof Project>;
export type CreateWorkstream = z.infer<typeof CreateWorkstream>;
export type UpdateWorkstream = z.infer<typeof UpdateWorkstream>;
export type WorkstreamQuery = z.infer<typeof WorkstreamQuery>;
export type Workstream = z.infer<typeof Workstream>;
