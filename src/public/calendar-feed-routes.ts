// The public end of a calendar feed: /calendars/<secret>.ics serves the plan's calendar to whoever holds
// the secret URL (calendar apps cannot send tokens). Unknown or revoked secrets are plain 404s.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CALENDAR_TYPE, planCalendar } from '../resources/interchange/calendar.js';
import { interchangeDeps } from '../resources/interchange/importer.js';
import { NotFoundError } from '../shared/errors.js';
import { problems } from '../shared/problem.js';

export default async function calendarFeedPublicRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = interchangeDeps(app);

  r.get('/calendars/:file', {
    config: { public: true },
    schema: {
      operationId: 'getCalendarFeedIcs',
      tags: ['Public pages'],
      summary: 'A plan’s calendar through a secret feed URL (for calendar subscriptions)',
      security: [],
      params: z.strictObject({ file: z.string().regex(/^[A-Za-z0-9_-]{16,64}\.ics$/, 'is not a calendar feed') }),
      produces: ['text/calendar'],
      response: { 200: z.string().meta({ description: 'text/calendar' }), ...problems(400, 404) },
    },
    handler: async (req, reply) => {
      const feed = await app.services.calendarFeeds.bySecret(req.params.file.slice(0, -4));
      if (!feed) throw new NotFoundError('calendar feed', 'given');
      const cal = await planCalendar(deps, feed.planId, { asOf: deps.today() });
      return reply
        .type(CALENDAR_TYPE)
        .header('Cache-Control', 'private, max-age=300')
        .header('X-Robots-Tag', 'noindex')
        .serializer((x: unknown) => x as string)
        .send(cal.toString());
    },
  });
}
