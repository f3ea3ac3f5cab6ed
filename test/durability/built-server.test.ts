// The compiled server `npm start` runs (scripts/build.mjs → dist/) works as the TypeScript source does: it
// starts, prints a PDF, checks an uploaded PDF in its worker thread and reads an import in its reader
// thread — the paths that load files and workers relative to their own module.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript, no declarations
import { build, ROOT } from '../../scripts/build.mjs';
import { api, renderProgressReport, SERVER_ADMIN_TOKEN, startServer, type ServerProcess } from './server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'spt-built-'));
// Directly under the project root, as dist/ is (paths such as ../../templates depend on it).
const out = join(ROOT as string, `.dist-test-${process.pid}`);
let server: ServerProcess | undefined;

beforeAll(async () => {
  await (build as (outdir: string) => Promise<unknown>)(out);
}, 60_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  rmSync(out, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('the compiled server', () => {
  it('serves documents, uploads and imports from dist/', { timeout: 120_000 }, async () => {
    expect(existsSync(join(out, 'server.js'))).toBe(true);
    expect(existsSync(join(out, 'server.ts'))).toBe(false);
    server = await startServer(join(dir, 'built.db'), {}, [join(out, 'server.js')]);
    const call = api(server.base);

    const { planId, pdf } = await renderProgressReport(server);

    // The PDF checks run in a worker thread started from the compiled entry.
    const res = await fetch(`${server.base}/api/v1/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SERVER_ADMIN_TOKEN}`, 'content-type': 'application/pdf' },
      body: new Uint8Array(pdf),
    });
    expect(res.status, await res.clone().text()).toBe(201);

    // Imports are read in the reader's worker thread.
    const csv = await call('POST', `/plans/${planId}/import?sheet=areas`, { filename: 'areas.csv', content: Buffer.from('Number,Title\n4,Four\n').toString('base64') });
    expect(csv.status, csv.body.toString()).toBe(200);
    expect(csv.json().created.areas).toBe(1);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    // Nothing was compiled at run time: no TypeScript loader in the compiled server.
    expect(server.output()).not.toMatch(/tsx|ERR_UNKNOWN_FILE_EXTENSION/);
  });
});
