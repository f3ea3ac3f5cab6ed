// HTTP routes for meetings (records). The pack lives in ./pack-routes.ts.
import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../crud-routes.js';
import { CreateMeeting, Meeting, MeetingQuery, UpdateMeeting } from './schemas.js';

export default async function meetingRoutes(app: FastifyInstance) {
  registerCrud(app, {
    tag: 'Meetings and packs',
    name: ['meeting', 'meetings'],
    collection: { path: '/meetings' },
    item: '/meetings/:id',
    schemas: { create: CreateMeeting, update: UpdateMeeting, query: MeetingQuery, resource: Meeting },
    service: app.services.meetings,
    notes: {
      create: 'Items are numbered uniquely; each document must exist (highlight report, plan, upload). Part 2 items are exempt and never appear in the public pack.',
    },
  });
}
