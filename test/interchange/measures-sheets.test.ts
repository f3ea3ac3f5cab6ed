// Measures and their values come in and go out through the workbook: the Measures and Measure values
// sheets, validated like the others, written through the measures services, exported and imported again
// without a change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type TestApp } from '../helpers/app.js';
import { utc } from './fixtures.js';
import { cellsOf, counts, newPlan, readWorkbook, upload, workbook } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const MEASURES_HEAD = ['Ref', 'Title', 'Definition', 'Unit', 'Direction', 'Source', 'Frequency', 'Areas', 'Baseline value', 'Baseline period', 'Target value', 'Target by', 'Tolerance', 'Milestones'];
const sheets = (): Record<'Areas' | 'Measures' | 'Measure values', unknown[][]> => ({
  Areas: [['Number', 'Title'], [1, 'Identification'], [2, 'EHC plans']],
  Measures: [
    MEASURES_HEAD,
    ['M2.1', 'EHC plans issued within 20 weeks', 'New EHC plans issued within 20 weeks, excluding exceptions', '%', 'Higher is better', 'SEN2', 'Monthly', '2', 35, '31/03/2022', 60, '31/03/2023', 5, '2022-09-30=45; 31/12/2022=52'],
    ['M1.1', 'Suspensions of pupils on SEN support', 'Suspensions per 100 pupils on SEN support', 'per 100', 'lower', null, 'Termly', '1, 2', null, null, null, null, null, null],
  ],
  'Measure values': [
    ['Measure ref', 'Period', 'Value', 'Note'],
    ['M2.1', utc('2022-06-30'), 41.5, null],
    ['M2.1', '31/10/2022', 48, 'After the hub recovery plan'],
  ],
});

