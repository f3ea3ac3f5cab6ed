// npm run bench [-- --quick] [--seed N] [--fresh] [--only api|postgres|render|bombs|changes|imports|evidence] [--out FILE]
//
// Measures the API and the documents side by side with the bare stack, in the same run:
//   API        autocannon (bench/load.ts, its own process, loopback) against our server (run as `npm start`
//              runs it: compiled into dist/, its V8 flags; stored editor token, log to a file) and the bare server
//              (bench/bare-server.ts), each on its own copy of the large dataset (bench/dataset.ts);
//              rounds alternate ours/bare; req/s, p50/p99, and the server's CPU time per request (from
//              /proc, steadier than req/s on a busy machine). The full run adds GET with LOG_LEVEL=warn.
//   postgres   the same GET/list/PATCH comparison on PostgreSQL (a throwaway cluster started and stopped by
//              the run, scripts/pg-cluster.sh; skipped with the reason when it cannot start): our server with
//              DATABASE_URL against bench/bare-server-pg.ts, each on its own database holding the plan and
//              its 5,000 actions generated through our app (bench/pg-setup.ts); CPU per request of the node
//              process and of the database's processes; and two of our processes on one database against one
//              (two load generators either way), GET and PATCH.
//   rendering  our highlight report PDFs over HTTP (a draft, so printed on every request) against
//              Puppeteer alone printing the same HTML (bench/puppeteer-alone.ts), samples alternating;
//              the ~100-page scrutiny pack end to end (first request: nothing printed yet, on the meeting
//              and on copies of it under other dates, whose every document prints afresh; then repeated)
//              against Puppeteer alone printing the pack's HTML; 2 renders at once;
//              cold start (process start to first PDF).
//   imports    p99 of a concurrent GET during a 20,000-row import, and peak memory during the import bombs
//              (bench/imports-phase.ts), on a fresh database.
//   evidence   (only with --only evidence) a plan of 50 measures and 2,000 evidence items sharing 500 files
//              (bench/evidence-dataset.ts): the impact report PDF and the 500-file evidence bundle over
//              HTTP, time and peak PSS of server + Chromium (the bundle is streamed, not built in memory).
//   memory     PSS (/proc/<pid>/smaps_rollup) of the server process and every process under it
//              (Chromium's), sampled every 250 ms through each rendering phase, 3 s after the last, and
//              once the idle period (RENDER_IDLE_CLOSE_MS) has closed Chromium.
//   PDF bombs  hostile uploads (inflate bombs, page-tree cycles, object floods, junk, active content) to a
//              fresh server: status and time of each, peak PSS (server + Chromium) and the slowest
//              /health answer meanwhile (pdfBombPhase; --only bombs runs just this, without the dataset).
// Prints a table and writes bench/results.json (--quick writes bench/results.quick.json unless --out;
// --only postgres writes bench/results.postgres.json or .postgres.quick.json).
// BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles our server (bench/profile-summary.ts).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { armedPdf, arms, contentBomb, junkAfterHeader, junkObjects, kidsCycle, manyObjects, manyPages, objectStreamBomb, parentCycle } from '../test/helpers/hostile-pdfs.js';
import { changesPhase } from './changes.js';
import { ensureDataset, type DatasetInfo } from './dataset.js';
import { importsPhase } from './imports-phase.js';
import { clusterCpuMicros, databaseUrl, generatePgDataset, startCluster, stopCluster } from './pg-setup.js';
import { evidenceDataset } from './evidence-dataset.js';
import { DEFAULT_IDLE_CLOSE_MS } from '../src/render/renderer.js';
import type { LoadConfig, LoadResult } from './load.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');

// ---------------------------------------------------------------------------------------------------
// Options.

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const QUICK = flag('--quick');
const SEED = Number(option('--seed') ?? 42);
const ONLY = option('--only') as 'api' | 'postgres' | 'render' | 'bombs' | 'changes' | 'imports' | 'evidence' | undefined;
const OUT = resolve(option('--out') ?? join(HERE, QUICK ? 'results.quick.json' : 'results.json'));
/** Extra node flags for our server (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") when profiling. */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

const PLAN = QUICK
  ? { apiSeconds: 3, apiRounds: 1, warmupSeconds: 1, connections: 10, exampleSamples: 6, bigSamples: 2, packSamples: 2, packFirstSamples: 3, concurrentRenders: 6, coldStarts: 1 }
  : { apiSeconds: 10, apiRounds: 2, warmupSeconds: 3, connections: 10, exampleSamples: 15, bigSamples: 7, packSamples: 5, packFirstSamples: 5, concurrentRenders: 20, coldStarts: 3 };

const RUN_DIR = join(ROOT, 'data/bench/run');
const log = (msg: string) => process.stderr.write(`${msg}\n`);

// ---------------------------------------------------------------------------------------------------
// Processes and memory.

const children = new Set<ChildProcess>();
/** Runs a TypeScript `script` under tsx, or (`script` null) our server exactly as `npm start` runs it. */
function spawnNode(script: string | null, env: Record<string, string>, opts: { nodeArgs?: string[]; ipc?: boolean; logFile?: string } = {}): ChildProcess {
  // A server writes its log straight into a file (as it would under a process manager), not through us.
  const log = opts.logFile ? openSync(opts.logFile, 'a') : 'ignore';
  const args = script === null ? npmStartArgs() : ['--import', 'tsx', script];
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: opts.ipc ? ['ignore', 'ignore', 'inherit', 'ipc'] : ['ignore', log, log],
  });
  if (typeof log === 'number') closeSync(log);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/**
 * `npm start`'s node arguments (package.json: "node [flags] scripts/start.mjs"): our server is measured as it
 * runs in production, compiled (scripts/build.mjs, run once by main()) and with the same V8 flags.
 */
function npmStartArgs(): string[] {
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.trim().split(/\s+/);
  if (start[0] !== 'node') throw new Error(`npm start is not a node command line: ${start.join(' ')}`);
  return start.slice(1);
}

async function stop(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});
for (const s of ['SIGINT', 'SIGTERM'] as const) process.once(s, () => process.exit(130));

/** PIDs of `root` and every process under it. */
function processTree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(name), ppid);
    } catch {
      // gone
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, ppid] of parent) if (ppid === out[i]) out.push(pid);
  return out;
}

/** PSS in MB of `root` and its descendants: { total, root (the node process), others (Chromium) }. */
function pss(root: number): { total: number; server: number; browser: number; processes: number } {
  let server = 0;
  let browser = 0;
  const pids = processTree(root);
  for (const pid of pids) {
    try {
      const kb = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
      if (pid === root) server += kb;
      else browser += kb;
    } catch {
      // exited between listing and reading
    }
  }
  return { total: (server + browser) / 1024, server: server / 1024, browser: browser / 1024, processes: pids.length };
}

type Mem = ReturnType<typeof pss>;
const NO_MEM: Mem = { total: 0, server: 0, browser: 0, processes: 0 };

