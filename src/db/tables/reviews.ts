// Monitoring reviews of a plan with DfE and NHS England advisers (seed 003's "WSoA Review Meeting (MR3)").
// Lists (attendance, support received, agreed actions) are JSON, as the other nested lists are.
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { recordColumns } from './columns.js';
import { plans } from './core.js';
import type { AgreedActionStatus } from '../../domain/vocabulary.js';

export interface ReviewPerson {
  name: string;
  role?: string | null;
  organisation?: string | null;
}
export interface ReviewSupport {
  areaId?: string | null;
  activity: string;
  provider?: string | null;
  impact?: string | null;
}
export interface AgreedAction {
  text: string;
  who?: string | null;
  when?: string | null;
  status: AgreedActionStatus;
}

export const reviews = sqliteTable(
  'reviews',
  {
    ...recordColumns,
    planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    heldOn: text('held_on').notNull(),
    venue: text('venue'),
    attendees: text('attendees', { mode: 'json' }).$type<ReviewPerson[]>().notNull(),
    apologies: text('apologies', { mode: 'json' }).$type<ReviewPerson[]>().notNull(),
    generalUpdate: text('general_update'),
    supportReceived: text('support_received', { mode: 'json' }).$type<ReviewSupport[]>().notNull(),
    agreedActions: text('agreed_actions', { mode: 'json' }).$type<AgreedAction[]>().notNull(),
    conclusion: text('conclusion'),
    nextReviewOn: text('next_review_on'),
    author: text('author'),
  },
  (t) => [index('reviews_plan_held').on(t.planId, t.heldOn)],
);
