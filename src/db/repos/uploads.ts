// Data access for uploaded files (bytes kept in the database with their type, page count and hash); a file
// is stored once: uploading the same bytes again answers with the upload already stored.
import { and, asc, eq } from 'drizzle-orm';
import { uploads } from '../schema.js';
import type { Db } from '../client.js';
import type { Actor, Store } from '../store.js';
import { NotFoundError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';

export type UploadRow = typeof uploads.$inferSelect;
export type UploadInfo = Omit<UploadRow, 'bytes'>;

const info = {
  id: uploads.id,
  createdAt: uploads.createdAt,
  filename: uploads.filename,
  size: uploads.size,
  pages: uploads.pages,
  sha256: uploads.sha256,
  mediaType: uploads.mediaType,
};

export class UploadsRepo {
  constructor(private readonly store: Store) {}

  private get t() {
    return this.store.tables;
  }

  async create(values: Omit<UploadRow, 'id' | 'createdAt' | 'mediaType'> & { mediaType?: string }, actor: Actor): Promise<UploadInfo> {
    const row: UploadRow = { ...values, mediaType: values.mediaType ?? 'application/pdf', id: newId('upl'), createdAt: this.store.timestamp() };
    const existing = await this.store.tx(async (tx) => {
      const same = await this.bySha256(row.sha256, row.mediaType, tx);
      if (same) return same;
      await tx.insert(this.t.uploads).values(row);
      const { bytes: _b, ...rest } = row;
      await this.store.audit(tx, actor, 'create', 'upload', row.id, null, rest);
      return undefined;
    });
    if (existing) return existing;
    const { bytes: _b, ...rest } = row;
    return rest;
  }

  /** The upload already holding these bytes (same hash and type), if any. */
  async bySha256(sha256: string, mediaType: string, db: Db = this.store.db): Promise<UploadInfo | undefined> {
    return (await db.select(info).from(this.t.uploads).where(and(eq(this.t.uploads.sha256, sha256), eq(this.t.uploads.mediaType, mediaType))).orderBy(asc(this.t.uploads.id)).limit(1))[0];
  }

  /** Descriptions of the uploads (no bytes). */
  async infos(ids: string[], db: Db = this.store.db): Promise<UploadInfo[]> {
    const out: UploadInfo[] = [];
    for (const id of ids) {
      const row = (await db.select(info).from(this.t.uploads).where(eq(this.t.uploads.id, id)))[0];
      if (row) out.push(row);
    }
    return out;
  }

  async exists(id: string, db: Db = this.store.db): Promise<boolean> {
    return !!(await db.select({ id: this.t.uploads.id }).from(this.t.uploads).where(eq(this.t.uploads.id, id)))[0];
  }

  async info(id: string, db: Db = this.store.db): Promise<UploadInfo> {
    const row = (await db.select(info).from(this.t.uploads).where(eq(this.t.uploads.id, id)))[0];
    if (!row) throw new NotFoundError('upload', id);
    return row;
  }

  async bytes(id: string, db: Db = this.store.db): Promise<Buffer> {
    const row = (await db.select({ bytes: this.t.uploads.bytes }).from(this.t.uploads).where(eq(this.t.uploads.id, id)))[0];
    if (!row) throw new NotFoundError('upload', id);
    return row.bytes;
  }
}
