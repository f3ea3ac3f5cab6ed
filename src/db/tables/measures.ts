// Measures (KPIs) of a plan and their values by period. Nested lists are JSON text (jsonb on PostgreSQL).
import { index, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { recordColumns } from './columns.js';
import { plans, projects } from './core.js';
import { DIRECTIONS, FREQUENCIES } from '../../domain/vocabulary.js';

export const measures = sqliteTable(
  'measures',
  {
    ...recordColumns,
    planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    ref: text('ref').notNull(),
    title: text('title').notNull(),
    definition: text('definition').notNull(),
    unit: text('unit').notNull(),
    direction: text('direction', { enum: DIRECTIONS }).notNull(),
    source: text('source'),
    frequency: text('frequency', { enum: FREQUENCIES }),
    areaIds: text('area_ids', { mode: 'json' }).$type<string[]>().notNull(),
    actionIds: text('action_ids', { mode: 'json' }).$type<string[]>().notNull(),
    projectId: text('project_id').references(() => projects.id, { onDelete: 'set null' }),
    baseline: text('baseline', { mode: 'json' }).$type<{ value: number; period: string } | null>(),
    milestones: text('milestones', { mode: 'json' }).$type<{ by: string; value: number }[]>().notNull(),
    target: text('target', { mode: 'json' }).$type<{ value: number; by: string } | null>(),
    tolerance: real('tolerance').notNull().default(0),
    comparators: text('comparators', { mode: 'json' }).$type<{ name: string; value: number; period: string }[]>().notNull(),
    definitionHistory: text('definition_history', { mode: 'json' }).$type<{ definition: string; until: string }[]>().notNull(),
  },
  (t) => [uniqueIndex('measures_plan_ref').on(t.planId, t.ref)],
);

export const measureValues = sqliteTable(
  'measure_values',
  {
    ...recordColumns,
    measureId: text('measure_id').notNull().references(() => measures.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    value: real('value').notNull(),
    note: text('note'),
  },
  (t) => [uniqueIndex('measure_values_measure_period').on(t.measureId, t.period), index('measure_values_measure').on(t.measureId)],
);
