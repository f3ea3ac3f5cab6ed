// Areas for priority action (or areas of weakness) of a plan, numbered 1..n.
import { z } from 'zod';
import { PageQuery } from '../../shared/pagination.js';
import { LongText, Meta, nullish, Title } from '../../shared/schemas.js';

const AreaNumber = z.number().int().min(1).max(999).meta({ description: 'Unique in the plan.' });
const fields = {
  number: AreaNumber,
  title: Title.meta({ example: 'The lack of accuracy in EHC plans and the delays in assessment, writing and review of those plans' }),
  description: nullish(LongText),
};

export const CreateArea = z.strictObject(fields).meta({ id: 'CreateArea' });
export const UpdateArea = z.strictObject({ ...fields, number: AreaNumber.optional(), title: Title.optional() }).meta({ id: 'UpdateArea' });
export const AreaQuery = z.strictObject({ ...PageQuery });
export const Area = z
  .object({ ...Meta, planId: z.string(), number: z.number().int(), title: z.string(), description: z.string().nullable() })
  .meta({ id: 'Area' });

export type CreateArea = z.infer<typeof CreateArea>;
export type UpdateArea = z.infer<typeof UpdateArea>;
export type AreaQuery = z.infer<typeof AreaQuery>;
export type Area = z.infer<typeof Area>;
