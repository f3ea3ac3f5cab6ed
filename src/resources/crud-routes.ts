// The five routes of a contract resource (create/list under a parent, get/patch/delete by id) with the
// shared conventions: 201 + Location, ETag/If-Match, cursor pages, problem+json errors, OpenAPI docs.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../db/store.js';
import { etagFor, parseIfMatch } from '../shared/etag.js';
import { pageOf } from '../shared/pagination.js';
import { problems } from '../shared/problem.js';
import { Id, IdParams } from '../shared/schemas.js';

export interface Versioned {
  id: string;
  version: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A service's methods may answer at once (SQLite) or later (a Promise): the routes await either. */
export interface CrudService<C, U, Q, R extends Versioned> {
  create(parentId: string | undefined, body: C, actor: Actor): R | Promise<R>;
  get(id: string): R | Promise<R>;
  list(parentId: string | undefined, query: Q): Page<R> | Promise<Page<R>>;
  update(id: string, body: U, ifMatch: number[] | undefined, actor: Actor): R | Promise<R>;
  remove(id: string, ifMatch: number[] | undefined, actor: Actor): void | Promise<void>;
}

export interface CrudDefinition<C extends z.ZodType, U extends z.ZodType, Q extends z.ZodType, R extends z.ZodType> {
  tag: string;
  /** Singular and plural names for summaries: "action", "actions". */
  name: [string, string];
  /** e.g. { path: '/plans/:planId/actions', param: 'planId' }, or { path: '/meetings' } for top-level. */
  collection: { path: string; param?: string };
  /** e.g. '/actions/:id' */
  item: string;
  schemas: { create: C; update: U; query: Q; resource: R };
  service: CrudService<z.infer<C>, z.infer<U>, z.infer<Q>, z.infer<R> & Versioned>;
  notes?: { create?: string; list?: string; update?: string; remove?: string };
}

export const API_PREFIX = '/api/v1';

export const IfMatchHeaders = z.object({
  'if-match': z.string().max(200).optional().meta({ description: 'The ETag you last read; 412 if the resource has changed since.' }),
});

export function sendResource(reply: FastifyReply, resource: Versioned, status = 200) {
  return reply.code(status).header('ETag', etagFor(resource.version)).send(resource);
}

export function registerCrud<C extends z.ZodType, U extends z.ZodType, Q extends z.ZodType, R extends z.ZodType>(
  app: FastifyInstance,
  def: CrudDefinition<C, U, Q, R>,
) {
  // Typed loosely here: each route's schemas are generic, and the service signatures carry the types.
  const r = app as FastifyInstance;
  const [one, many] = def.name;
  const parentParam = def.collection.param;
  const collectionParams = parentParam ? z.strictObject({ [parentParam]: Id }) : undefined;
  const parentOf = (params: unknown) => (parentParam ? (params as Record<string, string>)[parentParam] : undefined);
  const itemUrl = (id: string) => API_PREFIX + def.item.replace(':id', id);
  const parentNotFound = parentParam ? [404] : [];
  // Stable operationIds for generated clients: listActions, getAction, createAction, updateAction, deleteAction.
  const [One, Many] = [pascal(one), pascal(many)];

  route(r, 'POST', def.collection.path, {
    schema: {
      tags: [def.tag],
      operationId: `create${One}`,
      summary: `Create ${aOrAn(one)} ${one}`,
      description: def.notes?.create,
      ...(collectionParams ? { params: collectionParams } : {}),
      body: def.schemas.create,
      response: { 201: def.schemas.resource, ...problems(400, 401, 403, ...parentNotFound, 409, 413) },
    },
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const created = await def.service.create(parentOf(req.params), req.body as z.infer<C>, req.actor!);
      reply.header('Location', itemUrl(created.id));
      return sendResource(reply, created, 201);
    },
  });

  route(r, 'GET', def.collection.path, {
    schema: {
      tags: [def.tag],
      operationId: `list${Many}`,
      summary: `List ${many}`,
      description: def.notes?.list,
      ...(collectionParams ? { params: collectionParams } : {}),
      querystring: def.schemas.query,
      response: { 200: pageOf(def.schemas.resource), ...problems(400, 401, 403, ...parentNotFound) },
    },
    handler: async (req: FastifyRequest) => def.service.list(parentOf(req.params), req.query as z.infer<Q>),
  });

  route(r, 'GET', def.item, {
    schema: {
      tags: [def.tag],
      operationId: `get${One}`,
      summary: `Get ${aOrAn(one)} ${one}`,
      params: IdParams,
      response: { 200: def.schemas.resource, ...problems(400, 401, 403, 404) },
    },
    handler: async (req: FastifyRequest, reply: FastifyReply) => sendResource(reply, await def.service.get(idOf(req.params))),
  });

  route(r, 'PATCH', def.item, {
    schema: {
      tags: [def.tag],
      operationId: `update${One}`,
      summary: `Update ${aOrAn(one)} ${one}`,
      description: [def.notes?.update, 'Partial update: only the fields sent change; send null to clear an optional field.']
        .filter(Boolean)
        .join(' '),
      params: IdParams,
      headers: IfMatchHeaders,
      body: def.schemas.update,
      response: { 200: def.schemas.resource, ...problems(400, 401, 403, 404, 409, 412, 413) },
    },
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const updated = await def.service.update(idOf(req.params), req.body as z.infer<U>, parseIfMatch(req.headers['if-match']), req.actor!);
      return sendResource(reply, updated);
    },
  });

  route(r, 'DELETE', def.item, {
    schema: {
      tags: [def.tag],
      operationId: `delete${One}`,
      summary: `Delete ${aOrAn(one)} ${one}`,
      description: def.notes?.remove,
      params: IdParams,
      headers: IfMatchHeaders,
      response: { 204: z.null().describe('Deleted'), ...problems(400, 401, 403, 404, 409, 412) },
    },
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      await def.service.remove(idOf(req.params), parseIfMatch(req.headers['if-match']), req.actor!);
      return reply.code(204).send();
    },
  });
}

// Route options are assembled generically; their zod schemas still drive validation and OpenAPI.
function route(app: FastifyInstance, method: string, url: string, opts: Record<string, unknown>) {
  app.route({ method, url, ...opts } as never);
}

const idOf = (params: unknown) => (params as { id: string }).id;
const aOrAn = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
const pascal = (words: string) => words.replace(/(?:^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_m, c: string) => c.toUpperCase());
