// Names of stored files inside an evidence bundle: files/<slug>.<ext>, readable, ASCII, unique, each file once.
import { UPLOAD_EXTENSIONS } from '../uploads/content-check.js';

export function slug(text: string, max = 60): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '')
    .toLowerCase();
  return s || 'file';
}

/** Assigns each upload one name (from its file name, else the first item's title), unique within the bundle. */
export function bundleNames(uploads: { id: string; mediaType: string; filename: string | null; firstTitle: string }[]): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>(['index.pdf']);
  for (const u of uploads) {
    if (names.has(u.id)) continue;
    const ext = UPLOAD_EXTENSIONS[u.mediaType] ?? 'bin';
    const stem = slug(u.filename ?? u.firstTitle);
    let name = `files/${stem}.${ext}`;
    for (let n = 2; used.has(name); n++) name = `files/${stem}-${n}.${ext}`;
    used.add(name);
    names.set(u.id, name);
  }
  return names;
}
