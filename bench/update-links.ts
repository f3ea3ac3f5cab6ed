// npx tsx bench/update-links.ts [N]: how long the owner's page takes to refuse a link that was guessed,
// one that has expired and one whose round is closed (all 404, the same page), against a live link's
// page. Interleaved samples through app.inject, median and p90 in microseconds. A measurement to read, not
// a test: the claim is "no timing difference worth measuring" between the three refusals.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { buildApp } from '../src/app.js';

const N = Number(process.argv[2] ?? 3000);
const dir = mkdtempSync(join(tmpdir(), 'spt-bench-links-'));
let clock = new Date('2022-11-18T09:00:00Z');
const app = await buildApp({ databasePath: join(dir, 'db.sqlite'), adminToken: 'bench-admin-token-0123456789', now: () => clock, mail: { outboxDir: join(dir, 'outbox'), publicBaseUrl: 'http://bench.test' } });
const auth = { authorization: 'Bearer bench-admin-token-0123456789', 'content-type': 'application/json' };
const post = async (url: string, body: object) => (await app.inject({ method: 'POST', url, headers: auth, payload: JSON.stringify(body) })).json();

const plan = await post('/api/v1/plans', { title: 'Bench', kind: 'wsoa', localArea: 'Bench' });
for (let i = 1; i <= 3; i++) await post(`/api/v1/plans/${plan.id}/actions`, { ref: `1.${i}`, title: `Action ${i}`, dueDate: '2023-03-31', ownerEmail: `owner${i}@example.org` });
const expiring = await post(`/api/v1/plans/${plan.id}/update-rounds`, { title: 'Old', opensOn: '2022-09-01', dueOn: '2022-09-30' });
const secrets: string[] = [];
for (const f of readdirSync(join(dir, 'outbox')).sort()) secrets.push(/\/update\/([A-Za-z0-9_-]{43})/.exec((await simpleParser(readFileSync(join(dir, 'outbox', f)))).text!)![1]!);
const expired = secrets[0]!; // its round's links died 30 days after 30 Sep 2022
const live = (await post(`/api/v1/plans/${plan.id}/update-rounds`, { title: 'Live', opensOn: '2022-11-01', dueOn: '2022-11-30' })).requests;
const all = readdirSync(join(dir, 'outbox')).sort();
const liveSecret = /\/update\/([A-Za-z0-9_-]{43})/.exec((await simpleParser(readFileSync(join(dir, 'outbox', all[all.length - 1]!)))).text!)![1]!;
const closedRound = await post(`/api/v1/plans/${plan.id}/update-rounds`, { title: 'Closed', opensOn: '2022-11-01', dueOn: '2022-11-30' });
const after = readdirSync(join(dir, 'outbox')).sort();
const closed = /\/update\/([A-Za-z0-9_-]{43})/.exec((await simpleParser(readFileSync(join(dir, 'outbox', after[after.length - 1]!)))).text!)![1]!;
await app.inject({ method: 'PATCH', url: `/api/v1/update-rounds/${closedRound.id}`, headers: auth, payload: JSON.stringify({ state: 'closed' }) });
void expiring;
void live;

const kinds = {
  guessed: () => 'G' + liveSecret.slice(1).split('').reverse().join(''),
  expired: () => expired,
  closed: () => closed,
  live: () => liveSecret,
};
const samples: Record<string, number[]> = { guessed: [], expired: [], closed: [], live: [] };
for (let i = 0; i < N + 200; i++) {
  for (const [k, secret] of Object.entries(kinds)) {
    const t0 = process.hrtime.bigint();
    const res = await app.inject({ method: 'GET', url: `/update/${secret()}` });
    const us = Number(process.hrtime.bigint() - t0) / 1000;
    if (i >= 200) samples[k]!.push(us); // the first 200 rounds warm up
    if ((k === 'live') !== (res.statusCode === 200)) throw new Error(`${k}: ${res.statusCode}`);
  }
}
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))]!;
for (const [k, xs] of Object.entries(samples)) console.log(`${k.padEnd(8)} median ${q(xs, 0.5).toFixed(0).padStart(5)} µs   p90 ${q(xs, 0.9).toFixed(0).padStart(5)} µs`);
await app.close();
rmSync(dir, { recursive: true, force: true });
