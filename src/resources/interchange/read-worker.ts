// The import reader's worker thread: reads one upload with readUpload (within the limits it is given) and,
// given the plan's records, checks the rows against them (planImport); it posts the rows or the plan back in
// batches, so the main thread never parses a workbook and a bomb only ever fills this
// thread's bounded heap. The pool ends the thread after a limit was hit, or when it has been idle a while,
// giving all of its memory back.
import { parentPort } from 'node:worker_threads';
import { planImport } from './import-plan.js';
import { ImportLimitError } from './limits.js';
import { UnreadableUploadError } from './problems.js';
import { readUpload } from './read.js';
import { ROW_BATCH, toWire, type ReaderRequest, type ReaderMessage } from './read-wire.js';

const port = parentPort!;
const post = (m: ReaderMessage) => port.postMessage(m);

port.on('message', async (req: ReaderRequest) => {
  try {
    const read = await readUpload(Buffer.from(req.bytes), req.format, req.kind, req.limits);
    if (req.planData) {
      const plan = planImport(read, req.planData);
      for (let i = 0; i < plan.rows.length; i += ROW_BATCH) post({ type: 'plan-rows', rows: plan.rows.slice(i, i + ROW_BATCH) });
      post({ type: 'planned', rowCount: read.rowCount, problems: plan.problems, warnings: plan.warnings, columns: plan.columns });
      return;
    }
    const { meta, rows } = toWire(read);
    meta.sheets.forEach((_, sheet) => {
      const all = rows[sheet]!;
      for (let i = 0; i < all.length; i += ROW_BATCH) post({ type: 'rows', sheet, rows: all.slice(i, i + ROW_BATCH) });
    });
    post({ type: 'done', meta });
  } catch (err) {
    if (err instanceof ImportLimitError) post({ type: 'limit', limit: err.limit, reason: err.reason, part: err.part });
    else if (err instanceof UnreadableUploadError) post({ type: 'unreadable', status: err.status as 400 | 415, detail: err.message });
    else post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
});
