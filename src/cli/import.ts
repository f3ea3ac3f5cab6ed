// npm run import -- --plan <planId> <file.xlsx | file.csv> [--sheet <kind>] [--dry-run] [--json]
// Imports a workbook (or one sheet as CSV) into a plan of the database at DATABASE_PATH, exactly as
// POST /api/v1/plans/:planId/import does: everything is validated first, nothing is written when anything
// is wrong, and all changes go in one audited transaction. Shows progress on stderr.
import { readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { databaseOptions, loadEnv } from '../config.js';
import type { Actor } from '../db/store.js';
import type { Progress } from '../resources/interchange/import-plan.js';
import { interchangeDeps, runImport, type ImportResult } from '../resources/interchange/importer.js';
import { KINDS, sheetSpec, type Kind } from '../resources/interchange/layout.js';
import { readUpload, sniffFormat, type UploadFormat } from '../resources/interchange/read.js';
import { AppError } from '../shared/errors.js';
import { listPlans, progressLine } from '../resources/interchange/cli-support.js';

const USAGE = `Usage: npm run import -- --plan <planId> <file.xlsx|file.csv> [--sheet <${KINDS.join('|')}>] [--dry-run] [--json]
       npm run import -- --list-plans`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    plan: { type: 'string' },
    sheet: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'list-plans': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
async function main(app: FastifyInstance): Promise<number> {
  if (values['list-plans'] || (!values.plan && positionals.length === 0)) {
    await listPlans(app);
    if (!values['list-plans']) console.error(`\n${USAGE}`);
    return values['list-plans'] ? 0 : 2;
  }
  const file = positionals[0];
  if (!values.plan || !file || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const sheet = values.sheet as Kind | undefined;
  if (sheet && !KINDS.includes(sheet)) {
    console.error(`--sheet must be one of: ${KINDS.join(', ')}`);
    return 2;
  }
  await app.repos.plans.mustGet(values.plan);

  const bytes = readFileSync(file);
  const format: UploadFormat = extname(file).toLowerCase() === '.csv' ? 'csv' : sniffFormat(bytes) === null && sheet ? 'csv' : 'xlsx';
  const say = (s: string) => process.stderr.write(`${s}\n`);
  say(`Reading ${basename(file)} (${(statSync(file).size / 1024).toFixed(0)} KB)…`);
  let t = Date.now();
  const read = await readUpload(bytes, format, sheet);
  say(`Read ${read.rowCount.toLocaleString('en-GB')} rows from ${read.sheets.map((s) => `${s.name} (${s.rows.length.toLocaleString('en-GB')})`).join(', ') || 'no sheets'} in ${seconds(t)}.`);

  const progress = progressLine();
  const onProgress: Progress = (stage, done, total) => progress(stage === 'validating' ? 'Validating' : 'Writing', done, total);
  const actor: Actor = { tokenId: null, name: `npm run import (${safeUser()})`, role: 'admin' };
  t = Date.now();
  const result = await runImport(interchangeDeps(app), values.plan, read, { dryRun: values['dry-run'], actor, onProgress });
  progress.done();
  say(`${result.problems.length ? 'Checked' : result.dryRun ? 'Planned' : 'Imported'} in ${seconds(t)}.`);

  if (values.json) console.log(JSON.stringify(result, null, 2));
  else report(result);
  return result.problems.length ? 1 : 0;
}

function report(r: ImportResult) {
  for (const w of r.warnings) console.log(`warning  ${w.path}  ${w.message}`);
  if (r.problems.length) {
    console.log(`\n${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}; nothing was imported:`);
    for (const p of r.problems) console.log(`  ${p.path.padEnd(18)} ${p.message}`);
    return;
  }
  console.log(r.dryRun ? '\nDry run: nothing was written. This import would make these changes:' : '\nImported:');
  console.log(`  ${'sheet'.padEnd(14)}${'created'.padStart(9)}${'updated'.padStart(9)}${'unchanged'.padStart(11)}`);
  const m = r.measures;
  const count = (k: (typeof KINDS)[number], c: 'created' | 'updated' | 'unchanged') => (k === 'measures' || k === 'measureValues' ? m[c][k] : r[c][k]);
  for (const k of KINDS) {
    if (count(k, 'created') + count(k, 'updated') + count(k, 'unchanged') === 0) continue;
    console.log(`  ${sheetSpec(k).name.padEnd(14)}${String(count(k, 'created')).padStart(9)}${String(count(k, 'updated')).padStart(9)}${String(count(k, 'unchanged')).padStart(11)}`);
  }
  const updates = r.changes.filter((c) => c.operation === 'update');
  for (const c of updates.slice(0, 50)) {
    console.log(`  ${c.sheet}!${c.row} ${c.key}: ${c.changes.map((f) => `${f.column} ${show(f.from)} → ${show(f.to)}`).join('; ')}`);
  }
  if (updates.length > 50) console.log(`  … and ${updates.length - 50} more updated rows (--json lists them all)`);
}

const show = (v: unknown) => {
  const s = v === null || v === undefined ? '(empty)' : typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
};
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown user';
  }
}

const env = loadEnv();
const app = await buildApp({ ...databaseOptions(env), ragMargin: env.RAG_AT_RISK_MARGIN });
let exitCode = 0;
try {
  exitCode = await main(app);
} catch (err) {
  console.error(err instanceof AppError ? `Error: ${err.message}` : err);
  exitCode = 1;
} finally {
  await app.close();
}
process.exit(exitCode);
