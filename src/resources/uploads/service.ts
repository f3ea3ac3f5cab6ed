// Upload rules: a PDF is checked within bounds and stored without active content (src/documents/pdf-check.ts);
// any other file's content must match its type (./content-check.ts); the same file is stored once.
import { createHash } from 'node:crypto';
import type { Actor } from '../../db/store.js';
import { preparePdf } from '../../documents/pdf-check.js';
import { ValidationError } from '../../shared/errors.js';
import type { Repos } from '../../db/repos/index.js';
import { checkContent, ContentMismatch } from './content-check.js';
import type { UploadInfo } from '../../db/repos/uploads.js';

export const UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;
export const PDF = 'application/pdf';
const MAX_PAGES = 2000;

export interface StoredUpload {
  info: UploadInfo;
  /** The bytes as stored (a PDF cleaned of active content). */
  bytes: Buffer;
  /** The kinds of active content removed from a PDF. */
  removed: string[];
}

export class UploadsService {
  constructor(private readonly repos: Repos) {}

  /** What is known of an upload (no bytes); 404 when there is none. */
  info(id: string): Promise<UploadInfo> {
    return this.repos.uploads.info(id);
  }

  /** The stored bytes. */
  bytes(id: string): Promise<Buffer> {
    return this.repos.uploads.bytes(id);
  }

  async create(file: { body: Buffer; mediaType: string; filename: string | null }, actor: Actor): Promise<StoredUpload> {
    let bytes = file.body;
    let pages = 0;
    let removed: string[] = [];
    if (file.mediaType === PDF) {
      ({ bytes, pages, removed } = await preparePdf(file.body, { maxBytes: UPLOAD_LIMIT_BYTES, maxPages: MAX_PAGES }));
    } else {
      checkedFile(file.mediaType, file.body);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const info = await this.repos.uploads.create({ bytes, pages, sha256, mediaType: file.mediaType, size: bytes.length, filename: file.filename }, actor);
    return { info, bytes, removed };
  }
}

function checkedFile(mediaType: string, bytes: Buffer): void {
  try {
    checkContent(mediaType, bytes);
  } catch (err) {
    if (err instanceof ContentMismatch) throw new ValidationError([{ in: 'body', path: '', message: err.message }], err.message);
    throw err;
  }
}
