// Spreadsheets in and out, and the plan's calendar:
//   POST /plans/:planId/import            an .xlsx workbook or one sheet as CSV (raw body or multipart "file")
//   GET  /import-jobs/:id                 a large import accepted as a job
//   GET  /plans/:planId/export.xlsx       the plan as the same workbook
//   GET  /plans/:planId/export.csv        one sheet as CSV
//   GET  /spreadsheet-template.xlsx       the blank workbook
//   GET  /plans/:planId/calendar.ics      deadlines, due dates and meetings as iCalendar
// The upload content-type parsers are registered in this plugin only: JSON routes elsewhere keep
// refusing anything that is not JSON.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { planCalendar, CALENDAR_TYPE } from './calendar.js';
import { applyPlanned, interchangeDeps, planFingerprint } from './importer.js';
import { loadPlanData } from './plan-data.js';
import { ImportJobs } from './jobs.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits.js';
import { ReaderPool } from './reader-pool.js';
import type { Kind } from './layout.js';
import { XLSX_TYPE } from './media-types.js';
import { UnreadableUploadError, WorkbookInvalidError } from './problems.js';
import { sniffFormat, type UploadFormat } from './read.js';
import { AppError, NotFoundError, UnsupportedMediaTypeError } from '../../shared/errors.js';
import { lazy } from '../../shared/lazy.js';
import { problems } from '../../shared/problem.js';
import { Id, IdParams } from '../../shared/schemas.js';
import { API_PREFIX } from '../crud-routes.js';
import { Binary, CalendarQuery, CsvExportQuery, ExportQuery, ImportJob, ImportProblem, ImportQuery, ImportResult, TemplateQuery, UploadBody, type JsonUpload } from './schemas.js';

/** Largest upload accepted (413 beyond): the `upload-size` import limit. */
export const MAX_UPLOAD_BYTES = DEFAULT_IMPORT_LIMITS.uploadBytes;
/** The same file base64-encoded in JSON, with room for the wrapping. */
const MAX_JSON_UPLOAD_BYTES = Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 64 * 1024;
/** Imports with more data rows than this are accepted as a job (202) instead of answered at once. */
export const ASYNC_ROW_THRESHOLD = 2000;
/** Reading the upload took this long: the rest is done as a job too, so the request stays short. */
const SYNC_READ_BUDGET_MS = 5000;

const CSV_TYPES = ['text/csv', 'application/csv'];
const SNIFFED_TYPES = ['application/octet-stream', 'application/vnd.ms-excel'];

