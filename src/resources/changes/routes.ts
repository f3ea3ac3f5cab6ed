// GET /plans/:planId/changes: what moved in a plan between two dates.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../shared/problem.js';
import { Id } from '../../shared/schemas.js';
import { Changes, ChangesQuery } from './schemas.js';

export default async function changesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/plans/:planId/changes', {
    schema: {
      operationId: 'getPlanChanges',
      tags: ['Plans'],
      summary: 'What changed in the plan since a date',
      description:
        'Reconstructed from the audit trail: each action, risk and issue as recorded at the end of `since` against the end of `until`. Actions whose RAG moved, were re-dated (how often, and how far from the original due date), completed, added or removed; risks opened, closed or re-scored; issues opened or closed; measures moved.',
      params: z.strictObject({ planId: Id }),
      querystring: ChangesQuery,
      response: { 200: Changes, ...problems(400, 401, 403, 404) },
    },
    handler: async (req) => app.services.changes.forPlan(req.params.planId, req.query.since, req.query.until),
  });
}
