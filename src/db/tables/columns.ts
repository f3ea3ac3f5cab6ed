// The columns every stored resource has: its id, its version (the ETag) and when it was made and changed.
import { integer, text } from 'drizzle-orm/sqlite-core';

export const recordColumns = {
  id: text('id').primaryKey(),
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};
