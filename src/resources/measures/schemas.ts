// Measures (KPIs) of a plan and their values by period: definition (with its history), trajectory
// (baseline → milestones → target), tolerance, comparators; the response derives latest/expected/rag/trend.
import { z } from 'zod';
import { MEASURE_RAG_RULE } from '../../domain/measure-rag.js';
import { DIRECTIONS, FREQUENCIES, MEASURE_RAG_VALUES, TRENDS } from '../../domain/vocabulary.js';
import { PageQuery } from '../../shared/pagination.js';
import { Id, IsoDate, LongText, Meta, nullish, ShortText, Title, PlanRef } from '../../shared/schemas.js';

export const Direction = z.enum(DIRECTIONS);
export const Frequency = z.enum(FREQUENCIES);
export const MeasureRag = z.enum(MEASURE_RAG_VALUES);
export const Trend = z.enum(TRENDS);

// Bounded and finite: a figure is a percentage, a count or a rate, never 1e308 or NaN.
export const Figure = z.number().min(-1e12).max(1e12);
const Ref = PlanRef('M2.1');
const Definition = z.string().trim().min(1, 'must not be empty').max(4000);
const Unit = z.string().trim().min(1, 'must not be empty').max(40).meta({ example: '%', description: 'Free text: "%", "days", "per 10,000".' });
const Ids = z.array(Id).max(200);

export const Baseline = z.strictObject({ value: Figure, period: IsoDate.meta({ description: 'The end of the period the baseline measured.' }) });
export const Milestone = z.strictObject({ by: IsoDate, value: Figure });
export const Target = z.strictObject({ value: Figure, by: IsoDate });
export const Comparator = z.strictObject({
  name: ShortText.meta({ example: 'England average' }),
  value: Figure,
  period: IsoDate,
});

const fields = {
  ref: Ref,
  title: Title.meta({ example: 'EHC plans issued within 20 weeks (excluding exceptions)' }),
  definition: Definition.meta({ description: 'What is counted, over what, and whether exceptions are excluded.' }),
  unit: Unit,
  direction: Direction,
  source: nullish(ShortText).meta({ example: 'SEN2 return / case management system' }),
  frequency: nullish(Frequency),
  areaIds: Ids.default([]).meta({ description: 'Areas of the same plan.' }),
  actionIds: Ids.default([]).meta({ description: 'Actions of the same plan.' }),
  projectId: nullish(Id).meta({ description: 'A project of the same plan.' }),
  baseline: nullish(Baseline),
  milestones: z.array(Milestone).max(60).default([]).meta({ description: 'Targets at review dates, dates ascending, between the baseline and the target.' }),
  target: nullish(Target),
  tolerance: z.number().min(0).max(1e12).default(0).meta({ description: 'How far (in the unit) worse than expected is still At Risk rather than Off Target.' }),
  comparators: z.array(Comparator).max(20).default([]).meta({ description: 'E.g. England average, statistical neighbours.' }),
};

export const CreateMeasure = z.strictObject(fields).meta({ id: 'CreateMeasure' });
export const UpdateMeasure = z
  .strictObject({
    ...fields,
    ref: Ref.optional(),
    title: Title.optional(),
    definition: Definition.optional(),
    unit: Unit.optional(),
    direction: Direction.optional(),
    areaIds: Ids.optional(),
    actionIds: Ids.optional(),
    milestones: z.array(Milestone).max(60).optional(),
    tolerance: z.number().min(0).max(1e12).optional(),
    comparators: z.array(Comparator).max(20).optional(),
  })
  .meta({ id: 'UpdateMeasure' });
export const MeasureQuery = z.strictObject({
  ...PageQuery,
  areaId: Id.optional().meta({ description: 'Measures of this area.' }),
  projectId: Id.optional(),
});

const PeriodValue = z.object({ period: z.string(), value: z.number() });
export const Measure = z
  .object({
    ...Meta,
    planId: z.string(),
    ref: z.string(),
    title: z.string(),
    definition: z.string(),
    unit: z.string(),
    direction: Direction,
    source: z.string().nullable(),
    frequency: Frequency.nullable(),
    areaIds: z.array(z.string()),
    actionIds: z.array(z.string()),
    projectId: z.string().nullable(),
    baseline: z.object({ value: z.number(), period: z.string() }).nullable(),
    milestones: z.array(z.object({ by: z.string(), value: z.number() })),
    target: z.object({ value: z.number(), by: z.string() }).nullable(),
    tolerance: z.number(),
    comparators: z.array(z.object({ name: z.string(), value: z.number(), period: z.string() })),
    latest: PeriodValue.nullable().meta({ description: 'The latest value by period.' }),
    expected: z.number().nullable().meta({ description: 'The trajectory’s value at latest.period.' }),
    rag: MeasureRag.nullable().meta({ description: MEASURE_RAG_RULE }),
    trend: Trend.nullable(),
    definitionHistory: z
      .array(z.object({ definition: z.string(), until: z.string() }))
      .meta({ description: 'Earlier definitions, oldest first; values before `until` measured the old definition.' }),
  })
  .meta({ id: 'Measure' });

const valueFields = {
  period: IsoDate.meta({ description: 'The end of the period measured; unique per measure.', example: '2022-10-31' }),
  value: Figure,
  note: nullish(LongText),
};
export const CreateMeasureValue = z.strictObject(valueFields).meta({ id: 'CreateMeasureValue' });
export const UpdateMeasureValue = z.strictObject({ ...valueFields, period: valueFields.period.optional(), value: Figure.optional() }).meta({ id: 'UpdateMeasureValue' });
export const MeasureValueQuery = z.strictObject({ ...PageQuery });
export const MeasureValue = z
  .object({ ...Meta, measureId: z.string(), period: z.string(), value: z.number(), note: z.string().nullable() })
  .meta({ id: 'MeasureValue' });

export type CreateMeasure = z.infer<typeof CreateMeasure>;
export type UpdateMeasure = z.infer<typeof UpdateMeasure>;
export type MeasureQuery = z.infer<typeof MeasureQuery>;
export type Measure = z.infer<typeof Measure>;
export type CreateMeasureValue = z.infer<typeof CreateMeasureValue>;
export type UpdateMeasureValue = z.infer<typeof UpdateMeasureValue>;
export type MeasureValueQuery = z.infer<typeof MeasureValueQuery>;
export type MeasureValue = z.infer<typeof MeasureValue>;
