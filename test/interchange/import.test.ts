// Importing workbooks and CSV: the documented layout, synonyms, UK dates, re-imports by reference,
// dry runs, and validation that lists every problem and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, tokenFor, type TestApp } from '../helpers/app.js';
import { fullSheets, utc } from './fixtures.js';
import { counts, newPlan, upload, workbook, XLSX } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function list(path: string): Promise<Json[]> {
  const res = await t.admin.get(`${path}${path.includes('?') ? '&' : '?'}limit=500`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

describe('import of the documented layout', () => {
  it('brings in areas, projects, workstreams, actions and the four registers', async () => {
    const planId = await newPlan(t);
    const res = await upload(t, planId, await workbook(fullSheets()));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ planId, dryRun: false, applied: true, problems: [], warnings: [] });
    expect(body.created).toEqual({ areas: 2, projects: 2, workstreams: 2, actions: 5, risks: 2, issues: 1, dependencies: 1, benefits: 2 });

    const areas = await list(`/api/v1/plans/${planId}/areas`);
    const projects = await list(`/api/v1/plans/${planId}/projects`);
    const coi = projects.find((p) => p.code === 'PR000681');
    expect(coi).toMatchObject({ name: 'Culture of Inclusion', gatewayStage: 'Delivery (RIBA Stage 5)', plannedEndDate: '2023-03-31', budget: 125000.5 });
    const ws = await list(`/api/v1/projects/${coi.id}/workstreams`);
    const actions = await list(`/api/v1/plans/${planId}/actions`);
    const byRef = Object.fromEntries(actions.map((a) => [a.ref, a]));
    expect(byRef['2.1']).toMatchObject({
      title: 'Review the assessment pathway',
      areaId: areas.find((a) => a.number === 2).id,
      projectId: null,
      responsibleOrganisation: 'LA',
      owner: 'Head of SEND',
      startDate: '2022-04-01',
      dueDate: '2022-09-30',
      revisedDueDate: '2023-03-31',
      percentComplete: 40,
      milestone: false,
      status: 'in-progress',
      delayReason: 'Leaving the EHC hub\n\nplatform',
      mitigation: 'Capita and ICT',
      ragOverride: null,
    });
    // "2.10" stays "2.10" (not the number 2.1).
    expect(byRef['2.10']).toMatchObject({ ragOverride: 'at-risk', ragOverrideReason: 'Recruitment delayed', rag: 'at-risk', ragSource: 'override' });
    expect(byRef['COI-02']).toMatchObject({ projectId: coi.id, workstreamId: ws.find((w) => w.letter === 'B').id, milestone: true, areaId: areas.find((a) => a.number === 1).id });
    const deps = await list(`/api/v1/projects/${coi.id}/dependencies`);
    expect(deps[0]).toMatchObject({
      status: 'managed',
      updates: [
        { date: '2022-02-01', text: 'February update' },
        { date: '2022-05-01', text: 'May update\nsecond line of May' },
      ],
    });
    const risks = await list(`/api/v1/projects/${coi.id}/risks`);
    expect(risks[0]).toMatchObject({ ref: '00011', likelihood: 2, impact: 3, score: 6, targetResolutionDate: '2023-02-28' });
    const benefits = await list(`/api/v1/projects/${coi.id}/benefits`);
    expect(benefits.map((b) => [b.ref, b.kind, b.valueGbpThousands])).toEqual([
      ['BEN.681.01', 'cashable', 250.5],
      ['BEN.681.03', 'non-cashable', null],
    ]);
  });

  it('accepts synonyms, any case, a title row above the headers, UK dates and Excel date cells', async () => {
    const planId = await newPlan(t);
    const bytes = await workbook(
      {
        'areas of weakness': [['AREA NO', 'area for priority action'], [3, 'Transitions']],
        'Action Plan': [
          ['Wolverhampton WSoA tracker — November 2022'],
          [],
          ['Action No', 'Action', 'Area No', 'Organisation', 'Lead', 'Start', 'End Date', '% Complete', 'Milestone?', 'Progress Status', 'Manual RAG', 'Override Reason', 'Reason for delay', 'Remedial Action', 'Notes'],
          ['3.1', 'Uk dates', 3, 'LA', 'Kim', '01/04/2022', '31/03/2023', '40%', 'Y', 'Started', 'Amber', 'Slipping', 'Staff', 'Recruit', 'ignored'],
          ['3.2', 'Short years and month names', 3, null, null, '1/4/22', '31-Mar-23', 0.5, 'yes', 'completed', 'green', 'done early', null, null, null],
          ['3.3', 'Excel date cells and serials', 3, null, null, utc('2022-04-01'), 45016, 12, '◆', 'done', null, null, null, null, null],
          ['3.4', 'Long month names and dots', null, null, null, '1 April 2022', '31.03.2023', null, 'No', null, null, null, null, null, null],
        ],
        'Risk Register': [['Risk Ref', 'Risk', 'Probability', 'Severity', 'Risk Status'], ['R1', 'Only one project, so no project column', 2, 4, 'live']],
        Projects: [['Project Code', 'Project Name'], ['P1', 'The one project']],
      },
      (wb) => {
        // A percentage cell: 0.5 shown as 50%.
        wb.getWorksheet('Action Plan')!.getCell('H5').numFmt = '0%';
      },
    );
    const res = await upload(t, planId, bytes);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.created).toMatchObject({ areas: 1, projects: 1, actions: 4, risks: 1 });
    expect(body.warnings).toEqual([expect.objectContaining({ sheet: 'Action Plan', row: 3, column: 'Notes', path: "'Action Plan'!O3" })]);
    const byRef = Object.fromEntries((await list(`/api/v1/plans/${planId}/actions`)).map((a) => [a.ref, a]));
    expect(byRef['3.1']).toMatchObject({ startDate: '2022-04-01', dueDate: '2023-03-31', percentComplete: 40, milestone: true, status: 'in-progress', ragOverride: 'at-risk', ragOverrideReason: 'Slipping', owner: 'Kim', responsibleOrganisation: 'LA', delayReason: 'Staff', mitigation: 'Recruit' });
    expect(byRef['3.2']).toMatchObject({ startDate: '2022-04-01', dueDate: '2023-03-31', percentComplete: 50, milestone: true, status: 'complete', ragOverride: 'on-target' });
    expect(byRef['3.3']).toMatchObject({ startDate: '2022-04-01', dueDate: '2023-03-31', percentComplete: 12, milestone: true, status: 'complete' });
    expect(byRef['3.4']).toMatchObject({ startDate: '2022-04-01', dueDate: '2023-03-31', percentComplete: 0, milestone: false, status: 'not-started', areaId: null });
    const project = (await list(`/api/v1/plans/${planId}/projects`))[0];
    expect((await list(`/api/v1/projects/${project.id}/risks`))[0]).toMatchObject({ ref: 'R1', likelihood: 2, impact: 4, status: 'open' });
  });
});

