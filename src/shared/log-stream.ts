// The log destination of `npm start`: lines written synchronously (no thread-pool round trip per line, as
// pino's default has), but gathered for up to 20 ms (or 64 KB), so a busy server makes one write for many
// requests instead of one each: a write per event-loop turn still cost ~6 µs of a ~50 µs GET, as a busy
// server finishes one or two requests a turn. Pending lines are written before the process exits
// (normally, from a signal's handler, or after an uncaught exception); only a SIGKILL can lose them, and
// then at most the last 20 ms of lines.
import { writeSync } from 'node:fs';

export interface LogStream {
  write(line: string): void;
  flushSync(): void;
}

const FLUSH_AT = 64 * 1024;
const FLUSH_AFTER_MS = 20;

/** Lines for `fd` (default stdout), written within `flushAfterMs` of the first pending one, or at 64 KB. */
export function requestLogStream(fd = 1, flushAfterMs = FLUSH_AFTER_MS): LogStream {
  let pending = '';
  let scheduled = false;
  const flushSync = () => {
    scheduled = false;
    if (!pending) return;
    let buf = Buffer.from(pending, 'utf8');
    pending = '';
    while (buf.length > 0) {
      try {
        buf = buf.subarray(writeSync(fd, buf));
      } catch (err) {
        // A non-blocking pipe that is full: wait a moment and go on (as pino's synchronous writer does).
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      }
    }
  };
  process.on('exit', flushSync);
  return {
    write(line: string) {
      pending += line;
      if (pending.length >= FLUSH_AT) flushSync();
      else if (!scheduled) {
        scheduled = true;
        // Unref'd: a pending line never keeps the process alive (it is written on exit).
        setTimeout(flushSync, flushAfterMs).unref();
      }
    },
    flushSync,
  };
}
