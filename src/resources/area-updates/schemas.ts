// Progress updates of an area: what we have done, what we will do next, evidence of impact.
import { z } from 'zod';
import { PageQuery } from '../../shared/pagination.js';
import { Id, IsoDate, LongText, Meta, nullish } from '../../shared/schemas.js';

const Bullets = z.array(z.string().trim().min(1, 'must not be empty').max(4000)).max(200);
const fields = {
  asOf: IsoDate.meta({ description: 'The date the update describes; progress reports use the latest on or before their date.' }),
  done: Bullets.default([]).meta({ description: 'What we have done.' }),
  next: Bullets.default([]).meta({ description: 'What we will do next.' }),
  evidenceOfImpact: nullish(LongText).meta({ description: 'What is different as a result.' }),
  evidenceIds: z.array(Id).max(200).default([]).meta({ description: 'Evidence items of the same plan that show it.' }),
};

export const CreateAreaUpdate = z.strictObject(fields).meta({ id: 'CreateAreaUpdate' });
export const UpdateAreaUpdate = z
  .strictObject({ ...fields, asOf: IsoDate.optional(), done: Bullets.optional(), next: Bullets.optional(), evidenceIds: z.array(Id).max(200).optional() })
  .meta({ id: 'UpdateAreaUpdate' });
export const AreaUpdateQuery = z.strictObject({ ...PageQuery });
export const AreaUpdate = z
  .object({
    ...Meta,
    areaId: z.string(),
    asOf: z.string(),
    done: z.array(z.string()),
    next: z.array(z.string()),
    evidenceOfImpact: z.string().nullable(),
    evidenceIds: z.array(z.string()),
  })
  .meta({ id: 'AreaUpdate' });

export type CreateAreaUpdate = z.infer<typeof CreateAreaUpdate>;
export type UpdateAreaUpdate = z.infer<typeof UpdateAreaUpdate>;
export type AreaUpdateQuery = z.infer<typeof AreaUpdateQuery>;
export type AreaUpdate = z.infer<typeof AreaUpdate>;