describe('the Measures and Measure values sheets', () => {
  it('are imported through the measures services, exported, and imported again unchanged', async () => {
    const planId = await newPlan(t);
    const res = await upload(t, planId, await workbook(sheets()));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().measures).toEqual({ created: { measures: 2, measureValues: 2 }, updated: { measures: 0, measureValues: 0 }, unchanged: { measures: 0, measureValues: 0 } });
    expect(res.json().created).toMatchObject({ areas: 2 });

    const areas = (await t.admin.get(`/api/v1/plans/${planId}/areas`)).json().items as Json[];
    const area = (n: number) => areas.find((a) => a.number === n).id;
    const measures = (await t.admin.get(`/api/v1/plans/${planId}/measures`)).json().items as Json[];
    const m21 = measures.find((m) => m.ref === 'M2.1');
    expect(m21).toMatchObject({
      title: 'EHC plans issued within 20 weeks',
      unit: '%',
      direction: 'higher-is-better',
      source: 'SEN2',
      frequency: 'monthly',
      areaIds: [area(2)],
      baseline: { value: 35, period: '2022-03-31' },
      target: { value: 60, by: '2023-03-31' },
      tolerance: 5,
      milestones: [
        { by: '2022-09-30', value: 45 },
        { by: '2022-12-31', value: 52 },
      ],
      latest: { period: '2022-10-31', value: 48 },
    });
    expect(measures.find((m) => m.ref === 'M1.1')).toMatchObject({ direction: 'lower-is-better', areaIds: [area(1), area(2)], baseline: null, target: null, tolerance: 0, milestones: [] });
    const values = (await t.admin.get(`/api/v1/measures/${m21.id}/values`)).json().items as Json[];
    expect(values.map((v) => [v.period, v.value, v.note])).toEqual([
      ['2022-06-30', 41.5, null],
      ['2022-10-31', 48, 'After the hub recovery plan'],
    ]);
    // Written through the services: audited as the importer's token.
    const audit = await t.query(
      `select resource_type as type, count(*) as n from audit_events where operation = 'create' and resource_type like 'measure%' group by resource_type order by resource_type`,
    );
    expect(audit).toEqual([
      { type: 'measure', n: 2 },
      { type: 'measure-value', n: 2 },
    ]);

    const exported = await t.admin.get(`/api/v1/plans/${planId}/export.xlsx?asOf=2022-11-18`);
    const cells = cellsOf(await readWorkbook(exported.rawPayload));
    expect(cells.Measures![0]).toEqual(MEASURES_HEAD);
    expect(cells.Measures!.find((r) => r[0] === 'M2.1')).toEqual(['M2.1', 'EHC plans issued within 20 weeks', 'New EHC plans issued within 20 weeks, excluding exceptions', '%', 'Higher is better', 'SEN2', 'Monthly', '2', 35, '2022-03-31', 60, '2023-03-31', 5, '2022-09-30=45; 2022-12-31=52']);
    expect(cells['Measure values']).toEqual([
      ['Measure ref', 'Period', 'Value', 'Note'],
      ['M2.1', '2022-06-30', 41.5, null],
      ['M2.1', '2022-10-31', 48, 'After the hub recovery plan'],
    ]);
    const before = await counts(t);
    const again = await upload(t, planId, exported.rawPayload);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().changes).toEqual([]);
    expect(again.json().measures.unchanged).toEqual({ measures: 2, measureValues: 2 });
    expect(await counts(t)).toEqual(before);

    // One sheet as CSV goes out and comes back unchanged too.
    for (const sheet of ['measures', 'measureValues']) {
      const csv = await t.admin.get(`/api/v1/plans/${planId}/export.csv?sheet=${sheet}&asOf=2022-11-18`);
      const back = await upload(t, planId, csv.rawPayload, { type: 'text/csv', query: `sheet=${sheet}` });
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json().changes, sheet).toEqual([]);
    }
    // The blank template has the plan's sheets; the measure sheets when asked for.
    const names = async (query: string) => (await readWorkbook((await t.admin.get(`/api/v1/spreadsheet-template.xlsx${query}`)).rawPayload)).worksheets.map((w) => w.name);
    expect(await names('')).not.toContain('Measures');
    expect(await names('?sheets=measures,measureValues')).toEqual(['Measures', 'Measure values', 'Guide']);

    // An edited figure is an update of that value only.
    const edited = sheets();
    edited['Measure values'][2]![2] = 49;
    const update = await upload(t, planId, await workbook(edited));
    expect(update.statusCode, update.body).toBe(200);
    expect(update.json().changes).toEqual([
      { sheet: 'Measure values', row: 3, kind: 'measureValues', key: 'M2.1 2022-10-31', operation: 'update', changes: [{ field: 'value', column: 'Value', from: 48, to: 49 }] },
    ]);
  });

  it('lists every problem by sheet, row and column, and writes nothing', async () => {
    const planId = await newPlan(t);
    const bad = sheets();
    bad.Measures.push(['M9', 'No unit', 'Counted', null, 'Sideways', null, 'Fortnightly', '7', 10, null, null, null, -1, '2023-01-01 60']);
    bad.Measures.push(['M2.1', 'Again', 'x', '%', 'Higher is better', null, null, null, null, null, null, null, null, null]);
    bad['Measure values'].push(['M404', '31/10/2022', 1, null], ['M2.1', 'soon', 'lots', null]);
    const before = await counts(t);
    const res = await upload(t, planId, await workbook(bad));
    const errors = problem(res, 400).errors as unknown as { path: string; message: string }[];
    expect(errors.map((e) => `${e.path}: ${e.message}`).sort()).toEqual(
      [
        "Measures!E4: Direction 'Sideways' is not one of: Higher is better, Lower is better",
        "Measures!G4: Frequency 'Fortnightly' is not one of: Monthly, Termly, Quarterly, Annual",
        'Measures!N4: Milestones part 1 \'2023-01-01 60\' is not "date=value"; write them as "2023-03-31=60; 2023-09-30=70"',
        'Measures!D4: Unit is empty; every measure needs one',
        'Measures!H4: Areas 7 is not an area of this plan (areas: 1, 2); add it to the Areas sheet or correct the numbers',
        'Measures!J4: Baseline period is empty; Baseline value and Baseline period go together',
        'Measures!M4: Tolerance -1 is too low (at least 0)',
        'Measures!A5: Measure M2.1 is also on row 2; each measure may appear only once',
        "'Measure values'!A4: Measure ref 'M404' is not a measure of this plan; add it to the Measures sheet or correct the ref",
        "'Measure values'!B5: Period 'soon' is not a date (write it as 31/03/2023)",
        "'Measure values'!C5: Value 'lots' is not a number",
      ].sort(),
    );
    expect(await counts(t)).toEqual(before);
  });

  it('lets the measures service refuse a trajectory out of order, on the sheet’s cell', async () => {
    const planId = await newPlan(t);
    const bad = sheets();
    bad.Measures[1]![13] = '2023-06-30=45';
    const before = await counts(t);
    const res = await upload(t, planId, await workbook(bad));
    expect(problem(res, 400).errors).toEqual([expect.objectContaining({ path: 'Measures!N2', column: 'Milestones', message: 'Milestones must be before the target date' })]);
    expect(await counts(t)).toEqual(before);
  });
});
