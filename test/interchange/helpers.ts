// Helpers for the spreadsheet tests: workbooks built with exceljs, uploads through app.inject, and
// counts read straight from the database (to prove that nothing was written).
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { ADMIN_TOKEN, type TestApp } from '../helpers/app.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type SheetRows = unknown[][];

/** A workbook: each sheet's first row is its header row. A cell may be any exceljs cell value. */
export async function workbook(sheets: Record<string, SheetRows>, decorate?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row as ExcelJS.CellValue[]);
  }
  decorate?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb;
}

export interface UploadOptions {
  type?: string;
  query?: string;
  token?: string;
  headers?: Record<string, string>;
}

export function upload(t: TestApp, planId: string, body: Buffer | string, o: UploadOptions = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/plans/${planId}/import${o.query ? `?${o.query}` : ''}`,
    headers: { authorization: `Bearer ${o.token ?? ADMIN_TOKEN}`, 'content-type': o.type ?? XLSX, ...o.headers },
    payload: body,
  });
}

export async function newPlan(t: TestApp, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await t.admin.post('/api/v1/plans', { title: 'Priority action plan', kind: 'priority-action-plan', localArea: 'Testshire', inspectionReportPublishedOn: '2023-03-10', ...extra });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id as string;
}

const TABLES = ['areas', 'projects', 'workstreams', 'actions', 'risks', 'issues', 'dependencies', 'benefits', 'audit_events'] as const;

/** Rows in each table (the whole database). */
export async function counts(t: TestApp): Promise<Record<(typeof TABLES)[number], number>> {
  const out: Record<string, number> = {};
  for (const name of TABLES) out[name] = (await t.query<{ n: number }>(`select count(*) as n from ${name}`))[0]!.n;
  return out as Record<(typeof TABLES)[number], number>;
}

/**
 * Polls an import job until it has finished (each poll is a real request; no timing is asserted). The bound
 * is time, not a count of polls: on a loaded machine each poll takes longer, and a 5,000-row import on
 * PostgreSQL has taken over 90 s there.
 */
export async function finishedJob(t: TestApp, location: string, withinMs = 170_000): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  for (const until = Date.now() + withinMs; Date.now() < until; ) {
    const res = await t.admin.get(location);
    if (res.statusCode !== 200) throw new Error(`job status ${res.statusCode}: ${res.body}`);
    const job = res.json();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the import job did not finish within ${withinMs / 1000} s`);
}

/** Every sheet's cells as plain values (dates as YYYY-MM-DD), for comparing two workbooks. */
export function cellsOf(wb: ExcelJS.Workbook): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const values: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const v = cell.value;
        values[col - 1] = v instanceof Date ? v.toISOString().slice(0, 10) : v;
      });
      rows.push(values);
    });
    out[ws.name] = rows;
  });
  return out;
}
