// drizzle-kit for PostgreSQL: the schema derived from src/db/schema.ts, migrations in migrations/pg/.
// `npm run db:generate:pg` after every `npm run db:generate`; the drift test fails if one is forgotten.
import type { Config } from 'drizzle-kit';

export default {
  dialect: 'postgresql',
  schema: './src/db/pg-schema.ts',
  out: './migrations/pg',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/tracker' },
} satisfies Config;
