// CPU time per request of GET one action (our server and the bare stack), for before/after comparisons on
// a busy machine: `npx tsx bench/api-cpu.ts [get|list|patch] [seconds]`. Each server runs on its own copy
// of the cached dataset; the figure is the server's user + system CPU (/proc) divided by the requests.
// BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles our server (bench/profile-summary.ts),
// BENCH_BARE_NODE_ARGS the bare one.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ensureDataset } from './dataset.js';
import type { LoadConfig, LoadResult } from './load.js';

const scenario = (process.argv[2] ?? 'get') as LoadConfig['scenario'];
const seconds = Number(process.argv[3] ?? 5);
const dir = join(process.cwd(), 'data/bench/api-cpu');
mkdirSync(dir, { recursive: true });
const { dbPath, info } = await ensureDataset(42);

/** User and system CPU of a process so far, in µs (/proc/<pid>/stat, clock ticks of 10 ms). */
function cpuMicros(pid: number): { user: number; system: number } {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const x = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return { user: (Number(x[11]) * 1e6) / 100, system: (Number(x[12]) * 1e6) / 100 };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function start(kind: 'ours' | 'bare', port: number): Promise<ChildProcess> {
  const db = join(dir, `${kind}.db`);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  copyFileSync(dbPath, db);
  const nodeArgs = (process.env[kind === 'ours' ? 'BENCH_SERVER_NODE_ARGS' : 'BENCH_BARE_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const script = kind === 'ours' ? 'src/server.ts' : 'bench/bare-server.ts';
  // The log goes to a file, as under a process manager (and as bench/run.ts does): writing it costs.
  const logFd = openSync(join(dir, `${kind}.log`), 'w');
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: db, NODE_ENV: 'production' },
    stdio: ['ignore', logFd, 'inherit'],
  });
  closeSync(logFd);
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {}
    await sleep(50);
  }
}

function load(url: string, duration: number): Promise<LoadResult> {
  const cfg: LoadConfig = { url, scenario, token: info.editorToken, actionIds: info.actionIds, planId: info.planId, cursors: [''], duration, connections: 10 };
  return new Promise((res, rej) => {
    const c = spawn(process.execPath, ['--import', 'tsx', 'bench/load.ts', JSON.stringify(cfg)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout!.on('data', (d) => (out += d));
    c.once('exit', (code) => (code === 0 ? res(JSON.parse(out.replace(/^START\n/, '')) as LoadResult) : rej(new Error(`load ${code}`))));
  });
}

const base = 40000 + (process.pid % 1000) * 10;
const servers = { ours: await start('ours', base), bare: await start('bare', base + 1) };
try {
  const out: Record<string, unknown> = {};
  for (const kind of ['ours', 'bare'] as const) {
    const url = `http://127.0.0.1:${kind === 'ours' ? base : base + 1}`;
    await load(url, 1);
    const c0 = cpuMicros(servers[kind].pid!);
    const r = await load(url, seconds);
    const c1 = cpuMicros(servers[kind].pid!);
    const per = (us: number) => Math.round(us / r.requests);
    out[kind] = {
      requests: r.requests,
      rps: Math.round(r.rps),
      cpuUsPerRequest: per(c1.user + c1.system - c0.user - c0.system),
      userUs: per(c1.user - c0.user),
      systemUs: per(c1.system - c0.system),
      non2xx: r.non2xx,
    };
  }
  console.log(JSON.stringify({ scenario, load: (await import('node:os')).loadavg()[0], ...out }));
} finally {
  for (const c of Object.values(servers)) c.kill('SIGTERM');
  await sleep(1500);
  void Database;
}
