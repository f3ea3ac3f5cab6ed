// Import bombs through a real port, in every upload form (raw body, multipart `file`, base64 JSON): each is
// refused with a 4xx problem naming the limit it passed, while GET /health keeps answering within 2 s, the
// process stays under 1.5 GB, and nothing is written (no record, no audit entry, no job).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ADMIN_TOKEN, type TestApp } from '../helpers/app.js';
import { cellsBomb, hugeEntryBomb, manyEntriesBomb, manyRowsCsv, manyRowsWorkbook } from './bomb-files.js';
import { counts, newPlan, upload, XLSX } from './helpers.js';

let t: TestApp;
let base: string;
let planId: string;

/** /health polled every 100 ms and the process's memory sampled while the bombs are posted. */
const watch = { slowestHealthMs: 0, healthChecks: 0, failedHealth: 0, peakRssBytes: 0, stop: false };
let watcher: Promise<void>;

beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  planId = await newPlan(t);
  // Every file and its JSON form made up front: the test shares the server's event loop, and building a
  // body while /health is timed would count against the server.
  for (const bomb of BOMBS) {
    const bytes = bomb.make();
    made.set(bomb.name, { bytes, json: JSON.stringify({ filename: bomb.kind === 'csv' ? 'actions.csv' : 'plan.xlsx', content: bytes.toString('base64') }) });
  }
  watcher = (async () => {
    while (!watch.stop) {
      const started = Date.now();
      try {
        const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(10_000) });
        if (res.status !== 200) watch.failedHealth++;
        await res.arrayBuffer();
      } catch {
        watch.failedHealth++;
      }
      watch.healthChecks++;
      watch.slowestHealthMs = Math.max(watch.slowestHealthMs, Date.now() - started);
      watch.peakRssBytes = Math.max(watch.peakRssBytes, process.memoryUsage().rss);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
});

afterAll(async () => {
  watch.stop = true;
  await watcher;
  await t.close();
});

type Form = 'raw' | 'multipart' | 'json';
const made = new Map<string, { bytes: Buffer; json: string }>();
const FORMS: Form[] = ['raw', 'multipart', 'json'];

async function post(name: string, form: Form, kind: 'xlsx' | 'csv'): Promise<{ status: number; type: string; body: Record<string, any> }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const query = kind === 'csv' ? '?sheet=actions' : '';
  const url = `${base}/api/v1/plans/${planId}/import${query}`;
  const headers: Record<string, string> = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const { bytes, json } = made.get(name)!;
  let body: BodyInit;
  if (form === 'raw') {
    headers['content-type'] = kind === 'csv' ? 'text/csv' : XLSX;
    body = new Uint8Array(bytes);
  } else if (form === 'multipart') {
    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(bytes)], { type: kind === 'csv' ? 'text/csv' : XLSX }), kind === 'csv' ? 'actions.csv' : 'plan.xlsx');
    body = fd;
  } else {
    headers['content-type'] = 'application/json';
    body = json;
  }
  const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(120_000) });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const BOMBS: { name: string; make: () => Buffer; kind: 'xlsx' | 'csv'; status: number; limit: string; detail: RegExp; path: string }[] = [
  {
    name: 'a 80 KB workbook of 20 M cells',
    make: () => cellsBomb(20_000_000),
    kind: 'xlsx',
    status: 422,
    limit: 'cells',
    detail: /^The workbook's sheet Actions takes the workbook past 3000000 cells\. Nothing was imported\.$/,
    path: 'Actions',
  },
  {
    name: 'a 3.6 MB workbook whose sheet declares its true 3.5 GB',
    make: () => hugeEntryBomb(3.5, 'true'),
    kind: 'xlsx',
    status: 413,
    limit: 'entry-size',
    detail: /^The workbook's part sheet Actions inflates to more than 100 MB\./,
    path: 'xl/worksheets/sheet1.xml',
  },
  {
    name: 'a 3.6 MB workbook whose 3.5 GB sheet claims to be 1 KB',
    make: () => hugeEntryBomb(3.5, 'lie'),
    kind: 'xlsx',
    status: 413,
    limit: 'entry-size',
    detail: /^The workbook's part sheet Actions inflates to more than 100 MB\./,
    path: 'xl/worksheets/sheet1.xml',
  },
  {
    name: 'a workbook of 5,000 zip entries',
    make: () => manyEntriesBomb(5000),
    kind: 'xlsx',
    status: 422,
    limit: 'zip-entries',
    detail: /^The workbook holds more than 1000 files \(zip entries\)\./,
    path: 'the workbook',
  },
  {
    name: 'a 43 KB workbook of 100,500 rows',
    make: () => manyRowsWorkbook(100_500),
    kind: 'xlsx',
    status: 422,
    limit: 'rows',
    detail: /^The workbook's sheet Actions has more than 100000 rows\./,
    path: 'Actions',
  },
  {
    name: 'a 9.4 MB CSV of 1.57 M rows',
    make: () => manyRowsCsv(1_570_000),
    kind: 'csv',
    status: 422,
    limit: 'rows',
    detail: /^The CSV file has more than 100000 rows\./,
    path: 'Actions',
  },
];

describe('import bombs', () => {
  for (const bomb of BOMBS) {
    it(`refuses ${bomb.name} in every upload form, naming the ${bomb.limit} limit`, async () => {
      const before = await counts(t);
      expect(made.get(bomb.name)!.bytes.length).toBeLessThan(10 * 1024 * 1024);
      for (const form of FORMS) {
        const res = await post(bomb.name, form, bomb.kind);
        expect(res.status, `${form}: ${JSON.stringify(res.body)}`).toBe(bomb.status);
        expect(res.type).toMatch(/^application\/problem\+json/);
        expect(res.body.type).toBe(bomb.status === 413 ? '/problems/import-too-large' : '/problems/import-limit');
        expect(res.body.detail).toMatch(bomb.detail);
        expect(res.body.errors).toEqual([{ path: bomb.path, message: expect.stringMatching(new RegExp(`^${bomb.limit}: `)) }]);
      }
      expect(await counts(t)).toEqual(before);
      const [jobs] = await t.query<{ n: number }>('select count(*) as n from import_jobs');
      expect(jobs!.n).toBe(0);
    }, 180_000);
  }

  it('kept /health answering within 2 s and the process under 1.5 GB throughout', async () => {
    // Still imports normally afterwards.
    const ok = await upload(t, planId, 'Number,Title\n1,One area\n', { type: 'text/csv', query: 'sheet=areas' });
    expect(ok.statusCode, ok.body).toBe(200);
    console.log(`bombs: /health checked ${watch.healthChecks} times, slowest ${watch.slowestHealthMs} ms; peak RSS ${Math.round(watch.peakRssBytes / 1024 / 1024)} MB`);
    expect(watch.healthChecks).toBeGreaterThan(5);
    expect(watch.failedHealth).toBe(0);
    expect(watch.slowestHealthMs).toBeLessThan(2000);
    expect(watch.peakRssBytes).toBeLessThan(1.5 * 1024 * 1024 * 1024);
  });
});
