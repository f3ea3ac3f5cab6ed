// The update-round scheduler on a fake clock: opening on the day, one reminder after N working days
// (across Christmas 2022 and the 2023 coronation bank holiday), one escalation on dueOn, and each once
// even with two app instances (processes) sharing the database.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { LOCK_KEYS } from '../../src/db/advisory-locks.js';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app.js';
import { ON_POSTGRES } from '../helpers/postgres.js';

let t: TestApp;
let clock = new Date('2022-12-21T09:00:00Z');
let planId: string;
const outbox = () => join(t.dir, 'outbox');

async function mails(): Promise<ParsedMail[]> {
  if (!existsSync(outbox())) return [];
  const files = readdirSync(outbox()).sort();
  return Promise.all(files.map((f) => simpleParser(readFileSync(join(outbox(), f)))));
}
const at = (iso: string) => {
  clock = new Date(iso);
};
const run = () => t.app.updateRounds.scheduler.runOnce();
const round = async (id: string) => (await t.admin.get(`/api/v1/update-rounds/${id}`)).json();

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  planId = (await t.admin.post('/api/v1/plans', { title: 'Plan', kind: 'wsoa', localArea: 'Somewhere' })).json().id;
  for (const [ref, email] of [
    ['1.1', 'ann@example.org'],
    ['1.2', 'bob@example.org'],
  ]) {
    await t.admin.post(`/api/v1/plans/${planId}/actions`, { ref, title: `Action ${ref}`, dueDate: '2023-06-30', owner: email!.split('@')[0], ownerEmail: email });
  }
});
afterAll(() => t.close());

