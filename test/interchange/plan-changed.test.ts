// The HTTP import checks the file against the plan in the reader's worker thread, then writes in one
// transaction on the main thread: if someone changed the plan in between, nothing is written (409) rather
// than a plan made against records that are no longer there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planImport } from '../../src/resources/interchange/import-plan.js';
import { applyPlanned, interchangeDeps, planFingerprint, PlanChangedError } from '../../src/resources/interchange/importer.js';
import { loadPlanData, type PlanData } from '../../src/resources/interchange/plan-data.js';
import { readUpload } from '../../src/resources/interchange/read.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { counts, newPlan, workbook } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('an import planned against a snapshot of the plan', () => {
  it('is written when the plan is unchanged, and refused (409, nothing written) when it changed meanwhile', async () => {
    const actor = { tokenId: null, name: 'test', role: 'admin' as const };
    const planId = await newPlan(t);
    const read = await readUpload(await workbook({ Areas: [['Number', 'Title'], [1, 'One']] }), 'xlsx');
    const plan = async (given?: PlanData) => {
      const snapshot = given ?? (await loadPlanData(t.app.repos, planId));
      return { plan: planImport(read, snapshot), fingerprint: planFingerprint(snapshot) };
    };

    const stale = await plan();
    expect((await t.admin.post(`/api/v1/plans/${planId}/areas`, { number: 7, title: 'Added meanwhile' })).statusCode).toBe(201);
    const before = await counts(t);
    await expect(applyPlanned(interchangeDeps(t.app), planId, stale, { dryRun: false, actor })).rejects.toThrow(PlanChangedError);
    expect(await counts(t)).toEqual(before);

    const fresh = await applyPlanned(interchangeDeps(t.app), planId, await plan(), { dryRun: false, actor });
    expect(fresh).toMatchObject({ applied: true, created: { areas: 1 } });
    expect((await counts(t)).areas).toBe(before.areas + 1);
  });
});
