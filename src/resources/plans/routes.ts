// HTTP routes for plans.
import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../crud-routes.js';
import { CreatePlan, Plan, PlanQuery, UpdatePlan } from './schemas.js';

export default async function planRoutes(app: FastifyInstance) {
  registerCrud(app, {
    tag: 'Plans',
    name: ['plan', 'plans'],
    collection: { path: '/plans' },
    item: '/plans/:id',
    schemas: { create: CreatePlan, update: UpdatePlan, query: PlanQuery, resource: Plan },
    service: app.services.plans,
    notes: {
      create: 'The response carries the statutory deadlines computed from inspectionReportPublishedOn.',
      remove: 'Deletes the plan with its areas, actions, projects and registers. 409 if any of its reports is published.',
    },
  });
}
