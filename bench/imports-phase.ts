// The imports phase of the benchmark (npm run bench [-- --quick] --only imports): against our server on a
// fresh database,
//   - GET /api/v1/plans/{id} from 2 clients back to back, first alone (baseline), then while a 20,000-row
//     workbook is imported as a job (upload to finished job): p50/p99/max of that concurrent GET;
//   - the import bombs of test/interchange/bomb-files.ts posted one after another, the server's PSS
//     sampled every 100 ms, and its peak RSS (VmHWM) at the end: peak memory during the bombs.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { cellsBomb, hugeEntryBomb, manyEntriesBomb, manyRowsCsv, manyRowsWorkbook } from '../test/interchange/bomb-files.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TOKEN = 'bench-imports-admin-token-0123456789';

export interface ImportsPhaseDeps {
  startServer(dbPath: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }>;
  stop(child: ChildProcess): Promise<void>;
  /** PSS of the process tree in MB. */
  pss(pid: number): { total: number };
  log(msg: string): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : null);
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const r = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return { n: s.length, p50: r(pct(s, 50)), p99: r(pct(s, 99)), max: r(s.at(-1) ?? null) };
};

async function workbook20k(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const areas = wb.addWorksheet('Areas');
  areas.addRow(['Number', 'Title']);
  for (let n = 1; n <= 10; n++) areas.addRow([n, `Area ${n}`]);
  const actions = wb.addWorksheet('Actions');
  actions.addRow(['Ref', 'Title', 'Area', 'Owner', 'Start date', 'Due date', '% complete', 'Status']);
  for (let i = 1; i <= rows; i++) {
    const area = ((i - 1) % 10) + 1;
    actions.addRow([`${area}.${i}`, `Action number ${i} of the plan`, area, `Officer ${i % 37}`, new Date(Date.UTC(2022, 3, 1)), new Date(Date.UTC(2023, 2, 31)), i % 101, i % 3 === 0 ? 'In progress' : 'Not started']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** GETs from `clients` loops until `until()` is true; each latency in ms. */
async function concurrentGets(url: string, clients: number, until: () => boolean): Promise<number[]> {
  const ms: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (!until()) {
        const t0 = performance.now();
        const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
        await res.arrayBuffer();
        ms.push(performance.now() - t0);
      }
    }),
  );
  return ms;
}

export async function importsPhase(dbPath: string, deps: ImportsPhaseDeps, quick: boolean) {
  const rows = 20_000;
  const server = await deps.startServer(dbPath, { ADMIN_TOKEN: TOKEN });
  const api = `${server.url}/api/v1`;
  const auth = { authorization: `Bearer ${TOKEN}` };
  try {
    const plan = await fetch(`${api}/plans`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Bench import plan', kind: 'priority-action-plan', localArea: 'Benchshire' }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    const getUrl = `${api}/plans/${plan.id}`;
    deps.log(`  building a ${rows}-row workbook…`);
    const bytes = await workbook20k(rows);

    // Baseline: the same GET with nothing else going on.
    const baselineEnd = performance.now() + (quick ? 2000 : 5000);
    const baseline = await concurrentGets(getUrl, 2, () => performance.now() > baselineEnd);

    deps.log(`  importing ${rows} rows (${Math.round(bytes.length / 1024)} KB) while GETting…`);
    let finished = false;
    const during = concurrentGets(getUrl, 2, () => finished);
    const t0 = performance.now();
    const accepted = await fetch(`${api}/plans/${plan.id}/import`, { method: 'POST', headers: { ...auth, 'content-type': XLSX }, body: new Uint8Array(bytes) });
    const acceptedMs = performance.now() - t0;
    const location = accepted.headers.get('location');
    let job: { status: string; result?: { created?: { actions?: number } } } = { status: `HTTP ${accepted.status}` };
    if (accepted.status === 202 && location) {
      for (;;) {
        job = await fetch(`${server.url}${location}`, { headers: auth }).then((r) => r.json() as Promise<typeof job>);
        if (!['queued', 'running'].includes(job.status)) break;
        await sleep(100);
      }
    }
    const importMs = performance.now() - t0;
    finished = true;
    const duringMs = await during;

    deps.log('  import bombs…');
    const bombs: { name: string; status: number; ms: number }[] = [];
    let peakPss = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peakPss = Math.max(peakPss, deps.pss(server.child.pid!).total);
        await sleep(100);
      }
    })();
    const list: [string, () => Buffer, string, string][] = [
      ['20 M cells (80 KB .xlsx)', () => cellsBomb(20_000_000), XLSX, ''],
      ['3.5 GB entry, declared (3.6 MB .xlsx)', () => hugeEntryBomb(3.5, 'true'), XLSX, ''],
      ['3.5 GB entry, size hidden (3.6 MB .xlsx)', () => hugeEntryBomb(3.5, 'lie'), XLSX, ''],
      ['5,000 zip entries', () => manyEntriesBomb(5000), XLSX, ''],
      ['100,500 rows (.xlsx)', () => manyRowsWorkbook(100_500), XLSX, ''],
      ['1.57 M rows (9.4 MB CSV)', () => manyRowsCsv(1_570_000), 'text/csv', '?sheet=actions'],
    ];
    for (const [name, make, type, query] of list) {
      const body = make();
      const b0 = performance.now();
      const res = await fetch(`${api}/plans/${plan.id}/import${query}`, { method: 'POST', headers: { ...auth, 'content-type': type }, body: new Uint8Array(body) });
      await res.arrayBuffer();
      bombs.push({ name, status: res.status, ms: Math.round(performance.now() - b0) });
    }
    sampling = false;
    await sampler;
    const hwmKb = Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1] ?? 0);

    return {
      rows,
      workbookKb: Math.round(bytes.length / 1024),
      acceptedMs: Math.round(acceptedMs),
      importMs: Math.round(importMs),
      jobStatus: job.status,
      created: job.result?.created?.actions ?? null,
      concurrentGet: { baseline: summary(baseline), duringImport: summary(duringMs) },
      bombs: { peakPssMb: Math.round(peakPss), peakRssMb: Math.round(hwmKb / 1024), results: bombs },
    };
  } finally {
    await deps.stop(server.child);
  }
}
