// Request and response schemas of the spreadsheet and calendar routes (validation and OpenAPI).
import { z } from 'zod';
import { KINDS, PLAN_KINDS, sheetForName } from './layout.js';
import { Problem } from '../../shared/problem.js';
import { IsoDate, QueryBoolean } from '../../shared/schemas.js';

export const SheetKind = z.enum(KINDS as [string, ...string[]]).meta({ description: 'A sheet of the workbook: areas, projects, workstreams, actions, risks, issues, dependencies, benefits, measures or measureValues.' });

export const ImportQuery = z.strictObject({
  dryRun: QueryBoolean.default(false).meta({ description: 'true: validate and show what would change, write nothing.' }),
  sheet: SheetKind.optional().meta({ description: 'For a CSV upload: the sheet it holds. For a workbook: import only this sheet.' }),
});

export const ExportQuery = z.strictObject({
  asOf: IsoDate.optional().meta({ description: 'The date the RAG column is judged at (default: today in England).' }),
});

export const CsvExportQuery = z.strictObject({
  sheet: SheetKind,
  asOf: IsoDate.optional().meta({ description: 'The date the RAG column is judged at (default: today in England).' }),
});

export const TemplateQuery = z.strictObject({
  sheets: z
    .string()
    .max(200)
    .transform((v) => v.split(',').map((x) => x.trim()).filter(Boolean).map((x) => sheetForName(x)?.kind ?? x))
    .pipe(z.array(SheetKind).min(1, 'name at least one sheet'))
    .optional()
    .meta({ description: 'The sheets to include, comma-separated (default: the plan’s eight; measures,measureValues for the measure sheets), e.g. actions,risks.', example: 'areas,actions' }),
});

export const CalendarQuery = z.strictObject({
  asOf: IsoDate.optional().meta({ description: 'The date RAG statuses in event descriptions are judged at (default: today in England).' }),
});

export const SheetProblem = z
  .object({
    sheet: z.string().meta({ description: 'The worksheet, as named in the file.' }),
    row: z.number().int().nullable().meta({ description: 'The sheet row (1 is the top row); null for a problem with a whole sheet or column.' }),
    column: z.string().nullable().meta({ description: 'The column header as written in the file (or the expected header of a missing column).' }),
    cell: z.string().nullable().meta({ example: 'F12' }),
    path: z.string().meta({ description: 'Excel-style reference.', example: 'Actions!F12' }),
    message: z.string().meta({ example: "End Date '31/02/2023' is not a real date" }),
  })
  .meta({ id: 'SheetProblem' });

const Counts = z
  .object(Object.fromEntries(PLAN_KINDS.map((k) => [k, z.number().int()])) as Record<(typeof KINDS)[number], z.ZodNumber>)
  .meta({ id: 'ImportCounts', description: 'Rows per sheet.' });
const MeasureCounts = z.object({ measures: z.number().int(), measureValues: z.number().int() });

const RowChange = z
  .object({
    sheet: z.string(),
    row: z.number().int(),
    kind: SheetKind,
    key: z.string().meta({ description: 'The reference the row is found by ("2.1", "PR000681 00011").' }),
    operation: z.enum(['create', 'update']),
    changes: z.array(z.object({ field: z.string(), column: z.string(), from: z.unknown(), to: z.unknown() })).meta({ description: 'For updates: each changed field.' }),
  })
  .meta({ id: 'ImportRowChange' });

export const ImportResult = z
  .object({
    planId: z.string(),
    dryRun: z.boolean(),
    applied: z.boolean().meta({ description: 'True when the changes were written (never for a dry run).' }),
    created: Counts,
    updated: Counts,
    unchanged: Counts,
    measures: z
      .object({ created: MeasureCounts, updated: MeasureCounts, unchanged: MeasureCounts })
      .meta({ description: 'Rows of the Measures and Measure values sheets, counted apart from the plan’s records.' }),
    problems: z.array(SheetProblem).meta({ description: 'Empty on success (a 400 lists them otherwise).' }),
    warnings: z.array(SheetProblem).meta({ description: 'Things ignored: unknown sheets and columns.' }),
    changes: z.array(RowChange),
  })
  .meta({ id: 'ImportResult' });

export const ImportJob = z
  .object({
    id: z.string(),
    planId: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed', 'interrupted']).meta({ description: '`interrupted`: the server stopped before the job finished; nothing was written, upload the file again.' }),
    dryRun: z.boolean(),
    rows: z.number().int(),
    startedBy: z.string().meta({ description: 'The name of the token that started the import.' }),
    submittedAt: z.string().meta({ format: 'date-time' }),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    result: ImportResult.nullable().meta({ description: 'Once finished: the import result; when it failed on problems in the spreadsheet, result.problems lists them.' }),
    error: z.string().nullable(),
  })
  .meta({ id: 'ImportJob' });

/** A Problem whose `errors` locate each problem in the spreadsheet. */
export const ImportProblem = z
  .intersection(Problem, z.looseObject({ errors: z.array(SheetProblem).optional() }))
  .describe('The spreadsheet has problems (nothing was written; `errors` lists every one by sheet, row and column), or the request is invalid.');

/** The JSON form of an upload, for clients that only send JSON: the file base64-encoded. */
export const JsonUpload = z.strictObject({
  filename: z.string().max(255).optional().meta({ description: 'The file name; ".csv" or ".xlsx" says what it is.', example: 'plan.xlsx' }),
  content: z.base64().meta({ description: 'The file, base64-encoded (at most 10 MB once decoded).' }),
});

const binary = { type: 'string', format: 'binary' };
/** The request body as documented: one schema per accepted media type. */
export const UploadBody = JsonUpload.meta({
  description: 'The workbook (.xlsx) or one sheet as CSV: as the raw body, as the `file` field of a multipart form, or base64 in JSON.',
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: binary },
    'text/csv': { schema: { type: 'string' } },
    'multipart/form-data': { schema: { type: 'object', properties: { file: binary }, required: ['file'] } },
    'application/json': {
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['content'],
        properties: {
          filename: { type: 'string', maxLength: 255, description: 'The file name; ".csv" or ".xlsx" says what it is.' },
          content: { type: 'string', format: 'byte', description: 'The file, base64-encoded (at most 10 MB once decoded).' },
        },
      },
    },
  },
});

export const Binary = (description: string) => z.any().meta({ description, type: 'string', format: 'binary' });

export type JsonUpload = z.infer<typeof JsonUpload>;
