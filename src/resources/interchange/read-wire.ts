// What the reader's worker thread and the main thread send each other: the upload and its limits (and the
// plan's current records, when the worker is to check the rows against them) one way; the rows — or the
// planned creates and updates — in batches, then the sheets' headers, problems and warnings (or why it
// failed) the other.
import { sheetSpec, type Kind } from './layout.js';
import type { RowPlan, SheetColumns } from './import-plan.js';
import type { ImportLimits, LimitName } from './limits.js';
import type { PlanData } from './plan-data.js';
import type { SheetProblem } from './problems.js';
import type { ReadRow, ReadWorkbook, UploadFormat } from './read.js';

export const ROW_BATCH = 1000;

export interface ReaderRequest {
  bytes: Uint8Array;
  format: UploadFormat;
  kind?: Kind;
  limits: ImportLimits;
  /** The plan's records as the import found them: the worker plans the import against them too. */
  planData?: PlanData;
}

export interface WireMeta {
  sheets: { kind: Kind; name: string; headerRow: number; columns: [key: string, header: string, index: number][] }[];
  problems: SheetProblem[];
  warnings: SheetProblem[];
  rowCount: number;
}

export type ReaderMessage =
  | { type: 'rows'; sheet: number; rows: ReadRow[] }
  | { type: 'done'; meta: WireMeta }
  | { type: 'plan-rows'; rows: RowPlan[] }
  | { type: 'planned'; rowCount: number; problems: SheetProblem[]; warnings: SheetProblem[]; columns: SheetColumns }
  | { type: 'limit'; limit: LimitName; reason: string; part: string }
  | { type: 'unreadable'; status: 400 | 415; detail: string }
  | { type: 'failed'; message: string };

export function toWire(read: ReadWorkbook): { meta: WireMeta; rows: ReadRow[][] } {
  return {
    meta: {
      sheets: read.sheets.map((s) => ({ kind: s.spec.kind, name: s.name, headerRow: s.headerRow, columns: [...s.columns.values()].map((c) => [c.spec.key, c.header, c.index]) })),
      problems: read.problems,
      warnings: read.warnings,
      rowCount: read.rowCount,
    },
    rows: read.sheets.map((s) => s.rows),
  };
}

/** The workbook again, with the layout's own sheet and column specs. */
export function fromWire(meta: WireMeta, rows: ReadRow[][]): ReadWorkbook {
  return {
    sheets: meta.sheets.map((s, i) => {
      const spec = sheetSpec(s.kind);
      const columns = new Map(s.columns.map(([key, header, index]) => [key, { spec: spec.columns.find((c) => c.key === key)!, header, index }]));
      return { spec, name: s.name, headerRow: s.headerRow, columns, rows: rows[i] ?? [] };
    }),
    problems: meta.problems,
    warnings: meta.warnings,
    rowCount: meta.rowCount,
  };
}
