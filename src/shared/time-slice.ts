// Long synchronous work split into slices of a few milliseconds, so the event loop keeps serving what
// else is in flight (requests, and the DevTools messages a print in Chromium waits on) between them.

/** A function to await between units of work: it yields to the event loop once `sliceMs` have passed. */
export function timeSlicer(sliceMs = 4): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    const now = performance.now();
    if (now - since < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}