describe('validation', () => {
  it('lists every problem by sheet, row and column, in words, and writes nothing', async () => {
    const planId = await newPlan(t);
    const before = await counts(t);
    const long = 'x'.repeat(501);
    const bytes = await workbook({
      Areas: [['Number', 'Title'], [1, 'Fine'], [2.5, 'Half an area'], [1, 'Again']],
      Projects: [['Code', 'Name', 'Budget'], ['P1', 'Project one', 'lots']],
      Workstreams: [['Project', 'Letter', 'Title'], ['P1', 'A', 'Alpha'], ['P1', 'AB', 'Not a letter']],
      Actions: [
        ['Ref', 'Title', 'Area', 'Project', 'Workstream', 'Start Date', 'End Date', 'Revised due date', '% complete', 'Milestone', 'Status', 'RAG override', 'RAG override reason'],
        ['1.1', 'Real date check', 1, null, null, null, '31/02/2023', null, 0, 'No', 'Not started', null, null], // row 2
        ['1.2', 'Not a date at all', 1, null, null, null, 'next spring', null, 0, 'No', null, null, null], // row 3
        ['1.3', long, 7, 'NOPE', null, null, '31/03/2023', null, 150, 'maybe', 'Done-ish', null, null], // row 4
        ['1.1', 'Duplicate ref', 1, null, null, null, '31/03/2023', null, 0, null, null, null, null], // row 5
        ['1.5', '', 1, null, 'A', null, '31/03/2023', null, 0, null, null, null, null], // row 6
        ['1.6', 'Dates in the wrong order', 1, 'P1', 'C', '01/05/2023', '31/03/2023', '01/01/2023', 0, null, null, 'Red', null], // row 7
        [null, 'No ref', 1, null, null, null, '31/03/2023', null, 0, null, null, null, null], // row 8
        ['1.9*', 'Bad ref', 1, null, null, null, { error: '#N/A' }, null, 0, null, null, null, null], // row 9
        ['1.10', 'Formula without result', 1, null, null, null, { formula: 'TODAY()' }, null, 0, null, null, null, null], // row 10
      ],
      Risks: [['Project', 'Ref', 'Description', 'Likelihood', 'Impact'], ['P1', 'R1', 'Risky', 'high', 7]],
      Issues: [['Project', 'Ref', 'Description'], ['P1', 'I1', 'No impact score column']],
      Dependencies: [['Project', 'Ref', 'Description', 'Impact score', 'Updates'], ['P1', 'D1', 'Dep', 3, 'May: no date\n2022-13-01: bad date']],
      Benefits: [['Project', 'Ref', 'Description', 'Kind', 'Type'], ['P1', 'B1', 'Two kind columns', 'Cashable', 'Cashable']],
    });
    const res = await upload(t, planId, bytes);
    const p = problem(res, 400);
    expect(p.type).toBe('/problems/workbook-invalid');
    const errors = p.errors as unknown as { sheet: string; row: number | null; column: string | null; cell: string | null; path: string; message: string }[];
    const at = (path: string) => errors.filter((e) => e.path === path).map((e) => e.message);
    const one = (path: string) => {
      const found = at(path);
      expect(found, `${path} in ${JSON.stringify(errors, null, 1)}`).toHaveLength(1);
      return found[0]!;
    };

    expect(one('Actions!G2')).toBe("End Date '31/02/2023' is not a real date");
    expect(errors.find((e) => e.path === 'Actions!G2')).toEqual({ sheet: 'Actions', row: 2, column: 'End Date', cell: 'G2', path: 'Actions!G2', message: "End Date '31/02/2023' is not a real date" });
    expect(one('Actions!G3')).toBe("End Date 'next spring' is not a date (write it as 31/03/2023)");
    expect(one('Actions!B4')).toBe('Title is too long (501 characters; at most 500)');
    expect(one('Actions!C4')).toBe('Area 7 is not an area of this plan (areas: 1); add it to the Areas sheet or correct the number');
    expect(one('Actions!D4')).toBe("Project 'NOPE' is not a project of this plan; add it to the Projects sheet or correct the code");
    expect(one('Actions!I4')).toBe('% complete 150 is too high (at most 100)');
    expect(one('Actions!J4')).toBe("Milestone 'maybe' is not Yes or No");
    expect(one('Actions!K4')).toBe("Status 'Done-ish' is not one of: Not started, In progress, Complete, Cancelled");
    expect(one('Actions!A5')).toBe('Action 1.1 is also on row 2; each action may appear only once');
    expect(one('Actions!B6')).toBe('Title is empty; every action needs one');
    expect(one('Actions!E6')).toBe("Workstream 'A' needs the code of its project in the Project column of the same row");
    expect(one('Actions!E7')).toBe("Workstream 'C' is not a workstream of project P1 (it has A); add it to the Workstreams sheet");
    expect(one('Actions!F7')).toBe('Start Date 01/05/2023 is after the End Date 31/03/2023');
    expect(one('Actions!H7')).toBe('Revised due date 01/01/2023 is before the Start Date 01/05/2023');
    expect(one('Actions!M7')).toBe('RAG override is set, so RAG override reason must say why');
    expect(one('Actions!A8')).toBe('Ref is empty; every action needs one to be found again on the next import');
    expect(one('Actions!A9')).toBe("Ref '1.9*' may hold letters, digits, spaces and . _ / -");
    expect(one('Actions!G9')).toBe('End Date holds the Excel error #N/A; put a value in the cell instead');
    expect(one('Actions!G10')).toBe('End Date holds a formula without a saved result; open the file in Excel, save it and try again');
    expect(one('Areas!A3')).toBe("Number '2.5' is not a whole number");
    expect(one('Areas!A4')).toBe('Area 1 is also on row 2; each area may appear only once');
    expect(one('Projects!C2')).toBe("Budget 'lots' is not a number");
    expect(one('Workstreams!B3')).toBe("Letter 'AB' is not a workstream letter (A, B, C…)");
    expect(one('Risks!D2')).toBe("Likelihood 'high' is not a number");
    expect(one('Risks!E2')).toBe('Impact 7 is too high (at most 5)');
    expect(one('Issues')).toBe("The Issues sheet has no 'Impact score' column (also accepted: 'Impact', 'Score', 'Severity'…), which every new issue needs (row 2)");
    expect(errors.find((e) => e.path === 'Issues')).toMatchObject({ sheet: 'Issues', row: null, column: 'Impact score', cell: null });
    expect(one('Dependencies!E2')).toBe('Updates line 1 does not start with a date; write each update as "2022-05-01: what happened"');
    expect(one('Benefits!E1')).toBe("Columns 'Kind' and 'Type' both give the kind; keep one of them");
    // Every problem is listed (none of them stops the others from being found), and nothing was written.
    expect(errors.length).toBe(28);
    expect(p.detail).toMatch(/^28 problems found; nothing was imported\. /);
    expect(await counts(t)).toEqual(before);
    expect(JSON.stringify(p)).not.toMatch(/at .*\.ts|SQLITE|stack/i);
  });

  it('writes nothing when a single row of many is wrong', async () => {
    const planId = await newPlan(t);
    const sheets = fullSheets();
    sheets.Benefits!.push(['PR000681', 'BEN.681.09', null, 'Bad kind', 'Priceless', null, null]);
    const before = await counts(t);
    const res = await upload(t, planId, await workbook(sheets));
    const p = problem(res, 400);
    expect(p.errors).toEqual([expect.objectContaining({ path: 'Benefits!E4', message: "Kind 'Priceless' is not one of: Cashable, Non-cashable" })]);
    expect(await counts(t)).toEqual(before);
    // Fixed, the same workbook goes in whole.
    sheets.Benefits!.pop();
    expect((await upload(t, planId, await workbook(sheets))).statusCode).toBe(200);
    expect((await await counts(t)).actions).toBe(before.actions + 5);
  });

  it('needs a Project column on a register sheet when the plan has several projects', async () => {
    const planId = await newPlan(t);
    expect((await upload(t, planId, await workbook(fullSheets()))).statusCode).toBe(200);
    const res = await upload(t, planId, await workbook({ Risks: [['Ref', 'Description', 'Likelihood', 'Impact'], ['R9', 'x', 1, 1], ['R10', 'y', 2, 2]] }));
    expect(problem(res, 400).errors).toEqual([
      {
        sheet: 'Risks',
        row: null,
        column: 'Project',
        cell: null,
        path: 'Risks',
        message: "The Risks sheet has no 'Project' column (also accepted: 'Project Code', 'Project Ref', 'Project Reference'…), and the plan has 2 projects, so each risk must name its project by code (rows 2, 3)",
      },
    ]);
  });

  it('refers to the plan’s own areas and projects only', async () => {
    const other = await newPlan(t, { title: 'Another plan' });
    expect((await upload(t, other, await workbook(fullSheets()))).statusCode).toBe(200);
    const planId = await newPlan(t);
    const res = await upload(t, planId, await workbook({ Actions: [['Ref', 'Title', 'Due', 'Area', 'Project'], ['1', 'x', '31/03/2023', 2, 'PR000681']] }));
    const p = problem(res, 400);
    expect(p.errors!.map((e) => e.message)).toEqual([
      'Area 2 is not an area of this plan (the plan has no areas yet); add it to the Areas sheet or correct the number',
      "Project 'PR000681' is not a project of this plan; add it to the Projects sheet or correct the code",
    ]);
  });

  it('explains an unreadable upload', async () => {
    const planId = await newPlan(t);
    const garbage = await upload(t, planId, Buffer.from('this is not a workbook'));
    expect(problem(garbage, 400).detail).toMatch(/not an Excel workbook/);
    const xls = await upload(t, planId, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), { type: 'application/vnd.ms-excel' });
    expect(problem(xls, 415).detail).toMatch(/Excel 97–2003 \(\.xls\).*save it as "Excel Workbook \(\.xlsx\)"/);
    const broken = await upload(t, planId, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]));
    expect(problem(broken, 400).detail).toMatch(/not a readable Excel workbook/);
    problem(await upload(t, planId, Buffer.alloc(0)), 400);
    const noSheets = await upload(t, planId, await workbook({ Sheet1: [['a', 'b'], [1, 2]] }));
    expect(problem(noSheets, 400).errors).toEqual([
      expect.objectContaining({ sheet: 'Sheet1', message: expect.stringMatching(/none of the sheets the importer reads: Areas, Projects, Workstreams, Actions/) }),
    ]);
    const noHeader = await upload(t, planId, await workbook({ Actions: [['1.1', 'Something', '31/03/2023']] }));
    expect(problem(noHeader, 400).errors![0]!.message).toMatch(/^The Actions sheet has no header row naming its columns/);
    expect(problem(await upload(t, planId, 'hello', { type: 'text/plain' }), 415).detail).toBeTruthy();
    const json = await t.admin.post(`/api/v1/plans/${planId}/import`, { title: 'not a file' });
    expect(problem(json, 400).errors!.map((e) => e.path).sort()).toEqual(['content', 'title']);
  });

  it('refuses an upload over 10 MB with 413, an unknown plan with 404, and a viewer with 403', async () => {
    const planId = await newPlan(t);
    problem(await upload(t, planId, Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), { type: 'text/csv', query: 'sheet=actions' }), 413);
    const boundary = '----spt-big';
    const form = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      Buffer.alloc(10 * 1024 * 1024 + 1, 0x41),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    problem(await upload(t, planId, form, { type: `multipart/form-data; boundary=${boundary}`, query: 'sheet=actions' }), 413);
    problem(await t.admin.post(`/api/v1/plans/${planId}/import`, { filename: 'big.xlsx', content: Buffer.alloc(10 * 1024 * 1024 + 1, 0x41).toString('base64') }), 413);
    problem(await upload(t, 'pln_unknown', await workbook(fullSheets())), 404);
    const viewer = await tokenFor(t, 'viewer');
    problem(await upload(t, planId, await workbook(fullSheets()), { token: viewer }), 403);
  });
});

