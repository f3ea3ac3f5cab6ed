// The mail path: a real SMTP conversation (parsed on arrival) and the .eml outbox, with both parts.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/mail/mailer.js';
import { EmailTemplates } from '../../src/mail/templates.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';

const templates = new EmailTemplates();
const context = {
  kind: 'request',
  subject: 'Update',
  owner: 'Sam <Owner> & co',
  greetingName: 'Sam <Owner> & co',
  roundTitle: 'November 2022 update',
  planTitle: 'Wolverhampton WSoA',
  message: 'Thanks <b>all</b>',
  dueOn: '2022-11-25',
  expiresOn: '2022-12-25',
  link: 'http://tracker.test/update/abc',
  items: [
    { ref: '1.1', title: 'Review <script>', dueDate: '2022-12-31', revisedDueDate: null, percentComplete: 40 },
    { ref: '2.3', title: 'Second', dueDate: '2023-01-31', revisedDueDate: '2023-03-31', percentComplete: 0 },
  ],
};

describe('email templates', () => {
  it('lists the items, the link and the due date, escaping HTML but not plain text', () => {
    const { html, text } = templates.render('update-request', context);
    expect(text).toContain('Dear Sam <Owner> & co,');
    expect(text).toContain('- 1.1 Review <script> (due 31/12/2022, 40% complete)');
    expect(text).toContain('- 2.3 Second (due 31/01/2023, revised 31/03/2023, 0% complete)');
    expect(text).toContain('Friday, 25 November 2022');
    expect(text).toContain('http://tracker.test/update/abc');
    expect(html).toContain('Sam &lt;Owner&gt; &amp; co');
    expect(html).toContain('Review &lt;script&gt;');
    expect(html).toContain('Thanks &lt;b&gt;all&lt;/b&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('href="http://tracker.test/update/abc"');
  });
});

describe('mailer over real SMTP', () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => smtp.close());

  it('delivers both parts to the SMTP server', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Tracker <tracker@example.org>', outboxDir: '/nonexistent' });
    const body = templates.render('update-request', context);
    await mailer.send({ to: { name: 'Sam Owner', address: 'sam.owner@example.org' }, subject: 'Please update your items', ...body });
    mailer.close();
    const [m] = await smtp.waitFor(1);
    expect(m!.subject).toBe('Please update your items');
    expect(m!.from?.text).toContain('tracker@example.org');
    expect((m!.to as { text: string }).text).toContain('sam.owner@example.org');
    expect(m!.text).toContain('- 1.1 Review <script>');
    expect(m!.html).toContain('Review &lt;script&gt;');
  });
});

describe('mailer without SMTP', () => {
  it('writes an RFC 5322 .eml file per message to the outbox', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spt-outbox-'));
    try {
      const mailer = createMailer({ from: 'Tracker <tracker@example.org>', outboxDir: join(dir, 'out') });
      const sent = await mailer.send({ to: 'a@example.org', subject: 'One', ...templates.render('update-request', context) });
      await mailer.send({ to: 'b@example.org', subject: 'Two', ...templates.render('update-request', context) });
      const files = readdirSync(join(dir, 'out'));
      expect(files).toHaveLength(2);
      expect(files.every((f) => f.endsWith('.eml'))).toBe(true);
      const raw = readFileSync(sent.file!);
      expect(raw.toString('latin1')).toMatch(/\r\nSubject: One\r\n/);
      const parsed = await simpleParser(raw);
      expect(parsed.text).toContain('Open your update form:');
      expect(parsed.html).toContain('Open your update form');
      expect(parsed.messageId).toBe(sent.messageId);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
