// The monthly update round: a round per plan and month, one request per owner (by email), the secret
// links emailed to them (only a SHA-256 of each secret is stored), and the comments kept per item.
// *ClaimedAt columns make scheduled work run once even with several processes (UPDATE … WHERE … IS NULL).
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { recordColumns } from './columns.js';
import { plans } from './core.js';
import { REQUEST_STATES, ROUND_STATES, type ItemType } from '../../domain/vocabulary.js';

export type UpdateItemType = ItemType;
export interface UpdateItemRef {
  type: UpdateItemType;
  id: string;
}

export const updateRounds = sqliteTable(
  'update_rounds',
  {
    ...recordColumns,
    planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    opensOn: text('opens_on').notNull(),
    dueOn: text('due_on').notNull(),
    remindAfterWorkingDays: integer('remind_after_working_days').notNull().default(3),
    escalateTo: text('escalate_to', { mode: 'json' }).$type<{ name: string; email: string } | null>(),
    includeRegisters: integer('include_registers', { mode: 'boolean' }).notNull().default(false),
    message: text('message'),
    state: text('state', { enum: ROUND_STATES }).notNull(),
    openClaimedAt: text('open_claimed_at'),
    openedAt: text('opened_at'),
    closedAt: text('closed_at'),
    escalationClaimedAt: text('escalation_claimed_at'),
    escalatedAt: text('escalated_at'),
  },
  (t) => [index('update_rounds_plan').on(t.planId, t.id), index('update_rounds_due').on(t.state, t.opensOn)],
);

export const updateRequests = sqliteTable(
  'update_requests',
  {
    ...recordColumns,
    roundId: text('round_id').notNull().references(() => updateRounds.id, { onDelete: 'cascade' }),
    owner: text('owner').notNull(),
    email: text('email').notNull(),
    items: text('items', { mode: 'json' }).$type<UpdateItemRef[]>().notNull(),
    state: text('state', { enum: REQUEST_STATES }).notNull(),
    sentAt: text('sent_at'),
    remindClaimedAt: text('remind_claimed_at'),
    remindedAt: text('reminded_at'),
    submittedAt: text('submitted_at'),
    submission: text('submission', { mode: 'json' }).$type<unknown>(),
    returnNote: text('return_note'),
    returnedAt: text('returned_at'),
    acceptedAt: text('accepted_at'),
    acceptedBy: text('accepted_by'),
  },
  (t) => [index('update_requests_round').on(t.roundId, t.id)],
);

// Every email with a link carries a fresh secret (a reminder cannot repeat a secret we never stored);
// all of a request's links work until the round closes or expires.
export const updateLinks = sqliteTable(
  'update_links',
  {
    secretHash: text('secret_hash').primaryKey(),
    requestId: text('request_id').notNull().references(() => updateRequests.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('update_links_request').on(t.requestId)],
);

// Comments on an item (from accepted update submissions), kept in order.
export const itemComments = sqliteTable(
  'item_comments',
  {
    id: text('id').primaryKey(),
    itemType: text('item_type').notNull(),
    itemId: text('item_id').notNull(),
    at: text('at').notNull(),
    author: text('author').notNull(),
    text: text('text').notNull(),
    requestId: text('request_id'),
  },
  (t) => [index('item_comments_item').on(t.itemType, t.itemId, t.at)],
);
