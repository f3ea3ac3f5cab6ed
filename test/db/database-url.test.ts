// DATABASE_URL: validated as a PostgreSQL URL; with it `npm start` runs on PostgreSQL, and when that server
// cannot be reached it stops at once with a clear message instead of quietly running on SQLite (and never
// prints the URL's password).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('DATABASE_URL', () => {
  it('accepts postgres:// and postgresql://, treats empty as unset, and refuses anything else naming the variable', () => {
    expect(loadEnv({ DATABASE_URL: 'postgres://u:p@db.example:5432/tracker' }).DATABASE_URL).toBe('postgres://u:p@db.example:5432/tracker');
    expect(loadEnv({ DATABASE_URL: 'postgresql://db.example/tracker?sslmode=require' }).DATABASE_URL).toMatch(/^postgresql:/);
    expect(loadEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
    expect(loadEnv({}).DATABASE_URL).toBeUndefined();
    for (const bad of ['mysql://db/x', 'tracker.db', 'file:./data/tracker.db', ' postgres://x/y']) {
      expect(() => loadEnv({ DATABASE_URL: bad })).toThrow(/DATABASE_URL must start with postgres:\/\//);
    }
  });

  it('npm start with an unreachable PostgreSQL fails fast: exit 1, the server named, no password printed, no SQLite file made', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spt-dburl-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          PORT: '0',
          DATABASE_PATH: join(dir, 'tracker.db'),
          DATABASE_URL: 'postgres://tracker:s3cret-Passw0rd@127.0.0.1:1/tracker',
        },
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Could not start: the database PostgreSQL 127.0.0.1:1/tracker could not be opened');
      expect(run.stderr + run.stdout).not.toContain('s3cret-Passw0rd');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
