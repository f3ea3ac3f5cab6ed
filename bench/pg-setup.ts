// The PostgreSQL side of the benchmark: a throwaway cluster (scripts/pg-cluster.sh, as .ci/run starts it),
// the CPU its processes use, and the dataset generated through our app on PostgreSQL — the plan, its
// areas, projects and 5,000 actions of bench/dataset.ts (same generator, same seed), without the
// registers and the 720 published reports (the API benchmark reads and writes actions only) — copied
// into a second database for the bare server (CREATE DATABASE … TEMPLATE).
import { execFile, execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../src/db/store.js';
import { generatePlanAndActions, mulberry32, sampleActions } from './dataset.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCRIPT = join(ROOT, 'scripts/pg-cluster.sh');

export interface Cluster {
  /** postgres://… of the cluster's `postgres` database. */
  url: string;
  dir: string;
  onExit: () => void;
}

function run(args: string[], timeoutMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile('bash', [SCRIPT, ...args], { timeout: timeoutMs, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Starts a throwaway cluster (installing Debian's postgresql if missing); a reason string when it cannot. */
export async function startCluster(): Promise<Cluster | string> {
  const r = await run(['start'], 10 * 60_000);
  const url = /^DATABASE_URL=(.+)$/m.exec(r.stdout)?.[1];
  const dir = /^PG_CLUSTER_DIR=(.+)$/m.exec(r.stdout)?.[1];
  if (r.code !== 0 || !url || !dir) return `scripts/pg-cluster.sh start failed (exit ${r.code}): ${r.stderr.trim().split('\n').slice(-3).join(' / ')}`;
  // A run interrupted (Ctrl-C, a crash) still removes its cluster.
  const onExit = () => {
    try {
      execFileSync('bash', [SCRIPT, 'stop', dir], { stdio: 'ignore', timeout: 30_000 });
    } catch {
      // already stopped
    }
  };
  process.once('exit', onExit);
  return { url, dir, onExit };
}

export async function stopCluster(cluster: Cluster): Promise<void> {
  process.removeListener('exit', cluster.onExit);
  await run(['stop', cluster.dir], 60_000);
}

/** The same cluster, another database. */
export const databaseUrl = (cluster: Cluster, name: string) => {
  const u = new URL(cluster.url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** CPU time (user + system) of the cluster's processes (postmaster and every backend), in µs. */
export function clusterCpuMicros(cluster: Cluster): number {
  const postmaster = Number(readFileSync(join(cluster.dir, 'data/postmaster.pid'), 'utf8').split('\n')[0]);
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // The postmaster and its children (backends, walwriter, …); children's exited time counts too.
      if (Number(name) === postmaster || Number(f[1]) === postmaster) total += ((Number(f[11]) + Number(f[12]) + (Number(name) === postmaster ? Number(f[13]) + Number(f[14]) : 0)) * 1e6) / 100;
    } catch {
      // gone
    }
  }
  return total;
}

export interface PgDatasetInfo {
  planId: string;
  actionIds: string[];
  editorToken: string;
  actions: number;
  generationMs: number;
  /** First-page cursors of the plan's first 20 pages (the list scenario). */
  cursors: string[];
}

async function admin<T>(cluster: Cluster, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Generates the plan and its actions in database `ours` through our app on PostgreSQL (migrations applied
 * by the app, every write through a service and audited), then copies it to database `bare`.
 */
export async function generatePgDataset(cluster: Cluster, seed: number, log: (msg: string) => void): Promise<PgDatasetInfo> {
  const t0 = Date.now();
  await admin(cluster, async (c) => {
    for (const db of ['bench_ours', 'bench_bare']) await c.query(`drop database if exists ${db}`);
    await c.query('create database bench_ours');
  });
  const { buildApp } = await import('../src/app.js');
  let clock = new Date('2023-11-01T09:00:00.000Z');
  const app = await buildApp({ databasePath: join(ROOT, 'data/bench/run/unused.db'), databaseUrl: databaseUrl(cluster, 'bench_ours'), now: () => clock, authFailureLimit: false });
  let info: Omit<PgDatasetInfo, 'generationMs' | 'cursors'>;
  try {
    const r = mulberry32(seed);
    const { plan, actionIds } = await generatePlanAndActions(app, r, (m) => log(`  ${m} (${Math.round((Date.now() - t0) / 1000)} s)`));
    clock = new Date('2026-11-20T09:00:00.000Z');
    const editorToken = (await app.tokens.create('Bench programme manager', 'editor', { ...SYSTEM_ACTOR, name: 'bench generator' })).secret;
    info = { planId: plan.id, actionIds: sampleActions(r, actionIds), editorToken, actions: actionIds.length };
  } finally {
    await app.close();
  }
  await admin(cluster, (c) => c.query('create database bench_bare template bench_ours'));
  const cursors: string[] = [''];
  for (const db of ['bench_ours', 'bench_bare']) {
    const client = new pg.Client({ connectionString: databaseUrl(cluster, db) });
    await client.connect();
    try {
      await client.query('vacuum analyze');
      if (db === 'bench_ours') {
        const ids = (await client.query<{ id: string }>('select id from actions where plan_id = $1 order by id limit 1000', [info.planId])).rows.map((x) => x.id);
        for (let i = 49; i < ids.length - 50 && cursors.length < 20; i += 50) cursors.push(Buffer.from(ids[i]!, 'utf8').toString('base64url'));
      }
    } finally {
      await client.end();
    }
  }
  return { ...info, cursors, generationMs: Date.now() - t0 };
}
