// Data access for uploaded PDFs (bytes kept in the database with their page count and hash).
import { eq } from 'drizzle-orm';
import { uploads } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import type { Actor, Store } from '../../db/store.js';
import { NotFoundError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';

export type UploadRow = typeof uploads.$inferSelect;
export type UploadInfo = Omit<UploadRow, 'bytes'>;

const info = { id: uploads.id, createdAt: uploads.createdAt, filename: uploads.filename, size: uploads.size, pages: uploads.pages, sha256: uploads.sha256 };

export class UploadsRepo {
  constructor(private readonly store: Store) {}

  create(values: Omit<UploadRow, 'id' | 'createdAt'>, actor: Actor): UploadInfo {
    const row: UploadRow = { ...values, id: newId('upl'), createdAt: this.store.timestamp() };
    this.store.tx((tx) => {
      tx.insert(uploads).values(row).run();
      const { bytes: _b, ...rest } = row;
      this.store.audit(tx, actor, 'create', 'upload', row.id, null, rest);
    });
    const { bytes: _b, ...rest } = row;
    return rest;
  }

  exists(id: string, db: Db = this.store.db): boolean {
    return !!db.select({ id: uploads.id }).from(uploads).where(eq(uploads.id, id)).get();
  }

  info(id: string, db: Db = this.store.db): UploadInfo {
    const row = db.select(info).from(uploads).where(eq(uploads.id, id)).get();
    if (!row) throw new NotFoundError('upload', id);
    return row;
  }

  bytes(id: string, db: Db = this.store.db): Buffer {
    const row = db.select({ bytes: uploads.bytes }).from(uploads).where(eq(uploads.id, id)).get();
    if (!row) throw new NotFoundError('upload', id);
    return row.bytes;
  }
}
