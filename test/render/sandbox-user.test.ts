// Run as an ordinary user, the renderer starts Chromium WITHOUT --no-sandbox and prints: its renderer
// processes run under a seccomp filter (mode 2), Chromium's sandbox. Needs root to switch to `nobody`
// (as on our CI machines); skipped elsewhere.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../durability/server-process.js';

const canSwitch = process.getuid?.() === 0 && spawnSync('su', ['nobody', '-s', '/bin/sh', '-c', 'true']).status === 0;

describe.skipIf(!canSwitch)('Chromium sandbox for a non-root server', () => {
  it('prints with the sandbox on (no --no-sandbox, renderers under seccomp)', { timeout: 120_000 }, () => {
    const home = mkdtempSync(join(tmpdir(), 'spt-sandbox-'));
    try {
      execFileSync('chown', ['nobody', home]);
      const out = execFileSync(
        'su',
        ['nobody', '-s', '/bin/sh', '-c', `cd '${ROOT}' && HOME='${home}' TMPDIR='${home}' '${process.execPath}' --import tsx test/render/sandbox-print.ts`],
        { encoding: 'utf8', timeout: 110_000, stdio: ['ignore', 'pipe', 'ignore'] },
      );
      const report = JSON.parse(out.trim().split('\n').pop()!);
      expect(report.uid).not.toBe(0);
      expect(report.pdfHeader).toBe('%PDF-');
      expect(report.args).not.toContain('--no-sandbox');
      expect(report.args).toContain('--disable-background-networking');
      expect(report.seccomp.length).toBeGreaterThan(0);
      for (const mode of report.seccomp) expect(mode).toBe('2');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
