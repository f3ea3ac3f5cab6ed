// HTTP routes for the registers: /projects/:projectId/{risks|issues|dependencies|benefits} and /{kind}/:id.
import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../crud-routes.js';
import * as S from './schemas.js';

export default async function registerRoutes(app: FastifyInstance) {
  const s = app.services;
  const common = { tag: 'Registers' };
  registerCrud(app, {
    ...common,
    name: ['risk', 'risks'],
    collection: { path: '/projects/:projectId/risks', param: 'projectId' },
    item: '/risks/:id',
    schemas: { create: S.CreateRisk, update: S.UpdateRisk, query: S.RegisterQuery, resource: S.Risk },
    service: s.risks,
  });
  registerCrud(app, {
    ...common,
    name: ['issue', 'issues'],
    collection: { path: '/projects/:projectId/issues', param: 'projectId' },
    item: '/issues/:id',
    schemas: { create: S.CreateIssue, update: S.UpdateIssue, query: S.RegisterQuery, resource: S.Issue },
    service: s.issues,
  });
  registerCrud(app, {
    ...common,
    name: ['dependency', 'dependencies'],
    collection: { path: '/projects/:projectId/dependencies', param: 'projectId' },
    item: '/dependencies/:id',
    schemas: { create: S.CreateDependency, update: S.UpdateDependency, query: S.RegisterQuery, resource: S.Dependency },
    service: s.dependencies,
    notes: { update: 'Sending updates replaces the whole list of dated updates.' },
  });
  registerCrud(app, {
    ...common,
    name: ['benefit', 'benefits'],
    collection: { path: '/projects/:projectId/benefits', param: 'projectId' },
    item: '/benefits/:id',
    schemas: { create: S.CreateBenefit, update: S.UpdateBenefit, query: S.RegisterQuery, resource: S.Benefit },
    service: s.benefits,
  });
}
