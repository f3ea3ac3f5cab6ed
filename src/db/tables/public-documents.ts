// Stored copies of what anonymous readers download: a public meeting's pack PDF and its item documents,
// each kept under the content key of its inputs (src/public/public-documents.ts) so it is printed once per
// change, not once per request. Only the newest copy per meeting slot is kept.
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { meetings } from './core.js';
import { PUBLIC_DOCUMENT_KINDS } from '../../domain/vocabulary.js';

export const publicDocuments = sqliteTable(
  'public_documents',
  {
    // SHA-256 (hex) of everything the document is made from; a change of any input is a new key.
    contentKey: text('content_key').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    // 'pack' (Part 1 pack PDF) or 'item' (one agenda item's document).
    kind: text('kind', { enum: PUBLIC_DOCUMENT_KINDS }).notNull(),
    itemNumber: integer('item_number'),
    mediaType: text('media_type').notNull(),
    body: blob('body', { mode: 'buffer' }).notNull(),
    // Strong validator: the body's SHA-256 (first 32 hex digits), quoted.
    etag: text('etag').notNull(),
    // For a pack: its outline (item ranges, front pages, pages), so the public agenda needs no render.
    meta: text('meta', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('public_documents_slot').on(t.meetingId, t.kind, t.itemNumber)],
);
