// Uploaded PDFs for meeting packs: checked within bounds (src/documents/pdf-check.ts) and stored without active content.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PDFDocument } from 'pdf-lib';
import { uploadAccessibility, type UploadAccessibility } from '../../documents/pdf-accessibility.js';
import { z } from 'zod';
import { preparePdf } from '../../documents/pdf-check.js';
import { UnsupportedMediaTypeError } from '../../shared/errors.js';
import { problems } from '../../shared/problem.js';
import { IdParams } from '../../shared/schemas.js';
import { API_PREFIX } from '../crud-routes.js';
import { PdfAccessibility } from './schemas.js';

export const UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;
const MAX_PAGES = 2000;


const Upload = z
  .object({
    id: z.string(),
    pages: z.number().int(),
    size: z.number().int(),
    sha256: z.string(),
    filename: z.string().nullable(),
    createdAt: z.string(),
    accessibility: PdfAccessibility.nullable().describe('How far the PDF serves a screen-reader user (null if it could not be read)'),
  })
  .meta({ id: 'Upload' });

const tags = ['Meetings and packs'];

/** Checks an uploaded PDF within bounded limits (src/documents/pdf-check.ts) and removes its active content. */
export async function inspectPdf(bytes: Buffer): Promise<{ pages: number; bytes: Buffer; removed: string[] }> {
  return preparePdf(bytes, { maxBytes: UPLOAD_LIMIT_BYTES, maxPages: MAX_PAGES });
}

/** Uploads never change: their accessibility is read once per id (bounded). */
const accessibilityCache = new Map<string, UploadAccessibility | null>();
async function accessibilityOf(id: string, bytes: Buffer | (() => Buffer)) {
  if (accessibilityCache.has(id)) return accessibilityCache.get(id)!;
  const found = await uploadAccessibility(typeof bytes === 'function' ? bytes() : bytes);
  if (accessibilityCache.size >= 1000) accessibilityCache.delete(accessibilityCache.keys().next().value!);
  accessibilityCache.set(id, found);
  return found;
}

export default async function uploadRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Scoped to this plugin: only /uploads takes raw PDF bodies.
  app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT_BYTES }, (_req, body, done) => done(null, body));

  r.post('/uploads', {
    bodyLimit: UPLOAD_LIMIT_BYTES,
    schema: {
      operationId: 'createUpload',
      tags,
      summary: 'Upload a PDF to attach to a meeting pack',
      description: `Send the file as the body with Content-Type: application/pdf (at most ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MB). It must parse as an unencrypted PDF within the limits of SECURITY.md (inflated size, objects, pages, a sound page tree); JavaScript, automatic actions, launch/submit actions, embedded files, rich media and XFA are removed before it is stored.`,
      querystring: z.strictObject({ filename: z.string().max(200).optional() }),
      consumes: ['application/pdf'],
      response: { 201: Upload, ...problems(400, 401, 403, 413, 415, 422, 503) },
    },
    preValidation: async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new UnsupportedMediaTypeError('Send the PDF as the body with Content-Type: application/pdf.');
    },
    handler: async (req, reply) => {
      // Stored as checked: active content (JavaScript, /OpenAction, /Launch, embedded files…) removed.
      const { pages, bytes, removed } = await inspectPdf(req.body as Buffer);
      if (removed.length) req.log.info({ removed }, 'active content removed from an uploaded PDF');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const info = app.repos.uploads.create({ bytes, pages, sha256, size: bytes.length, filename: req.query.filename ?? null }, req.actor!);
      reply.header('Location', `${API_PREFIX}/uploads/${info.id}`);
      return reply.code(201).send({ ...info, accessibility: await accessibilityOf(info.id, bytes) });
    },
  });

  r.get('/uploads/:id', {
    schema: { operationId: 'getUpload', tags, summary: 'Describe an upload', params: IdParams, response: { 200: Upload, ...problems(400, 401, 403, 404) } },
    handler: async (req) => {
      const info = app.repos.uploads.info(req.params.id);
      return { ...info, accessibility: await accessibilityOf(info.id, () => app.repos.uploads.bytes(info.id)) };
    },
  });

  r.get('/uploads/:id/pdf', {
    schema: {
      operationId: 'getUploadPdf',
      tags,
      summary: 'Download an uploaded PDF',
      params: IdParams,
      produces: ['application/pdf'],
      response: { 200: z.any().meta({ type: 'string', format: 'binary', description: 'application/pdf' }), ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => reply.type('application/pdf').send(app.repos.uploads.bytes(req.params.id)),
  });
}
