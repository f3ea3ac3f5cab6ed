// The log destination of `npm start`: lines written synchronously (no thread-pool round trip per line, as
// pino's default has), but gathered per turn of the event loop, so a busy server makes one write for the
// requests that finished together instead of one each (a write per line cost ~5 µs of a ~50 µs GET).
// Pending lines are written before the process exits (normally, from a signal's handler, or after an
// uncaught exception); only a SIGKILL can lose them, and then only the current turn's.
import { writeSync } from 'node:fs';

export interface LogStream {
  write(line: string): void;
  flushSync(): void;
}

const FLUSH_AT = 64 * 1024;

/** Lines for `fd` (default stdout), written at the end of the current event-loop turn or at 64 KB. */
export function requestLogStream(fd = 1): LogStream {
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
        setImmediate(flushSync);
      }
    },
    flushSync,
  };
}
