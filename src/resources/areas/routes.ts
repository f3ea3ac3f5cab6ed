// HTTP routes for areas.
import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../crud-routes.js';
import { Area, AreaQuery, CreateArea, UpdateArea } from './schemas.js';

export default async function areaRoutes(app: FastifyInstance) {
  registerCrud(app, {
    tag: 'Areas',
    name: ['area', 'areas'],
    collection: { path: '/plans/:planId/areas', param: 'planId' },
    item: '/areas/:id',
    schemas: { create: CreateArea, update: UpdateArea, query: AreaQuery, resource: Area },
    service: app.services.areas,
    notes: { remove: 'Deletes the area and its progress updates; its actions stay in the plan without an area.' },
  });
}
