// Uploaded files: PDFs for meeting packs (accepted only when they parse as unencrypted PDFs with pages) and
// evidence files (Office, CSV, images; their content checked against the type in ./content-check.ts).
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PDFDocument } from 'pdf-lib';
import { z } from 'zod';
import { NotFoundError, UnsupportedMediaTypeError, ValidationError } from '../../shared/errors.js';
import { problems } from '../../shared/problem.js';
import { IdParams } from '../../shared/schemas.js';
import type { UploadInfo } from './repo.js';
import { API_PREFIX } from '../crud-routes.js';
import { CHECKED_TYPES, checkContent, ContentMismatch, UPLOAD_EXTENSIONS } from './content-check.js';

export const UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;
const MAX_PAGES = 2000;

const Upload = z
  .object({
    id: z.string(),
    pages: z.number().int().nullable().meta({ description: 'Pages of a PDF; null for other files.' }),
    mediaType: z.string(),
    bytes: z.number().int().meta({ description: 'Size in bytes (also as size).' }),
    size: z.number().int(),
    sha256: z.string(),
    filename: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Upload' });

const tags = ['Meetings and packs'];
const notPdf = (message: string) => new ValidationError([{ in: 'body', path: '', message }], message);

export async function inspectPdf(bytes: Buffer): Promise<{ pages: number }> {
  if (bytes.length === 0) throw notPdf('The body is empty: send the PDF file itself.');
  if (!bytes.subarray(0, 1024).includes('%PDF-')) throw notPdf('This is not a PDF file (no %PDF- header).');
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch (err) {
    if ((err as Error).name === 'EncryptedPDFError') throw notPdf('The PDF is encrypted; remove the password before uploading.');
    throw notPdf('The PDF could not be read: it may be damaged.');
  }
  const pages = doc.getPageCount();
  if (pages < 1) throw notPdf('The PDF has no pages.');
  if (pages > MAX_PAGES) throw notPdf(`The PDF has ${pages} pages; at most ${MAX_PAGES} are accepted.`);
  return { pages };
}

// Files other than PDFs are stored with 0 pages and served with pages: null.
const uploadToApi = (info: UploadInfo) => ({ ...info, pages: info.mediaType === 'application/pdf' ? info.pages : null, bytes: info.size });

function checkedFile(mediaType: string, bytes: Buffer): number {
  try {
    checkContent(mediaType, bytes);
  } catch (err) {
    if (err instanceof ContentMismatch) throw new ValidationError([{ in: 'body', path: '', message: err.message }], err.message);
    throw err;
  }
  return 0;
}

export default async function uploadRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Scoped to this plugin: only /uploads takes raw PDF bodies.
  app.addContentTypeParser(['application/pdf', ...CHECKED_TYPES], { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT_BYTES }, (_req, body, done) => done(null, body));

  r.post('/uploads', {
    bodyLimit: UPLOAD_LIMIT_BYTES,
    schema: {
      tags,
      summary: 'Upload a file: a PDF for a meeting pack, or an evidence file',
      description: `Send the file as the body with its Content-Type (at most ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MB): application/pdf (must parse as an unencrypted PDF; the only type a meeting item can use), DOCX, XLSX, PPTX, text/csv (UTF-8), image/png or image/jpeg — the content must match the type. The same file uploaded again answers with the upload already stored.`,
      querystring: z.strictObject({ filename: z.string().max(200).optional() }),
      consumes: ['application/pdf', ...CHECKED_TYPES],
      response: { 201: Upload, ...problems(400, 401, 403, 413, 415) },
    },
    preValidation: async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new UnsupportedMediaTypeError('Send the file as the body with its Content-Type (application/pdf, DOCX, XLSX, PPTX, text/csv, image/png or image/jpeg).');
    },
    handler: async (req, reply) => {
      const bytes = req.body as Buffer;
      const mediaType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const pages = mediaType === 'application/pdf' ? (await inspectPdf(bytes)).pages : checkedFile(mediaType, bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const info = app.repos.uploads.create({ bytes, pages, sha256, mediaType, size: bytes.length, filename: req.query.filename ?? null }, req.actor!);
      reply.header('Location', `${API_PREFIX}/uploads/${info.id}`);
      return reply.code(201).send(uploadToApi(info));
    },
  });

  r.get('/uploads/:id', {
    schema: { tags, summary: 'Describe an upload', params: IdParams, response: { 200: Upload, ...problems(400, 401, 403, 404) } },
    handler: async (req) => uploadToApi(app.repos.uploads.info(req.params.id)),
  });

  r.get('/uploads/:id/pdf', {
    schema: {
      tags,
      summary: 'Download an uploaded PDF',
      params: IdParams,
      produces: ['application/pdf'],
      response: { 200: z.any().meta({ type: 'string', format: 'binary', description: 'application/pdf' }), ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      if (app.repos.uploads.info(req.params.id).mediaType !== 'application/pdf') throw new NotFoundError('PDF upload', req.params.id);
      return reply.type('application/pdf').send(app.repos.uploads.bytes(req.params.id));
    },
  });

  r.get('/uploads/:id/file', {
    schema: {
      tags,
      summary: 'Download an uploaded file (any type) as an attachment',
      params: IdParams,
      response: { 200: z.any().meta({ type: 'string', format: 'binary', description: 'The file, with its media type' }), ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      const info = app.repos.uploads.info(req.params.id);
      return reply
        .type(info.mediaType)
        .header('Content-Disposition', `attachment; filename="${info.id}.${UPLOAD_EXTENSIONS[info.mediaType] ?? 'bin'}"`)
        .send(app.repos.uploads.bytes(info.id));
    },
  });
}
