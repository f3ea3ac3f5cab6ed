// HTTP routes of the monthly update round: rounds of a plan, their requests (submission, accept,
// return), reminders now, and the comments kept on an action.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseIfMatch } from '../../shared/etag.js';
import { pageOf } from '../../shared/pagination.js';
import { problems } from '../../shared/problem.js';
import { Id, IdParams } from '../../shared/schemas.js';
import { API_PREFIX, IfMatchHeaders, sendResource } from '../crud-routes.js';
import { Comment, CreateUpdateRound, ReturnUpdateRequest, UpdateRequest, UpdateRound, UpdateRoundQuery, UpdateUpdateRound } from './schemas.js';

const tags = ['Update rounds'];

export default async function updateRoundRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = app.updateRounds.service;
  const PlanParams = z.strictObject({ planId: Id });

  r.post('/plans/:planId/update-rounds', {
    schema: {
      operationId: 'createUpdateRound',
      tags,
      summary: 'Create an update round',
      description:
        'When opensOn is today or earlier the round opens at once: each distinct ownerEmail of the plan’s open actions (and, with includeRegisters, open risks, issues and dependencies) gets one request and one email with a secret link PUBLIC_BASE_URL/update/<secret>. Otherwise the scheduler opens it on that day.',
      params: PlanParams,
      body: CreateUpdateRound,
      response: { 201: UpdateRound, ...problems(400, 401, 403, 404, 413) },
    },
    handler: async (req, reply) => {
      const round = await service.create(req.params.planId, req.body, req.actor!);
      reply.header('Location', `${API_PREFIX}/update-rounds/${round.id}`);
      return sendResource(reply, round, 201);
    },
  });

  r.get('/plans/:planId/update-rounds', {
    schema: { operationId: 'listUpdateRounds', tags, summary: 'List update rounds', params: PlanParams, querystring: UpdateRoundQuery, response: { 200: pageOf(UpdateRound), ...problems(400, 401, 403, 404) } },
    handler: async (req) => service.list(req.params.planId, req.query),
  });

  r.get('/update-rounds/:id', {
    schema: { operationId: 'getUpdateRound', tags, summary: 'Get an update round, with who has answered', params: IdParams, response: { 200: UpdateRound, ...problems(400, 401, 403, 404) } },
    handler: async (req, reply) => sendResource(reply, await service.get(req.params.id)),
  });

  r.patch('/update-rounds/:id', {
    schema: {
      operationId: 'updateUpdateRound',
      tags,
      summary: 'Update an update round',
      description: 'Partial update. {"state": "closed"} closes the round: its links stop working. opensOn and includeRegisters change only before it opens; a closed round → 409.',
      params: IdParams,
      headers: IfMatchHeaders,
      body: UpdateUpdateRound,
      response: { 200: UpdateRound, ...problems(400, 401, 403, 404, 409, 412, 413) },
    },
    handler: async (req, reply) => sendResource(reply, await service.update(req.params.id, req.body, parseIfMatch(req.headers['if-match']), req.actor!)),
  });

  r.post('/update-rounds/:id/remind', {
    schema: {
      operationId: 'remindUpdateRound',
      tags,
      summary: 'Remind, now, the owners who have not submitted',
      description: 'Each gets an email with a new link (earlier links keep working). The round must be open (else 409).',
      params: IdParams,
      response: { 200: UpdateRound, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) => sendResource(reply, await service.remindNow(req.params.id, req.actor!)),
  });

  r.get('/update-requests/:id', {
    schema: { operationId: 'getUpdateRequest', tags, summary: 'Get an owner’s update request and submission', params: IdParams, response: { 200: UpdateRequest, ...problems(400, 401, 403, 404) } },
    handler: async (req, reply) => sendResource(reply, await service.getRequest(req.params.id)),
  });

  r.post('/update-requests/:id/accept', {
    schema: {
      operationId: 'acceptUpdateRequest',
      tags,
      summary: 'Accept a submission: apply it to the items',
      description:
        'In one transaction, through the same rules as PATCH of each item (a breach → 400 and nothing changes). Each change is audited as "<owner> (update link), accepted by <token name>"; each comment is kept. Only a submitted request (else 409).',
      params: IdParams,
      response: { 200: UpdateRequest, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) => sendResource(reply, await service.accept(req.params.id, req.actor!)),
  });

  r.post('/update-requests/:id/return', {
    schema: {
      operationId: 'returnUpdateRequest',
      tags,
      summary: 'Return a submission to its owner with a note',
      description: 'Emails the owner (with a new link) and opens their form again. Only a submitted request (else 409).',
      params: IdParams,
      body: ReturnUpdateRequest,
      response: { 200: UpdateRequest, ...problems(400, 401, 403, 404, 409, 413) },
    },
    handler: async (req, reply) => sendResource(reply, await service.returnRequest(req.params.id, req.body.note, req.actor!)),
  });

  r.get('/actions/:id/comments', {
    schema: {
      operationId: 'listActionComments',
      tags: ['Actions'],
      summary: 'Comments on an action (from accepted update submissions), oldest first',
      params: IdParams,
      response: { 200: z.array(Comment), ...problems(400, 401, 403, 404) },
    },
    handler: async (req) => service.comments(req.params.id),
  });
}