/** Peak PSS of a process tree: overall, and per phase (endPhase closes one). */
class PeakMemory {
  peak: Mem = NO_MEM;
  private phasePeak: Mem = NO_MEM;
  readonly phases: Record<string, Mem> = {};
  private timer: NodeJS.Timeout | null = null;
  constructor(private readonly pid: () => number | undefined) {}
  sample(): Mem | undefined {
    const pid = this.pid();
    if (!pid) return undefined;
    const m = pss(pid);
    if (m.total > this.peak.total) this.peak = m;
    if (m.total > this.phasePeak.total) this.phasePeak = m;
    return m;
  }
  endPhase(name: string) {
    this.sample();
    this.phases[name] = this.phasePeak;
    this.phasePeak = NO_MEM;
  }
  start(ms = 250) {
    this.stop();
    this.timer = setInterval(() => this.sample(), ms);
  }
  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

// ---------------------------------------------------------------------------------------------------
// Servers.

interface Server {
  child: ChildProcess;
  url: string;
}

/** A port free now (other benchmarks may share the machine: no fixed ports). */
function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as AddressInfo).port;
      srv.close(() => res(port));
    });
  });
}
async function startServer(kind: 'ours' | 'bare' | 'bare-pg', dbPath: string, nodeArgs: string[] = [], extraEnv: Record<string, string> = {}): Promise<Server & { startedAt: number; healthyMs: number }> {
  const port = await freePort();
  const startedAt = performance.now();
  const child =
    kind === 'ours'
      ? spawnNode(null, { PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: dbPath, NODE_ENV: 'production', ...extraEnv }, { nodeArgs, logFile: join(RUN_DIR, 'ours.log') })
      : kind === 'bare'
        ? spawnNode(join(HERE, 'bare-server.ts'), { PORT: String(port), DATABASE_PATH: dbPath }, { logFile: join(RUN_DIR, 'bare.log') })
        : spawnNode(join(HERE, 'bare-server-pg.ts'), { PORT: String(port), DATABASE_URL: extraEnv.DATABASE_URL ?? '' }, { logFile: join(RUN_DIR, 'bare-pg.log') });
  const url = `http://127.0.0.1:${port}`;
  let healthyAt = 0;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} server exited with ${child.exitCode}; see ${RUN_DIR}/${kind}.log`);
    try {
      const res = await fetch(`${url}/health`);
      // Still ours: a server that lost the port to another process's must not be measured through it.
      if (res.ok) {
        healthyAt = performance.now();
        await sleep(100);
        if (child.exitCode === null) break;
      }
    } catch {
      // not listening yet
    }
    await sleep(20);
    if (performance.now() - startedAt > 60_000) throw new Error(`${kind} server did not start`);
  }
  return { child, url, startedAt, healthyMs: healthyAt - startedAt };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------------
// Load (autocannon in a child process).

/** `onStart`: called when the measured part begins (after the PATCH scenario has read the versions). */
function runLoad(cfg: LoadConfig, onStart?: () => void): Promise<LoadResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'load.ts'), JSON.stringify(cfg)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    children.add(child);
    let out = '';
    let started = false;
    child.stdout!.on('data', (d) => {
      out += d;
      if (!started && out.startsWith('START\n')) {
        started = true;
        onStart?.();
      }
    });
    child.once('exit', (code) => {
      children.delete(child);
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      try {
        resolvePromise(JSON.parse(out.replace(/^START\n/, '')) as LoadResult);
      } catch (err) {
        reject(err);
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Puppeteer alone (IPC).

class BarePrinter {
  private child!: ChildProcess;
  private seq = 0;
  private readonly waiting = new Map<number, (m: { ms: number[]; wallMs: number; pages: number; bytes: number; error?: string }) => void>();
  info!: { launchMs: number; version: string; pid: number };

  async start(): Promise<void> {
    this.child = spawnNode(join(HERE, 'puppeteer-alone.ts'), {}, { ipc: true });
    await new Promise<void>((res, rej) => {
      this.child.once('exit', (code) => rej(new Error(`puppeteer-alone exited with ${code}`)));
      this.child.on('message', (m: { ready?: boolean; id?: number } & Record<string, unknown>) => {
        if (m.ready) {
          this.info = m as unknown as BarePrinter['info'];
          res();
        } else if (m.id !== undefined) {
          this.waiting.get(m.id)?.(m as never);
          this.waiting.delete(m.id);
        }
      });
    });
  }

  async print(htmlPath: string, opts: { concurrency?: number; count?: number } = {}) {
    const id = this.seq++;
    const reply = await new Promise<{ ms: number[]; wallMs: number; pages: number; bytes: number; error?: string }>((res) => {
      this.waiting.set(id, res);
      this.child.send({ cmd: 'print', id, htmlPath, ...opts });
    });
    if (reply.error) throw new Error(reply.error);
    return reply;
  }

  get pid() {
    return this.child.pid;
  }

  async close() {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((res) => this.child.once('exit', () => res()));
    this.child.send({ cmd: 'close' });
    await Promise.race([exited, sleep(10_000)]);
    await stop(this.child, 'SIGKILL');
  }
}

// ---------------------------------------------------------------------------------------------------
// Statistics.

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
/** Nearest-rank percentile. */
const pct = (xs: number[], p: number) => {
  const s = sorted(xs);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]! : NaN;
};
const median = (xs: number[]) => pct(xs, 50);
const round = (x: number, d = 0) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

// ---------------------------------------------------------------------------------------------------
// Machine.

function machine() {
  const os = /PRETTY_NAME="([^"]+)"/.exec(existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '')?.[1] ?? process.platform;
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    chromium: null as string | null, // filled in by the rendering phase (the browser's own version)
    os,
  };
}

// ---------------------------------------------------------------------------------------------------
// The run.

async function main() {
  const started = Date.now();
  rmSync(RUN_DIR, { recursive: true, force: true });
  mkdirSync(RUN_DIR, { recursive: true });
  // Our server runs compiled, as `npm start` runs it: built once here, not by each server that starts.
  if (spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new Error('npm run build failed');
  if (ONLY === 'evidence') return evidenceMain(started);

  if (ONLY === 'bombs') {
    const results = { generatedAt: new Date().toISOString(), mode: QUICK ? 'quick' : 'full', machine: machine(), pdfBombs: await pdfBombPhase() };
    writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(bombTable(results.pdfBombs));
    return;
  }

  if (ONLY === 'imports') return importsOnly(started);
  if (ONLY === 'postgres') return postgresOnly(started);
  log(`dataset (seed ${SEED})…`);
  const t0 = performance.now();
  const { dbPath, info, generated } = await ensureDataset(SEED, { fresh: flag('--fresh'), log: (m) => log(`  ${m}`) });
  const datasetMs = performance.now() - t0;
  log(`  ${generated ? 'generated' : 'cached'} in ${Math.round(datasetMs)} ms (fingerprint ${info.fingerprint})`);
  // Every phase starts from a fresh copy: the PATCH benchmark must not change what the documents show.
  const copy = (name: string) => {
    const p = join(RUN_DIR, `${name}.db`);
    copyFileSync(dbPath, p);
    return p;
  };

  const results: Record<string, unknown> = {
    generatedAt: new Date().toISOString(),
    mode: QUICK ? 'quick' : 'full',
    machine: machine(),
    dataset: { seed: info.seed, generatorVersion: info.generatorVersion, fingerprint: info.fingerprint, counts: info.counts, cached: !generated, preparedMs: Math.round(datasetMs) },
    plan: PLAN,
  };

  if (ONLY === undefined || ONLY === 'changes') results.changes = await changesPhase(copy('changes'), info, { quick: QUICK, log });
  if (ONLY === undefined || ONLY === 'api') results.api = await apiPhase(copy('api-ours'), copy('api-bare'), QUICK ? null : copy('api-quiet'), info);
  if (!ONLY) results.postgres = await postgresPhase();
  if (!ONLY) results.imports = await runImportsPhase();
  if (ONLY === undefined || ONLY === 'render') {
    const render = await renderPhase(copy('render-ours'), copy('render-app'), info);
    results.render = render.out;
    (results.machine as { chromium: unknown }).chromium = render.out.chromium;
    results.coldStart = await coldStartPhase(join(RUN_DIR, 'render-ours.db'), info, render.coldStart);
    results.memory = render.memory;
  }
  if (ONLY === undefined) results.pdfBombs = await pdfBombPhase();
  results.targets = targets(results);
  results.durationSeconds = Math.round((Date.now() - started) / 1000);

  // The copies of the dataset (~330 MB each) go; the servers' logs and the printed HTML stay.
  for (const f of readdirSync(RUN_DIR)) if (/\.db(-wal|-shm)?$/.test(f)) rmSync(join(RUN_DIR, f), { force: true });

  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(table(results));
  log(`\nwrote ${OUT} (${results.durationSeconds} s)`);
}

/** The imports phase on a fresh database (no dataset needed). */
function runImportsPhase() {
  log('imports…');
  return importsPhase(
    join(RUN_DIR, 'imports.db'),
    { startServer: (db, env) => startServer('ours', db, SERVER_NODE_ARGS, env), stop: (child) => stop(child), pss: (pid) => pss(pid), log },
    QUICK,
  );
}

async function importsOnly(started: number) {
  const results: Record<string, unknown> = { generatedAt: new Date().toISOString(), mode: QUICK ? 'quick' : 'full', machine: machine(), imports: await runImportsPhase() };
  results.targets = targets(results);
  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  for (const f of readdirSync(RUN_DIR)) if (/\.db(-wal|-shm)?$/.test(f)) rmSync(join(RUN_DIR, f), { force: true });
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(table(results));
  log(`\nwrote ${OUT} (${results.durationSeconds} s)`);
}

async function postgresOnly(started: number) {
  const results: Record<string, unknown> = { generatedAt: new Date().toISOString(), mode: QUICK ? 'quick' : 'full', machine: machine(), plan: PLAN, postgres: await postgresPhase() };
  results.targets = targets(results);
  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  const file = option('--out') ? OUT : join(HERE, QUICK ? 'results.postgres.quick.json' : 'results.postgres.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(table(results));
  log(`\nwrote ${file} (${results.durationSeconds} s)`);
}

/**
 * GET, list and PATCH on PostgreSQL: ours against the bare stack, each on its own database of the same
 * content in one throwaway cluster; then two of our processes on one database against one.
 */
async function postgresPhase(): Promise<Record<string, unknown>> {
  log('postgres: starting a throwaway cluster (scripts/pg-cluster.sh)…');
  const cluster = await startCluster();
  if (typeof cluster === 'string') {
    log(`postgres: SKIPPED — PostgreSQL could not be installed or started: ${cluster}`);
    return { skipped: cluster };
  }
  const servers: Server[] = [];
  try {
    const loadBefore = loadavg().map((x) => round(x, 2));
    log('postgres: the plan and its actions through our app on PostgreSQL…');
    const data = await generatePgDataset(cluster, SEED, log);
    log(`  ${data.actions} actions in ${Math.round(data.generationMs / 1000)} s`);
    const oursUrl = databaseUrl(cluster, 'bench_ours');
    const ours = await startServer('ours', join(RUN_DIR, 'unused.db'), SERVER_NODE_ARGS, { DATABASE_URL: oursUrl });
    servers.push(ours);
    const bare = await startServer('bare-pg', '', [], { DATABASE_URL: databaseUrl(cluster, 'bench_bare') });
    servers.push(bare);
    const base: LoadBase = { token: data.editorToken, actionIds: data.actionIds, planId: data.planId, cursors: data.cursors, connections: PLAN.connections };
    const out: Record<string, unknown> = { dataset: { actions: data.actions, generationMs: data.generationMs, note: 'plan, areas, projects and 5,000 actions of the seeded dataset, generated through our app on PostgreSQL (no registers or published reports)' } };
    // Both fresh servers warmed up on all three requests before any is measured: otherwise the first
    // scenario (GET) is measured on a JIT still compiling (on a loaded machine one warm-up second is a
    // fraction of a CPU second), which read 3–6× GET's steady CPU per request.
    log('postgres: warming up both servers…');
    for (const server of [ours, bare]) for (const scenario of ['get', 'list', 'patch'] as const) await runLoad({ ...base, url: server.url, scenario, duration: PLAN.warmupSeconds });
    for (const scenario of ['get', 'list', 'patch'] as const) {
      log(`postgres: ${scenario}…`);
      out[scenario] = await compare(scenario, ours, bare, base, () => clusterCpuMicros(cluster));
    }
    out.serverMemoryMb = round(pss(ours.child.pid!).total, 1);
    out.bareServerMemoryMb = round(pss(bare.child.pid!).total, 1);
    await stop(bare.child);
    const second = await startServer('ours', join(RUN_DIR, 'unused.db'), SERVER_NODE_ARGS, { DATABASE_URL: oursUrl });
    servers.push(second);
    out.twoProcesses = await twoProcessRows(ours, second, base);
    out.loadAverage = { before: loadBefore, after: loadavg().map((x) => round(x, 2)) };
    return out;
  } catch (err) {
    log(`postgres: FAILED — ${(err as Error).stack ?? err}`);
    return { failed: String((err as Error).message ?? err) };
  } finally {
    for (const s of servers) await stop(s.child);
    await stopCluster(cluster);
  }
}

/**
 * Total req/s of two load generators (10 connections each, half the sample each, so no two PATCHes meet
 * on one action) sent to one of our processes, and to two processes on the same database (one each);
 * rounds alternate.
 */
async function twoProcessRows(one: Server, two: Server, base: LoadBase) {
  const halves = [base.actionIds.filter((_, i) => i % 2 === 0), base.actionIds.filter((_, i) => i % 2 === 1)];
  const out: Record<string, unknown> = {};
  // The second process is fresh: warmed up on every request it will be measured on before either is (as
  // both servers were before the comparison), not only just before its own scenario.
  for (const scenario of ['get', 'list', 'patch'] as const) await runLoad({ ...base, url: two.url, scenario, duration: PLAN.warmupSeconds });
  for (const scenario of ['get', 'patch'] as const) {
    log(`postgres: two processes, ${scenario}…`);
    const pair = async (targets: [Server, Server], duration: number) => {
      const rs = await Promise.all(targets.map((s, i) => runLoad({ ...base, actionIds: halves[i]!, url: s.url, scenario, duration })));
      for (const r of rs) if (r.non2xx || r.errors) log(`  ${scenario}: ${r.non2xx} non-2xx, ${r.errors} errors ${JSON.stringify(r.statuses)}`);
      return { rps: rs.reduce((n, r) => n + r.rps, 0), non2xx: rs.reduce((n, r) => n + r.non2xx + r.errors, 0) };
    };
    // The second process is fresh: warm it up alone first (its JIT, its pool), then both.
    await pair([two, two], PLAN.warmupSeconds);
    await pair([one, two], PLAN.warmupSeconds);
    const runs: Record<'one' | 'two', { rps: number; non2xx: number }[]> = { one: [], two: [] };
    for (let r = 0; r < PLAN.apiRounds; r++) {
      const order = r % 2 === 0 ? (['one', 'two'] as const) : (['two', 'one'] as const);
      for (const k of order) runs[k].push(await pair(k === 'one' ? [one, one] : [one, two], PLAN.apiSeconds));
    }
    const mean = (xs: { rps: number }[]) => xs.reduce((n, x) => n + x.rps, 0) / xs.length;
    const o = mean(runs.one);
    const t = mean(runs.two);
    out[scenario] = {
      oneProcess: round(o),
      twoProcesses: round(t),
      ratio: round(t / o, 3),
      failed: runs.one.concat(runs.two).reduce((n, x) => n + x.non2xx, 0),
    };
    log(`  one process ${round(o)} req/s, two processes ${round(t)} req/s → ${round(t / o, 2)}×`);
  }
  return out;
}

const mapValues = <T extends Record<string, number>>(o: T, f: (v: number) => number | null) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

/** CPU time (user + system, all threads) a process has used, in µs. */
function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1e6) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

type LoadBase = Omit<LoadConfig, 'url' | 'scenario' | 'duration'>;

/**
 * Alternating rounds of one scenario against our server `a` and the bare server `bare`: req/s, latency and
 * the server process's CPU per request; `dbCpu` (the database's processes, µs) adds the database's share.
 */
async function compare(scenario: 'get' | 'list' | 'patch', a: Server, bare: Server, base: LoadBase, dbCpu?: () => number) {
  const runs: Record<'ours' | 'bare', (LoadResult & { cpuUs: number; dbCpuUs: number | null })[]> = { ours: [], bare: [] };
  for (const server of [a, bare]) await runLoad({ ...base, url: server.url, scenario, duration: PLAN.warmupSeconds });
  for (let round = 0; round < PLAN.apiRounds; round++) {
    // Alternate which goes first, so a drift in the machine's speed falls on both.
    const order = round % 2 === 0 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const);
    for (const name of order) {
      const server = name === 'ours' ? a : bare;
      let cpu0 = cpuMicros(server.child.pid!);
      let db0 = dbCpu?.();
      const r = await runLoad({ ...base, url: server.url, scenario, duration: PLAN.apiSeconds }, () => {
        cpu0 = cpuMicros(server.child.pid!);
        db0 = dbCpu?.();
      });
      const cpuUs = (cpuMicros(server.child.pid!) - cpu0) / Math.max(1, r.requests);
      const dbCpuUs = db0 === undefined ? null : (dbCpu!() - db0) / Math.max(1, r.requests);
      if (r.non2xx || r.errors) log(`  ${name} ${scenario}: ${r.non2xx} non-2xx, ${r.errors} errors ${JSON.stringify(r.statuses)}`);
      runs[name].push({ ...r, cpuUs, dbCpuUs });
    }
  }
  const agg = (rs: (LoadResult & { cpuUs: number; dbCpuUs: number | null })[]) => ({
    rps: round(rs.reduce((n, r) => n + r.rps, 0) / rs.length, 0)!,
    p50: round(median(rs.map((r) => r.p50)), 2),
    p99: round(median(rs.map((r) => r.p99)), 2),
    cpuUsPerRequest: round(median(rs.map((r) => r.cpuUs)), 1),
    ...(dbCpu ? { dbCpuUsPerRequest: round(median(rs.map((r) => r.dbCpuUs ?? NaN)), 1) } : {}),
    requests: rs.reduce((n, r) => n + r.requests, 0),
    non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
    errors: rs.reduce((n, r) => n + r.errors, 0),
    rounds: rs.map((r) => round(r.rps, 0)),
  });
  const o = agg(runs.ours);
  const b = agg(runs.bare);
  log(`  ours ${o.rps} req/s (${o.cpuUsPerRequest} µs CPU each), bare ${b.rps} req/s (${b.cpuUsPerRequest} µs) → ${round((o.rps / b.rps) * 100, 1)}%`);
  return { ours: o, bare: b, ratio: round(o.rps / b.rps, 3) };
}

async function apiPhase(oursDb: string, bareDb: string, quietDb: string | null, info: DatasetInfo) {
  const ours = await startServer('ours', oursDb, SERVER_NODE_ARGS);
  const bare = await startServer('bare', bareDb);
  try {
    const sqliteIds = await firstPageCursors(bareDb, info.planId);
    const base = { token: info.editorToken, actionIds: info.actionIds, planId: info.planId, cursors: sqliteIds, connections: PLAN.connections };
    const out: Record<string, unknown> = {};
    for (const scenario of ['get', 'list', 'patch'] as const) {
      log(`api: ${scenario}…`);
      out[scenario] = await compare(scenario, ours, bare, base);
    }
    out.serverMemoryMb = round(pss(ours.child.pid!).total, 1);
    out.bareServerMemoryMb = round(pss(bare.child.pid!).total, 1);
    if (quietDb) {
      // What per-request logging costs: the same GET against our server with LOG_LEVEL=warn.
      await stop(ours.child);
      log('api: get, LOG_LEVEL=warn…');
      const quiet = await startServer('ours', quietDb, SERVER_NODE_ARGS, { LOG_LEVEL: 'warn' });
      try {
        out.getWithoutRequestLogs = await compare('get', quiet, bare, base);
      } finally {
        await stop(quiet.child);
      }
    }
    return out;
  } finally {
    await stop(ours.child);
    await stop(bare.child);
  }
}

/** Cursors of the plan's first 20 pages of 50 (the list benchmark walks them round-robin). */
async function firstPageCursors(dbPath: string, planId: string): Promise<string[]> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(dbPath, { readonly: true });
  try {
    const ids = (db.prepare('select id from actions where plan_id = ? order by id limit 1000').pluck().all(planId) as string[]);
    const cursors = [''];
    for (let i = 49; i < ids.length - 50 && cursors.length < 20; i += 50) cursors.push(Buffer.from(ids[i]!, 'utf8').toString('base64url'));
    return cursors;
  } finally {
    db.close();
  }
}

/** Sample `i` of a pair: `a` then `b` on even samples, `b` then `a` on odd ones (a drift in the machine's speed falls on both). */
async function alternating(i: number, a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<void> {
  if (i % 2 === 0) {
    await a();
    await b();
  } else {
    await b();
    await a();
  }
}

/** `count` copies of a meeting under later dates (a week apart), made through the API: their ids. */
async function copyMeeting(server: Server, token: string, meetingId: string, count: number): Promise<string[]> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const res = await fetch(`${server.url}/api/v1/meetings/${meetingId}`, { headers });
  if (res.status !== 200) throw new Error(`GET meeting → ${res.status}`);
  const m = (await res.json()) as Record<string, unknown> & { startsAt: string };
  const ids: string[] = [];
  for (let k = 1; k <= count; k++) {
    const body = {
      ...Object.fromEntries(['council', 'committee', 'venue', 'meetingType', 'members', 'contact', 'items'].map((f) => [f, m[f]])),
      startsAt: new Date(Date.parse(m.startsAt) + k * 7 * 86_400_000).toISOString(),
    };
    const created = await fetch(`${server.url}/api/v1/meetings`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (created.status !== 201) throw new Error(`POST meeting → ${created.status}: ${(await created.text()).slice(0, 300)}`);
    ids.push(((await created.json()) as { id: string }).id);
  }
  return ids;
}

async function fetchPdf(server: Server, path: string, token: string): Promise<{ ms: number; bytes: number }> {
  const t = performance.now();
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}: ${body.toString('utf8').slice(0, 300)}`);
  return { ms: performance.now() - t, bytes: body.length };
}

