// HTTP routes for actions.
import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../crud-routes.js';
import { Action, ActionQuery, CreateAction, UpdateAction } from './schemas.js';

export default async function actionRoutes(app: FastifyInstance) {
  registerCrud(app, {
    tag: 'Actions',
    name: ['action', 'actions'],
    collection: { path: '/plans/:planId/actions', param: 'planId' },
    item: '/actions/:id',
    schemas: { create: CreateAction, update: UpdateAction, query: ActionQuery, resource: Action },
    service: app.services.actions,
    notes: {
      create: 'startDate after dueDate → 400. areaId, projectId and workstreamId must belong to the same plan.',
      list: 'Filters combine with AND. rag and behindSchedule are judged as of asOf (default today).',
    },
  });
}
