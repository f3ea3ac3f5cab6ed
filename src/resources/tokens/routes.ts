// HTTP routes for API tokens (admin only). The secret is returned once, at creation.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../domain/vocabulary.js';
import { pageOf, PageQuery } from '../../shared/pagination.js';
import { problems } from '../../shared/problem.js';
import { NotFoundError } from '../../shared/errors.js';
import { IdParams, ShortText } from '../../shared/schemas.js';
import { API_PREFIX } from '../crud-routes.js';

const Role = z.enum(ROLES).meta({
  description: 'viewer: read and render; editor: also create, update, delete and publish; admin: also manage tokens.',
});
const CreateToken = z.strictObject({ name: ShortText.meta({ example: 'SEND programme manager' }), role: Role }).meta({ id: 'CreateToken' });
const Token = z
  .object({ id: z.string(), name: z.string(), role: Role, createdAt: z.string(), revokedAt: z.string().nullable() })
  .meta({ id: 'Token' });
const CreatedToken = z
  .object({ id: z.string(), name: z.string(), role: Role, token: z.string().meta({ description: 'The secret: shown only now; store it safely.' }) })
  .meta({ id: 'CreatedToken' });

export default async function tokenRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { role: 'admin' as const };
  const tags = ['Access'];

  r.post('/tokens', {
    config,
    schema: { operationId: 'createToken', tags, summary: 'Create an API token', body: CreateToken, response: { 201: CreatedToken, ...problems(400, 401, 403) } },
    handler: async (req, reply) => {
      const { row, secret } = await app.tokens.create(req.body.name, req.body.role, req.actor!);
      reply.header('Location', `${API_PREFIX}/tokens/${row.id}`).header('Cache-Control', 'no-store');
      return reply.code(201).send({ id: row.id, name: row.name, role: row.role, token: secret });
    },
  });

  r.get('/tokens', {
    config,
    schema: { operationId: 'listTokens', tags, summary: 'List API tokens (never their secrets)', querystring: z.strictObject(PageQuery), response: { 200: pageOf(Token), ...problems(400, 401, 403) } },
    handler: async (req) => {
      const page = await app.tokens.list(req.query);
      return { items: page.items.map(({ tokenHash: _h, ...t }) => t), nextCursor: page.nextCursor };
    },
  });

  r.get('/tokens/:id', {
    config,
    schema: { operationId: 'getToken', tags, summary: 'Get an API token (never its secret)', params: IdParams, response: { 200: Token, ...problems(400, 401, 403, 404) } },
    handler: async (req) => {
      const row = await app.tokens.get(req.params.id);
      if (!row) throw new NotFoundError('token', req.params.id);
      const { tokenHash: _h, ...token } = row;
      return token;
    },
  });

  r.delete('/tokens/:id', {
    config,
    schema: { operationId: 'revokeToken', tags, summary: 'Revoke an API token', params: IdParams, response: { 204: z.null().describe('Revoked'), ...problems(400, 401, 403, 404) } },
    handler: async (req, reply) => {
      await app.tokens.revoke(req.params.id, req.actor!);
      return reply.code(204).send(null);
    },
  });
}