async function renderPhase(oursDb: string, appDb: string, info: DatasetInfo) {
  const out: Record<string, unknown> = {};
  const token = info.editorToken;
  // A fresh server: its first PDF is also the first cold-start sample.
  const ours = await startServer('ours', oursDb, SERVER_NODE_ARGS);
  const memory = new PeakMemory(() => ours.child.pid);
  memory.start();
  await fetchPdf(ours, `/api/v1/highlight-reports/${info.exampleDraftReportId}/pdf`, token);
  const coldStart = { healthyMs: ours.healthyMs, firstPdfMs: performance.now() - ours.startedAt };
  const printer = new BarePrinter();
  await printer.start();
  const bareMemory = new PeakMemory(() => printer.pid);
  out.chromium = printer.info.version;
  try {
    // The HTML each document prints, as our server renders it.
    const htmlOf = async (path: string, file: string) => {
      const res = await fetch(`${ours.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}`);
      const p = join(RUN_DIR, file);
      writeFileSync(p, await res.text());
      return p;
    };
    const docs = [
      { key: 'exampleReport', label: 'highlight report, example project', id: info.exampleDraftReportId, samples: PLAN.exampleSamples },
      { key: 'bigReport', label: 'highlight report, 300 tasks', id: info.bigDraftReportId, samples: PLAN.bigSamples },
    ];
    bareMemory.start();
    for (const doc of docs) {
      log(`render: ${doc.label}…`);
      const htmlPath = await htmlOf(`/api/v1/highlight-reports/${doc.id}/html`, `${doc.key}.html`);
      // One of each first: Chromium launched, caches warm.
      await fetchPdf(ours, `/api/v1/highlight-reports/${doc.id}/pdf`, token);
      const first = await printer.print(htmlPath);
      const oursMs: number[] = [];
      const bareMs: number[] = [];
      let bytes = 0;
      for (let i = 0; i < doc.samples; i++) {
        const a = async () => {
          const r = await fetchPdf(ours, `/api/v1/highlight-reports/${doc.id}/pdf`, token);
          oursMs.push(r.ms);
          bytes = r.bytes;
        };
        const b = async () => bareMs.push((await printer.print(htmlPath)).ms[0]!);
        await alternating(i, a, b);
      }
      out[doc.key] = {
        pages: first.pages,
        ours: { median: round(median(oursMs)), p90: round(pct(oursMs, 90)), bytes },
        bare: { median: round(median(bareMs)), p90: round(pct(bareMs, 90)), bytes: first.bytes },
        ratio: round(median(oursMs) / median(bareMs), 3),
      };
      log(`  ours ${round(median(oursMs))} ms, bare ${round(median(bareMs))} ms (${first.pages} pages)`);
      memory.endPhase(doc.key);
      bareMemory.endPhase(doc.key);
    }

    // 2 renders at once (the renderer's default concurrency), the example report.
    log('render: 2 at once…');
    {
      const path = `/api/v1/highlight-reports/${info.exampleDraftReportId}/pdf`;
      let remaining = PLAN.concurrentRenders;
      const t = performance.now();
      await Promise.all(
        [0, 1].map(async () => {
          while (remaining-- > 0) await fetchPdf(ours, path, token);
        }),
      );
      const oursWall = performance.now() - t;
      const bare = await printer.print(join(RUN_DIR, 'exampleReport.html'), { concurrency: 2, count: PLAN.concurrentRenders });
      out.concurrent2 = {
        renders: PLAN.concurrentRenders,
        ours: { perMinute: round((PLAN.concurrentRenders / oursWall) * 60_000), wallMs: round(oursWall) },
        bare: { perMinute: round((PLAN.concurrentRenders / bare.wallMs) * 60_000), wallMs: round(bare.wallMs) },
        ratio: round(oursWall / bare.wallMs, 3),
      };
      memory.endPhase('concurrent2');
      bareMemory.endPhase('concurrent2');
    }

    // The scrutiny pack: our end-to-end request (first: nothing printed yet; then repeated) against
    // Puppeteer alone printing the same documents as ONE HTML (packs.html(): front, agenda, documents,
    // blank placeholder pages for the uploads) in a single pass.
    log('render: scrutiny pack…');
    const packHtmlPath = join(RUN_DIR, 'pack.html');
    {
      // The pack's HTML, from an app of our own over the bare copy (the bare server has stopped).
      const { buildApp } = await import('../src/app.js');
      const app = await buildApp({ databasePath: appDb, authFailureLimit: false });
      try {
        writeFileSync(packHtmlPath, await app.documents.packs.html(info.meetingId));
      } finally {
        await app.close();
      }
    }
    // First requests: the meeting, then copies of it under later dates (every document's HTML carries the
    // meeting's date in its running header, so nothing is printed yet for them), alternating with
    // Puppeteer alone printing the pack's HTML.
    const firstMeetings = [info.meetingId, ...(await copyMeeting(ours, token, info.meetingId, PLAN.packFirstSamples - 1))];
    const firstOursMs: number[] = [];
    const firstBareMs: number[] = [];
    let firstOurs = { ms: 0, bytes: 0 };
    let firstBare = { ms: [0], pages: 0, bytes: 0 };
    for (const [i, id] of firstMeetings.entries()) {
      const a = async () => {
        const r = await fetchPdf(ours, `/api/v1/meetings/${id}/pack/pdf`, token);
        if (i === 0) firstOurs = r;
        firstOursMs.push(r.ms);
      };
      const b = async () => {
        const r = await printer.print(packHtmlPath);
        if (i === 0) firstBare = r;
        firstBareMs.push(r.ms[0]!);
      };
      await alternating(i, a, b);
    }
    const packPath = `/api/v1/meetings/${info.meetingId}/pack/pdf`;
    const oursMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < PLAN.packSamples; i++) {
      const a = async () => oursMs.push((await fetchPdf(ours, packPath, token)).ms);
      const b = async () => bareMs.push((await printer.print(packHtmlPath)).ms[0]!);
      await alternating(i, a, b);
    }
    const firstRatio = median(firstOursMs) / median(firstBareMs);
    out.pack = {
      pages: firstBare.pages,
      first: { ours: round(median(firstOursMs)), bare: round(median(firstBareMs)), ratio: round(firstRatio, 3), samples: { ours: firstOursMs.map((v) => Math.round(v)), bare: firstBareMs.map((v) => Math.round(v)) } },
      ours: { median: round(median(oursMs)), p90: round(pct(oursMs, 90)), bytes: firstOurs.bytes },
      bare: { median: round(median(bareMs)), p90: round(pct(bareMs, 90)), bytes: firstBare.bytes },
      ratio: round(median(oursMs) / median(bareMs), 3),
    };
    log(`  first (median of ${firstOursMs.length}): ours ${round(median(firstOursMs))} ms [${firstOursMs.map((v) => Math.round(v)).join(', ')}], bare ${round(median(firstBareMs))} ms [${firstBareMs.map((v) => Math.round(v)).join(', ')}]; then ours ${round(median(oursMs))} ms, bare ${round(median(bareMs))} ms (${firstBare.pages} pages)`);
    memory.endPhase('pack');
    bareMemory.endPhase('pack');
    memory.stop();
    bareMemory.stop();
    // What the server keeps once the renders are over: 3 s after, and once the idle period has closed
    // Chromium (RENDER_IDLE_CLOSE_MS, default 60 s: the server is measured with its defaults).
    await sleep(3000);
    const idle = memory.sample();
    log('render: waiting for the idle period to close Chromium…');
    const waitedFrom = performance.now();
    while (processTree(ours.child.pid!).length > 1 && performance.now() - waitedFrom < DEFAULT_IDLE_CLOSE_MS + 15_000) await sleep(500);
    const closedAfterMs = performance.now() - waitedFrom + 3000;
    await sleep(1000);
    const idleClosed = processTree(ours.child.pid!).length === 1 ? memory.sample() : undefined;
    log(`  idle: ${round(idle?.total ?? NaN, 1)} MB 3 s after the last render; ${idleClosed ? `${round(idleClosed.total, 1)} MB once Chromium was closed (${round(closedAfterMs / 1000)} s after)` : 'Chromium was NOT closed'}`);
    out.bareLaunchMs = round(printer.info.launchMs);
    const mb = (m: Mem | undefined) => (m ? mapValues(m, (v) => round(v, 1)) : null);
    return {
      out,
      coldStart,
      memory: {
        peak: mb(memory.peak),
        phases: Object.fromEntries(Object.entries(memory.phases).map(([k, v]) => [k, mb(v)])),
        idleAfterRenders: mb(idle),
        idleAfterClose: idleClosed ? { ...mb(idleClosed), secondsAfterLastRequest: round(closedAfterMs / 1000) } : null,
        bare: { peak: mb(bareMemory.peak), phases: Object.fromEntries(Object.entries(bareMemory.phases).map(([k, v]) => [k, mb(v)])) },
      },
    };
  } finally {
    memory.stop();
    bareMemory.stop();
    await printer.close();
    await stop(ours.child);
  }
}