describe('re-import and dry run', () => {
  it('updates existing rows by reference instead of duplicating them, through the audit trail', async () => {
    const planId = await newPlan(t);
    expect((await upload(t, planId, await workbook(fullSheets()))).statusCode).toBe(200);
    const again = await upload(t, planId, await workbook(fullSheets()));
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toEqual({ areas: 0, projects: 0, workstreams: 0, actions: 0, risks: 0, issues: 0, dependencies: 0, benefits: 0 });
    expect(again.json().unchanged).toEqual({ areas: 2, projects: 2, workstreams: 2, actions: 5, risks: 2, issues: 1, dependencies: 1, benefits: 2 });

    const before = await counts(t);
    const sheets = fullSheets();
    sheets.Actions![1]![10] = 75; // 2.1: % complete 40 → 75
    sheets.Actions![1]![8] = '15/10/2022'; // 2.1: due date moved
    sheets.Risks![1]![8] = 'Closed';
    sheets.Actions!.push(['2.11', 'A new action', 2, null, null, null, null, null, utc('2023-06-30'), null, 0, 'No', 'Not started', null, null, null, null, null]);
    const res = await upload(t, planId, await workbook(sheets));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.updated).toMatchObject({ actions: 1, risks: 1 });
    expect(body.created).toMatchObject({ actions: 1 });
    expect(body.changes).toEqual(
      expect.arrayContaining([
        {
          sheet: 'Actions',
          row: 2,
          kind: 'actions',
          key: '2.1',
          operation: 'update',
          changes: [
            { field: 'dueDate', column: 'Due date', from: '2022-09-30', to: '2022-10-15' },
            { field: 'percentComplete', column: '% complete', from: 40, to: 75 },
          ],
        },
        expect.objectContaining({ sheet: 'Risks', key: 'PR000681 00011', operation: 'update', changes: [{ field: 'status', column: 'Status', from: 'open', to: 'closed' }] }),
        expect.objectContaining({ sheet: 'Actions', row: 7, key: '2.11', operation: 'create' }),
      ]),
    );
    const after = await counts(t);
    expect(after.actions).toBe(before.actions + 1);
    expect(after.audit_events).toBe(before.audit_events + 3);
    const action = (await list(`/api/v1/plans/${planId}/actions`)).find((a) => a.ref === '2.1');
    expect(action).toMatchObject({ version: 2, percentComplete: 75, dueDate: '2022-10-15' });
    const audit = await t.query<{ actor: string; operation: string; before: string; after: string }>(
      'select actor_name as actor, operation, before, after from audit_events where resource_id = ? order by seq',
      [action.id],
    );
    expect(audit.map((a) => a.operation)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1]!.after)).toEqual({ dueDate: '2022-10-15', percentComplete: 75, version: 2 });
  });

  it('finds a row again whatever spaces surround its reference', async () => {
    const planId = await newPlan(t);
    expect((await upload(t, planId, await workbook(fullSheets()))).statusCode).toBe(200);
    const res = await upload(t, planId, await workbook({ Actions: [['Ref', '% complete'], [' 2.1 ', 40], ['COI-01\t', 100]] }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: { actions: 0 }, unchanged: { actions: 2 } });
  });

  it('keeps what is stored for columns left out, and clears a field whose cell is emptied', async () => {
    const planId = await newPlan(t);
    expect((await upload(t, planId, await workbook(fullSheets()))).statusCode).toBe(200);
    const res = await upload(t, planId, await workbook({ Actions: [['Ref', '% complete', 'Owner'], ['2.1', 50, null]] }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().changes[0].changes).toEqual([
      { field: 'owner', column: 'Owner', from: 'Head of SEND', to: null },
      { field: 'percentComplete', column: '% complete', from: 40, to: 50 },
    ]);
    const action = (await list(`/api/v1/plans/${planId}/actions`)).find((a) => a.ref === '2.1');
    expect(action).toMatchObject({ percentComplete: 50, owner: null, title: 'Review the assessment pathway', dueDate: '2022-09-30', revisedDueDate: '2023-03-31' });
  });

  it('shows what would change in a dry run and writes nothing', async () => {
    const planId = await newPlan(t);
    expect((await upload(t, planId, await workbook(fullSheets()))).statusCode).toBe(200);
    const before = await counts(t);
    const sheets = fullSheets();
    sheets.Areas![1]![1] = 'Weaknesses in identifying SEND early';
    sheets.Areas!.push([3, 'A third area', null]);
    const res = await upload(t, planId, await workbook(sheets), { query: 'dryRun=true' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dryRun: true, applied: false, created: { areas: 1 }, updated: { areas: 1 }, unchanged: { areas: 1, actions: 5 } });
    expect(body.changes).toEqual([
      { sheet: 'Areas', row: 2, kind: 'areas', key: '1', operation: 'update', changes: [{ field: 'title', column: 'Title', from: 'Weaknesses in identifying SEND', to: 'Weaknesses in identifying SEND early' }] },
      { sheet: 'Areas', row: 4, kind: 'areas', key: '3', operation: 'create', changes: [] },
    ]);
    expect(await counts(t)).toEqual(before);
    // A dry run with problems answers the same 400 as a real import.
    sheets.Areas!.push([4, '', null]);
    expect(problem(await upload(t, planId, await workbook(sheets), { query: 'dryRun=true' }), 400).errors).toEqual([
      expect.objectContaining({ path: 'Areas!B5', message: 'Title is empty; every area needs one' }),
    ]);
  });
});

