// Run by sandbox-user.test.ts as an unprivileged user: prints one page through the Renderer and reports
// (JSON on stdout) Chromium's flags and the seccomp mode of its renderer processes.
import { readFileSync } from 'node:fs';
import { isRendererProcess, processTree } from '../../src/render/process-memory.js';
import { Renderer } from '../../src/render/renderer.js';

const r = new Renderer({ idleCloseMs: 0 });
try {
  const pdf = await r.pdf('<!doctype html><html lang="en"><head><title>t</title></head><body><p>printed in the sandbox</p></body></html>');
  const browser = (await r.currentBrowser())!;
  const root = browser.process()!.pid!;
  const seccomp = processTree(root)
    .filter(isRendererProcess)
    .map((pid) => /^Seccomp:\s+(\d)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '?');
  console.log(JSON.stringify({ uid: process.getuid!(), pdfHeader: pdf.subarray(0, 5).toString(), args: browser.process()!.spawnargs, seccomp }));
} finally {
  await r.close();
}
