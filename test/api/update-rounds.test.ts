// The monthly update round through HTTP with a real SMTP server: opening sends one request per owner
// email, the owner's secret page and form (happy path, errors, tampering), accept (one transaction,
// audited, comments kept), return, remind, closing and expiry of links.
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, tokenFor, type Client, type TestApp } from '../helpers/app.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';

let t: TestApp;
let smtp: TestSmtp;
let editor: Client;
let viewer: Client;
let planId: string;
let clock = new Date('2022-11-18T09:00:00Z');
const ids: Record<string, string> = {};

const linkIn = (m: ParsedMail) => /http:\/\/tracker\.test\/update\/([A-Za-z0-9_-]+)/.exec(m.text ?? '')![1]!;
const mailTo = (addr: string) => smtp.received.filter((m) => (m.to as { text: string }).text.includes(addr));
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (secret: string, fields: Record<string, string> | string) =>
  t.app.inject({ method: 'POST', url: `/update/${secret}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: typeof fields === 'string' ? fields : form(fields) });
const page = (secret: string) => t.app.inject({ method: 'GET', url: `/update/${secret}` });

async function create(url: string, body: object) {
  const res = await t.admin.post(url, body);
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ now: () => clock, mail: { smtpUrl: smtp.url, from: 'Tracker <tracker@example.org>' } });
  editor = t.as(await tokenFor(t, 'editor', 'Pat Manager'));
  viewer = t.as(await tokenFor(t, 'viewer', 'Val Viewer'));
  planId = await create('/api/v1/plans', { title: 'Wolverhampton WSoA', kind: 'wsoa', localArea: 'Wolverhampton' });
  const project = await create(`/api/v1/plans/${planId}/projects`, { code: 'PR1', name: 'Culture of Inclusion' });
  const action = (ref: string, extra: object) =>
    create(`/api/v1/plans/${planId}/actions`, { ref, title: `Action ${ref}`, dueDate: '2023-03-31', startDate: '2022-09-01', ...extra });
  ids.a1 = await action('1.1', { owner: 'Alex Owner', ownerEmail: 'Alex.Owner@Example.org', percentComplete: 20, status: 'in-progress' });
  ids.a2 = await action('1.2', { owner: 'Alex Owner', ownerEmail: 'alex.owner@example.org' });
  ids.b1 = await action('2.1', { owner: 'Bea Owner', ownerEmail: 'bea.owner@example.org' });
  ids.done = await action('3.1', { owner: 'Cy Owner', ownerEmail: 'cy.owner@example.org', status: 'complete', percentComplete: 100 });
  ids.noEmail = await action('4.1', { owner: 'Dee Owner' });
  ids.risk = await create(`/api/v1/projects/${project}/risks`, { ref: 'R1', description: 'A risk', likelihood: 2, impact: 3, ownerEmail: 'rita@example.org' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('ownerEmail', () => {
  it('is validated and stored lower-case on actions and register entries', async () => {
    expect((await t.admin.get(`/api/v1/actions/${ids.a1}`)).json().ownerEmail).toBe('alex.owner@example.org');
    expect((await t.admin.get(`/api/v1/risks/${ids.risk}`)).json().ownerEmail).toBe('rita@example.org');
    const bad = problem(await t.admin.patch(`/api/v1/actions/${ids.a1}`, { ownerEmail: 'not an email' }), 400);
    expect(bad.errors?.[0]?.path).toBe('ownerEmail');
  });
});

describe('a round', () => {
  let roundId: string;
  let alexSecret: string;
  let beaSecret: string;

  it('opens at once when opensOn is today: one request and one email per owner email', async () => {
    const res = await editor.post(`/api/v1/plans/${planId}/update-rounds`, {
      title: 'November 2022 update',
      opensOn: '2022-11-18',
      dueOn: '2022-11-25',
      escalateTo: { name: 'Sam Senior', email: 'sam.senior@example.org' },
      message: 'Thank you for your help.',
    });
    expect(res.statusCode).toBe(201);
    const round = res.json();
    roundId = round.id;
    expect(res.headers.location).toBe(`/api/v1/update-rounds/${round.id}`);
    expect(round).toMatchObject({ state: 'open', remindAfterWorkingDays: 3, includeRegisters: false, linksExpireOn: '2022-12-25' });
    const reqs = round.requests.map((r: { email: string; itemCount: number; state: string; sentAt: string }) => [r.email, r.itemCount, r.state, !!r.sentAt]);
    expect(reqs).toEqual([
      ['alex.owner@example.org', 2, 'sent', true],
      ['bea.owner@example.org', 1, 'sent', true],
    ]);
    await smtp.waitFor(2);
    const [alexMail] = mailTo('alex.owner@example.org');
    expect(alexMail!.subject).toBe('Please update your items by 25/11/2022 (November 2022 update)');
    expect(alexMail!.text).toContain('- 1.1 Action 1.1 (due 31/03/2023, 20% complete)');
    expect(alexMail!.text).toContain('- 1.2 Action 1.2');
    expect(alexMail!.text).not.toContain('2.1');
    expect(alexMail!.text).toContain('Friday, 25 November 2022');
    expect(alexMail!.text).toContain('Thank you for your help.');
    expect(alexMail!.html).toContain('Open your update form');
    alexSecret = linkIn(alexMail!);
    beaSecret = linkIn(mailTo('bea.owner@example.org')[0]!);
    expect(alexSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(smtp.received).toHaveLength(2);
  });

  it('stores only a SHA-256 of each secret', async () => {
    const dump = JSON.stringify(await t.query('select * from update_links')) + JSON.stringify(await t.query('select * from update_requests'));
    expect(dump).not.toContain(alexSecret);
    expect(await t.query('select count(*) as n from update_links')).toEqual([{ n: 2 }]);
  });

  it('serves the owner’s page without a token, with only their items, under a strict policy', async () => {
    const res = await page(alexSecret);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(res.headers['content-security-policy']).toMatch(/form-action 'self'/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('Action 1.1');
    expect(res.body).toContain('Action 1.2');
    expect(res.body).not.toContain('Action 2.1');
    expect(res.body).toContain(`name="${ids.a1}.percentComplete"`);
    expect(res.body).toContain('value="20"');
  });

  it('answers 404 alike for a guessed link', async () => {
    const guess = await page('A'.repeat(43));
    expect(guess.statusCode).toBe(404);
    expect(guess.body).toContain('This link does not work');
    expect((await page('x')).statusCode).toBe(404);
    expect((await post('A'.repeat(43), { a: 'b' })).statusCode).toBe(404);
  });

  it('bad input: 400, the form again with an error summary, each problem beside its field, typed values kept', async () => {
    const res = await post(alexSecret, {
      [`${ids.a1}.percentComplete`]: '150',
      [`${ids.a1}.status`]: 'in-progress',
      [`${ids.a1}.comment`]: 'Typed <comment> & kept',
      [`${ids.a1}.revisedDueDate`]: '2023-06-30',
      [`${ids.a1}.delayReason`]: '',
      [`${ids.a1}.mitigation`]: '',
      [`${ids.a2}.percentComplete`]: '10',
      [`${ids.a2}.status`]: 'bogus',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<title>Error: ');
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain(`href="#${ids.a1}-percentComplete">Percent complete for 1.1 must be a whole number from 0 to 100`);
    expect(res.body).toContain(`href="#${ids.a1}-delayReason">Enter the reason the due date of 1.1 is moving`);
    expect(res.body).toContain(`href="#${ids.a1}-mitigation">Enter the mitigation for the delay to 1.1`);
    expect(res.body).toContain(`href="#${ids.a2}-status">Select a status for 1.2`);
    expect(res.body).toContain(`id="${ids.a1}-percentComplete-error"`);
    expect(res.body).toContain('value="150"');
    expect(res.body).toContain('Typed &lt;comment&gt; &amp; kept');
    expect(res.body).toContain('value="2023-06-30"');
    expect((await t.admin.get(`/api/v1/update-rounds/${roundId}`)).json().requests[0].state).toBe('sent');
  });

  it('refuses a form naming another owner’s item (403) and stores nothing', async () => {
    const res = await post(beaSecret, {
      [`${ids.b1}.status`]: 'complete',
      [`${ids.b1}.comment`]: 'mine',
      [`${ids.a1}.percentComplete`]: '100',
      [`${ids.a1}.status`]: 'complete',
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('This form can only update your own items');
    // An item that is not in the plan at all, and a repeated field, are refused too.
    expect((await post(beaSecret, { [`${ids.b1}.status`]: 'complete', [`act_nope.status`]: 'complete' })).statusCode).toBe(403);
    expect((await post(beaSecret, `${ids.b1}.status=complete&${ids.b1}.status=cancelled`)).statusCode).toBe(403);
    const round = (await t.admin.get(`/api/v1/update-rounds/${roundId}`)).json();
    expect(round.requests[1]).toMatchObject({ state: 'sent', submittedAt: null });
    expect((await t.admin.get(`/api/v1/actions/${ids.a1}`)).json().percentComplete).toBe(20);
  });

  it('stores a good submission without changing the items; the page then says it was sent', async () => {
    const res = await post(alexSecret, {
      [`${ids.a1}.percentComplete`]: '60',
      [`${ids.a1}.status`]: 'in-progress',
      [`${ids.a1}.comment`]: 'Consultation finished; report drafted.',
      [`${ids.a1}.revisedDueDate`]: '2023-06-30',
      [`${ids.a1}.delayReason`]: 'Consultation extended by the forum',
      [`${ids.a1}.mitigation`]: 'Interim guidance issued to schools',
      [`${ids.a2}.percentComplete`]: '10',
      [`${ids.a2}.status`]: 'in-progress',
      [`${ids.a2}.comment`]: '',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/update/${alexSecret}`);
    expect((await t.admin.get(`/api/v1/actions/${ids.a1}`)).json()).toMatchObject({ percentComplete: 20, revisedDueDate: null });
    const after = await page(alexSecret);
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Your update has been sent');
    expect(after.body).not.toContain('<form');
    // A second post cannot overwrite it.
    expect((await post(alexSecret, { [`${ids.a1}.status`]: 'cancelled' })).body).toContain('Your update has been sent');
  });

  it('shows the submission in the API', async () => {
    const round = (await viewer.get(`/api/v1/update-rounds/${roundId}`)).json();
    const alex = round.requests[0];
    expect(alex).toMatchObject({ owner: 'Alex Owner', state: 'submitted', submittedAt: '2022-11-18T09:00:00.000Z' });
    const res = await viewer.get(`/api/v1/update-requests/${alex.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toEqual({
      type: 'action',
      id: ids.a1,
      ref: '1.1',
      title: 'Action 1.1',
      current: { percentComplete: 20, status: 'in-progress', dueDate: '2023-03-31', revisedDueDate: null },
      update: {
        percentComplete: 60,
        status: 'in-progress',
        comment: 'Consultation finished; report drafted.',
        revisedDueDate: '2023-06-30',
        delayReason: 'Consultation extended by the forum',
        mitigation: 'Interim guidance issued to schools',
      },
    });
  });

  it('accept applies the whole submission in one transaction: a rule broken by one item changes nothing', async () => {
    const alexId = (await t.admin.get(`/api/v1/update-rounds/${roundId}`)).json().requests[0].id;
    // Meanwhile the manager moved 1.1's start after the owner's revised date: accepting now breaks the action rule.
    await t.admin.patch(`/api/v1/actions/${ids.a1}`, { startDate: '2023-07-01', dueDate: '2023-08-31' });
    await t.admin.patch(`/api/v1/actions/${ids.a2}`, { percentComplete: 5 });
    problem(await viewer.post(`/api/v1/update-requests/${alexId}/accept`), 403);
    const p = problem(await editor.post(`/api/v1/update-requests/${alexId}/accept`), 400);
    expect(p.errors?.[0]?.path).toBe('items.0.revisedDueDate');
    expect((await t.admin.get(`/api/v1/actions/${ids.a2}`)).json().percentComplete).toBe(5);
    expect((await t.admin.get(`/api/v1/update-requests/${alexId}`)).json().state).toBe('submitted');
    expect((await t.admin.get(`/api/v1/actions/${ids.a1}/comments`)).json()).toEqual([]);
    await t.admin.patch(`/api/v1/actions/${ids.a1}`, { startDate: '2022-09-01', dueDate: '2023-03-31' });
  });

  it('accept applies it, audited as the owner by way of the accepting token, and keeps comments', async () => {
    const alexId = (await t.admin.get(`/api/v1/update-rounds/${roundId}`)).json().requests[0].id;
    clock = new Date('2022-11-21T10:00:00Z');
    const res = await editor.post(`/api/v1/update-requests/${alexId}/accept`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'accepted', acceptedBy: 'Pat Manager', acceptedAt: '2022-11-21T10:00:00.000Z' });
    expect((await t.admin.get(`/api/v1/actions/${ids.a1}`)).json()).toMatchObject({
      percentComplete: 60,
      status: 'in-progress',
      revisedDueDate: '2023-06-30',
      delayReason: 'Consultation extended by the forum',
      mitigation: 'Interim guidance issued to schools',
    });
    expect((await t.admin.get(`/api/v1/actions/${ids.a2}`)).json().percentComplete).toBe(10);
    const audit = (await t.admin.get(`/api/v1/audit?resourceType=action&resourceId=${ids.a1}`)).json();
    const last = audit.items[audit.items.length - 1] ?? audit.items[0];
    expect(JSON.stringify(audit)).toContain('Alex Owner (update link), accepted by Pat Manager');
    expect(last).toBeTruthy();
    expect((await viewer.get(`/api/v1/actions/${ids.a1}/comments`)).json()).toEqual([
      { at: '2022-11-18T09:00:00.000Z', author: 'Alex Owner', text: 'Consultation finished; report drafted.' },
    ]);
    expect((await viewer.get(`/api/v1/actions/${ids.a2}/comments`)).json()).toEqual([]);
    problem(await viewer.get('/api/v1/actions/act_unknown/comments'), 404);
    problem(await editor.post(`/api/v1/update-requests/${alexId}/accept`), 409);
    expect((await page(alexSecret)).body).toContain('has been checked and applied');
  });

  it('return emails the owner with the note and reopens the form with their answers', async () => {
    expect((await post(beaSecret, { [`${ids.b1}.percentComplete`]: '30', [`${ids.b1}.status`]: 'in-progress', [`${ids.b1}.comment`]: 'On track' })).statusCode).toBe(303);
    const beaId = (await t.admin.get(`/api/v1/update-rounds/${roundId}`)).json().requests[1].id;
    problem(await editor.post(`/api/v1/update-requests/${beaId}/return`, { note: '' }), 400);
    const res = await editor.post(`/api/v1/update-requests/${beaId}/return`, { note: 'Please say what slipped <and why>.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'returned', returnNote: 'Please say what slipped <and why>.' });
    await smtp.waitFor(3);
    const mail = mailTo('bea.owner@example.org')[1]!;
    expect(mail.subject).toBe('Your update has been returned: November 2022 update');
    expect(mail.text).toContain('Please say what slipped <and why>.');
    expect(mail.html).toContain('Please say what slipped &lt;and why&gt;.');
    // Both the old and the new link open the form again, with the earlier answers and the note.
    for (const secret of [beaSecret, linkIn(mail)]) {
      const again = await page(secret);
      expect(again.body).toContain('Your update was returned to you');
      expect(again.body).toContain('Please say what slipped &lt;and why&gt;.');
      expect(again.body).toContain('On track');
      expect(again.body).toContain('value="30"');
    }
    problem(await editor.post(`/api/v1/update-requests/${beaId}/return`, { note: 'again' }), 409);
  });

  it('remind now emails those who have not submitted (a returned update counts)', async () => {
    const before = smtp.received.length;
    const res = await editor.post(`/api/v1/update-rounds/${roundId}/remind`);
    expect(res.statusCode).toBe(200);
    await smtp.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.received.slice(before).map((m) => [(m.to as { text: string }).text, m.subject])).toEqual([
      [expect.stringContaining('bea.owner@example.org'), 'Reminder: please update your items by 25/11/2022 (November 2022 update)'],
    ]);
    expect(res.json().requests[1].remindedAt).toBe('2022-11-21T10:00:00.000Z');
  });

  it('closing the round stops every link (404); a closed round does not change', async () => {
    const res = await editor.patch(`/api/v1/update-rounds/${roundId}`, { state: 'closed' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'closed', closedAt: '2022-11-21T10:00:00.000Z' });
    expect((await page(beaSecret)).statusCode).toBe(404);
    expect((await post(beaSecret, { [`${ids.b1}.status`]: 'complete' })).statusCode).toBe(404);
    problem(await editor.patch(`/api/v1/update-rounds/${roundId}`, { title: 'x' }), 409);
    problem(await editor.post(`/api/v1/update-rounds/${roundId}/remind`), 409);
  });
});

describe('rounds: validation, registers, expiry', () => {
  it('validates dates and fields', async () => {
    const url = `/api/v1/plans/${planId}/update-rounds`;
    expect(problem(await editor.post(url, { title: 'x', opensOn: '2022-12-01', dueOn: '2022-11-30' }), 400).errors?.[0]?.path).toBe('dueOn');
    expect(problem(await editor.post(url, { title: 'x', opensOn: '2022-12-01', dueOn: '2022-12-30', escalateTo: { name: 'a', email: 'nope' } }), 400).errors?.[0]?.path).toBe('escalateTo.email');
    problem(await editor.post(url, { title: 'x', opensOn: '2022-12-01', dueOn: '2022-12-30', extra: 1 }), 400);
    problem(await viewer.post(url, { title: 'x', opensOn: '2022-12-01', dueOn: '2022-12-30' }), 403);
    problem(await editor.post('/api/v1/plans/pln_nope/update-rounds', { title: 'x', opensOn: '2022-12-01', dueOn: '2022-12-30' }), 404);
    problem(await editor.get('/api/v1/update-rounds/urd_nope'), 404);
    problem(await editor.get('/api/v1/update-requests/urq_nope'), 404);
  });

  it('a future round waits (scheduled); includeRegisters asks the owners of open register entries; links expire 30 days after dueOn', async () => {
    const before = smtp.received.length;
    const res = await editor.post(`/api/v1/plans/${planId}/update-rounds`, { title: 'December', opensOn: '2022-12-01', dueOn: '2022-12-09', includeRegisters: true });
    const round = res.json();
    expect(round).toMatchObject({ state: 'scheduled', requests: [] });
    const list = (await viewer.get(`/api/v1/plans/${planId}/update-rounds`)).json();
    expect(list.items.map((r: { title: string }) => r.title)).toEqual(['November 2022 update', 'December']);
    // Opening day: moving opensOn to today opens it now.
    const opened = (await editor.patch(`/api/v1/update-rounds/${round.id}`, { opensOn: '2022-11-21' })).json();
    expect(opened.state).toBe('open');
    expect(opened.requests.map((r: { email: string }) => r.email)).toEqual(['alex.owner@example.org', 'bea.owner@example.org', 'rita@example.org']);
    problem(await editor.patch(`/api/v1/update-rounds/${round.id}`, { includeRegisters: false }), 409);
    await smtp.waitFor(before + 3);
    const rita = mailTo('rita@example.org')[0]!;
    expect(rita.text).toContain('- Risk R1 A risk');
    const secret = linkIn(rita);
    const form = await page(secret);
    expect(form.body).toContain(`name="${ids.risk}.status"`);
    expect(form.body).not.toContain(`${ids.risk}.percentComplete`);
    // A register entry's answer: status and comment, applied through the risks service on accept.
    expect((await post(secret, { [`${ids.risk}.status`]: 'closed', [`${ids.risk}.comment`]: 'Mitigated by the new panel' })).statusCode).toBe(303);
    const ritaReq = opened.requests.find((r: { email: string }) => r.email === 'rita@example.org');
    expect((await editor.post(`/api/v1/update-requests/${ritaReq.id}/accept`)).statusCode).toBe(200);
    expect((await t.admin.get(`/api/v1/risks/${ids.risk}`)).json().status).toBe('closed');
    expect(JSON.stringify((await t.admin.get(`/api/v1/audit?resourceType=risk&resourceId=${ids.risk}`)).json())).toContain('rita@example.org (update link), accepted by Pat Manager');
    clock = new Date('2023-01-08T10:00:00Z');
    expect((await page(secret)).statusCode).toBe(200);
    clock = new Date('2023-01-09T10:00:00Z');
    expect((await page(secret)).statusCode).toBe(404);
    clock = new Date('2022-11-21T10:00:00Z');
  });
});

describe('the owner’s page and the auth hook', () => {
  it('ignores an Authorization header on /update/ (no token needed, none checked, no failure counted)', async () => {
    for (let i = 0; i < 25; i++) {
      const res = await t.app.inject({ method: 'GET', url: `/update/${'B'.repeat(43)}`, headers: { authorization: 'Bearer nonsense' } });
      expect(res.statusCode).toBe(404);
    }
    // 25 bad tokens on the owner's page did not trip the API's failure limit for this address.
    expect((await t.admin.get('/api/v1/plans')).statusCode).toBe(200);
  });
});

describe('when the mail server is down', () => {
  it('opens the round anyway, logs why without any secret, and sends on the next remind', async () => {
    const lines: string[] = [];
    const stream = { write: (s: string) => void lines.push(s) };
    const down = await createTestApp({ mail: { smtpUrl: 'smtp://127.0.0.1:1' }, logger: { level: 'info', stream } });
    try {
      const plan = (await down.admin.post('/api/v1/plans', { title: 'P', kind: 'wsoa', localArea: 'X' })).json().id;
      await down.admin.post(`/api/v1/plans/${plan}/actions`, { ref: '1.1', title: 'A', dueDate: '2023-03-31', ownerEmail: 'ann@example.org' });
      const round = (await down.admin.post(`/api/v1/plans/${plan}/update-rounds`, { title: 'R', opensOn: '2022-11-18', dueOn: '2022-11-30' })).json();
      expect(round.state).toBe('open');
      expect(round.requests[0]).toMatchObject({ email: 'ann@example.org', sentAt: null });
      const ours = lines.filter((l) => l.includes('update-round email could not be sent'));
      expect(ours).toHaveLength(1);
      // Nothing the server wrote carries a link secret (43 base64url characters) outside request URLs.
      for (const l of lines) {
        const { req, ...rest } = JSON.parse(l) as { req?: unknown };
        void req;
        expect(JSON.stringify(rest)).not.toMatch(/\/update\/[A-Za-z0-9_-]{20,}/);
        expect(JSON.stringify(rest)).not.toMatch(/[A-Za-z0-9_-]{43}/);
      }
    } finally {
      await down.close();
    }
  });
});
