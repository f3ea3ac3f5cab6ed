// The PostgreSQL schema: the twin of src/db/schema.ts, derived from it (src/db/dialect/pg-tables.ts), never
// written by hand. drizzle-kit reads top-level exports only, hence the list; test/db/migrations.test.ts
// fails when a table of schema.ts is missing from it.
import { toPgSchema } from './dialect/pg-tables.js';
import * as sqliteSchema from './schema.js';

export const pgSchema = toPgSchema(sqliteSchema);

export const {
  actions,
  apiTokens,
  areaUpdates,
  areas,
  auditEvents,
  benefits,
  calendarFeeds,
  dependencies,
  evidence,
  highlightReports,
  importJobs,
  issues,
  itemComments,
  measureValues,
  measures,
  meetings,
  plans,
  projects,
  publicDocuments,
  publishedFiles,
  reviews,
  risks,
  updateLinks,
  updateRequests,
  updateRounds,
  uploads,
  workstreams,
} = pgSchema;
