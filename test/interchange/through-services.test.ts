// An import writes through the resources' services: the actions service's rules are the authority even
// for a plan the import's pre-check let through, a refusal undoes the whole import and is reported on the
// sheet's cell, and every write is audited as the importer, in the import's one transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planImport } from '../../src/resources/interchange/import-plan.js';
import { applyPlanned, interchangeDeps, planFingerprint } from '../../src/resources/interchange/importer.js';
import { loadPlanData } from '../../src/resources/interchange/plan-data.js';
import { readUpload } from '../../src/resources/interchange/read.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { counts, newPlan, workbook } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const actor = { tokenId: null, name: 'importer', role: 'admin' as const };

const sheets = {
  Areas: [['Number', 'Title'], [1, 'One']],
  Actions: [
    ['Ref', 'Title', 'Area', 'Start date', 'Due date', 'RAG override', 'Override reason'],
    ['1.1', 'Fine', 1, '01/04/2022', '31/03/2023', null, null],
    ['1.2', 'Also fine', 1, '01/04/2022', '31/03/2023', 'Red', 'Staff'],
  ],
};

async function planned(planId: string) {
  const read = await readUpload(await workbook(sheets), 'xlsx');
  const snapshot = await loadPlanData(t.app.repos, planId);
  return { plan: planImport(read, snapshot), fingerprint: planFingerprint(snapshot) };
}

describe('an import through the services', () => {
  it('is refused by the actions service when a row breaks its rules, nothing written, the refusal on the sheet’s cells', async () => {
    const planId = await newPlan(t);
    const p = await planned(planId);
    expect(p.plan.problems).toEqual([]);
    // As if the pre-check had missed them: the service still refuses.
    const row = p.plan.rows.find((r) => r.key === '1.2')!;
    Object.assign(row.values, { startDate: '2023-05-01', ragOverrideReason: null });
    const before = await counts(t);
    const result = await applyPlanned(interchangeDeps(t.app), planId, p, { dryRun: false, actor });
    expect(result.applied).toBe(false);
    expect(result.problems).toEqual([
      { sheet: 'Actions', row: 3, column: 'Start date', cell: 'D3', path: 'Actions!D3', message: 'Start date must not be after dueDate (2023-03-31)' },
      { sheet: 'Actions', row: 3, column: 'Override reason', cell: 'G3', path: 'Actions!G3', message: 'Override reason is required when ragOverride is set' },
    ]);
    // The area and action 1.1, written before row 3 was refused, are undone with their audit events.
    expect(await counts(t)).toEqual(before);
  });

  it('reports every refusal, the database’s and a service’s, and writes nothing (PostgreSQL: the run without savepoints is undone and run again row by row)', async () => {
    const planId = await newPlan(t);
    const read = await readUpload(
      await workbook({
        Areas: [['Number', 'Title'], [1, 'One']],
        Actions: [
          ['Ref', 'Title', 'Area', 'Start date', 'Due date'],
          ['1.1', 'Fine', 1, '01/04/2022', '31/03/2023'],
          ['1.2', 'Twin', 1, '01/04/2022', '31/03/2023'],
          ['1.3', 'Late start', 1, '01/04/2022', '31/03/2023'],
          ['1.4', 'Fine too', 1, '01/04/2022', '31/03/2023'],
        ],
      }),
      'xlsx',
    );
    const snapshot = await loadPlanData(t.app.repos, planId);
    const p = { plan: planImport(read, snapshot), fingerprint: planFingerprint(snapshot) };
    expect(p.plan.problems).toEqual([]);
    // As if the pre-check had missed them: row 3 takes row 2's ref (the database's unique index refuses it,
    // which on PostgreSQL aborts the transaction), row 4 breaks a rule of the actions service.
    p.plan.rows.find((r) => r.key === '1.2')!.values.ref = '1.1';
    p.plan.rows.find((r) => r.key === '1.3')!.values.startDate = '2023-05-01';
    const before = await counts(t);
    const result = await applyPlanned(interchangeDeps(t.app), planId, p, { dryRun: false, actor });
    expect(result.applied).toBe(false);
    expect(result.problems).toEqual([
      { sheet: 'Actions', row: 3, column: null, cell: null, path: 'Actions!3:3', message: 'Action 1.2 was refused: An action with this ref already exists in the plan.' },
      { sheet: 'Actions', row: 4, column: 'Start date', cell: 'D4', path: 'Actions!D4', message: 'Start date must not be after dueDate (2023-03-31)' },
    ]);
    expect(await counts(t)).toEqual(before);
    // The transaction the import ran in is still usable: the same plan imports cleanly afterwards.
    const clean = await applyPlanned(interchangeDeps(t.app), planId, { plan: planImport(read, snapshot), fingerprint: planFingerprint(snapshot) }, { dryRun: false, actor });
    expect(clean).toMatchObject({ applied: true, created: { areas: 1, actions: 4 } });
  });

  it('writes each record through its service, audited as the importer', async () => {
    const planId = await newPlan(t);
    const result = await applyPlanned(interchangeDeps(t.app), planId, await planned(planId), { dryRun: false, actor });
    expect(result).toMatchObject({ applied: true, created: { areas: 1, actions: 2 } });
    const events = await t.query(
      `select actor_name as who, operation, resource_type as type from audit_events where resource_id in (select id from actions where plan_id = ? union select id from areas where plan_id = ?) order by seq`,
      [planId, planId],
    );
    expect(events).toEqual([
      { who: 'importer', operation: 'create', type: 'area' },
      { who: 'importer', operation: 'create', type: 'action' },
      { who: 'importer', operation: 'create', type: 'action' },
    ]);
    // The service's rule "a cleared override clears its reason" does not eat a reason the sheet still holds.
    const res = await t.admin.get(`/api/v1/plans/${planId}/actions?limit=10`);
    expect(res.json().items.map((a: { ref: string; ragSource: string }) => [a.ref, a.ragSource])).toEqual([
      ['1.1', 'derived'],
      ['1.2', 'override'],
    ]);
  });
});
