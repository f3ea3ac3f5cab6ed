// HTTP routes for the evidence library (/plans/:planId/evidence, /evidence/:id), the information request
// catalogue (/information-request) and a plan's inspection readiness (/plans/:planId/readiness).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INFORMATION_REQUEST } from '../../domain/information-request.js';
import { problems } from '../../shared/problem.js';
import { Id, IsoDate } from '../../shared/schemas.js';
import { registerCrud } from '../crud-routes.js';
import * as S from './schemas.js';

const tag = 'Evidence and inspection readiness';

export default async function evidenceRoutes(app: FastifyInstance) {
  registerCrud(app, {
    tag,
    name: ['evidence item', 'evidence items'],
    collection: { path: '/plans/:planId/evidence', param: 'planId' },
    item: '/evidence/:id',
    schemas: { create: S.CreateEvidence, update: S.UpdateEvidence, query: S.EvidenceQuery, resource: S.Evidence },
    service: app.services.evidence,
    notes: {
      create: 'Exactly one of uploadId (a stored file: one file may serve many items) and url (http or https).',
      list: 'Filters: areaId, kind, requestItem, from and to (on asOf).',
      update: 'Sending url clears uploadId and the reverse.',
    },
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/information-request', {
    schema: {
      operationId: 'getInformationRequest',
      tags: [tag],
      summary: 'The information inspectors request at an area SEND full inspection (Annex A, items 1.1–6.4)',
      querystring: z.strictObject({ group: z.enum(['1', '2', '3', '4', '5', '6']).optional().meta({ description: 'Only items whose code starts with this number.' }) }),
      response: { 200: S.InformationRequest, ...problems(400, 401, 403) },
    },
    handler: async (req) => ({ items: INFORMATION_REQUEST.filter((i) => !req.query.group || i.code.startsWith(`${req.query.group}.`)) }),
  });

  r.get('/plans/:planId/readiness', {
    schema: {
      operationId: 'getReadiness',
      tags: [tag],
      summary: 'Each information-request item with the plan’s evidence for it on or before asOf; gaps have evidenceCount 0',
      params: z.strictObject({ planId: Id }),
      querystring: z.strictObject({ asOf: IsoDate.optional().meta({ description: 'Default today (England).' }) }),
      response: { 200: S.Readiness, ...problems(400, 401, 403, 404) },
    },
    handler: async (req) => app.services.evidence.readiness(req.params.planId, req.query.asOf),
  });
}
