// Compiles src/ to plain JavaScript in dist/ for `npm start`: one .js file per .ts file (no bundling, so
// every import and every path relative to a module's own file stays as it is in src/), other files copied.
// Run by `npm install` (postinstall) and `npm run build`; scripts/start.mjs rebuilds when src/ is newer.
// Why: under tsx the server carried the TypeScript loader's own thread and heap and every module's source
// map, ~65 MB of the ~200 MB it used at rest (measured, README "Performance").
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
/** Written last: its time is the build's, and its absence marks an unfinished build. */
const STAMP = '.built';

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Whether `outdir` is missing, unfinished, or older than any file in src/ (or package-lock.json). */
export function isStale(outdir = join(ROOT, 'dist')) {
  let built;
  try {
    built = statSync(join(outdir, STAMP)).mtimeMs;
  } catch {
    return true;
  }
  for (const file of [join(ROOT, 'package-lock.json'), ...files(SRC)]) if (existsSync(file) && statSync(file).mtimeMs > built) return true;
  return false;
}

/**
 * Builds src/ into `outdir`, a folder directly under the project root (so `../../templates` from
 * dist/render/ is the project's templates/, as from src/render/). Built beside it and swapped in whole, so a
 * server starting meanwhile never loads half of one build.
 */
export async function build(outdir = join(ROOT, 'dist')) {
  if (dirname(resolve(outdir)) !== ROOT) throw new Error(`the build must go directly under ${ROOT}, not ${outdir}`);
  const { build: esbuild, stop } = await import('esbuild');
  const tmp = `${outdir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const all = [...files(SRC)];
  const ts = all.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  await esbuild({
    entryPoints: ts,
    outdir: tmp,
    outbase: SRC,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Beside each file, unused unless node runs with --enable-source-maps (stack traces in TypeScript lines).
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // esbuild's service process would otherwise live on beside the server that started it (~70 MB).
  await stop();
  for (const file of all) {
    if (file.endsWith('.ts') || file.endsWith('.md')) continue;
    const to = join(tmp, relative(SRC, file));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(file, to);
  }
  writeFileSync(join(tmp, STAMP), `${new Date().toISOString()}\n`);
  const old = `${outdir}.old-${process.pid}`;
  if (existsSync(outdir)) renameSync(outdir, old);
  renameSync(tmp, outdir);
  rmSync(old, { recursive: true, force: true });
  return { files: ts.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const { files: n } = await build();
  process.stderr.write(`built ${n} modules into dist/ in ${Math.round(performance.now() - started)} ms\n`);
}
