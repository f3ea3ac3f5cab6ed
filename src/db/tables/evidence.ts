// The evidence library of a plan: dated items (activity, impact, voice), each a stored upload or a link,
// tagged to areas, actions, measures and information-request codes (JSON lists; jsonb on PostgreSQL).
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { recordColumns } from './columns.js';
import { plans, uploads } from './core.js';
import { EVIDENCE_KINDS } from '../../domain/vocabulary.js';

export const evidence = sqliteTable(
  'evidence',
  {
    ...recordColumns,
    planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    kind: text('kind', { enum: EVIDENCE_KINDS }).notNull(),
    asOf: text('as_of').notNull(),
    description: text('description'),
    uploadId: text('upload_id').references(() => uploads.id),
    url: text('url'),
    areaIds: text('area_ids', { mode: 'json' }).$type<string[]>().notNull(),
    actionIds: text('action_ids', { mode: 'json' }).$type<string[]>().notNull(),
    measureIds: text('measure_ids', { mode: 'json' }).$type<string[]>().notNull(),
    requestItems: text('request_items', { mode: 'json' }).$type<string[]>().notNull(),
  },
  (t) => [index('evidence_plan_as_of').on(t.planId, t.asOf)],
);
