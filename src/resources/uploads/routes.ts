// Uploaded PDFs for meeting packs: accepted only when they parse as unencrypted PDFs with pages.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PDFDocument } from 'pdf-lib';
import { uploadAccessibility, type UploadAccessibility } from '../../documents/pdf-accessibility.js';
import { z } from 'zod';
import { UnsupportedMediaTypeError, ValidationError } from '../../shared/errors.js';
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
      tags,
      summary: 'Upload a PDF to attach to a meeting pack',
      description: `Send the file as the body with Content-Type: application/pdf (at most ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MB). It must parse as an unencrypted PDF.`,
      querystring: z.strictObject({ filename: z.string().max(200).optional() }),
      consumes: ['application/pdf'],
      response: { 201: Upload, ...problems(400, 401, 403, 413, 415) },
    },
    preValidation: async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new UnsupportedMediaTypeError('Send the PDF as the body with Content-Type: application/pdf.');
    },
    handler: async (req, reply) => {
      const bytes = req.body as Buffer;
      const { pages } = await inspectPdf(bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const info = app.repos.uploads.create({ bytes, pages, sha256, size: bytes.length, filename: req.query.filename ?? null }, req.actor!);
      reply.header('Location', `${API_PREFIX}/uploads/${info.id}`);
      return reply.code(201).send({ ...info, accessibility: await accessibilityOf(info.id, bytes) });
    },
  });

  r.get('/uploads/:id', {
    schema: { tags, summary: 'Describe an upload', params: IdParams, response: { 200: Upload, ...problems(400, 401, 403, 404) } },
    handler: async (req) => {
      const info = app.repos.uploads.info(req.params.id);
      return { ...info, accessibility: await accessibilityOf(info.id, () => app.repos.uploads.bytes(info.id)) };
    },
  });

  r.get('/uploads/:id/pdf', {
    schema: {
      tags,
      summary: 'Download an uploaded PDF',
      params: IdParams,
      produces: ['application/pdf'],
      response: { 200: z.any().meta({ type: 'string', format: 'binary', description: 'application/pdf' }), ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => reply.type('application/pdf').send(app.repos.uploads.bytes(req.params.id)),
  });
}
