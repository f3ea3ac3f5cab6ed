// Meetings of a scrutiny review group: front-page details, membership, contact officer and the agenda,
// whose items may carry a document (a highlight report, a plan's progress report, minutes, an upload).
import { z } from 'zod';
import { MEETING_SECTIONS, MEMBER_ROLES } from '../../domain/vocabulary.js';
import { PageQuery } from '../../shared/pagination.js';
import { Id, IsoDate, Meta, nullish, ShortText, Timestamp, Title } from '../../shared/schemas.js';

export const ItemDocument = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('highlight-report'), id: Id }),
    z.strictObject({ type: z.literal('progress-report'), planId: Id, asOf: IsoDate.optional() }),
    z.strictObject({ type: z.literal('minutes'), text: z.string().min(1, 'must not be empty').max(100_000).meta({ description: 'Markdown (raw HTML is shown as text).' }) }),
    z.strictObject({ type: z.literal('upload'), id: Id }),
    z.strictObject({ type: z.literal('review'), id: Id }).meta({ description: 'A monitoring review’s note.' }),
    z
      .strictObject({ type: z.literal('changes'), planId: Id, since: IsoDate.optional().meta({ description: 'Default: the date of the previous meeting of the same committee (else one month before this meeting).' }) })
      .meta({ description: 'What changed in the plan since a date, up to the meeting day: a short page to put before the long documents.' }),
  ])
  .meta({ id: 'AgendaDocument' });

export const Section = z.enum(MEETING_SECTIONS);
export const AgendaItem = z
  .strictObject({
    number: z.number().int().min(1).max(999),
    title: Title,
    presenter: nullish(ShortText),
    section: Section.optional().meta({ description: 'procedural items come first; then DISCUSSION ITEMS; then INFORMATION.' }),
    part: z.union([z.literal(1), z.literal(2)]).default(1).meta({ description: '2 = exempt: never in the public pack.' }),
    description: nullish(z.string().max(2000)).meta({ description: 'Extra agenda text printed under the item.' }),
    document: ItemDocument.optional(),
  })
  .meta({ id: 'AgendaItem' });

const Member = z.strictObject({ name: ShortText, role: z.enum(MEMBER_ROLES).optional() });
const Contact = z.strictObject({ name: ShortText, phone: nullish(z.string().max(50)), email: nullish(z.email().max(200)) });

const fields = {
  council: nullish(ShortText).meta({ example: 'City of Wolverhampton Council', description: 'Printed at the top of the pack’s front page.' }),
  committee: Title.meta({ example: 'SEND Written Statement of Action - Cross Party Scrutiny Review Group' }),
  startsAt: Timestamp,
  venue: nullish(ShortText),
  isPublic: z.boolean().default(true),
  meetingType: nullish(ShortText).meta({ example: 'Scrutiny Reviews' }),
  members: z.array(Member).max(60).default([]),
  contact: nullish(Contact),
  items: z.array(AgendaItem).max(60),
};

export const CreateMeeting = z.strictObject(fields).meta({ id: 'CreateMeeting' });
export const UpdateMeeting = z
  .strictObject({ ...fields, committee: fields.committee.optional(), startsAt: Timestamp.optional(), isPublic: z.boolean().optional(), members: z.array(Member).max(60).optional(), items: z.array(AgendaItem).max(60).optional() })
  .meta({ id: 'UpdateMeeting' });
export const MeetingQuery = z.strictObject({ ...PageQuery });

export const Meeting = z
  .object({
    ...Meta,
    council: z.string().nullable(),
    committee: z.string(),
    startsAt: z.string(),
    venue: z.string().nullable(),
    isPublic: z.boolean(),
    meetingType: z.string().nullable(),
    members: z.array(z.object({ name: z.string(), role: z.enum(MEMBER_ROLES).optional() })),
    contact: z.object({ name: z.string(), phone: z.string().nullable().optional(), email: z.string().nullable().optional() }).nullable(),
    items: z.array(
      z.object({
        number: z.number(),
        title: z.string(),
        presenter: z.string().nullable().optional(),
        section: Section.optional(),
        part: z.number(),
        description: z.string().nullable().optional(),
        document: z.record(z.string(), z.unknown()).optional(),
      }),
    ),
  })
  .meta({ id: 'Meeting' });

export type CreateMeeting = z.infer<typeof CreateMeeting>;
export type UpdateMeeting = z.infer<typeof UpdateMeeting>;
export type MeetingQuery = z.infer<typeof MeetingQuery>;
export type Meeting = z.infer<typeof Meeting>;
export type AgendaItem = z.infer<typeof AgendaItem>;
export type ItemDocument = z.infer<typeof ItemDocument>;
