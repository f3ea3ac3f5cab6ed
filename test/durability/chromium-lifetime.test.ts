// Chromium's lifetime follows the real server's (src/server.ts): driven over a pipe, it exits when the
// server is SIGKILLed (nothing left behind); and it is closed after RENDER_IDLE_CLOSE_MS without renders,
// then started again on demand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { treePssMb } from '../../src/render/process-memory.js';
import { descendants, isAlive, renderProgressReport, startServer, waitUntil, type ServerProcess } from './server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'spt-chromium-'));
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) {
    if (s.child.exitCode === null && s.child.signalCode === null) {
      s.child.kill('SIGKILL');
      await s.exited;
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

const chromium = (pid: number) => descendants(pid).filter((p) => /chrom/i.test(p.comm));

describe('Chromium lives no longer than the server', () => {
  it('exits when the server is killed with SIGKILL', { timeout: 120_000 }, async () => {
    const s = await startServer(join(dir, 'kill.db'));
    servers.push(s);
    await renderProgressReport(s);
    const browsers = chromium(s.pid);
    expect(browsers.length).toBeGreaterThan(0);
    s.child.kill('SIGKILL');
    await s.exited;
    // Orphans are re-parented (to init or a subreaper), so they are followed by pid, not by parentage.
    const gone = await waitUntil(() => browsers.every((p) => !isAlive(p.pid)), 10_000);
    expect(browsers.filter((p) => isAlive(p.pid)).map((p) => `${p.pid} ${p.comm}`)).toEqual([]);
    expect(gone).toBe(true);
  });

  it('is closed after the idle period and started again for the next render', { timeout: 120_000 }, async () => {
    const s = await startServer(join(dir, 'idle.db'), { RENDER_IDLE_CLOSE_MS: '1000' });
    servers.push(s);
    await renderProgressReport(s);
    const busyPss = treePssMb(s.pid);
    expect(chromium(s.pid).length).toBeGreaterThan(0);
    expect(await waitUntil(() => chromium(s.pid).length === 0, 20_000)).toBe(true);
    const idlePss = treePssMb(s.pid);
    await renderProgressReport(s);
    expect(chromium(s.pid).length).toBeGreaterThan(0);
    console.log(`server + Chromium PSS after a render ${Math.round(busyPss)} MB; idle (Chromium closed) ${Math.round(idlePss)} MB`);
    expect(idlePss).toBeLessThan(busyPss);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });
});
