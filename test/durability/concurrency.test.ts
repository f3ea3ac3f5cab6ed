// Concurrency through a real port (many parallel HTTP requests, not sequential inject calls): the same
// If-Match wins exactly once, read-modify-write clients lose nothing, parallel creates all land, and the
// audit trail agrees with the data afterwards (each change and its audit row commit together).
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let base: string;
const headers = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

async function call(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
  const res = await fetch(base + path, { method, headers: { ...headers, ...extra }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, etag: res.headers.get('etag'), json: text ? JSON.parse(text) : null };
}

let planId: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1`;
  planId = (await call('POST', '/plans', { title: 'Priority action plan', kind: 'priority-action-plan', localArea: 'Wolverhampton' })).json.id;
});
afterAll(() => t.close());

describe('concurrent writers', () => {
  it('lets exactly one of many PATCHes with the same If-Match win; the others get 412', async () => {
    const action = (await call('POST', `/plans/${planId}/actions`, { ref: '1.1', title: 'EHCP quality assurance', dueDate: '2023-06-30' })).json;
    const N = 48;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => call('PATCH', `/actions/${action.id}`, { owner: `Owner ${i}`, percentComplete: i + 1 }, { 'if-match': '"1"' })),
    );
    const ok = results.filter((r) => r.status === 200);
    const stale = results.filter((r) => r.status === 412);
    expect(ok).toHaveLength(1);
    expect(stale).toHaveLength(N - 1);
    expect(stale.every((r) => r.json.currentVersion === 2)).toBe(true);
    const final = await call('GET', `/actions/${action.id}`);
    expect(final.json.version).toBe(2);
    expect(final.etag).toBe('"2"');
    // The winner's change is the one stored, whole (no mix of two requests' fields).
    expect({ owner: final.json.owner, percentComplete: final.json.percentComplete }).toEqual({
      owner: ok[0]!.json.owner,
      percentComplete: ok[0]!.json.percentComplete,
    });
    expect(Number(final.json.owner.replace('Owner ', '')) + 1).toBe(final.json.percentComplete);
    const audit = (await call('GET', `/audit?resourceType=action&resourceId=${action.id}`)).json.items;
    expect(audit.map((e: { operation: string }) => e.operation)).toEqual(['create', 'update']);
  });

  it('loses nothing when many clients read, modify and write back with If-Match (retrying on 412)', async () => {
    const project = (await call('POST', `/plans/${planId}/projects`, { code: 'PR000681', name: 'Culture of Inclusion' })).json;
    const report = (
      await call('POST', `/projects/${project.id}/highlight-reports`, { periodStart: '2022-11-01', periodEnd: '2022-11-30', overallStatus: 'on-target' })
    ).json;
    const clients = 12;
    const perClient = 4;
    let conflicts = 0;
    async function client(c: number) {
      for (let k = 0; k < perClient; k++) {
        for (;;) {
          const current = await call('GET', `/highlight-reports/${report.id}`);
          const achievements = [...current.json.achievements, { text: `client ${c} item ${k}` }];
          const res = await call('PATCH', `/highlight-reports/${report.id}`, { achievements }, { 'if-match': current.etag! });
          if (res.status === 200) break;
          expect(res.status).toBe(412);
          conflicts++;
        }
      }
    }
    await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
    const final = (await call('GET', `/highlight-reports/${report.id}`)).json;
    const texts = final.achievements.map((a: { text: string }) => a.text).sort();
    const expected = Array.from({ length: clients * perClient }, (_, i) => `client ${Math.floor(i / perClient)} item ${i % perClient}`).sort();
    expect(texts).toEqual(expected);
    expect(final.version).toBe(1 + clients * perClient);
    // Every accepted write is one audit entry, in version order.
    const audit = (await call('GET', `/audit?resourceType=highlight-report&resourceId=${report.id}&operation=update&limit=500`)).json.items;
    expect(audit.map((e: { after: { version: number } }) => e.after.version)).toEqual(Array.from({ length: clients * perClient }, (_, i) => i + 2));
    expect(conflicts).toBeGreaterThanOrEqual(0); // how many retries depends on scheduling; correctness does not
  });

  it('stores every one of many parallel creates, each with its audit entry', async () => {
    const N = 150;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => call('POST', `/plans/${planId}/actions`, { ref: `9.${i + 1}`, title: `Parallel action ${i + 1}`, dueDate: '2023-12-31' })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(N).fill(201));
    const ids = new Set(results.map((r) => r.json.id as string));
    expect(ids.size).toBe(N);
    const listed: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { items: { id: string; ref: string }[]; nextCursor: string | null } } = await call(
        'GET',
        `/plans/${planId}/actions?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      );
      listed.push(...page.json.items.filter((a) => a.ref.startsWith('9.')).map((a) => a.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(new Set(listed)).toEqual(ids);

    // Duplicate refs sent at once: one wins, the rest are 409 and leave no trace.
    const dupes = await Promise.all(
      Array.from({ length: 20 }, () => call('POST', `/plans/${planId}/actions`, { ref: '7.7', title: 'Same ref', dueDate: '2023-12-31' })),
    );
    expect(dupes.filter((r) => r.status === 201)).toHaveLength(1);
    expect(dupes.filter((r) => r.status === 409)).toHaveLength(19);
  });

  it('leaves the audit trail consistent with the data', () => {
    const db = new Database(t.dbPath, { readonly: true });
    try {
      const actions = db.prepare('select id, version from actions').all() as { id: string; version: number }[];
      const creates = db.prepare("select resource_id as id, count(*) as n from audit_events where resource_type = 'action' and operation = 'create' group by resource_id").all() as { id: string; n: number }[];
      const updates = db.prepare("select resource_id as id, count(*) as n from audit_events where resource_type = 'action' and operation = 'update' group by resource_id").all() as { id: string; n: number }[];
      const createCount = new Map(creates.map((r) => [r.id, r.n]));
      const updateCount = new Map(updates.map((r) => [r.id, r.n]));
      for (const a of actions) {
        expect(createCount.get(a.id)).toBe(1);
        expect(updateCount.get(a.id) ?? 0).toBe(a.version - 1);
      }
      expect(creates.length).toBe(actions.length);
      expect((db.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
    } finally {
      db.close();
    }
  });
});
