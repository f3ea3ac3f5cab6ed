// Export: the same layout the importer reads, so export → import changes nothing (workbook and CSV);
// made for people too: real dates, coloured RAG cells, frozen headers, filters, a Guide sheet.
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHEETS } from '../../src/resources/interchange/layout.js';
import { createTestApp, problem, tokenFor, type TestApp } from '../helpers/app.js';
import { fullSheets } from './fixtures.js';
import { cellsOf, counts, newPlan, readWorkbook, upload, workbook, XLSX } from './helpers.js';

let t: TestApp;
let planId: string;
beforeAll(async () => {
  t = await createTestApp();
  planId = await newPlan(t);
  const res = await upload(t, planId, await workbook(fullSheets()));
  if (res.statusCode !== 200) throw new Error(res.body);
  // Values only the API can produce, or that a spreadsheet could take for something else.
  const add = await t.admin.post(`/api/v1/plans/${planId}/actions`, {
    ref: '7.1',
    title: '=HYPERLINK("http://example.invalid") is text, not a formula',
    dueDate: '2023-06-30',
    mitigation: '- first point\n- second point\n\n“Quotes”, commas; and £ signs – all kept',
    owner: '+44 1902 000000',
    percentComplete: 33,
  });
  if (add.statusCode !== 201) throw new Error(add.body);
  const late = await t.admin.post(`/api/v1/plans/${planId}/actions`, { ref: '7.2', title: 'Late', dueDate: '2022-10-31', status: 'in-progress', delayReason: 'Windows line ends\r\nkept as they are' });
  if (late.statusCode !== 201) throw new Error(late.body);
});
afterAll(() => t.close());

const exportXlsx = (id = planId, query = 'asOf=2022-11-18') => t.admin.get(`/api/v1/plans/${id}/export.xlsx?${query}`);

function dataCells(wb: ExcelJS.Workbook) {
  const cells = cellsOf(wb);
  delete cells.Guide;
  return cells;
}

