// Backups: `npm run backup -- <file>` copies a live database under write load consistently (SQLite's
// online backup), and both documented restores (the --restore command, and copying the file into place
// with the server stopped) bring the data back with integrity_check ok.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { api, ROOT, startServer, type ServerProcess } from './server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'spt-backup-'));
const dbPath = join(dir, 'live.db');
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) {
    if (s.child.exitCode === null && s.child.signalCode === null) {
      s.child.kill('SIGKILL');
      await s.exited;
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000 }, (err, stdout, stderr) =>
      res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
const npmBackup = (args: string[], database = dbPath) => run('npm', ['run', '--silent', 'backup', '--', ...args], { DATABASE_PATH: database });
const cliBackup = (args: string[], database = dbPath) => run(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', ...args], { DATABASE_PATH: database });

function open(path: string) {
  return new Database(path, { readonly: true, fileMustExist: true });
}
function withDb<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = open(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const integrity = (db: Database.Database) => (db.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check;
const actionIds = (db: Database.Database) => new Set((db.prepare('select id from actions').all() as { id: string }[]).map((r) => r.id));

async function start(path: string) {
  const s = await startServer(path);
  servers.push(s);
  return s;
}
async function stop(s: ServerProcess) {
  s.child.kill('SIGTERM');
  expect(await s.exited).toBe(0);
}

describe('backup and restore', () => {
  it('backs up a live database under write load, and restores it', { timeout: 300_000 }, async () => {
    const server = await start(dbPath);
    const call = api(server.base);
    const planId = (await call('POST', '/plans', { title: 'Plan', kind: 'wsoa', localArea: 'Wolverhampton' })).json().id as string;

    // Writers keep creating and updating actions for the whole backup.
    const acked: { id: string; at: number }[] = [];
    let stopLoad = false;
    let n = 0;
    async function writer(w: number) {
      while (!stopLoad) {
        const ref = `${w}.${n++}`;
        const res = await call('POST', `/plans/${planId}/actions`, { ref, title: `Action ${ref}`, dueDate: '2024-03-31' });
        expect(res.status).toBe(201);
        const id = res.json().id as string;
        acked.push({ id, at: Date.now() });
        expect((await call('PATCH', `/actions/${id}`, { percentComplete: 10 }, { 'if-match': '"1"' })).status).toBe(200);
      }
    }
    const load = Promise.all(Array.from({ length: 4 }, (_, w) => writer(w)));
    while (acked.length < 150) await new Promise((r) => setTimeout(r, 50));

    const backups: { file: string; ackedBefore: string[] }[] = [];
    for (const [i, runner] of [npmBackup, cliBackup].entries()) {
      const file = join(dir, `backup-${i}.db`);
      const ackedBefore = acked.map((a) => a.id);
      const out = await runner([file]);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout).toMatch(/Backed up .* integrity ok/);
      backups.push({ file, ackedBefore });
    }
    const beforeStop = acked.length;
    while (acked.length < beforeStop + 20) await new Promise((r) => setTimeout(r, 50));
    stopLoad = true;
    await load;

    for (const { file, ackedBefore } of backups) {
      // One self-contained file: no -wal beside it, rollback journal mode, integrity ok.
      expect(existsSync(`${file}-wal`)).toBe(false);
      const db = open(file);
      try {
        expect(integrity(db)).toBe('ok');
        expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
        const ids = actionIds(db);
        expect(ackedBefore.filter((id) => !ids.has(id))).toEqual([]);
        // A consistent snapshot: every action in the copy has its create entry, every update its entry.
        const torn = db
          .prepare(
            `select count(*) as n from actions a where (select count(*) from audit_events e where e.resource_type = 'action' and e.resource_id = a.id) != a.version`,
          )
          .get() as { n: number };
        expect(torn.n).toBe(0);
      } finally {
        db.close();
      }
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);

    // Refuses to overwrite a backup without --force, and names a usage error.
    expect((await cliBackup([backups[0]!.file])).code).toBe(1);
    expect((await cliBackup([])).code).toBe(2);

    // Restore with the command: stop the server, restore, start again on the same path.
    const { file: backupFile, ackedBefore } = backups[0]!;
    const restoredIds = withDb(backupFile, actionIds);
    const lost = acked.map((a) => a.id).filter((id) => !restoredIds.has(id)); // written after the backup
    expect(lost.length).toBeGreaterThan(0);
    await stop(server);
    expect((await cliBackup(['--restore', backupFile])).code).toBe(1); // the database exists: needs --force
    const restored = await cliBackup(['--restore', backupFile, '--force']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Restored .* integrity ok.*previous database is saved as/);
    const saved = readdirSync(dir).find((f) => f.startsWith('live.db.before-restore-'));
    expect(saved).toBeDefined();
    expect(withDb(join(dir, saved!), actionIds).size).toBe(acked.length); // the replaced database, kept

    const again = await start(dbPath);
    const call2 = api(again.base);
    for (const id of ackedBefore.slice(0, 50)) expect((await call2('GET', `/actions/${id}`)).status).toBe(200);
    expect((await call2('GET', `/actions/${lost[lost.length - 1]}`)).status).toBe(404);
    // The restored database takes writes again.
    expect((await call2('POST', `/plans/${planId}/actions`, { ref: 'after.restore', title: 'After restore', dueDate: '2024-03-31' })).status).toBe(201);
    await stop(again);
    const db = open(dbPath);
    expect(integrity(db)).toBe('ok');
    expect(actionIds(db).size).toBe(restoredIds.size + 1);
    db.close();

    // Restore by copying the file into place (server stopped; no stale -wal/-shm beside it).
    const copyPath = join(dir, 'copied.db');
    copyFileSync(backups[1]!.file, copyPath);
    const copied = await start(copyPath);
    const list = await api(copied.base)('GET', `/plans/${planId}/actions?limit=500`);
    expect(list.status).toBe(200);
    expect(list.json().items.length).toBeGreaterThanOrEqual(Math.min(500, backups[1]!.ackedBefore.length));
    await stop(copied);
    const c = open(copyPath);
    expect(integrity(c)).toBe('ok');
    const ids = actionIds(c);
    expect(backups[1]!.ackedBefore.filter((id) => !ids.has(id))).toEqual([]);
    c.close();
  });
});
