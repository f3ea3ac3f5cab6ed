// CPU time of one month's changes (GET /plans/:planId/changes through the service), by step, on a copy of
// the dataset with the changes bench's three years of action history (made once, kept in
// data/bench/changes-cpu/): `npx tsx bench/changes-cpu.ts [samples]`.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { changesPhase } from './changes.js';
import { ensureDataset } from './dataset.js';

const samples = Number(process.argv[2] ?? 7);
const { dbPath, info } = await ensureDataset(42);
const dir = join(process.cwd(), 'data/bench/changes-cpu');
mkdirSync(dir, { recursive: true });
const db = join(dir, `history-${info.fingerprint}.db`);
if (!existsSync(db)) {
  copyFileSync(dbPath, db);
  console.log('first run, history added:', JSON.stringify(await changesPhase(db, info, { quick: true, log: console.log })));
}
const { buildApp } = await import('../src/app.js');
const app = await buildApp({ databasePath: db, now: () => new Date('2026-11-20T09:00:00Z'), authFailureLimit: false });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  const cpu: number[] = [];
  const wall: number[] = [];
  let found = '';
  for (let i = 0; i <= samples; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const r = await app.services.changes.forPlan(info.planId, '2026-09-30', '2026-10-31');
    const u = process.cpuUsage(c);
    if (i === 0) {
      found = JSON.stringify(r).length + ' chars, sha ' + (await import('node:crypto')).createHash('sha256').update(JSON.stringify(r)).digest('hex').slice(0, 12);
      continue;
    }
    cpu.push((u.user + u.system) / 1000);
    wall.push(performance.now() - t);
  }
  console.log(JSON.stringify({ medianCpuMs: Math.round(median(cpu)), medianWallMs: Math.round(median(wall)), result: found }));
  // A highlight report's "changes since the last report" (one project, one month).
  const projectId = info.bigProjectId;
  const pc: number[] = [];
  for (let i = 0; i <= samples; i++) {
    const c = process.cpuUsage();
    const r = app.services.changes.forProjectNow(projectId, '2026-09-30', '2026-10-31');
    const u = process.cpuUsage(c);
    if (i === 0) {
      console.log('project result sha', (await import('node:crypto')).createHash('sha256').update(JSON.stringify(r)).digest('hex').slice(0, 12));
      continue;
    }
    pc.push((u.user + u.system) / 1000);
  }
  console.log(JSON.stringify({ projectMedianCpuMs: Math.round(median(pc)) }));
} finally {
  await app.close();
}
