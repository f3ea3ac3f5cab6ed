// CPU of building the 300-task draft report's view model and HTML (no Chromium): `npx tsx bench/view-cpu.ts [runs]`.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDataset } from './dataset.js';

const runs = Number(process.argv[2] ?? 10);
const { dbPath, info } = await ensureDataset(42);
const dir = join(process.cwd(), 'data/bench/view-cpu');
mkdirSync(dir, { recursive: true });
const db = join(dir, 'db.sqlite');
if (!existsSync(db)) copyFileSync(dbPath, db);
const { buildApp } = await import('../src/app.js');
const app = await buildApp({ databasePath: db, authFailureLimit: false });
const docs = app.documents.highlightReports;
const view: number[] = [];
const html: number[] = [];
let sha = '';
for (let i = 0; i <= runs; i++) {
  let c = process.cpuUsage();
  const v = await docs.view(info.bigDraftReportId);
  let u = process.cpuUsage(c);
  if (i) view.push((u.user + u.system) / 1000);
  c = process.cpuUsage();
  const h = docs.renderHtml(v);
  sha = (await import('node:crypto')).createHash('sha256').update(h).digest('hex').slice(0, 12);
  u = process.cpuUsage(c);
  if (i) html.push((u.user + u.system) / 1000);
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
console.log(JSON.stringify({ viewMs: med(view), htmlMs: med(html), html: sha }));
await app.close();
