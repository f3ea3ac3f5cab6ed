// What is wrong with an uploaded workbook, located the way a spreadsheet user finds it: sheet, row and
// column (as headed in the file), plus the Excel reference ("Actions!F12").
import { AppError } from '../../shared/errors.js';
import { columnLetter } from './cells.js';

export interface SheetProblem {
  sheet: string;
  row: number | null;
  /** The column's header as written in the file (or the layout's name for a missing column). */
  column: string | null;
  /** The cell, "F12"; null when the problem is about a whole row, column or sheet. */
  cell: string | null;
  /** Excel-style reference: "Actions!F12", "Actions!12:12" for a row, "Actions" for a sheet. */
  path: string;
  message: string;
}

const quoteSheet = (name: string) => (/^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

export function sheetProblem(sheet: string, row: number | null, col: { index: number; header: string } | null, message: string, columnName?: string): SheetProblem {
  const cell = col && row ? `${columnLetter(col.index)}${row}` : null;
  const where = cell ?? (row ? `${row}:${row}` : col ? `${columnLetter(col.index)}:${columnLetter(col.index)}` : null);
  return {
    sheet,
    row,
    column: col?.header ?? columnName ?? null,
    cell,
    path: where ? `${quoteSheet(sheet)}!${where}` : quoteSheet(sheet),
    message,
  };
}

/** The upload cannot be read at all (not a workbook, an old .xls, a broken CSV): nothing was looked at. */
export class UnreadableUploadError extends AppError {
  constructor(detail: string, status: 400 | 415 = 400) {
    super(status, status === 415 ? 'unsupported-media-type' : 'unreadable-workbook', status === 415 ? 'Unsupported media type' : 'The file cannot be read', detail);
  }
}

/** Validation found problems: nothing was written. The problem lists each one. */
export class WorkbookInvalidError extends AppError {
  constructor(readonly problems: SheetProblem[], dryRun: boolean) {
    super(
      400,
      'workbook-invalid',
      'The spreadsheet has problems; nothing was imported',
      `${problems.length} problem${problems.length === 1 ? '' : 's'} found${dryRun ? '' : '; nothing was imported'}. ${problems
        .slice(0, 3)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}${problems.length > 3 ? '; …' : ''}`,
      { errors: problems },
    );
  }
}
