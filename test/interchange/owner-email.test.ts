// Owners' email addresses (where the monthly update round sends their links) come in and go out through
// the Actions and register sheets: validated as emails, exported, and imported again without a change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type TestApp } from '../helpers/app.js';
import { utc } from './fixtures.js';
import { cellsOf, newPlan, readWorkbook, upload, workbook } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const sheets = (actionEmail: unknown, riskEmail: unknown) => ({
  Projects: [['Code', 'Name'], ['P1', 'Project one']],
  Actions: [
    ['Ref', 'Title', 'Owner', 'Owner email', 'Due date'],
    ['1.1', 'Has an owner with an email', 'Kim Lee', actionEmail, utc('2023-03-31')],
    ['1.2', 'Has none', null, null, utc('2023-03-31')],
  ],
  // "Email" is accepted for the column too.
  'Risk Register': [['Ref', 'Description', 'Likelihood', 'Impact', 'Owner', 'Email'], ['R1', 'Capacity', 2, 3, 'Sam', riskEmail]],
});

describe('ownerEmail in the workbook', () => {
  it('is imported from the Actions and register sheets, exported, and imported again unchanged', async () => {
    const planId = await newPlan(t);
    const res = await upload(t, planId, await workbook(sheets(' kim.lee@council.example ', 'sam@icb.example')));
    expect(res.statusCode, res.body).toBe(200);
    const actions = (await t.admin.get(`/api/v1/plans/${planId}/actions?limit=10`)).json().items;
    expect(actions.map((a: { ref: string; ownerEmail: string | null }) => [a.ref, a.ownerEmail])).toEqual([
      ['1.1', 'kim.lee@council.example'],
      ['1.2', null],
    ]);
    const project = (await t.admin.get(`/api/v1/plans/${planId}/projects`)).json().items[0];
    expect((await t.admin.get(`/api/v1/projects/${project.id}/risks`)).json().items[0]).toMatchObject({ ref: 'R1', ownerEmail: 'sam@icb.example' });

    const exported = await t.admin.get(`/api/v1/plans/${planId}/export.xlsx?asOf=2022-11-18`);
    const cells = cellsOf(await readWorkbook(exported.rawPayload));
    const column = (sheet: string) => cells[sheet]![0]!.indexOf('Owner email');
    expect(cells.Actions![1]![column('Actions')]).toBe('kim.lee@council.example');
    expect(cells.Risks![1]![column('Risks')]).toBe('sam@icb.example');
    for (const sheet of ['Issues', 'Dependencies', 'Benefits']) expect(column(sheet), sheet).toBeGreaterThan(0);
    const template = cellsOf(await readWorkbook((await t.admin.get('/api/v1/spreadsheet-template.xlsx')).rawPayload));
    for (const sheet of ['Actions', 'Risks', 'Issues', 'Dependencies', 'Benefits']) expect(template[sheet]![0], sheet).toContain('Owner email');
    // One sheet as CSV: the column is there when a row has an address, and left out when none has.
    const csv = async (sheet: string) => (await t.admin.get(`/api/v1/plans/${planId}/export.csv?sheet=${sheet}&asOf=2022-11-18`)).body.split('\r\n')[0];
    expect(await csv('actions')).toMatch(/,Mitigation,Owner email$/);
    expect(await csv('issues')).not.toContain('Owner email');

    const again = await upload(t, planId, exported.rawPayload);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().changes).toEqual([]);

    // A changed address is an update of that field only; an emptied cell clears it.
    const changed = await upload(t, planId, await workbook(sheets('kim@council.example', null)));
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().changes.map((c: { key: string; changes: { field: string; to: unknown }[] }) => [c.key, c.changes.map((x) => [x.field, x.to])])).toEqual([
      ['1.1', [['ownerEmail', 'kim@council.example']]],
      ['P1 R1', [['ownerEmail', null]]],
    ]);
  });

  it('must be an email address', async () => {
    const planId = await newPlan(t);
    const res = await upload(t, planId, await workbook(sheets('Kim Lee', 'javascript:alert(1)')));
    expect(problem(res, 400).errors).toEqual([
      expect.objectContaining({ path: 'Actions!D2', column: 'Owner email', message: "Owner email 'Kim Lee' must be an email address" }),
      expect.objectContaining({ path: "'Risk Register'!F2", column: 'Email', message: "Email 'javascript:alert(1)' must be an email address" }),
    ]);
  });
});
