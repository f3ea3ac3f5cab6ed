// CPU time of our process per highlight report PDF, by phase (view, HTML, print, accessibility pass), on a
// copy of the cached dataset: `npx tsx bench/render-cpu.ts [samples]`. Chromium's own CPU is not ours to
// cut; this measures what our server adds around it. Steadier than wall time on a busy machine.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDataset } from './dataset.js';

const samples = Number(process.argv[2] ?? 5);
const { dbPath, info } = await ensureDataset(42);
const dir = join(process.cwd(), 'data/bench/render-cpu');
mkdirSync(dir, { recursive: true });
const db = join(dir, 'ours.db');
for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
copyFileSync(dbPath, db);
const { buildApp } = await import('../src/app.js');
const { accessiblePdf } = await import('../src/documents/pdf-accessibility.js');
const app = await buildApp({ databasePath: db, authFailureLimit: false });
const docs = app.documents.highlightReports;
const cpu = (f: () => unknown) => {
  const c = process.cpuUsage();
  const v = f();
  const u = process.cpuUsage(c);
  return { v, ms: (u.user + u.system) / 1000 };
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  for (const [label, id] of [['example', info.exampleDraftReportId], ['big', info.bigDraftReportId]] as const) {
    const t: Record<string, number[]> = { view: [], html: [], print: [], a11y: [] };
    for (let i = 0; i <= samples; i++) {
      const view = cpu(() => docs.view(id));
      const html = cpu(() => docs.renderHtml(view.v as never));
      const c = process.cpuUsage();
      const raw = await app.renderer.pdf(html.v as string);
      const u = process.cpuUsage(c);
      const c2 = process.cpuUsage();
      await accessiblePdf(raw, { title: 'x', html: html.v as string });
      const u2 = process.cpuUsage(c2);
      if (i === 0) continue; // warm-up
      t.view!.push(view.ms);
      t.html!.push(html.ms);
      t.print!.push((u.user + u.system) / 1000);
      t.a11y!.push((u2.user + u2.system) / 1000);
    }
    console.log(label, Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(median(v) * 10) / 10])));
  }
} finally {
  await app.close();
}