async function coldStartPhase(dbPath: string, info: DatasetInfo, first: { healthyMs: number; firstPdfMs: number }) {
  log('cold start…');
  const runs: { healthyMs: number; firstPdfMs: number }[] = [first];
  for (let i = 1; i < PLAN.coldStarts; i++) {
    const server = await startServer('ours', dbPath);
    try {
      await fetchPdf(server, `/api/v1/highlight-reports/${info.exampleDraftReportId}/pdf`, info.editorToken);
      runs.push({ healthyMs: server.healthyMs, firstPdfMs: performance.now() - server.startedAt });
    } finally {
      await stop(server.child);
    }
  }
  const r = { healthyMs: round(median(runs.map((x) => x.healthyMs))), firstPdfMs: round(median(runs.map((x) => x.firstPdfMs))), runs: runs.length };
  log(`  listening after ${r.healthyMs} ms, first PDF after ${r.firstPdfMs} ms`);
  return r;
}

// ---------------------------------------------------------------------------------------------------
// Targets and the table.

type R = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function targets(results: R) {
  const t: { target: string; value: number | null; limit: string; met: boolean | null }[] = [];
  const api = results.api as R | undefined;
  const render = results.render as R | undefined;
  if (api) {
    t.push({ target: 'GET one action ≥ 60% of bare req/s', value: api.get.ratio, limit: '≥ 0.60', met: api.get.ratio >= 0.6 });
    t.push({ target: 'GET a list page ≥ 60% of bare req/s', value: api.list.ratio, limit: '≥ 0.60', met: api.list.ratio >= 0.6 });
    t.push({ target: 'PATCH ≥ 50% of bare req/s', value: api.patch.ratio, limit: '≥ 0.50', met: api.patch.ratio >= 0.5 });
  }
  const pgr = results.postgres as R | undefined;
  if (pgr?.get) {
    t.push({ target: 'PG GET ≥ 0.5× bare-PG req/s (within 2×)', value: pgr.get.ratio, limit: '≥ 0.50', met: pgr.get.ratio >= 0.5 });
    t.push({ target: 'PG PATCH ≥ 0.5× bare-PG req/s (within 2×)', value: pgr.patch.ratio, limit: '≥ 0.50', met: pgr.patch.ratio >= 0.5 });
  } else if (pgr) {
    t.push({ target: 'PG GET and PATCH ≥ 0.5× bare-PG (PostgreSQL phase skipped)', value: null, limit: '≥ 0.50', met: null });
  }
  const changes = results.changes as R | undefined;
  if (changes) {
    t.push({ target: 'changes of one month (5,000 actions, 3 years of history) < 1 s', value: changes.maxMs, limit: '< 1000', met: changes.maxMs < 1000 });
    t.push({ target: 'changes of one month, CPU time < 1 s', value: changes.medianCpuMs, limit: '< 1000', met: changes.medianCpuMs < 1000 });
  }
  if (render) {
    t.push({ target: 'warm highlight report (example) ≤ 1.3× Puppeteer alone', value: render.exampleReport.ratio, limit: '≤ 1.30', met: render.exampleReport.ratio <= 1.3 });
    t.push({ target: 'warm highlight report (300 tasks) ≤ 1.3× Puppeteer alone', value: render.bigReport.ratio, limit: '≤ 1.30', met: render.bigReport.ratio <= 1.3 });
    t.push({ target: `${render.pack.pages}-page pack ≤ 1.3× Puppeteer alone`, value: render.pack.ratio, limit: '≤ 1.30', met: render.pack.ratio <= 1.3 });
    t.push({ target: `${render.pack.pages}-page pack, first request ≤ 1.3× Puppeteer alone`, value: render.pack.first.ratio, limit: '≤ 1.30', met: render.pack.first.ratio <= 1.3 });
    const mem = results.memory as R;
    const peak = mem.peak.total as number;
    t.push({ target: 'server + browser peak PSS < 500 MB (whole run)', value: peak, limit: '< 500', met: peak < 500 });
    const monthly = mem.phases.exampleReport?.total as number;
    t.push({ target: 'server + browser peak PSS < 500 MB (monthly report only)', value: monthly, limit: '< 500', met: monthly < 500 });
    const idle = mem.idleAfterClose?.total as number | undefined;
    t.push({ target: 'idle after the idle period (Chromium closed) ≤ 250 MB', value: idle ?? null, limit: '≤ 250', met: idle !== undefined && idle <= 250 });
  }
  const bombs = results.pdfBombs as R | undefined;
  if (bombs) {
    t.push({ target: 'server + browser peak PSS < 1500 MB during PDF-bomb uploads', value: bombs.peak.total, limit: '< 1500', met: bombs.peak.total < 1500 });
    t.push({ target: '/health answers within 2 s during PDF-bomb uploads', value: bombs.healthMaxMs, limit: '< 2000', met: bombs.healthMaxMs < 2000 });
    t.push({ target: 'every PDF bomb refused with a 4xx (or stored cleaned)', value: bombs.uploads.filter((u: R) => u.status >= 500).length, limit: '0 × 5xx', met: bombs.uploads.every((u: R) => u.status < 500) });
  }
  const imports = results.imports as R | undefined;
  if (imports) {
    t.push({ target: 'GET p99 during a 20,000-row import < 500 ms', value: imports.concurrentGet.duringImport.p99, limit: '< 500', met: imports.concurrentGet.duringImport.p99 < 500 });
    t.push({ target: 'server peak RSS during the import bombs < 1.5 GB', value: imports.bombs.peakRssMb, limit: '< 1536', met: imports.bombs.peakRssMb < 1536 });
    const refused = (imports.bombs.results as R[]).every((b) => b.status >= 400 && b.status < 500);
    t.push({ target: 'import bombs refused with a 4xx', value: (imports.bombs.results as R[]).filter((b) => b.status >= 400 && b.status < 500).length, limit: `= ${imports.bombs.results.length}`, met: refused });
  }
  return t;
}

