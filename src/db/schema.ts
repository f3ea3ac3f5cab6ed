// The database schema (drizzle): every table, one file per feature under tables/. Dates are 'YYYY-MM-DD'
// text, timestamps ISO 8601 UTC text and nested lists JSON text (see tables/core.ts); PostgreSQL's tables
// are derived from these (pg-schema.ts).
export * from './tables/core.js';
export * from './tables/public-documents.js';
export * from './tables/update-rounds.js';
export * from './tables/reviews.js';
export * from './tables/import-jobs.js';
export * from './tables/measures.js';
export * from './tables/evidence.js';