describe('other ways to upload', () => {
  it('takes one sheet as CSV, named with ?sheet=, in UTF-8 or Windows-1252, comma or semicolon separated', async () => {
    const planId = await newPlan(t);
    const csv = '\uFEFFRef,Title,Due,Status,% Complete\r\n2.10,"Quoted, with a comma",31/03/2023,In progress,10\r\n2.2,Second,2023-04-30,,\r\n';
    const res = await upload(t, planId, csv, { type: 'text/csv; charset=utf-8', query: 'sheet=actions' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created.actions).toBe(2);
    const byRef = Object.fromEntries((await list(`/api/v1/plans/${planId}/actions`)).map((a) => [a.ref, a]));
    expect(byRef['2.10']).toMatchObject({ title: 'Quoted, with a comma', dueDate: '2023-03-31', status: 'in-progress', percentComplete: 10 });
    expect(byRef['2.2']).toMatchObject({ dueDate: '2023-04-30', status: 'not-started', percentComplete: 0 });

    const latin1 = Buffer.from('Number;Title\r\n1;Costs in \xa3k \x96 high\r\n', 'latin1');
    const areas = await upload(t, planId, latin1, { type: 'text/csv', query: 'sheet=areas' });
    expect(areas.statusCode, areas.body).toBe(200);
    expect((await list(`/api/v1/plans/${planId}/areas`))[0].title).toBe('Costs in £k – high');

    const bad = await upload(t, planId, 'Ref,Title,Due\r\n3.1,x,30/02/2023\r\n', { type: 'text/csv', query: 'sheet=actions' });
    expect(problem(bad, 400).errors).toEqual([expect.objectContaining({ sheet: 'Actions', row: 2, column: 'Due', path: 'Actions!C2', message: "Due '30/02/2023' is not a real date" })]);
    const noSheet = await upload(t, planId, 'Ref,Title\r\n', { type: 'text/csv' });
    expect(problem(noSheet, 400).detail).toMatch(/\?sheet=/);
    problem(await upload(t, planId, 'Ref,Title\r\n', { type: 'text/csv', query: 'sheet=gantt' }), 400);
  });

  it('takes a multipart form with a file field, and base64 in JSON', async () => {
    const planId = await newPlan(t);
    const bytes = await workbook(fullSheets());
    const boundary = '----spt-test-boundary';
    const form = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plan.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await upload(t, planId, form, { type: `multipart/form-data; boundary=${boundary}`, query: 'dryRun=true' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created.actions).toBe(5);

    const wrongField = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="plan.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    expect(problem(await upload(t, planId, wrongField, { type: `multipart/form-data; boundary=${boundary}` }), 400).detail).toMatch(/field named "file"/);

    const json = await t.admin.post(`/api/v1/plans/${planId}/import?dryRun=true`, { filename: 'plan.xlsx', content: bytes.toString('base64') });
    expect(json.statusCode, json.body).toBe(200);
    expect(json.json().created.actions).toBe(5);
    const csv = await t.admin.post(`/api/v1/plans/${planId}/import?sheet=areas`, { filename: 'areas.csv', content: Buffer.from('Number,Title\n4,Four\n').toString('base64') });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.json().created.areas).toBe(1);
  });

  it('imports only the named sheet of a workbook when asked', async () => {
    const planId = await newPlan(t);
    const res = await upload(t, planId, await workbook(fullSheets()), { query: 'sheet=areas' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toEqual({ areas: 2, projects: 0, workstreams: 0, actions: 0, risks: 0, issues: 0, dependencies: 0, benefits: 0 });
    const none = await upload(t, planId, await workbook({ Areas: [['Number', 'Title'], [1, 'x']] }), { query: 'sheet=risks' });
    expect(problem(none, 400).errors).toEqual([expect.objectContaining({ sheet: 'Risks', message: 'The workbook has no Risks sheet' })]);
  });

  it('keeps non-JSON bodies away from the other routes', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/plans',
      headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'text/csv' },
      payload: 'title,kind\nx,wsoa\n',
    });
    problem(res, 415);
  });
});