describe('round trip', () => {
  it('exports a workbook that, imported again, changes nothing', async () => {
    const res = await exportXlsx();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe('attachment; filename="testshire-plan-2022-11-18.xlsx"');
    const before = await counts(t);
    const again = await upload(t, planId, res.rawPayload);
    expect(again.statusCode, again.body).toBe(200);
    const body = again.json();
    expect(body.created).toEqual({ areas: 0, projects: 0, workstreams: 0, actions: 0, risks: 0, issues: 0, dependencies: 0, benefits: 0 });
    expect(body.updated).toEqual(body.created);
    expect(body.unchanged).toEqual({ areas: 2, projects: 2, workstreams: 2, actions: 7, risks: 2, issues: 1, dependencies: 1, benefits: 2 });
    expect(body.changes).toEqual([]);
    expect(body.warnings).toEqual([]);
    expect(await counts(t)).toEqual(before);
  });

  it('rebuilds the same plan in an empty one, field for field', async () => {
    const original = await readWorkbook((await exportXlsx()).rawPayload);
    const copy = await newPlan(t);
    const res = await upload(t, copy, (await exportXlsx()).rawPayload);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toEqual({ areas: 2, projects: 2, workstreams: 2, actions: 7, risks: 2, issues: 1, dependencies: 1, benefits: 2 });
    const rebuilt = await readWorkbook((await exportXlsx(copy)).rawPayload);
    expect(dataCells(rebuilt)).toEqual(dataCells(original));
    // And through the API, every field of every action is the same (ids, versions and times apart; a
    // workbook carries line ends as \n, so the API's "\r\n" comes back as "\n").
    const strip = (items: Record<string, unknown>[]): Record<string, unknown>[] =>
      items.map(({ id: _i, planId: _p, areaId, projectId, workstreamId, createdAt: _c, updatedAt: _u, version: _v, ...rest }) => ({ ...rest, hasArea: !!areaId, hasProject: !!projectId, hasWorkstream: !!workstreamId }));
    const lf = (items: unknown) => JSON.parse(JSON.stringify(items).replace(/\\r\\n/g, '\\n'));
    const actionsOf = async (id: string) => lf(strip((await t.admin.get(`/api/v1/plans/${id}/actions?limit=500`)).json().items).sort((a, b) => String(a.ref).localeCompare(String(b.ref))));
    expect(await actionsOf(copy)).toEqual(await actionsOf(planId));
  });

  it('round-trips every sheet as CSV', async () => {
    for (const { kind, name } of SHEETS) {
      const res = await t.admin.get(`/api/v1/plans/${planId}/export.csv?sheet=${kind}&asOf=2022-11-18`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const back = await upload(t, planId, res.rawPayload, { type: 'text/csv', query: `sheet=${kind}` });
      expect(back.statusCode, `${name}: ${back.body}`).toBe(200);
      const body = back.json();
      expect(body.changes, name).toEqual([]);
      expect(Object.values(body.unchanged).reduce((a: number, b) => a + (b as number), 0), name).toBeGreaterThan(0);
    }
    const actions = (await t.admin.get(`/api/v1/plans/${planId}/export.csv?sheet=actions&asOf=2022-11-18`)).body;
    // Text a spreadsheet would run as a formula is written with a leading apostrophe (and read back without it).
    expect(actions).toContain(`'=HYPERLINK(""http://example.invalid"") is text, not a formula`);
    expect(actions).toContain("'+44 1902 000000");
    expect(actions.split('\r\n')[0]).toBe(
      '\uFEFFRef,Title,Area,Project,Workstream,Responsible organisation,Owner,Start date,Due date,Revised due date,% complete,Milestone,Status,RAG,RAG override,RAG override reason,Delay reason,Mitigation',
    );
    expect(actions).toContain('2.1,Review the assessment pathway,2,,,LA,Head of SEND,2022-04-01,2022-09-30,2023-03-31,40,No,In progress,At Risk,,,"Leaving the EHC hub\n\nplatform",Capita and ICT\r\n');
    problem(await t.admin.get(`/api/v1/plans/${planId}/export.csv`), 400);
  });
});

describe('the exported workbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await readWorkbook((await exportXlsx()).rawPayload);
  });

  it('has the sheets of the layout, frozen header rows, filters and a Guide', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEETS.map((s) => s.name), 'Guide']);
    for (const spec of SHEETS) {
      const ws = wb.getWorksheet(spec.name)!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(spec.columns.map((c) => c.header));
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    }
    const guide = wb.getWorksheet('Guide')!;
    const text = JSON.stringify(cellsOf(wb).Guide);
    expect(guide.getCell('A1').value).toBe('How to fill in this workbook');
    expect(text).toContain('Action No');
    expect(text).toContain('31/03/2023');
  });

  it('writes dates as date cells, refs as text and the computed RAG as a coloured word', () => {
    const ws = wb.getWorksheet('Actions')!;
    const rows = new Map<string, ExcelJS.Row>();
    ws.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(1).value), row);
    });
    expect([...rows.keys()]).toEqual(['2.1', '2.10', '7.1', '7.2', '9.9', 'COI-01', 'COI-02']);
    const a21 = rows.get('2.1')!;
    const due = a21.getCell(9);
    expect(due.value).toEqual(new Date('2022-09-30T00:00:00.000Z'));
    expect(due.numFmt).toBe('dd/mm/yyyy');
    expect(a21.getCell(11).value).toBe(40);
    // RAG as of 18/11/2022, each with its word: 2.1 (revised to 31/03/2023) is 40 % done where 63 % was due.
    const rag = (ref: string) => {
      const cell = rows.get(ref)!.getCell(14);
      return [cell.value, (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? null];
    };
    expect(rag('2.1')).toEqual(['At Risk', 'FFFFBF47']);
    expect(rag('2.10')).toEqual(['At Risk', 'FFFFBF47']);
    expect(rag('7.2')).toEqual(['Off Target', 'FFD4351C']);
    expect(rag('COI-01')).toEqual(['Complete', 'FF1D70B8']);
    expect(rag('COI-02')).toEqual(['On Target', 'FF00703C']);
    expect(rag('9.9')).toEqual(['Cancelled', null]);
    expect(rows.get('7.1')!.getCell(2).value).toBe('=HYPERLINK("http://example.invalid") is text, not a formula');

    const deps = wb.getWorksheet('Dependencies')!;
    expect(deps.getCell('I2').value).toBe('2022-02-01: February update\n2022-05-01: May update\nsecond line of May');
    const risks = wb.getWorksheet('Risks')!;
    expect(risks.getCell('H2').value).toBe(6); // score = likelihood × impact
  });

  it('judges the RAG column as of today by default', async () => {
    const res = await exportXlsx(planId, '');
    const today = await readWorkbook(res.rawPayload);
    expect(res.headers['content-disposition']).toContain('2022-11-18'); // the test clock's today
    expect(dataCells(today)).toEqual(dataCells(wb));
    problem(await exportXlsx(planId, 'asOf=2022-02-30'), 400);
    problem(await exportXlsx('pln_missing'), 404);
  });

  it('is open to viewers', async () => {
    const viewer = await tokenFor(t, 'viewer');
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/export.xlsx`, headers: { authorization: `Bearer ${viewer}` } });
    expect(res.statusCode).toBe(200);
  });
});

describe('the template', () => {
  it('is the layout with no rows, and importing it changes nothing', async () => {
    const res = await t.admin.get('/api/v1/spreadsheet-template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const wb = await readWorkbook(res.rawPayload);
    for (const spec of SHEETS) {
      const ws = wb.getWorksheet(spec.name)!;
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(spec.columns.map((c) => c.header));
      expect(ws.actualRowCount).toBe(1);
    }
    const empty = await newPlan(t);
    const imported = await upload(t, empty, res.rawPayload);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().changes).toEqual([]);
  });
});
