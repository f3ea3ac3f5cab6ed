// The monthly update round: rounds of a plan, the request each owner gets, its submission, and the
// comments kept on actions.
import { z } from 'zod';
import { ITEM_TYPES, REQUEST_STATES, ROUND_STATES } from '../../domain/vocabulary.js';
import { PageQuery } from '../../shared/pagination.js';
import { Email, IsoDate, Meta, nullish, ShortText, Title } from '../../shared/schemas.js';

const EscalateTo = z.strictObject({ name: ShortText, email: Email }).meta({ description: 'Who hears, on dueOn, which owners have not answered.' });
const Message = z.string().trim().max(4000).meta({ description: 'A note included in every email of the round.' });

const fields = {
  title: Title.meta({ example: 'November 2022 update' }),
  opensOn: IsoDate.meta({ description: 'The day the requests go out (today or earlier: at once).' }),
  dueOn: IsoDate.meta({ description: 'The day owners should answer by; the escalation goes out that day.' }),
  remindAfterWorkingDays: z.number().int().min(1).max(30).default(3).meta({ description: 'Working days (England) after sending before one reminder.' }),
  escalateTo: nullish(EscalateTo),
  includeRegisters: z.boolean().default(false).meta({ description: 'Also ask the owners of open risks, issues and dependencies of the plan’s projects.' }),
  message: nullish(Message),
};

export const CreateUpdateRound = z.strictObject(fields).meta({ id: 'CreateUpdateRound' });
export const UpdateUpdateRound = z
  .strictObject({
    ...fields,
    title: fields.title.optional(),
    opensOn: IsoDate.optional().meta({ description: 'Only while the round has not opened.' }),
    dueOn: IsoDate.optional(),
    remindAfterWorkingDays: z.number().int().min(1).max(30).optional(),
    includeRegisters: z.boolean().optional().meta({ description: 'Only while the round has not opened.' }),
    state: z.literal('closed').optional().meta({ description: 'closed: every link of the round stops working.' }),
  })
  .meta({ id: 'UpdateUpdateRound' });
export const UpdateRoundQuery = z.strictObject({ ...PageQuery });

export const RequestState = z.enum(REQUEST_STATES);
export const UpdateRequestSummary = z.object({
  id: z.string(),
  owner: z.string(),
  email: z.string(),
  itemCount: z.number().int(),
  state: RequestState,
  sentAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
});

export const UpdateRound = z
  .object({
    ...Meta,
    planId: z.string(),
    title: z.string(),
    opensOn: z.string(),
    dueOn: z.string(),
    remindAfterWorkingDays: z.number().int(),
    escalateTo: z.object({ name: z.string(), email: z.string() }).nullable(),
    includeRegisters: z.boolean(),
    message: z.string().nullable(),
    state: z.enum(ROUND_STATES),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    escalatedAt: z.string().nullable(),
    linksExpireOn: z.string().meta({ description: 'Links stop working after this day (30 days after dueOn), or when the round is closed.' }),
    requests: z.array(UpdateRequestSummary),
  })
  .meta({ id: 'UpdateRound' });

export const ItemType = z.enum(ITEM_TYPES);
export const ItemUpdate = z.object({
  percentComplete: z.number().int().nullable(),
  status: z.string(),
  comment: z.string().nullable(),
  revisedDueDate: z.string().nullable(),
  delayReason: z.string().nullable(),
  mitigation: z.string().nullable(),
});
export const UpdateRequest = z
  .object({
    ...UpdateRequestSummary.shape,
    version: z.number().int(),
    roundId: z.string(),
    returnNote: z.string().nullable(),
    returnedAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    acceptedBy: z.string().nullable(),
    items: z.array(
      z.object({
        type: ItemType,
        id: z.string(),
        ref: z.string(),
        title: z.string(),
        current: z.object({ percentComplete: z.number().int().nullable(), status: z.string(), dueDate: z.string().nullable(), revisedDueDate: z.string().nullable() }).nullable().meta({ description: 'null when the item has been deleted since.' }),
        update: ItemUpdate.nullable().meta({ description: 'What the owner submitted (null before a submission).' }),
      }),
    ),
  })
  .meta({ id: 'UpdateRequest' });

export const ReturnUpdateRequest = z.strictObject({ note: z.string().trim().min(1, 'must not be empty').max(4000) }).meta({ id: 'ReturnUpdateRequest' });
export const Comment = z.object({ at: z.string(), author: z.string(), text: z.string() }).meta({ id: 'Comment' });

export type CreateUpdateRound = z.infer<typeof CreateUpdateRound>;
export type UpdateUpdateRound = z.infer<typeof UpdateUpdateRound>;
export type UpdateRoundQuery = z.infer<typeof UpdateRoundQuery>;
export type UpdateRound = z.infer<typeof UpdateRound>;
export type UpdateRequest = z.infer<typeof UpdateRequest>;
export type ItemUpdate = z.infer<typeof ItemUpdate>;
export type ItemType = z.infer<typeof ItemType>;
