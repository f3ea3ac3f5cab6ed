// Data files private to the server's user: the data folder created 0700, the SQLite database and its
// -wal/-shm/-journal files 0600 (backups too). New files are created under a 077 umask (SQLite gives
// the -wal and -shm files the database's own mode), and existing files are tightened on open.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;
const SQLITE_SUFFIXES = ['', '-wal', '-shm', '-journal'];

/** Runs `fn` with umask 077, so whatever it creates is readable by our user only. */
export function withPrivateUmask<T>(fn: () => T): T {
  let previous: number | null = null;
  try {
    previous = process.umask(0o077);
  } catch {
    // worker threads cannot change the umask: the chmod afterwards still applies
  }
  try {
    return fn();
  } finally {
    if (previous !== null) process.umask(previous);
  }
}

/** Creates the folder holding `file` (and any missing parents) 0700; a folder that exists is left as it is. */
export function ensurePrivateFolderFor(file: string): void {
  const folder = dirname(resolve(file));
  const first = mkdirSync(folder, { recursive: true, mode: PRIVATE_DIR });
  if (!first) return;
  // Every folder mkdir created, from the first one down to ours.
  for (let dir = folder; dir.length >= first.length; dir = dirname(dir)) {
    chmodSync(dir, PRIVATE_DIR);
    if (dir === first) break;
  }
}

/** Sets the database file and its -wal/-shm/-journal companions that exist to 0600. */
export function restrictDatabaseFiles(path: string): void {
  for (const suffix of SQLITE_SUFFIXES) {
    if (existsSync(path + suffix)) chmodSync(path + suffix, PRIVATE_FILE);
  }
}
