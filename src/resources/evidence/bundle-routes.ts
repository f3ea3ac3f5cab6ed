// The evidence bundle of a plan or one area as of a date: application/zip, streamed.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../shared/problem.js';
import { Id, IsoDate } from '../../shared/schemas.js';

export default async function evidenceBundleRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/plans/:planId/evidence-bundle', {
    schema: {
      operationId: 'getEvidenceBundle',
      tags: ['Evidence and inspection readiness'],
      summary: 'The evidence bundle (ZIP): index.pdf and each stored file once',
      description:
        'index.pdf lists every evidence item once (title, kind, date, the areas, actions, measures and request items it serves, its file name in the bundle or its link); each uploaded file is in files/ once, whatever number of items or areas it serves. Streamed.',
      params: z.strictObject({ planId: Id }),
      querystring: z.strictObject({
        areaId: Id.optional().meta({ description: 'Only the evidence of this area.' }),
        asOf: IsoDate.optional().meta({ description: 'Evidence dated on or before this date (default today).' }),
      }),
      produces: ['application/zip'],
      response: { 200: z.any().meta({ type: 'string', format: 'binary', description: 'application/zip' }), ...problems(400, 401, 403, 404, 503, 504) },
    },
    handler: async (req, reply) => {
      const bundles = app.documents.evidenceBundles;
      // Everything that can fail with a problem (unknown plan or area, the index render) happens before
      // the first byte is sent.
      const plan = await bundles.plan(req.params.planId, req.query);
      const index = await bundles.indexPdf(plan.view);
      const name = `evidence-bundle${plan.view.area ? `-area-${plan.view.area.number}` : ''}-${plan.view.asOf}.zip`;
      return reply
        .type('application/zip')
        .header('Content-Disposition', `attachment; filename="${name}"`)
        .header('Cache-Control', 'no-cache')
        .send(await bundles.stream(plan, index));
    },
  });
}
