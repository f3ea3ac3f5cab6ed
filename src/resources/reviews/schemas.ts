// Monitoring reviews with DfE and NHS England advisers: what was said and agreed (stored), and what the
// tracker knows as of the review date (computed on every read).
import { z } from 'zod';
import { AGREED_ACTION_STATUSES } from '../../domain/vocabulary.js';
import { PageQuery } from '../../shared/pagination.js';
import { Id, IsoDate, LongText, Meta, nullish, ShortText, Title } from '../../shared/schemas.js';
import { MeasureRag } from '../measures/schemas.js';

const Person = z.strictObject({ name: ShortText, role: nullish(ShortText), organisation: nullish(ShortText) });
const Support = z.strictObject({
  areaId: nullish(Id).meta({ description: 'The area the support was for; absent for general support.' }),
  activity: z.string().trim().min(1, 'must not be empty').max(4000),
  provider: nullish(ShortText).meta({ example: 'DfE Adviser' }),
  impact: nullish(LongText).meta({ description: 'Impact/outcomes from the activity.' }),
});
export const AgreedActionStatus = z.enum(AGREED_ACTION_STATUSES);
const Agreed = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty').max(4000),
  who: nullish(ShortText).meta({ example: 'PT/HB' }),
  when: nullish(ShortText).meta({ description: 'A date or words ("TBA", "Action completed 28/06").' }),
  status: AgreedActionStatus.default('open'),
});

const fields = {
  title: Title.meta({ example: 'Wolverhampton WSoA Review Meeting (MR3)' }),
  heldOn: IsoDate,
  venue: nullish(ShortText),
  attendees: z.array(Person).max(100).default([]),
  apologies: z.array(Person).max(100).default([]),
  generalUpdate: nullish(LongText).meta({ description: 'General update on progress or areas of significant impact (paragraphs separated by blank lines).' }),
  supportReceived: z.array(Support).max(50).default([]).meta({ description: 'Support received in this reporting period.' }),
  agreedActions: z.array(Agreed).max(100).default([]).meta({ description: 'Agreed actions/support following this meeting; the next review shows them as they stand.' }),
  conclusion: nullish(LongText).meta({ description: 'Conclusion and summary information.' }),
  nextReviewOn: nullish(IsoDate),
  author: nullish(ShortText).meta({ example: 'Pat Tate & Debbie Ward' }),
};

export const CreateReview = z.strictObject(fields).meta({ id: 'CreateReview' });
export const UpdateReview = z
  .strictObject({
    ...fields,
    title: Title.optional(),
    heldOn: IsoDate.optional(),
    attendees: z.array(Person).max(100).optional(),
    apologies: z.array(Person).max(100).optional(),
    supportReceived: z.array(Support).max(50).optional(),
    agreedActions: z.array(Agreed).max(100).optional(),
  })
  .meta({ id: 'UpdateReview' });
export const ReviewQuery = z.strictObject({ ...PageQuery });

const PersonOut = z.object({ name: z.string(), role: z.string().nullable().optional(), organisation: z.string().nullable().optional() });
const AgreedOut = z.object({ text: z.string(), who: z.string().nullable().optional(), when: z.string().nullable().optional(), status: AgreedActionStatus });

export const Review = z
  .object({
    ...Meta,
    planId: z.string(),
    title: z.string(),
    heldOn: z.string().meta({ format: 'date' }),
    venue: z.string().nullable(),
    attendees: z.array(PersonOut),
    apologies: z.array(PersonOut),
    generalUpdate: z.string().nullable(),
    supportReceived: z.array(
      z.object({ areaId: z.string().nullable().optional(), activity: z.string(), provider: z.string().nullable().optional(), impact: z.string().nullable().optional() }),
    ),
    agreedActions: z.array(AgreedOut),
    conclusion: z.string().nullable(),
    nextReviewOn: z.string().nullable(),
    author: z.string().nullable(),
    previousReviewId: z.string().nullable().meta({ description: 'The plan’s latest review held before this one.' }),
    actionsFromPreviousReview: z.array(AgreedOut).meta({ description: 'The previous review’s agreedActions as they stand now.' }),
    behindSchedule: z
      .array(
        z.object({
          actionId: z.string(),
          ref: z.string(),
          title: z.string(),
          dueDate: z.string(),
          revisedDueDate: z.string().nullable(),
          reason: z.string().nullable(),
          mitigation: z.string().nullable(),
        }),
      )
      .meta({ description: 'As of heldOn, the progress report’s rule: the original due date has passed and the action is neither complete nor cancelled.' }),
    areas: z
      .array(
        z.object({
          areaId: z.string(),
          number: z.number().int(),
          title: z.string(),
          progress: z.array(z.string()).meta({ description: 'What the area has done (the latest update on or before heldOn).' }),
          evidenceOfImpact: z.string().nullable(),
          nextSteps: z.array(z.string()),
          measures: z
            .array(
              z.object({
                id: z.string(),
                ref: z.string(),
                title: z.string(),
                unit: z.string(),
                latest: z.number().nullable().meta({ description: 'The value with the latest period on or before heldOn.' }),
                period: z.string().nullable().meta({ description: 'The period of latest.' }),
                rag: MeasureRag.nullable(),
              }),
            )
            .meta({ description: 'The measures whose areaIds include the area, in ref order.' }),
        }),
      )
      .meta({ description: 'Per area, from its latest progress update on or before heldOn.' }),
  })
  .meta({ id: 'Review' });

export type CreateReview = z.infer<typeof CreateReview>;
export type UpdateReview = z.infer<typeof UpdateReview>;
export type ReviewQuery = z.infer<typeof ReviewQuery>;
export type Review = z.infer<typeof Review>;