/**
 * Hostile PDF uploads to a fresh server (empty database, ADMIN_TOKEN): one at a time, then four inflate
 * bombs at once. Records each answer, the peak PSS of the server and its Chromium (sampled every 100 ms)
 * and the slowest /health answer meanwhile (polled every 100 ms).
 */
async function pdfBombPhase() {
  log('PDF bombs…');
  const token = 'bench-pdf-bombs-admin-token-0123456789';
  const bombs: [string, Buffer][] = [
    ['content stream inflating to 1 GB', await contentBomb(1024)],
    ['object stream inflating to 1 GB', await objectStreamBomb(1024)],
    ['/Kids cycle', kidsCycle()],
    ['/Parent cycle', parentCycle()],
    ['50,000 tiny objects', manyObjects(50_000)],
    ['2,001 pages', manyPages(2001)],
    ['junk after the header (8 MB)', junkAfterHeader(8 * 1024 * 1024)],
    ['junk inside 64 objects (8 MB)', junkObjects()],
    ['JavaScript, /OpenAction, /AA', await armedPdf('BENCH', arms.openActionJavaScript)],
    ['embedded files, /SubmitForm, XFA', await armedPdf('BENCH', arms.embeddedFiles)],
  ];
  const server = await startServer('ours', join(RUN_DIR, 'bombs.db'), SERVER_NODE_ARGS, { ADMIN_TOKEN: token });
  const memory = new PeakMemory(() => server.child.pid);
  memory.start(100);
  let healthMaxMs = 0;
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const t0 = performance.now();
      await fetch(`${server.url}/health`).catch(() => undefined);
      healthMaxMs = Math.max(healthMaxMs, performance.now() - t0);
      await sleep(100);
    }
  })();
  const send = async (pdf: Buffer) => {
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' }, body: new Uint8Array(pdf) });
    await res.arrayBuffer();
    return { status: res.status, ms: Math.round(performance.now() - t0) };
  };
  const uploads: { label: string; bytes: number; status: number; ms: number }[] = [];
  try {
    for (const [label, pdf] of bombs) uploads.push({ label, bytes: pdf.length, ...(await send(pdf)) });
    const t0 = performance.now();
    const four = await Promise.all([0, 1, 2, 3].map(() => send(bombs[0]![1])));
    const concurrent = { statuses: four.map((f) => f.status), wallMs: Math.round(performance.now() - t0) };
    memory.endPhase('bombs');
    return { uploads, concurrent, peak: mapValues(memory.peak, (v) => round(v)), healthMaxMs: Math.round(healthMaxMs) };
  } finally {
    probing = false;
    await probe;
    memory.stop();
    await stop(server.child);
  }
}

