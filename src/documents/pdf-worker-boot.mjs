// Starts a worker thread whose entry is TypeScript: registers tsx in the worker (loader hooks are not
// inherited by workers), then loads the entry named in workerData.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
