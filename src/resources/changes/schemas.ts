// The shape of "what changed since" (GET /plans/:planId/changes).
import { z } from 'zod';
import { IsoDate } from '../../shared/schemas.js';
import { Rag } from '../rag-schema.js';
import { MeasureRag } from '../measures/schemas.js';

export const ChangesQuery = z.strictObject({
  since: IsoDate.meta({ description: 'Compare against the state recorded at the end of this day (England).' }),
  until: IsoDate.optional().meta({ description: 'Up to the end of this day (default today in England).' }),
});

const Named = { id: z.string(), ref: z.string(), title: z.string() };
const Entry = z.object(Named);
const NullableRag = Rag.nullable();

export const Changes = z
  .object({
    since: z.string().meta({ format: 'date' }),
    until: z.string().meta({ format: 'date' }),
    actions: z.object({
      ragChanged: z.array(z.object({ ...Named, from: NullableRag, to: NullableRag })).meta({ description: 'Effective RAG as recorded at the end of since (evaluated as of since) and of until.' }),
      redated: z
        .array(z.object({ ...Named, from: z.string(), to: z.string(), timesRedated: z.number().int(), slipDays: z.number().int() }))
        .meta({ description: 'Effective due date moved: from/to, how often it has moved since creation, and calendar days from the original dueDate.' }),
      completed: z.array(Entry),
      added: z.array(Entry),
      removed: z.array(Entry),
    }),
    risks: z.object({
      opened: z.array(Entry),
      closed: z.array(Entry),
      scoreChanged: z.array(z.object({ ...Named, from: z.number(), to: z.number() })).meta({ description: 'Score = likelihood × impact.' }),
    }),
    issues: z.object({ opened: z.array(Entry), closed: z.array(Entry) }),
    measures: z.object({
      moved: z
        .array(
          z.object({
            ...Named,
            unit: z.string(),
            from: z.number().nullable(),
            to: z.number().nullable(),
            fromPeriod: z.string().nullable().meta({ description: 'The period of `from`.' }),
            toPeriod: z.string().nullable().meta({ description: 'The period of `to`.' }),
            rag: MeasureRag.nullable().meta({ description: 'The measure’s RAG at until.' }),
          }),
        )
        .meta({
          description:
            'The plan’s measures whose latest value (the value with the latest period on or before the day) as recorded at the end of since differs from the one recorded at the end of until. A value recorded after since for an earlier period counts from when it was recorded.',
        }),
    }),
  })
  .meta({ id: 'Changes' });

export type ChangesQuery = z.infer<typeof ChangesQuery>;
