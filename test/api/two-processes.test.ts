// Two server processes on one database (issue 12): two apps, each with its own connections (SQLite writer
// and reader, or a PostgreSQL pool), over real ports — and a real child server process as well. An
// If-Match race across them has one winner, a token revoked through one is refused by the other within 2 s,
// and a published report's PDF is the same bytes from either.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { ADMIN_TOKEN, createTestApp, FIXED_NOW, type TestApp } from '../helpers/app.js';
import { ON_POSTGRES } from '../helpers/postgres.js';
import { startServer, type ServerProcess } from '../durability/server-process.js';

let a: TestApp;
let b: FastifyInstance;
let baseA: string;
let baseB: string;

const urlOf = (app: FastifyInstance) => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;

async function call(base: string, method: string, path: string, opts: { body?: unknown; token?: string; headers?: Record<string, string> } = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${opts.token ?? ADMIN_TOKEN}`, ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, etag: res.headers.get('etag'), type: res.headers.get('content-type'), bytes, json: () => JSON.parse(bytes.toString('utf8')) };
}

let planId: string;
beforeAll(async () => {
  a = await createTestApp();
  b = await buildApp({ ...a.database, adminToken: ADMIN_TOKEN, now: () => FIXED_NOW, mail: { outboxDir: join(a.dir, 'outbox-b'), publicBaseUrl: 'http://tracker.test' }, scheduler: false });
  await a.app.listen({ port: 0, host: '127.0.0.1' });
  await b.listen({ port: 0, host: '127.0.0.1' });
  baseA = urlOf(a.app);
  baseB = urlOf(b);
  planId = (await call(baseA, 'POST', '/plans', { body: { title: 'Priority action plan', kind: 'priority-action-plan', localArea: 'Wolverhampton' } })).json().id;
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

async function newAction(ref: string) {
  const created = await call(baseA, 'POST', `/plans/${planId}/actions`, { body: { ref, title: `Action ${ref}`, dueDate: '2023-06-30' } });
  expect(created.status).toBe(201);
  return created.json().id as string;
}

describe('two server processes on one database', () => {
  it('an If-Match race across the two has exactly one winner (200) and one 412, every time', async () => {
    for (let round = 1; round <= 8; round++) {
      const id = await newAction(`1.${round}`);
      // Both read version 1 …
      const [seenA, seenB] = await Promise.all([call(baseA, 'GET', `/actions/${id}`), call(baseB, 'GET', `/actions/${id}`)]);
      expect([seenA.etag, seenB.etag]).toEqual(['"1"', '"1"']);
      // … and both write with it, at once.
      const [fromA, fromB] = await Promise.all([
        call(baseA, 'PATCH', `/actions/${id}`, { body: { owner: 'Owner A', percentComplete: 10 }, headers: { 'if-match': seenA.etag! } }),
        call(baseB, 'PATCH', `/actions/${id}`, { body: { owner: 'Owner B', percentComplete: 20 }, headers: { 'if-match': seenB.etag! } }),
      ]);
      expect([fromA.status, fromB.status].sort()).toEqual([200, 412]);
      const [winner, loser] = fromA.status === 200 ? [fromA, fromB] : [fromB, fromA];
      expect(loser.json().currentVersion).toBe(2);
      // Either process now answers the winner's write, whole.
      for (const base of [baseA, baseB]) {
        const now = await call(base, 'GET', `/actions/${id}`);
        expect(now.etag).toBe('"2"');
        expect({ owner: now.json().owner, percentComplete: now.json().percentComplete }).toEqual({ owner: winner.json().owner, percentComplete: winner.json().percentComplete });
      }
    }
  });

  it('a token revoked through one is refused by the other within 2 s', async () => {
    const created = (await call(baseA, 'POST', '/tokens', { body: { name: 'revoked across processes', role: 'viewer' } })).json();
    // Both know the token (and have it cached).
    for (const base of [baseA, baseB]) for (let i = 0; i < 2; i++) expect((await call(base, 'GET', '/plans', { token: created.token })).status).toBe(200);
    expect((await call(baseA, 'DELETE', `/tokens/${created.id}`)).status).toBe(204);
    const revokedAt = performance.now();
    expect((await call(baseA, 'GET', '/plans', { token: created.token })).status).toBe(401);
    let status = 200;
    while (status === 200 && performance.now() - revokedAt < 10_000) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await call(baseB, 'GET', '/plans', { token: created.token })).status;
    }
    expect(status).toBe(401);
    expect(performance.now() - revokedAt).toBeLessThan(2_000);
  });

  it('a published highlight report’s PDF is byte-identical from either process', async () => {
    const project = (await call(baseA, 'POST', `/plans/${planId}/projects`, { body: { code: 'PR000681', name: 'Culture of Inclusion', author: 'Programme manager' } })).json();
    const report = (
      await call(baseA, 'POST', `/projects/${project.id}/highlight-reports`, {
        body: { periodStart: '2022-11-01', periodEnd: '2022-11-30', overallStatus: 'at-risk', statusSummary: { tasks: { status: 'at-risk', explanation: 'Late' } } },
      })
    ).json();
    const published = await call(baseA, 'POST', `/highlight-reports/${report.id}/publish`, { headers: { 'if-match': '"1"' } });
    expect(published.status).toBe(200);
    const [pdfA, pdfB] = await Promise.all([call(baseA, 'GET', `/highlight-reports/${report.id}/pdf`), call(baseB, 'GET', `/highlight-reports/${report.id}/pdf`)]);
    for (const pdf of [pdfA, pdfB]) {
      expect(pdf.status).toBe(200);
      expect(pdf.type).toMatch(/^application\/pdf/);
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    expect(pdfB.bytes.equals(pdfA.bytes)).toBe(true);
    expect(createHash('sha256').update(pdfA.bytes).digest('hex')).toBe(published.json().pdfSha256);
    expect(pdfB.etag).toBe(pdfA.etag);
  });
});

// A real second server: src/server.ts in a child process, on the same SQLite file or PostgreSQL database.
describe('with a real child server process as well', () => {
  let child: ServerProcess | undefined;
  afterAll(async () => {
    if (child && child.child.exitCode === null) {
      child.child.kill('SIGTERM');
      await child.exited;
    }
  });

  it('an If-Match race across two apps and a child process has exactly one winner', async () => {
    child = await startServer(a.dbPath, ON_POSTGRES ? { DATABASE_URL: a.database.databaseUrl! } : {});
    const baseC = `${child.base}/api/v1`;
    // A stored token works in every process (the child has its own ADMIN_TOKEN).
    const editor = (await call(baseA, 'POST', '/tokens', { body: { name: 'editor for three processes', role: 'editor' } })).json().token as string;
    for (let round = 1; round <= 5; round++) {
      const id = await newAction(`2.${round}`);
      const bases = [baseA, baseB, baseC];
      const seen = await Promise.all(bases.map((base) => call(base, 'GET', `/actions/${id}`, { token: editor })));
      expect(seen.map((s) => s.etag)).toEqual(['"1"', '"1"', '"1"']);
      const results = await Promise.all(
        bases.map((base, i) => call(base, 'PATCH', `/actions/${id}`, { token: editor, body: { owner: `Owner ${i}`, percentComplete: i + 1 }, headers: { 'if-match': '"1"' } })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412]);
      const stored = await call(baseC, 'GET', `/actions/${id}`, { token: editor });
      expect(stored.etag).toBe('"2"');
      const winner = results.find((r) => r.status === 200)!.json();
      expect(stored.json().owner).toBe(winner.owner);
    }
  });
});
