// Calendar feeds: a secret URL per subscriber that Outlook or Google Calendar can poll without a token
// (/calendars/<secret>.ics). Editors create and revoke them; the secret is shown once.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../shared/problem.js';
import { Id, IdParams, ShortText } from '../../shared/schemas.js';
import { API_PREFIX } from '../crud-routes.js';

const tags = ['Spreadsheets and calendar'];
const Feed = z
  .object({ id: z.string(), planId: z.string(), name: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })
  .meta({ id: 'CalendarFeed' });
const CreatedFeed = Feed.extend({
  url: z.string().meta({ description: 'The subscription URL (path), shown only now: it is the secret. Prefix it with the server’s address.' }),
}).meta({ id: 'CreatedCalendarFeed' });

export const feedPath = (secret: string) => `/calendars/${secret}.ics`;

export default async function calendarFeedRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/plans/:planId/calendar-feeds', {
    config: { role: 'editor' },
    schema: {
      operationId: 'createCalendarFeed',
      tags,
      summary: 'Create a secret calendar-feed URL for the plan',
      description: 'For subscribing from Outlook or Google Calendar, which cannot send a bearer token. Name it after its holder; revoke it with DELETE.',
      params: z.strictObject({ planId: Id }),
      body: z.strictObject({ name: ShortText.meta({ example: 'Scrutiny members' }) }),
      response: { 201: CreatedFeed, ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      const { row, secret } = await app.services.calendarFeeds.create(req.params.planId, req.body.name, req.actor!);
      reply.header('Location', `${API_PREFIX}/calendar-feeds/${row.id}`).header('Cache-Control', 'no-store');
      return reply.code(201).send({ ...publicFields(row), url: feedPath(secret) });
    },
  });

  r.get('/plans/:planId/calendar-feeds', {
    config: { role: 'editor' },
    schema: {
      operationId: 'listCalendarFeeds',
      tags,
      summary: 'List the plan’s calendar feeds (never their secrets)',
      params: z.strictObject({ planId: Id }),
      response: { 200: z.object({ items: z.array(Feed) }), ...problems(400, 401, 403, 404) },
    },
    handler: async (req) => {
      return { items: (await app.services.calendarFeeds.inPlan(req.params.planId)).map(publicFields) };
    },
  });

  r.get('/calendar-feeds/:id', {
    config: { role: 'editor' },
    schema: { operationId: 'getCalendarFeed', tags, summary: 'Get a calendar feed (never its secret)', params: IdParams, response: { 200: Feed, ...problems(400, 401, 403, 404) } },
    handler: async (req) => publicFields(await app.services.calendarFeeds.get(req.params.id)),
  });

  r.delete('/calendar-feeds/:id', {
    config: { role: 'editor' },
    schema: { operationId: 'revokeCalendarFeed', tags, summary: 'Revoke a calendar feed', params: IdParams, response: { 204: z.null().describe('Revoked'), ...problems(400, 401, 403, 404) } },
    handler: async (req, reply) => {
      await app.services.calendarFeeds.revoke(req.params.id, req.actor!);
      return reply.code(204).send(null);
    },
  });
}

const publicFields = ({ secretHash: _s, ...row }: { secretHash: string } & z.infer<typeof Feed>) => row;
