// HTTP routes for area progress updates.
import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../crud-routes.js';
import { AreaUpdate, AreaUpdateQuery, CreateAreaUpdate, UpdateAreaUpdate } from './schemas.js';

export default async function areaUpdateRoutes(app: FastifyInstance) {
  registerCrud(app, {
    tag: 'Progress updates',
    name: ['area progress update', 'area progress updates'],
    collection: { path: '/areas/:areaId/updates', param: 'areaId' },
    item: '/updates/:id',
    schemas: { create: CreateAreaUpdate, update: UpdateAreaUpdate, query: AreaUpdateQuery, resource: AreaUpdate },
    service: app.services.areaUpdates,
  });
}
