// Decorates the app with the repositories and services built over its Store.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createRepos, type Repos } from '../db/repos/index.js';
import { createServices, type ServiceContext, type Services } from '../resources/services.js';

declare module 'fastify' {
  interface FastifyInstance {
    repos: Repos;
    services: Services;
  }
}

async function servicesPlugin(app: FastifyInstance, opts: Omit<ServiceContext, 'now'>) {
  const repos = createRepos(app.store);
  app.decorate('repos', repos);
  app.decorate('services', createServices(repos, { now: app.store.now, ragMargin: opts.ragMargin }));
}

export default fp(servicesPlugin, { name: 'services', dependencies: ['db'] });
