// npm run export -- --plan <planId> [--out plan.xlsx] [--csv <sheet>] [--calendar] [--as-of YYYY-MM-DD]
// npm run export -- --template [--out examples/plan-workbook-template.xlsx]
// npm run export -- --example [--calendar] [--out examples/wolverhampton/plan.xlsx | .ics]
// Writes a plan of the database at DATABASE_PATH as the workbook POST /import reads (or one sheet as CSV,
// or its calendar); the blank template; or the Wolverhampton example, loaded into a temporary database.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../app.js';
import { databaseOptions, loadEnv } from '../config.js';
import { londonDate } from '../domain/dates.js';
import { loadExample } from '../example/load.js';
import { planCalendar } from '../resources/interchange/calendar.js';
import { listPlans, progressLine } from '../resources/interchange/cli-support.js';
import { planCsv, planWorkbook, templateWorkbook, xlsxBuffer } from '../resources/interchange/export.js';
import { interchangeDeps } from '../resources/interchange/importer.js';
import { KINDS, type Kind } from '../resources/interchange/layout.js';
import { AppError } from '../shared/errors.js';
import { IsoDate } from '../shared/schemas.js';

const USAGE = `Usage: npm run export -- --plan <planId> [--out <file>] [--csv <${KINDS.join('|')}>] [--calendar] [--as-of YYYY-MM-DD]
       npm run export -- --template [--out examples/plan-workbook-template.xlsx]
       npm run export -- --example [--calendar] [--out examples/wolverhampton/plan.xlsx|.ics]
       npm run export -- --list-plans`;

/** The Wolverhampton example's "today": the November 2022 highlight report date (as in the tests). */
const EXAMPLE_NOW = new Date('2022-11-18T12:00:00Z');

const { values } = parseArgs({
  options: {
    plan: { type: 'string' },
    out: { type: 'string' },
    csv: { type: 'string' },
    calendar: { type: 'boolean', default: false },
    'as-of': { type: 'string' },
    template: { type: 'boolean', default: false },
    example: { type: 'boolean', default: false },
    'list-plans': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const say = (s: string) => process.stderr.write(`${s}\n`);

function write(path: string, bytes: Buffer | string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  say(`Wrote ${path} (${(Buffer.byteLength(bytes) / 1024).toFixed(0)} KB).`);
}

async function main(): Promise<number> {
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values['as-of'] && !IsoDate.safeParse(values['as-of']).success) {
    console.error('--as-of must be a date as YYYY-MM-DD');
    return 2;
  }
  if (values.csv && !KINDS.includes(values.csv as Kind)) {
    console.error(`--csv must be one of: ${KINDS.join(', ')}`);
    return 2;
  }
  if (values.template) {
    write(values.out ?? 'examples/plan-workbook-template.xlsx', await xlsxBuffer(templateWorkbook(new Date())));
    return 0;
  }
  if (values.example) return exportExample(values.out ?? `examples/wolverhampton/plan.${values.calendar ? 'ics' : 'xlsx'}`, values.calendar);

  const env = loadEnv();
  const app = await buildApp({ ...databaseOptions(env), ragMargin: env.RAG_AT_RISK_MARGIN });
  try {
    if (values['list-plans'] || !values.plan) {
      await listPlans(app);
      if (!values['list-plans']) console.error(`\n${USAGE}`);
      return values['list-plans'] ? 0 : 2;
    }
    const deps = interchangeDeps(app);
    const plan = await app.repos.plans.mustGet(values.plan);
    const asOf = values['as-of'] ?? deps.today();
    const slug = plan.localArea.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'plan';
    const progress = progressLine();
    if (values.calendar) {
      write(values.out ?? `${slug}-plan.ics`, (await planCalendar(deps, plan.id, { asOf })).toString());
    } else if (values.csv) {
      const bytes = await planCsv(deps, plan.id, values.csv as Kind, { asOf, now: new Date(), onProgress: (sheet, rows) => say(`${sheet}: ${rows.toLocaleString('en-GB')} rows`) });
      write(values.out ?? `${slug}-${values.csv}-${asOf}.csv`, bytes);
    } else {
      let sheets = 0;
      const wb = await planWorkbook(deps, plan.id, { asOf, now: new Date(), onProgress: (sheet, rows) => progress(`Sheets (${sheet}: ${rows.toLocaleString('en-GB')} rows)`, ++sheets, KINDS.length) });
      progress.done();
      say('Writing the workbook…');
      write(values.out ?? `${slug}-plan-${asOf}.xlsx`, await xlsxBuffer(wb));
    }
    return 0;
  } finally {
    await app.close();
  }
}

/** The Wolverhampton example as a workbook (or calendar): loaded through the services into a temporary database, then exported. */
async function exportExample(out: string, calendar: boolean): Promise<number> {
  const env = loadEnv();
  const dir = mkdtempSync(join(tmpdir(), 'spt-example-'));
  const app = await buildApp({
    databasePath: join(dir, 'example.db'),
    now: () => EXAMPLE_NOW,
    ragMargin: env.RAG_AT_RISK_MARGIN,
    render: { executablePath: env.PUPPETEER_EXECUTABLE_PATH, timeoutMs: env.RENDER_TIMEOUT_MS },
  });
  try {
    say('Loading the Wolverhampton example into a temporary database…');
    const ids = await loadExample(app);
    const asOf = londonDate(EXAMPLE_NOW);
    if (calendar) write(out, (await planCalendar(interchangeDeps(app), ids.planId, { asOf })).toString());
    else write(out, await xlsxBuffer(await planWorkbook(interchangeDeps(app), ids.planId, { asOf, now: EXAMPLE_NOW, onProgress: (sheet, rows) => say(`${sheet}: ${rows} rows`) })));
    return 0;
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

let code = 1;
try {
  code = await main();
} catch (err) {
  console.error(err instanceof AppError ? `Error: ${err.message}` : err);
}
process.exit(code);
