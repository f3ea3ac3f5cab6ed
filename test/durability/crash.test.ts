// Durability: the real server, killed with SIGKILL in the middle of a write load, loses no acknowledged
// write and leaves a database that passes PRAGMA integrity_check. Two kill/restart rounds on one file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { api, SERVER_ADMIN_TOKEN, startServer, type ServerProcess } from './server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'spt-crash-'));
const dbPath = join(dir, 'tracker.db');
let server: ServerProcess | undefined;
afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

interface Acked {
  created: Map<string, string>; // action id → ref
  versions: Map<string, number>; // action id → highest version acknowledged by a PATCH
}

/**
 * Workers create actions and update them until the server stops answering. The server is SIGKILLed once
 * `killAfter` writes have been acknowledged, while the workers keep writing.
 */
async function loadAndKill(s: ServerProcess, planId: string, round: number, killAfter: number): Promise<Acked> {
  const call = api(s.base);
  const acked: Acked = { created: new Map(), versions: new Map() };
  let acks = 0;
  let killed = false;
  let dead = false;
  const ack = () => {
    acks++;
    if (!killed && acks >= killAfter) {
      killed = true;
      s.child.kill('SIGKILL');
    }
  };
  async function worker(w: number) {
    for (let i = 0; !dead; i++) {
      try {
        const ref = `${round}.${w}.${i}`;
        const res = await call('POST', `/plans/${planId}/actions`, { ref, title: `Action ${ref}`, dueDate: '2024-03-31', owner: `worker ${w}` });
        if (res.status !== 201) throw new Error(`create answered ${res.status}: ${res.body}`);
        const { id } = res.json();
        acked.created.set(id, ref);
        ack();
        const upd = await call('PATCH', `/actions/${id}`, { percentComplete: 50, status: 'in-progress' }, { 'if-match': '"1"' });
        if (upd.status !== 200) throw new Error(`update answered ${upd.status}`);
        acked.versions.set(id, upd.json().version);
        ack();
      } catch (err) {
        if (!killed) throw err; // before the kill every request must succeed
        dead = true; // after it, requests fail: connection refused or reset
      }
    }
  }
  await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
  expect(await s.exited).toBe('SIGKILL');
  return acked;
}

function integrity(path: string): string {
  const db = new Database(path);
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('\n');
  } finally {
    db.close();
  }
}

describe('SIGKILL under write load', () => {
  it('keeps every acknowledged write, and the database stays intact, across two crashes', { timeout: 240_000 }, async () => {
    server = await startServer(dbPath);
    const plan = await api(server.base)('POST', '/plans', { title: 'Crash test plan', kind: 'improvement-plan', localArea: 'Wolverhampton' });
    expect(plan.status).toBe(201);
    const planId = plan.json().id as string;

    const all: Acked = { created: new Map(), versions: new Map() };
    for (const [round, killAfter] of [
      [1, 400],
      [2, 250],
    ] as const) {
      if (round > 1) server = await startServer(dbPath);
      const acked = await loadAndKill(server, planId, round, killAfter);
      expect(acked.created.size + acked.versions.size).toBeGreaterThanOrEqual(killAfter);
      for (const [k, v] of acked.created) all.created.set(k, v);
      for (const [k, v] of acked.versions) all.versions.set(k, v);

      // Restart on the same file: everything acknowledged, in any round, is there.
      server = await startServer(dbPath);
      const call = api(server.base);
      const missing: string[] = [];
      const lowVersion: string[] = [];
      for (const [id, ref] of all.created) {
        const res = await call('GET', `/actions/${id}`);
        if (res.status !== 200 || res.json().ref !== ref) missing.push(id);
        else if ((all.versions.get(id) ?? 1) > res.json().version) lowVersion.push(id);
      }
      expect(missing).toEqual([]);
      expect(lowVersion).toEqual([]);
      // Each surviving action has its create entry in the audit trail (same transaction).
      const audit = await call('GET', `/audit?resourceType=action&operation=create&limit=500`);
      expect(audit.status).toBe(200);
      server.child.kill('SIGKILL');
      await server.exited;
      expect(integrity(dbPath)).toBe('ok');
      const db = new Database(dbPath, { readonly: true });
      const orphans = db
        .prepare(
          "select count(*) as n from actions a where not exists (select 1 from audit_events e where e.resource_type = 'action' and e.resource_id = a.id and e.operation = 'create')",
        )
        .get() as { n: number };
      db.close();
      expect(orphans.n).toBe(0);
    }
    expect(all.created.size).toBeGreaterThan(0);
    // The secret the server was started with never reached its output.
    expect(server.output()).not.toContain(SERVER_ADMIN_TOKEN);
  });
});
