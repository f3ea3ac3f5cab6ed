// npm run backup -- <file>             a consistent copy of the database, safe while the server is running
// npm run backup -- --restore <file>   puts a backup in place of the database (stop the server first)
//
// Both use SQLite's online backup API, so they see one committed state of the source (never a torn mix
// of pages) and cooperate with the live server's WAL and locks; copying the .db file with cp does not.
// A backup is written to a temporary file beside the target, checked with PRAGMA integrity_check,
// turned into one self-contained file (rollback journal, no -wal beside it), and only then renamed into
// place. Options: --from <db> (backup source) and --to <db> (restore target) default to DATABASE_PATH;
// --force overwrites an existing backup file / restores over an existing database.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { restrictDatabaseFiles, withPrivateUmask } from '../db/file-modes.js';

export interface BackupResult {
  source: string;
  destination: string;
  pages: number;
  bytes: number;
  /** The newest audit entry in the copy: the copy holds every change up to and including it. */
  lastAuditSeq: number | null;
  ms: number;
}

/** Runs the online backup of `source` into a new file `destination` (all pages in one step: one snapshot). */
async function copyWithBackupApi(source: string, destination: string): Promise<number> {
  const src = new Database(source, { readonly: true, fileMustExist: true });
  try {
    src.pragma('busy_timeout = 10000');
    // After the first (empty) step, copy every remaining page in one step: the read lock is then held
    // for the whole copy, so concurrent writers cannot make it restart forever, and the copy is one
    // committed state of the database.
    const result = await src.backup(destination, { progress: () => 0x7fffffff });
    return result.totalPages;
  } finally {
    src.close();
  }
}

function verify(path: string): { lastAuditSeq: number | null } {
  const db = new Database(path, { fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const result = rows.map((r) => r.integrity_check).join('; ');
    if (result !== 'ok') throw new Error(`integrity_check of ${path} failed: ${result}`);
    const hasAudit = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'audit_events'").get();
    if (!hasAudit) throw new Error(`${path} is not a SEND plan tracker database (no audit_events table).`);
    const last = db.prepare('select max(seq) as seq from audit_events').get() as { seq: number | null };
    return { lastAuditSeq: last.seq };
  } finally {
    db.close();
  }
}

const tempBeside = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.partial`);

function removeDbFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/** A consistent copy of the (possibly live) database `source` at `destination`. */
export async function backupDatabase(source: string, destination: string, opts: { force?: boolean } = {}): Promise<BackupResult> {
  const started = Date.now();
  source = resolve(source);
  destination = resolve(destination);
  if (!existsSync(source)) throw new Error(`No database at ${source}.`);
  if (source === destination) throw new Error('The backup must not be the database itself.');
  if (existsSync(destination) && !opts.force) throw new Error(`${destination} exists; pass --force to overwrite it.`);
  if (!existsSync(dirname(destination))) throw new Error(`The folder ${dirname(destination)} does not exist.`);
  const temp = tempBeside(destination);
  try {
    // Created 0600 like the database (the umask covers the file SQLite creates; chmod, one made before).
    const previousUmask = process.umask(0o077);
    let pages: number;
    try {
      pages = await copyWithBackupApi(source, temp);
    } finally {
      process.umask(previousUmask);
    }
    restrictDatabaseFiles(temp);
    const copy = withPrivateUmask(() => new Database(temp));
    copy.pragma('journal_mode = DELETE'); // one self-contained file
    copy.close();
    const { lastAuditSeq } = verify(temp);
    renameSync(temp, destination);
    restrictDatabaseFiles(destination);
    return { source, destination, pages, bytes: statSync(destination).size, lastAuditSeq, ms: Date.now() - started };
  } finally {
    removeDbFiles(temp);
  }
}

/**
 * Replaces the database at `target` with the backup at `backup`, through the backup API (so any WAL the
 * old database left behind is overwritten consistently, never replayed onto the restored pages). The
 * previous database is first saved beside it as `<target>.before-restore-<time>`. Stop the server first.
 */
export async function restoreDatabase(
  backup: string,
  target: string,
  opts: { force?: boolean } = {},
): Promise<BackupResult & { previous: string | null }> {
  const started = Date.now();
  backup = resolve(backup);
  target = resolve(target);
  if (!existsSync(backup)) throw new Error(`No backup at ${backup}.`);
  if (backup === target) throw new Error('The backup and the database are the same file.');
  verify(backup);
  let previous: string | null = null;
  if (existsSync(target)) {
    if (!opts.force) throw new Error(`${target} exists; stop the server and pass --force to replace it (it is saved first).`);
    previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await backupDatabase(target, previous);
  }
  const previousUmask = process.umask(0o077);
  let pages: number;
  try {
    pages = await copyWithBackupApi(backup, target);
  } finally {
    process.umask(previousUmask);
  }
  const db = withPrivateUmask(() => new Database(target));
  db.pragma('journal_mode = WAL'); // as the server runs it
  db.close();
  restrictDatabaseFiles(target);
  const { lastAuditSeq } = verify(target);
  return { source: backup, destination: target, pages, bytes: statSync(target).size, lastAuditSeq, ms: Date.now() - started, previous };
}

const USAGE = `Usage:
  npm run backup -- <backup-file> [--from <database>] [--force]
  npm run backup -- --restore <backup-file> [--to <database>] [--force]
The database defaults to DATABASE_PATH (./data/tracker.db).`;

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return false;
    args.splice(i, 1);
    return true;
  };
  const option = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const value = args[i + 1];
    if (!value || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
    args.splice(i, 2);
    return value;
  };
  try {
    if (flag('--help') || flag('-h')) {
      console.log(USAGE);
      return 0;
    }
    const force = flag('--force');
    const restore = option('--restore');
    const from = option('--from');
    const to = option('--to');
    const database = process.env.DATABASE_PATH || './data/tracker.db';
    if (restore) {
      if (args.length) throw new UsageError(`unexpected ${args.join(' ')}`);
      const r = await restoreDatabase(restore, to ?? database, { force });
      console.log(
        `Restored ${r.source} into ${r.destination}: ${r.pages} pages, integrity ok, last audit entry ${r.lastAuditSeq ?? 'none'}` +
          (r.previous ? `; the previous database is saved as ${r.previous}` : '') +
          '.',
      );
      return 0;
    }
    if (args.length !== 1 || args[0]!.startsWith('--')) throw new UsageError('name one backup file');
    const r = await backupDatabase(from ?? database, args[0]!, { force });
    console.log(
      `Backed up ${r.source} to ${r.destination}: ${r.pages} pages (${r.bytes} bytes) in ${r.ms} ms, integrity ok, last audit entry ${r.lastAuditSeq ?? 'none'}.`,
    );
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${USAGE}`);
      return 2;
    }
    console.error(`backup failed: ${(err as Error).message}`);
    return 1;
  }
}

class UsageError extends Error {}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