function bombTable(b: R): string {
  const w = [36, 10, 8, 8];
  const row = (cells: (string | number)[]) => cells.map((c, i) => String(c)[i === 0 ? 'padEnd' : 'padStart'](w[i]!)).join('  ');
  const lines = ['', row(['PDF bomb uploads', 'bytes', 'status', 'ms'])];
  for (const u of b.uploads as R[]) lines.push(row([u.label, u.bytes, u.status, u.ms]));
  lines.push(row(['4 inflate bombs at once', '', (b.concurrent.statuses as number[]).join(','), b.concurrent.wallMs]));
  lines.push(`Peak PSS during the uploads: ${b.peak.total} MB (node ${b.peak.server} MB, Chromium ${b.peak.browser} MB); slowest /health ${b.healthMaxMs} ms`);
  return `${lines.join('\n')}\n`;
}

function table(results: R): string {
  const lines: string[] = [];
  const m = results.machine as R;
  lines.push('', `Benchmark (${results.mode}) — ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}, Chromium ${(results.render as R | undefined)?.chromium ?? m.chromium}, ${m.os}`);
  const d = results.dataset as R | undefined;
  if (d) lines.push(`Dataset seed ${d.seed} (fingerprint ${d.fingerprint}): ${d.counts.actions} actions, ${d.counts.projects} projects, ${d.counts.risks + d.counts.issues + d.counts.dependencies + d.counts.benefits} register entries, ${d.counts.published_reports} published reports`);
  const row = (cells: (string | number | null | undefined)[], widths: number[]) => cells.map((c, i) => String(c ?? '–')[i === 0 ? 'padEnd' : 'padStart'](widths[i]!)).join('  ');
  const api = results.api as R | undefined;
  if (api) {
    const w = [22, 10, 10, 9, 9, 9, 9, 11, 11, 7];
    lines.push('', row(['API (10 connections)', 'ours r/s', 'bare r/s', 'ours p50', 'bare p50', 'ours p99', 'bare p99', 'ours CPU/r', 'bare CPU/r', 'ratio'], w));
    for (const [k, label] of [['get', 'GET one action'], ['list', 'GET list page of 50'], ['patch', 'PATCH with If-Match'], ['getWithoutRequestLogs', 'GET, LOG_LEVEL=warn']] as const) {
      const x = api[k];
      if (!x) continue;
      lines.push(row([label, x.ours.rps, x.bare.rps, `${x.ours.p50} ms`, `${x.bare.p50} ms`, `${x.ours.p99} ms`, `${x.bare.p99} ms`, `${x.ours.cpuUsPerRequest} µs`, `${x.bare.cpuUsPerRequest} µs`, `${Math.round(x.ratio * 100)}%`], w));
    }
  }
  const pgr = results.postgres as R | undefined;
  if (pgr?.get) {
    const w = [22, 10, 10, 9, 9, 9, 9, 11, 11, 11, 11, 7];
    lines.push('', `PostgreSQL: ${pgr.dataset.actions} actions generated through our app in ${Math.round(pgr.dataset.generationMs / 1000)} s; load average ${pgr.loadAverage.before.join(' ')} before, ${pgr.loadAverage.after.join(' ')} after`);
    lines.push(row(['PostgreSQL (10 conn.)', 'ours r/s', 'bare r/s', 'ours p50', 'bare p50', 'ours p99', 'bare p99', 'ours CPU/r', 'bare CPU/r', 'ours PG/r', 'bare PG/r', 'ratio'], w));
    for (const [k, label] of [['get', 'GET one action'], ['list', 'GET list page of 50'], ['patch', 'PATCH with If-Match']] as const) {
      const x = pgr[k];
      lines.push(row([label, x.ours.rps, x.bare.rps, `${x.ours.p50} ms`, `${x.bare.p50} ms`, `${x.ours.p99} ms`, `${x.bare.p99} ms`, `${x.ours.cpuUsPerRequest} µs`, `${x.bare.cpuUsPerRequest} µs`, `${x.ours.dbCpuUsPerRequest} µs`, `${x.bare.dbCpuUsPerRequest} µs`, `${Math.round(x.ratio * 100)}%`], w));
    }
    const two = pgr.twoProcesses as R;
    const w2 = [34, 14, 14, 8];
    lines.push('', row(['Two processes, one PostgreSQL', '1 process r/s', '2 processes r/s', 'ratio'], w2));
    for (const [k, label] of [['get', 'GET one action (2 × 10 conn.)'], ['patch', 'PATCH with If-Match (2 × 10 conn.)']] as const) {
      lines.push(row([label, two[k].oneProcess, two[k].twoProcesses, `${two[k].ratio}×`], w2));
    }
  } else if (pgr) lines.push('', `PostgreSQL: skipped — ${pgr.skipped ?? pgr.failed}`);
  const changes = results.changes as R | undefined;
  if (changes) lines.push('', `What changed, one month (${changes.events} audit events of the plan, ${changes.historyMonths} months): median ${changes.medianMs} ms (CPU ${changes.medianCpuMs} ms), max ${changes.maxMs} ms over ${changes.samples} runs, load average ${changes.loadAverage}`);
  const render = results.render as R | undefined;
  if (render) {
    const w = [38, 12, 12, 12, 12, 8];
    lines.push('', row(['Rendering', 'ours median', 'ours p90', 'bare median', 'bare p90', 'ratio'], w));
    lines.push(row([`highlight report, example (${render.exampleReport.pages} p.)`, `${render.exampleReport.ours.median} ms`, `${render.exampleReport.ours.p90} ms`, `${render.exampleReport.bare.median} ms`, `${render.exampleReport.bare.p90} ms`, `${render.exampleReport.ratio}×`], w));
    lines.push(row([`highlight report, 300 tasks (${render.bigReport.pages} p.)`, `${render.bigReport.ours.median} ms`, `${render.bigReport.ours.p90} ms`, `${render.bigReport.bare.median} ms`, `${render.bigReport.bare.p90} ms`, `${render.bigReport.ratio}×`], w));
    lines.push(row([`scrutiny pack (${render.pack.pages} p.), repeated`, `${render.pack.ours.median} ms`, `${render.pack.ours.p90} ms`, `${render.pack.bare.median} ms`, `${render.pack.bare.p90} ms`, `${render.pack.ratio}×`], w));
    lines.push(row([`scrutiny pack (${render.pack.pages} p.), first request`, `${render.pack.first.ours} ms`, '', `${render.pack.first.bare} ms`, '', `${render.pack.first.ratio}×`], w));
    lines.push(row([`2 renders at once (example), per minute`, render.concurrent2.ours.perMinute, '', render.concurrent2.bare.perMinute, '', `${render.concurrent2.ratio}×`], w));
  }
  const cold = results.coldStart as R | undefined;
  if (cold) lines.push('', `Cold start: listening after ${cold.healthyMs} ms, first PDF after ${cold.firstPdfMs} ms (median of ${cold.runs})`);
  if (render) {
    const mem = results.memory as R;
    const w = [38, 12, 12, 12, 14];
    lines.push('', row(['Peak PSS (MB)', 'ours total', 'node', 'Chromium', 'Puppeteer alone'], w));
    for (const [k, label] of [['exampleReport', 'highlight reports, example'], ['bigReport', 'highlight reports, 300 tasks'], ['concurrent2', '2 renders at once'], ['pack', 'scrutiny pack']] as const) {
      const m = mem.phases[k];
      if (m) lines.push(row([label, m.total, m.server, m.browser, mem.bare.phases[k]?.total], w));
    }
    if (mem.idleAfterRenders) lines.push(row(['idle, 3 s after the last render', mem.idleAfterRenders.total, mem.idleAfterRenders.server, mem.idleAfterRenders.browser, ''], w));
    if (mem.idleAfterClose) lines.push(row([`idle, Chromium closed after ${mem.idleAfterClose.secondsAfterLastRequest} s`, mem.idleAfterClose.total, mem.idleAfterClose.server, mem.idleAfterClose.browser, ''], w));
  }
  if (results.pdfBombs) lines.push(bombTable(results.pdfBombs as R));
  const imports = results.imports as R | undefined;
  if (imports) {
    const g = imports.concurrentGet;
    lines.push('', `Imports: ${imports.rows} rows (${imports.workbookKb} KB) accepted in ${imports.acceptedMs} ms, job ${imports.jobStatus} after ${imports.importMs} ms`);
    lines.push(`  concurrent GET /plans/{id} (2 clients): alone p50 ${g.baseline.p50} / p99 ${g.baseline.p99} / max ${g.baseline.max} ms; during the import p50 ${g.duringImport.p50} / p99 ${g.duringImport.p99} / max ${g.duringImport.max} ms (${g.duringImport.n} requests)`);
    lines.push(`  import bombs: peak PSS ${imports.bombs.peakPssMb} MB, peak RSS ${imports.bombs.peakRssMb} MB; ${(imports.bombs.results as R[]).map((b) => `${b.name} → ${b.status} in ${b.ms} ms`).join('; ')}`);
  }
  lines.push('', 'Targets:');
  for (const t of results.targets as R[]) lines.push(`  ${t.met === null ? 'skipped' : t.met ? 'met    ' : 'NOT met'}  ${t.target}: ${t.value} (${t.limit})`);
  return `${lines.join('\n')}\n`;
}

