// CPU of the accessibility pass (src/documents/pdf-accessibility.ts) on the PDFs Chromium prints for the
// bench's highlight reports, printed once and kept in data/bench/a11y-cpu/: `npx tsx bench/a11y-cpu.ts [runs]`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? 10);
const dir = join(process.cwd(), 'data/bench/a11y-cpu');
mkdirSync(dir, { recursive: true });
const { accessiblePdf } = await import('../src/documents/pdf-accessibility.js');
if (!existsSync(join(dir, 'big.pdf'))) {
  const { ensureDataset } = await import('./dataset.js');
  const { copyFileSync } = await import('node:fs');
  const { dbPath, info } = await ensureDataset(42);
  copyFileSync(dbPath, join(dir, 'db.sqlite'));
  const { buildApp } = await import('../src/app.js');
  const app = await buildApp({ databasePath: join(dir, 'db.sqlite'), authFailureLimit: false });
  for (const [name, id] of [['example', info.exampleDraftReportId], ['big', info.bigDraftReportId]] as const) {
    const docs = app.documents.highlightReports;
    const html = docs.renderHtml(await docs.view(id));
    writeFileSync(join(dir, `${name}.html`), html);
    writeFileSync(join(dir, `${name}.pdf`), await app.renderer.pdf(html));
  }
  await app.close();
}
for (const name of ['example', 'big']) {
  const pdf = readFileSync(join(dir, `${name}.pdf`));
  const html = readFileSync(join(dir, `${name}.html`), 'utf8');
  const cpu: number[] = [];
  let out: Buffer = Buffer.alloc(0);
  for (let i = 0; i <= runs; i++) {
    const c = process.cpuUsage();
    out = await accessiblePdf(pdf, { title: 'Highlight report', html });
    const u = process.cpuUsage(c);
    if (i) cpu.push((u.user + u.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  const sha = (await import('node:crypto')).createHash('sha256').update(out).digest('hex').slice(0, 12);
  console.log(name, `${pdf.length} bytes → ${out.length}, sha ${sha}; CPU median ${cpu[Math.floor(cpu.length / 2)]!.toFixed(1)} ms`);
}
