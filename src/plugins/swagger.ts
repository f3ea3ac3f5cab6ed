// OpenAPI generated from the routes' zod schemas; interactive docs at /docs, the document at /docs/json.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
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
    // The document is OpenAPI 3.0: the shared component schemas must be generated for 3.0 too (the
    // library's default for them is JSON Schema 2020-12, whose `type: "null"` 3.0 does not allow).
    transform: createJsonSchemaTransform({ zodToJsonConfig: { target: 'openapi-3.0' } }),
    transformObject: (input) => servedAsProblems(createJsonSchemaTransformObject({ zodToJsonConfig: { target: 'openapi-3.0' } })(input)),
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

type OpenApiDoc = ReturnType<ReturnType<typeof createJsonSchemaTransformObject>>;
type Responses = Record<string, { content?: Record<string, { schema?: unknown }> }>;

/**
 * Route schemas cannot name a response's media type, so the document would say errors come as the
 * route's own type (JSON, or even PDF). They are application/problem+json (see ./errors.ts), and a
 * 204 has no body at all: the document is corrected to say so.
 */
function servedAsProblems(doc: OpenApiDoc): OpenApiDoc {
  for (const item of Object.values((doc as { paths?: Record<string, Record<string, unknown>> }).paths ?? {})) {
    for (const op of Object.values(item ?? {})) {
      const responses = (op as { responses?: Responses } | undefined)?.responses;
      if (!responses || typeof responses !== 'object') continue;
      for (const [status, response] of Object.entries(responses)) {
        if (status === '204') delete response.content;
        if (!/^[45]\d\d$/.test(status) || !response.content) continue;
        const schema = Object.values(response.content)[0]?.schema;
        response.content = { 'application/problem+json': { schema } };
      }
    }
  }
  return doc;
}

export default fp(swaggerPlugin, { name: 'swagger' });
