// HTTP routes for projects and workstreams.
import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../crud-routes.js';
import {
  CreateProject,
  CreateWorkstream,
  Project,
  ProjectQuery,
  UpdateProject,
  UpdateWorkstream,
  Workstream,
  WorkstreamQuery,
} from './schemas.js';

export default async function projectRoutes(app: FastifyInstance) {
  registerCrud(app, {
    tag: 'Projects',
    name: ['project', 'projects'],
    collection: { path: '/plans/:planId/projects', param: 'planId' },
    item: '/projects/:id',
    schemas: { create: CreateProject, update: UpdateProject, query: ProjectQuery, resource: Project },
    service: app.services.projects,
    notes: { remove: 'Deletes the project with its workstreams, registers and draft reports; 409 if a report is published.' },
  });
  registerCrud(app, {
    tag: 'Projects',
    name: ['workstream', 'workstreams'],
    collection: { path: '/projects/:projectId/workstreams', param: 'projectId' },
    item: '/workstreams/:id',
    schemas: { create: CreateWorkstream, update: UpdateWorkstream, query: WorkstreamQuery, resource: Workstream },
    service: app.services.workstreams,
  });
}
