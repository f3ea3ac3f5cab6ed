// The evidence library of a plan and the inspection's information request (Annex A, items 1.1–6.4).
import { z } from 'zod';
import { INFORMATION_REQUEST } from '../../domain/information-request.js';
import { EVIDENCE_KINDS } from '../../domain/vocabulary.js';
import { PageQuery } from '../../shared/pagination.js';
import { Id, IsoDate, LongText, Meta, nullish, Title } from '../../shared/schemas.js';

export const EvidenceKind = z.enum(EVIDENCE_KINDS).meta({
  description: 'activity — what was done; impact — what is different for children, young people and families; voice — what children, young people and families said.',
});

const codes = INFORMATION_REQUEST.map((i) => i.code) as [string, ...string[]];
export const RequestCode = z.enum(codes, { error: 'is not a code of the information request (1.1–6.4)' }).meta({ description: 'A code of the inspection information request (Annex A).' });

function isWebLink(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}
export const WebLink = z
  .string()
  .trim()
  .max(2000)
  .refine(isWebLink, 'must be an http or https link')
  .meta({ example: 'https://www.wolverhampton.gov.uk/send-local-offer', format: 'uri' });

const Ids = z.array(Id).max(200);
const fields = {
  title: Title.meta({ example: 'Parent carer forum survey 2022: results' }),
  kind: EvidenceKind,
  asOf: IsoDate.meta({ description: 'The date the evidence is from.' }),
  description: nullish(LongText),
  uploadId: nullish(Id).meta({ description: 'A stored upload (POST /uploads). Exactly one of uploadId and url.' }),
  url: nullish(WebLink).meta({ description: 'An http(s) link. Exactly one of uploadId and url.' }),
  areaIds: Ids.default([]).meta({ description: 'Areas of the same plan.' }),
  actionIds: Ids.default([]).meta({ description: 'Actions of the same plan.' }),
  measureIds: Ids.default([]).meta({ description: 'Measures of the same plan.' }),
  requestItems: z.array(RequestCode).max(40).default([]).meta({ description: 'Information-request codes it answers (GET /information-request).' }),
};

export const CreateEvidence = z.strictObject(fields).meta({ id: 'CreateEvidence' });
export const UpdateEvidence = z
  .strictObject({
    ...fields,
    title: Title.optional(),
    kind: EvidenceKind.optional(),
    asOf: IsoDate.optional(),
    areaIds: Ids.optional(),
    actionIds: Ids.optional(),
    measureIds: Ids.optional(),
    requestItems: z.array(RequestCode).max(40).optional(),
  })
  .meta({ id: 'UpdateEvidence' });
export const EvidenceQuery = z.strictObject({
  ...PageQuery,
  areaId: Id.optional(),
  kind: EvidenceKind.optional(),
  requestItem: RequestCode.optional(),
  from: IsoDate.optional().meta({ description: 'asOf on or after this date.' }),
  to: IsoDate.optional().meta({ description: 'asOf on or before this date.' }),
});
export const Evidence = z
  .object({
    ...Meta,
    planId: z.string(),
    title: z.string(),
    kind: EvidenceKind,
    asOf: z.string(),
    description: z.string().nullable(),
    uploadId: z.string().nullable(),
    url: z.string().nullable(),
    areaIds: z.array(z.string()),
    actionIds: z.array(z.string()),
    measureIds: z.array(z.string()),
    requestItems: z.array(z.string()),
  })
  .meta({ id: 'Evidence' });

export const InformationRequest = z
  .object({ items: z.array(z.object({ code: z.string(), title: z.string(), description: z.string(), group: z.string() })) })
  .meta({ id: 'InformationRequest' });

const KindCounts = z.object({ activity: z.number().int(), impact: z.number().int(), voice: z.number().int() });
export const Readiness = z
  .object({
    asOf: z.string(),
    items: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        evidenceCount: z.number().int().meta({ description: '0: a gap.' }),
        latestAsOf: z.string().nullable(),
        kinds: KindCounts,
      }),
    ),
    covered: z.number().int().meta({ description: 'Items with at least one piece of evidence.' }),
    total: z.number().int(),
  })
  .meta({ id: 'Readiness' });

export type CreateEvidence = z.infer<typeof CreateEvidence>;
export type UpdateEvidence = z.infer<typeof UpdateEvidence>;
export type EvidenceQuery = z.infer<typeof EvidenceQuery>;
export type Evidence = z.infer<typeof Evidence>;
export type Readiness = z.infer<typeof Readiness>;