class PayloadTooLargeError extends AppError {
  constructor() {
    super(413, 'payload-too-large', 'The body is too large', `Uploads are limited to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  }
}

const tags = ['Spreadsheets and calendar'];
/** The exporter and exceljs (~20 MB), loaded with the first export asked for. */
const exporter = lazy(() => import('./export.js'));
const PlanParams = z.strictObject({ planId: Id });

export interface InterchangeRouteOptions {
  /** The import limits (tests and the benchmark lower them; the defaults are documented in SECURITY.md). */
  importLimits?: ImportLimits;
}

export default async function interchangeRoutes(app: FastifyInstance, opts: InterchangeRouteOptions = {}) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = interchangeDeps(app);
  const jobs = new ImportJobs(app.store, (err, jobId) => app.log.error({ err, jobId }, 'import job failed'));
  app.addHook('onClose', () => jobs.close());
  const interrupted = await jobs.markInterrupted();
  if (interrupted) app.log.warn({ interrupted }, 'import jobs left unfinished by an earlier process were marked interrupted');
  const readers = new ReaderPool({ limits: opts.importLimits });
  app.addHook('onClose', () => readers.close());

  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 20 } });
  app.addContentTypeParser([XLSX_TYPE, ...CSV_TYPES, ...SNIFFED_TYPES], { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));

  r.post('/plans/:planId/import', {
    bodyLimit: MAX_JSON_UPLOAD_BYTES,
    // The zod body schema checks the JSON form; a raw file (Buffer) or a multipart form (read in the handler) passes as is.
    validatorCompiler: (req) => {
      const validate = validatorCompiler(req as never);
      if (req.httpPart !== 'body') return validate;
      return (data: unknown) => (data === undefined || data === null || Buffer.isBuffer(data) ? { value: data } : validate(data));
    },
    schema: {
      operationId: 'importPlan',
      tags,
      summary: 'Import a workbook or CSV into a plan',
      description: [
        'Brings in areas, projects, workstreams, actions and the four registers from a workbook laid out as `GET /spreadsheet-template.xlsx`',
        '(one sheet per kind, a header row; column names matched ignoring case, common synonyms accepted; UK dates and Excel date cells).',
        'Send the .xlsx as the body (`Content-Type: ' + XLSX_TYPE + '`) or one sheet as CSV (`text/csv`, naming it with `?sheet=`);',
        'or send either file as the `file` field of `multipart/form-data`, or base64-encoded in JSON (`{"filename":"plan.xlsx","content":"…"}`). Up to 10 MB.',
        'The file is read as a stream, off the event loop, within limits (inflated size of each part and of the whole workbook, zip entries, cells, rows, time, memory):',
        'a file past one is refused with 413 (sizes) or 422 (counts, time, memory), naming the limit; see docs/spreadsheets.md.',
        'If the plan is changed by someone else while the file is being checked, nothing is written: 409, upload the file again.',
        '',
        'Everything is validated first: on any problem nothing is written and the 400 lists every problem by sheet, row and column.',
        'Rows are matched by reference: re-importing updates existing records instead of duplicating them (nothing is ever deleted).',
        '`?dryRun=true` shows what would change without writing. All changes are written in one transaction and audited.',
        '',
        `Imports of more than ${ASYNC_ROW_THRESHOLD} rows (or with \`Prefer: respond-async\`) are accepted as a job: 202 with a \`Location\``,
        'to `GET /import-jobs/{id}`.',
      ].join('\n'),
      params: PlanParams,
      querystring: ImportQuery,
      headers: z.object({ prefer: z.string().max(200).optional().meta({ description: '"respond-async" to run the import as a job whatever its size.' }) }),
      body: UploadBody,
      response: {
        200: ImportResult,
        202: ImportJob,
        ...problems(401, 403, 404, 409, 413, 415, 422, 503),
        400: ImportProblem,
      },
    },
    handler: async (req, reply) => {
      const { planId } = req.params;
      await app.services.plans.get(planId);
      const upload = await receiveUpload(req, req.query.sheet as Kind | undefined);
      const started = Date.now();
      // The worker reads the file and checks it against the plan as it is now; the write checks that it still is.
      const snapshot = await loadPlanData(app.repos, planId);
      const fingerprint = planFingerprint(snapshot);
      const { rowCount, plan } = await readers.readAndPlan(upload.bytes, upload.format, req.query.sheet as Kind | undefined, snapshot);
      const readMs = Date.now() - started;
      const dryRun = req.query.dryRun;
      const actor = req.actor!;
      const planned = { plan, fingerprint };
      const preferAsync = /\brespond-async\b/i.test(req.headers.prefer ?? '');
      if (preferAsync || rowCount > ASYNC_ROW_THRESHOLD || readMs > SYNC_READ_BUDGET_MS) {
        const job = await jobs.submit(planId, rowCount, dryRun, actor, (inTransaction) => applyPlanned(deps, planId, planned, { dryRun, actor, inTransaction }));
        return reply.code(202).header('Location', `${API_PREFIX}/import-jobs/${job.id}`).header('Retry-After', '1').send(job);
      }
      const result = await applyPlanned(deps, planId, planned, { dryRun, actor });
      if (result.problems.length) throw new WorkbookInvalidError(result.problems, dryRun);
      return reply.code(200).send(result);
    },
  });

  r.get('/import-jobs/:id', {
    schema: {
      operationId: 'getImportJob',
      tags,
      summary: 'The status of an import job',
      description:
        'Jobs are recorded in the database and kept for 30 days after they finish. `result` holds what the synchronous import would have answered. A job the server stopped during (a restart) is `interrupted`: nothing of it was written; upload the file again.',
      params: IdParams,
      response: { 200: ImportJob, ...problems(400, 401, 403, 404) },
    },
    handler: async (req) => {
      const job = await jobs.get(req.params.id);
      if (!job) throw new NotFoundError('import job', req.params.id);
      return job;
    },
  });

  r.get('/plans/:planId/export.xlsx', {
    schema: {
      operationId: 'exportPlanXlsx',
      tags,
      summary: 'Export a plan as a workbook',
      description:
        'The layout the importer reads (export → import changes nothing): areas, projects, workstreams, actions (with the effective RAG coloured), risks, issues, dependencies and benefits; dates as dates, frozen header rows, filters, and a Guide sheet.',
      params: PlanParams,
      querystring: ExportQuery,
      produces: [XLSX_TYPE],
      response: { 200: Binary(XLSX_TYPE), ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      const plan = await app.services.plans.get(req.params.planId);
      const asOf = req.query.asOf ?? deps.today();
      const { planWorkbook, xlsxBuffer } = await exporter();
      const wb = await planWorkbook(deps, plan.id, { asOf, now: app.store.now() });
      const bytes = await xlsxBuffer(wb);
      return reply
        .type(XLSX_TYPE)
        .header('Content-Disposition', attachment(`${slug(plan.localArea)}-plan-${asOf}.xlsx`))
        .header('Cache-Control', 'no-store')
        .send(bytes);
    },
  });

  r.get('/plans/:planId/export.csv', {
    schema: {
      operationId: 'exportPlanCsv',
      tags,
      summary: 'Export one sheet of a plan as CSV',
      description: 'The same columns as the workbook sheet; dates as YYYY-MM-DD; UTF-8 with a byte order mark. Import it back with `?sheet=` and `Content-Type: text/csv`.',
      params: PlanParams,
      querystring: CsvExportQuery,
      produces: ['text/csv'],
      response: { 200: z.string().meta({ description: 'text/csv' }), ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      const plan = await app.services.plans.get(req.params.planId);
      const asOf = req.query.asOf ?? deps.today();
      const kind = req.query.sheet as Kind;
      const bytes = await (await exporter()).planCsv(deps, plan.id, kind, { asOf, now: app.store.now() });
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', attachment(`${slug(plan.localArea)}-${kind}-${asOf}.csv`))
        .header('Cache-Control', 'no-store')
        .serializer((x: unknown) => x as string)
        .send(bytes.toString('utf8'));
    },
  });

  r.get('/spreadsheet-template.xlsx', {
    schema: {
      operationId: 'getSpreadsheetTemplate',
      tags,
      summary: 'The blank plan workbook',
      description: 'Every sheet the importer reads (or those named in `sheets`) with its header row, formats and drop-down lists, and a Guide sheet naming every column and the synonyms accepted.',
      querystring: TemplateQuery,
      produces: [XLSX_TYPE],
      response: { 200: Binary(XLSX_TYPE), ...problems(400, 401, 403) },
    },
    handler: async (req, reply) => {
      const { templateWorkbook, xlsxBuffer } = await exporter();
      const bytes = await xlsxBuffer(templateWorkbook(app.store.now(), (req.query.sheets as Kind[] | undefined) ?? undefined));
      return reply.type(XLSX_TYPE).header('Content-Disposition', attachment('send-plan-template.xlsx')).send(bytes);
    },
  });

  r.get('/plans/:planId/calendar.ics', {
    schema: {
      operationId: 'getPlanCalendar',
      tags,
      summary: 'The plan as a calendar (iCalendar)',
      description: [
        'All-day events for the statutory deadlines (submit by, publish by, monitoring inspection) and for each action’s due date',
        '(the revised one when set; RAG in the description; cancelled actions left out); timed events in Europe/London for the',
        'meetings whose agenda carries the plan’s progress report or a highlight report of one of its projects (Part 1 agenda',
        'in the description). Event UIDs are stable, so re-importing or re-subscribing updates events instead of duplicating them.',
      ].join(' '),
      params: PlanParams,
      querystring: CalendarQuery,
      produces: ['text/calendar'],
      response: { 200: z.string().meta({ description: 'text/calendar' }), ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      const plan = await app.services.plans.get(req.params.planId);
      const cal = await planCalendar(deps, plan.id, { asOf: req.query.asOf ?? deps.today() });
      return reply
        .type(CALENDAR_TYPE)
        .header('Content-Disposition', `inline; filename="${slug(plan.localArea)}-plan.ics"`)
        .header('Cache-Control', 'no-cache')
        .serializer((x: unknown) => x as string)
        .send(cal.toString());
    },
  });
}

/** The uploaded bytes and what they are, from a raw body or a multipart `file` field. */
async function receiveUpload(req: FastifyRequest, sheet: Kind | undefined): Promise<{ bytes: Buffer; format: UploadFormat }> {
  const mediaType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (req.isMultipart()) {
    let file;
    try {
      file = await req.file();
    } catch (err) {
      throw multipartError(err);
    }
    if (!file) throw new UnreadableUploadError('The form has no file: send the spreadsheet in a field named "file".');
    if (file.fieldname !== 'file') throw new UnreadableUploadError(`Send the spreadsheet in a form field named "file" (not "${file.fieldname}").`);
    let bytes: Buffer;
    try {
      bytes = await file.toBuffer();
    } catch (err) {
      throw multipartError(err);
    }
    const name = (file.filename ?? '').toLowerCase();
    const type = (file.mimetype ?? '').toLowerCase();
    return { bytes: nonEmpty(bytes), format: formatOf(bytes, name.endsWith('.csv') || CSV_TYPES.includes(type) ? 'csv' : name.endsWith('.xlsx') || type === XLSX_TYPE ? 'xlsx' : null, sheet) };
  }
  if (req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body)) {
    const { filename, content } = req.body as JsonUpload;
    if (Math.floor((content.length * 3) / 4) > MAX_UPLOAD_BYTES + 2) throw new PayloadTooLargeError();
    const bytes = Buffer.from(content, 'base64');
    if (bytes.length > MAX_UPLOAD_BYTES) throw new PayloadTooLargeError();
    const name = (filename ?? '').toLowerCase();
    return { bytes: nonEmpty(bytes), format: formatOf(bytes, name.endsWith('.csv') ? 'csv' : name.endsWith('.xlsx') ? 'xlsx' : null, sheet) };
  }
  if (!Buffer.isBuffer(req.body)) {
    throw new UnsupportedMediaTypeError(
      `Upload the spreadsheet as the body with Content-Type ${XLSX_TYPE} (a workbook) or text/csv (one sheet, with ?sheet=), or as the "file" field of multipart/form-data.`,
    );
  }
  if (req.body.length > MAX_UPLOAD_BYTES) throw new PayloadTooLargeError();
  const declared: UploadFormat | null = mediaType === XLSX_TYPE ? 'xlsx' : CSV_TYPES.includes(mediaType) ? 'csv' : null;
  return { bytes: nonEmpty(req.body), format: formatOf(req.body, declared, sheet) };
}

function nonEmpty(bytes: Buffer): Buffer {
  if (bytes.length === 0) throw new UnreadableUploadError('The upload is empty.');
  return bytes;
}

/** The declared format, else what the bytes look like (a workbook), else CSV when a sheet is named. */
function formatOf(bytes: Buffer, declared: UploadFormat | null, sheet: Kind | undefined): UploadFormat {
  if (declared) return declared;
  const sniffed = sniffFormat(bytes);
  if (sniffed === 'xlsx' || sniffed === 'xls') return 'xlsx'; // an .xls is refused with advice by the reader
  if (sheet) return 'csv';
  throw new UnsupportedMediaTypeError(`The upload is neither an .xlsx workbook nor declared as CSV: send a workbook, or a CSV with Content-Type text/csv and ?sheet=.`);
}

function multipartError(err: unknown): Error {
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return code === 'FST_REQ_FILE_TOO_LARGE' ? new PayloadTooLargeError() : new UnreadableUploadError('Send one file, in a form field named "file".');
  }
  return err instanceof Error ? new UnreadableUploadError(`The form could not be read: ${err.message}.`) : new UnreadableUploadError('The form could not be read.');
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'plan';
const attachment = (name: string) => `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
