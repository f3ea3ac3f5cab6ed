// Runs the real server (src/server.ts under tsx, or the compiled one `npm start` runs) in a child process on a free port, for the
// crash, shutdown and backup tests: start, wait for /health, send signals, collect its output.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER_ADMIN_TOKEN = 'durability-admin-token-0123456789';

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  base: string;
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** Resolves when the output contains a line matching `re`. */
  waitForOutput(re: RegExp, timeoutMs?: number): Promise<string>;
}

/** `args`: node's arguments (default: the TypeScript source under tsx; the built server: ['dist/server.js']). */
export async function startServer(databasePath: string, env: Record<string, string> = {}, args = ['--import', 'tsx', 'src/server.ts']): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_PATH: databasePath,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_TOKEN: SERVER_ADMIN_TOKEN,
      LOG_LEVEL: 'info',
      ...(process.env.PUPPETEER_EXECUTABLE_PATH ? { PUPPETEER_EXECUTABLE_PATH: process.env.PUPPETEER_EXECUTABLE_PATH } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: { re: RegExp; resolve: (line: string) => void }[] = [];
  const onData = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const w of [...waiters]) {
      const line = out.split('\n').find((l) => w.re.test(l));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | string>((res) => child.once('exit', (code, signal) => res(code ?? signal ?? 'unknown')));
  const base = `http://127.0.0.1:${port}`;

  const proc: ServerProcess = {
    child,
    pid: child.pid!,
    base,
    output: () => out,
    exited,
    waitForOutput(re, timeoutMs = 60_000) {
      const line = out.split('\n').find((l) => re.test(l));
      if (line !== undefined) return Promise.resolve(line);
      return new Promise((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`no output matching ${re} within ${timeoutMs} ms:\n${out}`)), timeoutMs);
        waiters.push({
          re,
          resolve: (l) => {
            clearTimeout(timer);
            res(l);
          },
        });
      });
    },
  };

  // Ready once /health answers (the database is open and migrated).
  const deadline = Date.now() + 90_000;
  let exitCode: number | string | undefined;
  void exited.then((c) => (exitCode = c));
  for (;;) {
    if (exitCode !== undefined) throw new Error(`server exited (${exitCode}) before it was ready:\n${out}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become ready:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return proc;
}

export function api(base: string, token = SERVER_ADMIN_TOKEN) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const buf = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body: buf, json: () => JSON.parse(buf.toString('utf8')) };
  };
}

/** Creates a plan and prints its progress report, checked to be a PDF: the server's whole render path. */
export async function renderProgressReport(s: ServerProcess): Promise<{ planId: string; pdf: Buffer }> {
  const call = api(s.base);
  const plan = await call('POST', '/plans', { title: 'Plan', kind: 'wsoa', localArea: 'Wolverhampton' });
  expect(plan.status).toBe(201);
  const id = plan.json().id as string;
  const pdf = await call('GET', `/plans/${id}/progress-report/pdf`);
  expect(pdf.status).toBe(200);
  expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  return { planId: id, pdf: pdf.body };
}

/** Every live descendant process of `pid` (Linux /proc), with its command name. */
export function descendants(pid: number): { pid: number; comm: string }[] {
  const parent = new Map<number, number>();
  const comm = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      if (fields[0] === 'Z') continue;
      parent.set(Number(entry), Number(fields[1]));
      comm.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
    } catch {
      // the process went away while we looked
    }
  }
  const out: { pid: number; comm: string }[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift()!;
    for (const [child, pp] of parent) {
      if (pp === p) {
        out.push({ pid: child, comm: comm.get(child) ?? '' });
        queue.push(child);
      }
    }
  }
  return out;
}

/** Whether a process is running (a zombie or a vanished pid counts as gone). */
export function isAlive(pid: number): boolean {
  if (!existsSync(`/proc/${pid}/stat`)) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}
