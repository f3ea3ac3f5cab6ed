// Data files are private to the server's user whatever the umask: a data folder the app creates is 0700,
// the database and its -wal/-shm files 0600 (an older world-readable file is tightened on open), and
// backups and restores written by src/cli/backup.ts are 0600 too.
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { backupDatabase, restoreDatabase } from '../../src/cli/backup.js';
import { openDatabase } from '../../src/db/client.js';
import { ADMIN_TOKEN, FIXED_NOW } from '../helpers/app.js';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('data file modes', () => {
  const root = mkdtempSync(join(tmpdir(), 'spt-modes-'));
  let umask: number;
  beforeAll(() => {
    chmodSync(root, 0o755);
    umask = process.umask(0o022); // the usual default: files 0644, folders 0755
  });
  afterAll(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  it('creates the data folder 0700 and the database, -wal and -shm 0600, through the app', async () => {
    const db = join(root, 'srv', 'data', 'tracker.db');
    const app = await buildApp({ databasePath: db, adminToken: ADMIN_TOKEN, now: () => FIXED_NOW });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/plans',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ title: 'Plan', kind: 'wsoa', localArea: 'Wolverhampton' }),
      });
      expect(res.statusCode).toBe(201);
      expect(mode(join(root, 'srv'))).toBe('700');
      expect(mode(join(root, 'srv', 'data'))).toBe('700');
      for (const f of [db, `${db}-wal`, `${db}-shm`]) {
        expect(existsSync(f), f).toBe(true);
        expect(mode(f), f).toBe('600');
      }
      // Files this process creates afterwards are back under the usual umask (only the database is private).
      expect(process.umask()).toBe(0o022);
    } finally {
      await app.close();
    }
    expect(mode(root)).toBe('755'); // a folder that already existed is left as it was
  });

  it('tightens a database that was world-readable', () => {
    const db = join(root, 'old', 'tracker.db');
    openDatabase(db).close();
    for (const f of [db, `${db}-wal`, `${db}-shm`]) if (existsSync(f)) chmodSync(f, 0o644);
    const opened = openDatabase(db);
    try {
      for (const f of [db, `${db}-wal`, `${db}-shm`]) if (existsSync(f)) expect(mode(f), f).toBe('600');
    } finally {
      opened.close();
    }
  });

  it('writes backups and restores 0600', async () => {
    const db = join(root, 'srv', 'data', 'tracker.db');
    const backup = join(root, 'backup.db');
    await backupDatabase(db, backup);
    expect(mode(backup)).toBe('600');
    const restored = join(root, 'restored.db');
    await restoreDatabase(backup, restored);
    for (const f of [restored, `${restored}-wal`, `${restored}-shm`]) if (existsSync(f)) expect(mode(f), f).toBe('600');
    expect(mode(restored)).toBe('600');
  });
});
