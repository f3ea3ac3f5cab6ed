// The worker thread of ./pdf-check.ts: runs the checks of ./pdf-inspect.ts one job at a time, so a
// pathological PDF costs this thread's time and memory (both limited, and the thread replaced when it
// overruns), never the server's event loop.
import { parentPort } from 'node:worker_threads';
import { checkPdfHere, preparePdfHere, problemFor, type PdfLimits } from './pdf-inspect.js';

export interface PdfJob {
  id: number;
  op: 'check' | 'prepare';
  bytes: Uint8Array;
  limits: PdfLimits;
}

const port = parentPort!;
port.on('message', async (job: PdfJob) => {
  try {
    if (job.op === 'check') {
      port.postMessage({ id: job.id, result: await checkPdfHere(job.bytes, job.limits) });
    } else {
      const result = await preparePdfHere(job.bytes, job.limits);
      const transfer = result.ok && result.bytes ? [result.bytes.buffer as ArrayBuffer] : [];
      port.postMessage({ id: job.id, result }, transfer);
    }
  } catch {
    // An exception while reading untrusted bytes: the file is damaged in a way the parser did not expect.
    const problem = problemFor('damaged', 'The PDF could not be read: it may be damaged.');
    port.postMessage({ id: job.id, result: job.op === 'check' ? { ok: false, pages: 0, problems: [problem], activeContent: [] } : { ok: false, problem } });
  }
});
port.postMessage({ ready: true });
