// `npm start`: runs the compiled server (dist/server.js, see scripts/build.mjs) in this process, rebuilding
// it first when src/ has changed since the last build (a read-only install must have run the build).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, isStale, ROOT } from './build.mjs';

if (isStale()) {
  try {
    await build();
  } catch (err) {
    process.stderr.write(`Could not start: dist/ is missing or older than src/, and building it failed (${err.message}). Run \`npm run build\` where the code can be written.\n`);
    process.exit(1);
  }
}
await import(pathToFileURL(join(ROOT, 'dist/server.js')).href);
