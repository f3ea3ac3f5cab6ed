// OpenAPI generated from the routes' zod schemas; interactive docs at /docs, the document at /docs/json.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { RAG_RULE } from '../domain/rag.js';
import { finishDocument } from './openapi-document.js';

export interface SwaggerOptions {
  /** The API's public origin for `servers`; without it the document names its own origin ("/"). */
  publicBaseUrl?: string;
}

async function swaggerPlugin(app: FastifyInstance, opts: SwaggerOptions) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SEND plan tracker API',
        version: '1.0.0',
        contact: { name: 'The SEND improvement programme team of the council running this service' },
        // The code is not published under an open licence: all rights reserved by its owners.
        license: { name: 'Proprietary (all rights reserved)', identifier: 'LicenseRef-Proprietary' },
        description: [
          'Keeps a local area’s Written Statement of Action or priority action plan (area SEND): its areas, actions,',
          'projects and registers; renders highlight reports, progress reports and scrutiny packs.',
          '',
          'Every /api/v1 request needs `Authorization: Bearer <token>`. Single resources carry `version` and an',
          '`ETag`; send `If-Match` on PATCH/DELETE to avoid overwriting someone else’s change (412 if stale).',
          'Errors are application/problem+json. A GET served with an ETag answers `If-None-Match` with 304; a known',
          'path asked with a method it does not serve answers 405 with `Allow`; 401 carries `WWW-Authenticate: Bearer`.',
          '',
          `**RAG rule for actions.** ${RAG_RULE}`,
        ].join('\n'),
      },
      servers: [{ url: opts.publicBaseUrl ?? '/', description: opts.publicBaseUrl ? 'This service' : 'The server this document came from' }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token (see POST /api/v1/tokens).' } },
      },
      security: [{ bearer: [] }],
    },
    // OpenAPI 3.1: schemas are JSON Schema 2020-12, so a nullable value says so in its own terms
    // (anyOf … {type: "null"}), which generated clients and validators read as zod means it. Request
    // schemas are the input side of the zod schemas (defaulted fields optional), responses the output side.
    transform: createJsonSchemaTransform({}),
    transformObject: (input) => finishDocument(createJsonSchemaTransformObject({})(input)),
  });
  // swagger-ui's own policy ends with upgrade-insecure-requests, which blanks /docs over plain http on any
  // host but localhost (a council's intranet); everything else in it stays.
  // The docs are public: their routes (swagger-ui's own) are marked so here, in a context of their own.
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    await docs.register(swaggerUi, {
      routePrefix: '/docs',
      staticCSP: true,
      transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
    });
  });
}

export default fp(swaggerPlugin, { name: 'swagger' });
