// The committed workbooks under examples/ are what the code generates today: the template has the
// layout's sheets and headers, and the Wolverhampton workbook imports into an empty plan and exports
// back cell for cell. What the example holds is read from its files (examples/wolverhampton/): the plan
// and meeting from their JSON, the workbook's rows with exceljs (not through the importer).
import { readFileSync } from 'node:fs';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHEETS } from '../../src/resources/interchange/layout.js';
import { readExample } from '../../src/example/files.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { cellsOf, newPlan, readWorkbook, upload } from './helpers.js';

const WORKBOOK = 'examples/wolverhampton/plan.xlsx';
const CALENDAR = 'examples/wolverhampton/plan.ics';

type Row = Record<string, string | undefined>;
interface ExampleAction { ref: string; title: string; dueDate: string; revisedDueDate?: string; delayReason?: string; mitigation?: string }

/** The example: its plan and meeting (JSON), and the workbook's rows as records keyed by the layout's fields. */
async function example() {
  const { plan, meeting } = readExample();
  const cells = cellsOf(await readWorkbook(readFileSync(WORKBOOK)));
  const records = (kind: string): Row[] => {
    const spec = SHEETS.find((s) => s.kind === kind)!;
    const [header, ...rows] = cells[spec.name]!;
    const keys = header!.map((h) => spec.columns.find((c) => c.header === h)!.key);
    return rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, (r[i] ?? undefined) as string | undefined])));
  };
  return {
    plan,
    meeting,
    areas: records('areas'),
    workstreams: records('workstreams'),
    actions: records('actions') as unknown as ExampleAction[],
    risks: records('risks'),
    issues: records('issues'),
    dependencies: records('dependencies'),
    benefits: records('benefits'),
  };
}

let t: TestApp;
let wolverhampton: Awaited<ReturnType<typeof example>>;
beforeAll(async () => {
  t = await createTestApp();
  wolverhampton = await example();
});
afterAll(() => t.close());

describe('docs/spreadsheets.md', () => {
  it('names every sheet, column and synonym of the layout', () => {
    const doc = readFileSync('docs/spreadsheets.md', 'utf8');
    const missing: string[] = [];
    for (const spec of SHEETS) {
      if (!doc.includes(`### ${spec.name}`)) missing.push(spec.name);
      for (const c of spec.columns) {
        for (const name of [c.header, ...c.synonyms]) if (!doc.includes(name.replace(/\|/g, '\\|'))) missing.push(`${spec.name}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('examples/', () => {
  it('plan-workbook-template.xlsx has every sheet of the layout with its headers and no rows', async () => {
    const wb = await readWorkbook(readFileSync('examples/plan-workbook-template.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEETS.map((s) => s.name), 'Guide']);
    for (const spec of SHEETS) {
      const ws = wb.getWorksheet(spec.name)!;
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(spec.columns.map((c) => c.header));
      expect(ws.actualRowCount).toBe(1);
    }
  });

  it('wolverhampton/plan.xlsx imports into an empty plan and exports back cell for cell', async () => {
    const bytes = readFileSync(WORKBOOK);
    const planId = await newPlan(t, { ...wolverhampton.plan });
    const res = await upload(t, planId, bytes);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toEqual({
      areas: wolverhampton.areas.length,
      projects: 1,
      workstreams: wolverhampton.workstreams.length,
      actions: wolverhampton.actions.length,
      risks: wolverhampton.risks.length,
      issues: wolverhampton.issues.length,
      dependencies: wolverhampton.dependencies.length,
      benefits: wolverhampton.benefits.length,
    });
    const exported = await t.admin.get(`/api/v1/plans/${planId}/export.xlsx?asOf=2022-11-18`);
    const [a, b] = [cellsOf(await readWorkbook(bytes)), cellsOf(await readWorkbook(exported.rawPayload))];
    delete a.Guide;
    delete b.Guide;
    expect(b).toEqual(a);
    // The example's actions as transcribed, field for field.
    const actions = (await t.admin.get(`/api/v1/plans/${planId}/actions?limit=500`)).json().items;
    for (const x of wolverhampton.actions) {
      const got = actions.find((y: { ref: string }) => y.ref === x.ref);
      expect(got, x.ref).toMatchObject({ title: x.title, dueDate: x.dueDate, revisedDueDate: x.revisedDueDate ?? null, delayReason: x.delayReason ?? null, mitigation: x.mitigation ?? null });
    }
  });

  it('wolverhampton/plan.ics is a calendar of the deadlines, the next review, the 43 actions and the December meeting', () => {
    const events = Object.values(ical.sync.parseICS(readFileSync(CALENDAR, 'utf8'))).filter((c): c is VEvent => c.type === 'VEVENT');
    expect(events).toHaveLength(4 + wolverhampton.actions.length + 1);
    const meeting = events.find((e) => e.uid.startsWith('meeting-'))!;
    expect(meeting.start.toISOString()).toBe(new Date(wolverhampton.meeting.startsAt).toISOString());
    expect(meeting.summary).toBe(wolverhampton.meeting.committee);
    expect(events.filter((e) => e.uid.startsWith('plan-')).map((e) => e.summary)).toEqual([
      'Wolverhampton: Submit the written statement of action to Ofsted and CQC',
      'Wolverhampton: Publish the written statement of action',
      'Wolverhampton: Monitoring inspection expected',
      'Wolverhampton: Next monitoring review with DfE and NHS England',
    ]);
  });
});
