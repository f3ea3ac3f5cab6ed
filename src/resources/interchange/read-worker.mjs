// Entry of the import reader's worker thread when run from the TypeScript source (the compiled server starts
// read-worker.js itself). Under `tsx` the TypeScript loader is inherited; anywhere else (vitest, plain node)
// tsx is registered here first.
try {
  await import('./read-worker.ts');
} catch (err) {
  if (err?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw err;
  const { register } = await import('tsx/esm/api');
  register();
  // Another URL: the failed import above stays cached under the plain one.
  await import('./read-worker.ts?tsx');
}
