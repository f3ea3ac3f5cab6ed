// Actions of a plan: WSoA / priority actions ("2.1") and the tasks of its projects.
import { z } from 'zod';
import { RAG_RULE } from '../../domain/rag.js';
import { ACTION_STATUSES, RAG_SOURCES } from '../../domain/vocabulary.js';
import { PageQuery } from '../../shared/pagination.js';
import { Email, Id, IsoDate, LongText, Meta, nullish, QueryBoolean, ShortText, Title, PlanRef } from '../../shared/schemas.js';
import { Rag } from '../rag-schema.js';

export const ActionStatus = z.enum(ACTION_STATUSES);
const Ref = PlanRef('2.1');
const Percent = z.number().int().min(0).max(100);

const fields = {
  ref: Ref,
  title: Title.meta({ example: 'Full review of existing statutory assessment and review processes' }),
  areaId: nullish(Id).meta({ description: 'An area of the same plan.' }),
  projectId: nullish(Id).meta({ description: 'A project of the same plan (set from the workstream when omitted).' }),
  workstreamId: nullish(Id).meta({ description: 'A workstream of the project.' }),
  responsibleOrganisation: nullish(ShortText).meta({ example: 'LA', description: 'LA, ICB, a trust, the parent carer forum…' }),
  owner: nullish(ShortText),
  ownerEmail: nullish(Email).meta({ description: 'Where the monthly update round sends the owner’s link.' }),
  startDate: nullish(IsoDate),
  dueDate: IsoDate,
  revisedDueDate: nullish(IsoDate).meta({ description: 'The extended due date, when the original has been moved.' }),
  percentComplete: Percent.default(0),
  milestone: z.boolean().default(false).meta({ description: 'Shown as ◆ in the Gantt.' }),
  status: ActionStatus.default('not-started'),
  delayReason: nullish(LongText).meta({ description: 'Why the action is behind schedule.' }),
  mitigation: nullish(LongText).meta({ description: 'Mitigation / remedial action.' }),
  ragOverride: nullish(Rag).meta({ description: 'Overrides the derived RAG; needs ragOverrideReason.' }),
  ragOverrideReason: nullish(LongText),
};

export const CreateAction = z.strictObject(fields).meta({ id: 'CreateAction' });
export const UpdateAction = z
  .strictObject({
    ...fields,
    ref: Ref.optional(),
    title: Title.optional(),
    dueDate: IsoDate.optional(),
    percentComplete: Percent.optional(),
    milestone: z.boolean().optional(),
    status: ActionStatus.optional(),
  })
  .meta({ id: 'UpdateAction' });

export const ActionQuery = z.strictObject({
  ...PageQuery,
  areaId: Id.optional(),
  projectId: Id.optional(),
  status: ActionStatus.optional(),
  rag: Rag.optional().meta({ description: 'Effective RAG as of asOf.' }),
  behindSchedule: QueryBoolean.optional().meta({
    description: 'true: due (or revised due) date before asOf and neither complete nor cancelled.',
  }),
  asOf: IsoDate.optional().meta({ description: 'The date RAG and behindSchedule are judged at (default: today in England).' }),
});

export const Action = z
  .object({
    ...Meta,
    planId: z.string(),
    ref: z.string(),
    title: z.string(),
    areaId: z.string().nullable(),
    projectId: z.string().nullable(),
    workstreamId: z.string().nullable(),
    responsibleOrganisation: z.string().nullable(),
    owner: z.string().nullable(),
    ownerEmail: z.string().nullable(),
    startDate: z.string().nullable(),
    dueDate: z.string(),
    revisedDueDate: z.string().nullable(),
    percentComplete: z.number().int(),
    milestone: z.boolean(),
    status: ActionStatus,
    delayReason: z.string().nullable(),
    mitigation: z.string().nullable(),
    ragOverride: Rag.nullable(),
    ragOverrideReason: z.string().nullable(),
    rag: Rag.nullable().meta({ description: `Effective status. ${RAG_RULE}` }),
    ragSource: z.enum(RAG_SOURCES),
    behindSchedule: z.boolean(),
  })
  .meta({ id: 'Action' });

export type CreateAction = z.infer<typeof CreateAction>;
export type UpdateAction = z.infer<typeof UpdateAction>;
export type ActionQuery = z.infer<typeof ActionQuery>;
export type Action = z.infer<typeof Action>;