describe('scheduled work across Christmas 2022', () => {
  let id: string;
  it('opens the round on its day, not before', async () => {
    id = (
      await t.admin.post(`/api/v1/plans/${planId}/update-rounds`, {
        title: 'December update',
        opensOn: '2022-12-23',
        dueOn: '2023-01-04',
        remindAfterWorkingDays: 3,
        escalateTo: { name: 'Sam Senior', email: 'sam@example.org' },
      })
    ).json().id;
    expect(await run()).toEqual({ opened: 0, reminded: 0, escalated: 0 });
    expect((await round(id)).state).toBe('scheduled');
    at('2022-12-23T08:00:00Z');
    expect(await run()).toEqual({ opened: 1, reminded: 0, escalated: 0 });
    expect(await run()).toEqual({ opened: 0, reminded: 0, escalated: 0 });
    const r = await round(id);
    expect(r.state).toBe('open');
    expect(r.requests.map((q: { sentAt: string }) => q.sentAt)).toEqual(['2022-12-23T08:00:00.000Z', '2022-12-23T08:00:00.000Z']);
    expect((await mails()).map((m) => m.subject)).toEqual([
      'Please update your items by 04/01/2023 (December update)',
      'Please update your items by 04/01/2023 (December update)',
    ]);
  });

  it('reminds after 3 working days — 26 and 27 Dec are bank holidays, so on Fri 30 Dec — once, and not who answered', async () => {
    const ann = (await mails()).find((m) => (m.to as { text: string }).text.includes('ann@'))!;
    const secret = /\/update\/([A-Za-z0-9_-]+)/.exec(ann.text!)![1]!;
    const r = await round(id);
    const annAction = (await t.admin.get(`/api/v1/plans/${planId}/actions`)).json().items[0].id;
    at('2022-12-28T10:00:00Z');
    const res = await t.app.inject({
      method: 'POST',
      url: `/update/${secret}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ [`${annAction}.percentComplete`]: '50', [`${annAction}.status`]: 'in-progress' }).toString(),
    });
    expect(res.statusCode).toBe(303);
    for (const day of ['2022-12-24', '2022-12-26', '2022-12-27', '2022-12-29']) {
      at(`${day}T12:00:00Z`);
      expect((await run()).reminded).toBe(0);
    }
    at('2022-12-30T07:00:00Z');
    expect((await run()).reminded).toBe(1);
    expect((await run()).reminded).toBe(0);
    at('2023-01-03T07:00:00Z');
    expect((await run()).reminded).toBe(0);
    const after = await round(id);
    expect(after.requests.map((q: { email: string; remindedAt: string | null }) => [q.email, q.remindedAt])).toEqual([
      ['ann@example.org', null],
      ['bob@example.org', '2022-12-30T07:00:00.000Z'],
    ]);
    expect(r.requests).toHaveLength(2);
    const reminder = (await mails()).filter((m) => m.subject!.startsWith('Reminder'));
    expect(reminder).toHaveLength(1);
    expect((reminder[0]!.to as { text: string }).text).toContain('bob@example.org');
    expect(reminder[0]!.text).toMatch(/http:\/\/tracker\.test\/update\/[A-Za-z0-9_-]{43}/);
  });

  it('escalates on dueOn, once, listing who has not answered', async () => {
    expect((await run()).escalated).toBe(0);
    at('2023-01-04T07:00:00Z');
    expect((await run()).escalated).toBe(1);
    expect((await run()).escalated).toBe(0);
    const esc = (await mails()).filter((m) => (m.to as { text: string }).text.includes('sam@example.org'));
    expect(esc).toHaveLength(1);
    expect(esc[0]!.subject).toBe('1 owner has not sent their update: December update');
    expect(esc[0]!.text).toContain('These owners have not sent their update (1 of 2):');
    expect(esc[0]!.text).toContain('- bob (bob@example.org): 1 item, reminded 30/12/2022');
    expect(esc[0]!.text).not.toContain('ann@example.org');
    expect((await round(id)).escalatedAt).toBe('2023-01-04T07:00:00.000Z');
  });
});

describe('the coronation bank holiday (Mon 8 May 2023)', () => {
  it('counts Thu 4 May + 2 working days as Tue 9 May', async () => {
    at('2023-05-04T08:00:00Z');
    const created = (await t.admin.post(`/api/v1/plans/${planId}/update-rounds`, { title: 'May update', opensOn: '2023-05-04', dueOn: '2023-05-19', remindAfterWorkingDays: 2 })).json();
    expect(created.state).toBe('open');
    for (const day of ['2023-05-05', '2023-05-06', '2023-05-08']) {
      at(`${day}T12:00:00Z`);
      expect((await run()).reminded).toBe(0);
    }
    at('2023-05-09T06:00:00Z');
    expect((await run()).reminded).toBe(2);
  });
});

describe('several processes', () => {
  it('two app instances on one database open a round, remind and escalate once between them', async () => {
    at('2023-06-01T08:00:00Z');
    const other = await buildApp({ ...t.database, adminToken: ADMIN_TOKEN, now: () => clock, mail: { outboxDir: outbox(), publicBaseUrl: 'http://tracker.test' }, scheduler: false });
    try {
      const id = (
        await t.admin.post(`/api/v1/plans/${planId}/update-rounds`, { title: 'June update', opensOn: '2023-06-02', dueOn: '2023-06-09', remindAfterWorkingDays: 1, escalateTo: { name: 'Sam', email: 'sam@example.org' } })
      ).json().id;
      const before = (await mails()).length;
      const both = async () => {
        const [a, b] = await Promise.all([t.app.updateRounds.scheduler.runOnce(), other.updateRounds.scheduler.runOnce()]);
        return { opened: a.opened + b.opened, reminded: a.reminded + b.reminded, escalated: a.escalated + b.escalated };
      };
      at('2023-06-02T08:00:00Z');
      expect(await both()).toEqual({ opened: 1, reminded: 0, escalated: 0 });
      at('2023-06-05T08:00:00Z');
      expect(await both()).toEqual({ opened: 0, reminded: 2, escalated: 0 });
      at('2023-06-09T08:00:00Z');
      expect(await both()).toEqual({ opened: 0, reminded: 0, escalated: 1 });
      expect(await both()).toEqual({ opened: 0, reminded: 0, escalated: 0 });
      expect((await mails()).length - before).toBe(2 + 2 + 1);
      expect((await round(id)).requests).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it.runIf(ON_POSTGRES)('skips a run while another process holds the scheduler lock (PostgreSQL), and runs once it is free', async () => {
    at('2023-08-01T08:00:00Z');
    const id = (await t.admin.post(`/api/v1/plans/${planId}/update-rounds`, { title: 'August update', opensOn: '2023-08-02', dueOn: '2023-08-16' })).json().id;
    at('2023-08-02T08:00:00Z');
    const elsewhere = new pg.Client({ connectionString: t.database.databaseUrl });
    await elsewhere.connect();
    try {
      await elsewhere.query('select pg_advisory_lock($1)', [LOCK_KEYS.updateRoundScheduler.toString()]);
      expect(await run()).toEqual({ opened: 0, reminded: 0, escalated: 0, skipped: true });
      expect((await round(id)).state).toBe('scheduled');
      await elsewhere.query('select pg_advisory_unlock($1)', [LOCK_KEYS.updateRoundScheduler.toString()]);
      expect(await run()).toMatchObject({ opened: 1 });
      expect((await round(id)).state).toBe('open');
    } finally {
      await elsewhere.end();
    }
  });

  it('the scheduler starts with the server and stops on close', async () => {
    at('2023-07-03T08:00:00Z');
    const id = (await t.admin.post(`/api/v1/plans/${planId}/update-rounds`, { title: 'July update', opensOn: '2023-07-04', dueOn: '2023-07-14' })).json().id;
    at('2023-07-04T08:00:00Z');
    const started = await buildApp({ ...t.database, now: () => clock, mail: { outboxDir: outbox(), publicBaseUrl: 'http://tracker.test' }, scheduler: { intervalMs: 60_000 } });
    await started.ready();
    // The first run starts on ready; close waits for it.
    await started.close();
    expect((await round(id)).state).toBe('open');
  });
});
