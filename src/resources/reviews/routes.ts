// HTTP routes for monitoring reviews (CRUD under a plan).
import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../crud-routes.js';
import { CreateReview, Review, ReviewQuery, UpdateReview } from './schemas.js';

export default async function reviewRoutes(app: FastifyInstance) {
  registerCrud(app, {
    tag: 'Reviews',
    name: ['review', 'reviews'],
    collection: { path: '/plans/:planId/reviews', param: 'planId' },
    item: '/reviews/:id',
    schemas: { create: CreateReview, update: UpdateReview, query: ReviewQuery, resource: Review },
    service: app.services.reviews,
    notes: {
      create: 'A monitoring review with DfE and NHS England advisers. The response fills in, as of heldOn, the previous review’s agreed actions, the actions behind schedule and each area’s latest progress.',
      list: 'The plan’s reviews in the order they were created.',
    },
  });
}
