// The renderer (one Chromium, closed with the app), the compiled templates, and the document builders.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createDocuments, type Documents } from '../resources/documents.js';
import { Renderer, type RendererOptions } from '../render/renderer.js';
import { Templates } from '../render/templates.js';

declare module 'fastify' {
  interface FastifyInstance {
    renderer: Renderer;
    templates: Templates;
    documents: Documents;
  }
}

export interface DocumentsPluginOptions {
  render?: RendererOptions;
  ragMargin: number;
}

async function documentsPlugin(app: FastifyInstance, opts: DocumentsPluginOptions) {
  const renderer = new Renderer(opts.render);
  const templates = new Templates();
  app.decorate('renderer', renderer);
  app.decorate('templates', templates);
  app.decorate(
    'documents',
    createDocuments({ repos: app.repos, services: app.services, templates, renderer, now: app.store.now, ragMargin: opts.ragMargin }),
  );
  // Runs after in-flight requests have drained (fastify closes the server first), before the database.
  app.addHook('onClose', async () => {
    await renderer.close();
  });
}

export default fp(documentsPlugin, { name: 'documents', dependencies: ['services'] });
