// Uploaded files: PDFs for meeting packs (checked within bounds by src/documents/pdf-check.ts and stored
// without active content) and evidence files (Office, CSV, images; content checked in ./content-check.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uploadAccessibility, type UploadAccessibility } from '../../documents/pdf-accessibility.js';
import { NotFoundError, UnsupportedMediaTypeError } from '../../shared/errors.js';
import { PdfBody } from '../../shared/document-replies.js';
import { problems } from '../../shared/problem.js';
import { IdParams } from '../../shared/schemas.js';
import { API_PREFIX } from '../crud-routes.js';
import { CHECKED_TYPES, UPLOAD_EXTENSIONS } from './content-check.js';
import type { UploadInfo } from '../../db/repos/uploads.js';
import { PdfAccessibility } from './schemas.js';
import { PDF, UPLOAD_LIMIT_BYTES } from './service.js';

export { UPLOAD_LIMIT_BYTES };

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
    accessibility: PdfAccessibility.nullable().describe('How far a PDF serves a screen-reader user (null for other files, or a PDF that could not be read)'),
  })
  .meta({ id: 'Upload' });

const tags = ['Meetings and packs'];

/** Uploads never change: their accessibility is read once per id (bounded). */
const accessibilityCache = new Map<string, UploadAccessibility | null>();
async function accessibilityOf(info: UploadInfo, bytes: Buffer | (() => Promise<Buffer>)) {
  if (info.mediaType !== PDF) return null;
  if (accessibilityCache.has(info.id)) return accessibilityCache.get(info.id)!;
  const found = await uploadAccessibility(typeof bytes === 'function' ? await bytes() : bytes);
  if (accessibilityCache.size >= 1000) accessibilityCache.delete(accessibilityCache.keys().next().value!);
  accessibilityCache.set(info.id, found);
  return found;
}

// Files other than PDFs are stored with 0 pages and served with pages: null.
const uploadToApi = (info: UploadInfo, accessibility: UploadAccessibility | null) => ({
  ...info,
  pages: info.mediaType === PDF ? info.pages : null,
  bytes: info.size,
  accessibility,
});

export default async function uploadRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Scoped to this plugin: only /uploads takes raw file bodies.
  app.addContentTypeParser([PDF, ...CHECKED_TYPES], { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT_BYTES }, (_req, body, done) => done(null, body));

  r.post('/uploads', {
    bodyLimit: UPLOAD_LIMIT_BYTES,
    schema: {
      operationId: 'createUpload',
      tags,
      summary: 'Upload a file: a PDF for a meeting pack, or an evidence file',
      description: `Send the file as the body with its Content-Type (at most ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MB): application/pdf (the only type a meeting item can use), DOCX, XLSX, PPTX, text/csv (UTF-8), image/png or image/jpeg — the content must match the type. A PDF must parse as an unencrypted PDF within the limits of SECURITY.md (inflated size, objects, pages, a sound page tree); JavaScript, automatic actions, launch/submit actions, embedded files, rich media and XFA are removed before it is stored. The same file uploaded again answers with the upload already stored.`,
      querystring: z.strictObject({ filename: z.string().max(200).optional() }),
      consumes: [PDF, ...CHECKED_TYPES],
      response: { 201: Upload, ...problems(400, 401, 403, 413, 415, 422, 503) },
    },
    preValidation: async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new UnsupportedMediaTypeError('Send the file as the body with its Content-Type (application/pdf, DOCX, XLSX, PPTX, text/csv, image/png or image/jpeg).');
    },
    handler: async (req, reply) => {
      const mediaType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const { info, bytes, removed } = await app.services.uploads.create({ body: req.body as Buffer, mediaType, filename: req.query.filename ?? null }, req.actor!);
      if (removed.length) req.log.info({ removed }, 'active content removed from an uploaded PDF');
      reply.header('Location', `${API_PREFIX}/uploads/${info.id}`);
      return reply.code(201).send(uploadToApi(info, await accessibilityOf(info, bytes)));
    },
  });

  r.get('/uploads/:id', {
    schema: { operationId: 'getUpload', tags, summary: 'Describe an upload', params: IdParams, response: { 200: Upload, ...problems(400, 401, 403, 404) } },
    handler: async (req) => {
      const info = await app.services.uploads.info(req.params.id);
      return uploadToApi(info, await accessibilityOf(info, () => app.services.uploads.bytes(info.id)));
    },
  });

  r.get('/uploads/:id/pdf', {
    schema: {
      operationId: 'getUploadPdf',
      tags,
      summary: 'Download an uploaded PDF',
      params: IdParams,
      produces: [PDF],
      response: { 200: PdfBody, ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      if ((await app.services.uploads.info(req.params.id)).mediaType !== PDF) throw new NotFoundError('PDF upload', req.params.id);
      return reply.type(PDF).send(await app.services.uploads.bytes(req.params.id));
    },
  });

  r.get('/uploads/:id/file', {
    schema: {
      operationId: 'getUploadFile',
      tags,
      summary: 'Download an uploaded file (any type) as an attachment',
      params: IdParams,
      produces: [PDF, ...CHECKED_TYPES],
      response: { 200: z.any().meta({ type: 'string', format: 'binary', description: 'The file, with its media type' }), ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      const info = await app.services.uploads.info(req.params.id);
      return reply
        .type(info.mediaType)
        .header('Content-Disposition', `attachment; filename="${info.id}.${UPLOAD_EXTENSIONS[info.mediaType] ?? 'bin'}"`)
        .send(await app.services.uploads.bytes(info.id));
    },
  });
}
