// HTTP routes for measures (/plans/:planId/measures, /measures/:id) and their values
// (/measures/:id/values, /measure-values/:id); the starter SEND definitions a plan may adopt.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SEND_MEASURE_DEFINITIONS } from '../../data/send-measures.js';
import { problems } from '../../shared/problem.js';
import { registerCrud } from '../crud-routes.js';
import * as S from './schemas.js';

export default async function measureRoutes(app: FastifyInstance) {
  registerCrud(app, {
    tag: 'Measures',
    name: ['measure', 'measures'],
    collection: { path: '/plans/:planId/measures', param: 'planId' },
    item: '/measures/:id',
    schemas: { create: S.CreateMeasure, update: S.UpdateMeasure, query: S.MeasureQuery, resource: S.Measure },
    service: app.services.measures,
    notes: {
      create: 'A measure (KPI) of the plan. The response derives latest, expected, rag and trend from its values.',
      update: 'Changing definition keeps the old one in definitionHistory with until = today.',
    },
  });
  registerCrud(app, {
    tag: 'Measures',
    name: ['measure value', 'measure values'],
    collection: { path: '/measures/:id/values', param: 'id' },
    item: '/measure-values/:id',
    schemas: { create: S.CreateMeasureValue, update: S.UpdateMeasureValue, query: S.MeasureValueQuery, resource: S.MeasureValue },
    service: app.services.measureValues,
    notes: { create: 'One value per period (the end date of the period measured): a second value for the same period → 409.' },
  });

  app.withTypeProvider<ZodTypeProvider>().get('/measure-definitions', {
    schema: {
      operationId: 'listMeasureDefinitions',
      tags: ['Measures'],
      summary: 'Starter SEND measure definitions a plan can adopt',
      description: 'Definitions only (no figures): POST one to /plans/:planId/measures with your own baseline, milestones and target.',
      querystring: z.strictObject({ frequency: S.Frequency.optional() }),
      response: {
        200: z.object({
          items: z.array(
            z.object({ ref: z.string(), title: z.string(), definition: z.string(), unit: z.string(), direction: S.Direction, frequency: S.Frequency, source: z.string() }),
          ),
        }),
        ...problems(400, 401, 403),
      },
    },
    handler: async (req) => ({ items: SEND_MEASURE_DEFINITIONS.filter((d) => !req.query.frequency || d.frequency === req.query.frequency) }),
  });
}