await main();
process.exit(0);

// ---------------------------------------------------------------------------------------------------
// Evidence: the impact report and the evidence bundle of a large plan (--only evidence).

async function evidenceMain(started: number) {
  log('evidence dataset (50 measures, 2,000 items, 500 files)…');
  const t0 = performance.now();
  const data = await evidenceDataset();
  const preparedMs = Math.round(performance.now() - t0);
  const server = await startServer('ours', data.dbPath);
  const memory = new PeakMemory(() => server.child.pid);
  const out: Record<string, unknown> = { counts: data.counts, preparedMs };
  try {
    memory.start(100);
    const baseline = memory.sample();
    const get = async (path: string) => {
      const t = performance.now();
      const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${data.token}` } });
      if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}: ${(await res.text()).slice(0, 300)}`);
      // Read as a stream and count: the client keeps nothing either.
      let bytes = 0;
      let firstByteMs: number | null = null;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        firstByteMs ??= performance.now() - t;
        bytes += chunk.length;
      }
      return { ms: Math.round(performance.now() - t), firstByteMs: Math.round(firstByteMs ?? 0), bytes };
    };
    const runs = QUICK ? 1 : 3;
    const report: { ms: number; bytes: number }[] = [];
    for (let i = 0; i < runs; i++) report.push(await get(`/api/v1/plans/${data.planId}/impact-report/pdf?asOf=2026-11-20`));
    memory.endPhase('impactReport');
    const bundle: { ms: number; firstByteMs: number; bytes: number }[] = [];
    for (let i = 0; i < runs; i++) bundle.push(await get(`/api/v1/plans/${data.planId}/evidence-bundle?asOf=2026-11-20`));
    memory.endPhase('bundle');
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    out.impactReport = { medianMs: median(report.map((x) => x.ms)), pdfBytes: report[0]!.bytes, peakPssMb: memory.phases.impactReport };
    out.bundle = { medianMs: median(bundle.map((x) => x.ms)), firstByteMs: median(bundle.map((x) => x.firstByteMs)), zipBytes: bundle[0]!.bytes, peakPssMb: memory.phases.bundle };
    out.serverPssBeforeMb = baseline;
  } finally {
    memory.stop();
    await stop(server.child);
    rmSync(data.dir, { recursive: true, force: true });
  }
  const results = { generatedAt: new Date().toISOString(), mode: QUICK ? 'quick' : 'full', machine: machine(), evidence: out, durationSeconds: Math.round((Date.now() - started) / 1000) };
  const file = option('--out') ? OUT : join(HERE, QUICK ? 'results.evidence.quick.json' : 'results.evidence.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  log(`\nwrote ${file} (${results.durationSeconds} s)`);
}
