// OpenAPI generated from the routes' zod schemas; interactive docs at /docs, the document at /docs/json.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { RAG_RULE } from '../domain/rag.js';

async function swaggerPlugin(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'SEND plan tracker API',
        version: '1.0.0',
        description: [
          'Keeps a local area’s Written Statement of Action or priority action plan (area SEND): its areas, actions,',
          'projects and registers; renders highlight reports, progress reports and scrutiny packs.',
          '',
          'Every /api/v1 request needs `Authorization: Bearer <token>`. Single resources carry `version` and an',
          '`ETag`; send `If-Match` on PATCH/DELETE to avoid overwriting someone else’s change (412 if stale).',
          'Errors are application/problem+json.',
          '',
          `**RAG rule for actions.** ${RAG_RULE}`,
        ].join('\n'),
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token (see POST /api/v1/tokens).' } },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
}

export default fp(swaggerPlugin, { name: 'swagger' });
