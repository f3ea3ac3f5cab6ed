// The bounds every spreadsheet import is held to, checked while the upload is read (never trusting the
// sizes a zip declares), and the 4xx problem a client gets when one is passed. SECURITY.md and
// docs/spreadsheets.md list the same limits.
import { AppError } from '../../shared/errors.js';

export interface ImportLimits {
  /** The upload as sent (the compressed .xlsx, or the CSV). */
  uploadBytes: number;
  /** Files inside an .xlsx (a workbook of eight sheets has about 20). */
  zipEntries: number;
  /** Inflated size of any one part of the workbook (a sheet's XML). */
  entryBytes: number;
  /** Inflated size of the shared strings part (held in memory while the sheets are read). */
  sharedStringsBytes: number;
  /** Inflated size of the small parts (workbook.xml, relationships, styles). */
  metaPartBytes: number;
  /** Inflated bytes of every part read, together. */
  workbookBytes: number;
  /** Cells (`<c>` elements, empty ones too) in the sheets read, or fields in a CSV. */
  cells: number;
  /** Data rows (below the header row) in one upload, all sheets together. */
  rows: number;
  /** Wall-clock time the reader (a worker thread) may take. */
  readMs: number;
  /** Heap of the reader's worker thread (MB): a file that needs more is refused, the server's heap is untouched. */
  workerHeapMb: number;
}

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  uploadBytes: 10 * 1024 * 1024,
  zipEntries: 1000,
  entryBytes: 100 * 1024 * 1024,
  sharedStringsBytes: 50 * 1024 * 1024,
  metaPartBytes: 8 * 1024 * 1024,
  workbookBytes: 200 * 1024 * 1024,
  cells: 3_000_000,
  rows: 100_000,
  readMs: 60_000,
  workerHeapMb: 384,
});

/** Names of the limits as clients see them in problems (and the docs list them). */
export type LimitName =
  | 'upload-size'
  | 'zip-entries'
  | 'entry-size'
  | 'workbook-size'
  | 'cells'
  | 'rows'
  | 'read-time'
  | 'read-memory';

const SIZE_LIMITS = new Set<LimitName>(['upload-size', 'entry-size', 'workbook-size']);

/**
 * An upload passed one of the import limits: nothing was written. Sizes → 413, counts, time and memory → 422.
 * `part` names where in the file (a zip entry such as xl/worksheets/sheet1.xml, or a sheet name).
 */
export class ImportLimitError extends AppError {
  constructor(
    readonly limit: LimitName,
    readonly reason: string,
    readonly part: string,
  ) {
    const detail = reason;
    const size = SIZE_LIMITS.has(limit);
    super(size ? 413 : 422, size ? 'import-too-large' : 'import-limit', size ? 'The upload is too large to import' : 'The upload is beyond what one import may hold', `${detail}. Nothing was imported.`, {
      errors: [{ path: part, message: `${limit}: ${detail}` }],
    });
  }
}

export const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
