// The committed migrations of both dialects match the drizzle schema, the PostgreSQL schema derives every
// table, and a SQLite database opens with the pragmas we rely on.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDatabase } from '../../src/db/client.js';
import { PG_MIGRATIONS_FOLDER } from '../../src/db/pg-client.js';
import * as pgSchemaModule from '../../src/db/pg-schema.js';
import * as sqliteSchema from '../../src/db/schema.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DRIZZLE_KIT = join(ROOT, 'node_modules/.bin/drizzle-kit');
const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'spt-migrations-'));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const DIALECTS = {
  sqlite: { schema: 'src/db/schema.ts', folder: MIGRATIONS_FOLDER },
  postgresql: { schema: 'src/db/pg-schema.ts', folder: PG_MIGRATIONS_FOLDER },
} as const;
type Dialect = keyof typeof DIALECTS;

/** Runs `drizzle-kit generate` for the schema into `out`; returns the .sql files there afterwards. */
function generate(out: string, dialect: Dialect = 'sqlite'): string[] {
  // drizzle-kit reads --out relative to the working directory (it prefixes "./"), so pass it relative.
  execFileSync(DRIZZLE_KIT, ['generate', '--dialect', dialect, '--schema', DIALECTS[dialect].schema, '--out', relative(ROOT, out)], {
    cwd: ROOT,
    timeout: 120_000,
    stdio: 'pipe',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return readdirSync(out).filter((f) => f.endsWith('.sql')).sort();
}

const sqlFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();

describe.each(Object.keys(DIALECTS) as Dialect[])('migrations (%s)', (dialect) => {
  const folder = DIALECTS[dialect].folder;

  it(`the committed migrations are up to date with ${DIALECTS[dialect].schema}`, () => {
    const out = join(tempDir(), 'migrations');
    cpSync(folder, out, { recursive: true });
    const before = sqlFiles(out);
    expect(before.length).toBeGreaterThan(0);
    const after = generate(out, dialect);
    // A new file means the schema changed without `npm run db:generate` (and `npm run db:generate:pg`).
    expect(after).toEqual(before);
  });

  it('the check would notice a missing migration', () => {
    const out = join(tempDir(), 'empty');
    expect(generate(out, dialect)).toHaveLength(1);
  });

  it('every migration file is in the journal, in order', () => {
    const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
    expect(journal.entries.map((e) => `${e.tag}.sql`)).toEqual(sqlFiles(folder));
    expect(journal.entries.map((e) => e.idx)).toEqual(journal.entries.map((_, i) => i));
  });
});

describe('the PostgreSQL schema', () => {
  it('exports the twin of every SQLite table, under the same name', () => {
    const sqliteTables = Object.entries(sqliteSchema).filter(([, v]) => is(v, SQLiteTable)).map(([k]) => k).sort();
    const pgTables = Object.entries(pgSchemaModule).filter(([, v]) => is(v, PgTable)).map(([k]) => k).sort();
    expect(sqliteTables.length).toBeGreaterThan(20);
    // A table added to schema.ts but not to the export list of src/db/pg-schema.ts would miss its migration.
    expect(pgTables).toEqual(sqliteTables);
  });
});

describe('openDatabase', () => {
  it('opens a fresh file with WAL, foreign keys, a busy timeout and every migration applied', () => {
    const path = join(tempDir(), 'nested', 'folder', 'tracker.db');
    const db = openDatabase(path);
    try {
      expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
      expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL

      const applied = db.sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
      expect(applied.n).toBe(sqlFiles(MIGRATIONS_FOLDER).length);
      const tables = (db.sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name);
      expect(tables).toEqual(expect.arrayContaining(['plans', 'areas', 'projects', 'workstreams', 'actions', 'risks', 'issues', 'dependencies', 'benefits', 'highlight_reports', 'area_updates', 'meetings', 'api_tokens', 'audit_events']));

      // Foreign keys are enforced, not merely declared.
      const ts = '2022-11-18T12:00:00.000Z';
      expect(() =>
        db.sqlite
          .prepare('insert into areas (id, version, created_at, updated_at, plan_id, number, title) values (?, 1, ?, ?, ?, 1, ?)')
          .run('are_x', ts, ts, 'pln_missing', 'x'),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });

  it('reopens an existing database without applying anything twice', () => {
    const path = join(tempDir(), 'tracker.db');
    const first = openDatabase(path);
    const ts = '2022-11-18T12:00:00.000Z';
    first.sqlite
      .prepare('insert into plans (id, version, created_at, updated_at, title, kind, local_area) values (?, 1, ?, ?, ?, ?, ?)')
      .run('pln_keep', ts, ts, 'Kept', 'wsoa', 'Wolverhampton');
    first.close();
    const second = openDatabase(path);
    try {
      expect(second.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(second.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect((second.sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n).toBe(sqlFiles(MIGRATIONS_FOLDER).length);
      expect(second.sqlite.prepare('select title from plans where id = ?').get('pln_keep')).toEqual({ title: 'Kept' });
    } finally {
      second.close();
    }
  });
});
