// Outgoing email: nodemailer over SMTP when SMTP_URL is set, otherwise each message written as an
// RFC 5322 .eml file to OUTBOX_DIR (nodemailer's stream transport builds exactly what SMTP would send).
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Transporter } from 'nodemailer';
import { lazy } from '../shared/lazy.js';

/** nodemailer and its transport are loaded with the first message, not at start. */
const nodemailer = lazy(async () => (await import('nodemailer')).default);

export interface MailOptions {
  /** smtp://user:pass@host:port or smtps://…; without it, messages go to outboxDir. */
  smtpUrl?: string;
  from: string;
  outboxDir: string;
}

export interface OutgoingMessage {
  to: string | { name: string; address: string };
  subject: string;
  text: string;
  html: string;
}

export interface SentMail {
  messageId: string;
  /** The .eml file written, when there is no SMTP server. */
  file: string | null;
}

export interface Mailer {
  readonly mode: 'smtp' | 'outbox';
  send(message: OutgoingMessage): Promise<SentMail>;
  close(): void;
}

export function createMailer(opts: MailOptions): Mailer {
  if (opts.smtpUrl) {
    const smtpUrl = opts.smtpUrl;
    let created: Transporter | undefined;
    const transport = lazy(async () => (created = (await nodemailer()).createTransport(smtpUrl)));
    return {
      mode: 'smtp',
      async send(m) {
        const info = await (await transport()).sendMail({ from: opts.from, ...m });
        return { messageId: String(info.messageId), file: null };
      },
      close: () => created?.close(),
    };
  }
  const dir = resolve(opts.outboxDir);
  // CRLF line ends: an .eml file is the message as it would travel (RFC 5322).
  let created: Transporter | undefined;
  const transport = lazy(async () => (created = (await nodemailer()).createTransport({ streamTransport: true, buffer: true, newline: 'windows' })));
  return {
    mode: 'outbox',
    async send(m) {
      const info = (await (await transport()).sendMail({ from: opts.from, ...m })) as unknown as { messageId: string; message: Buffer };
      mkdirSync(dir, { recursive: true });
      // Sortable by time, unique without coordination between processes.
      const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`);
      writeFileSync(file, info.message, { flag: 'wx' });
      return { messageId: info.messageId, file };
    },
    close: () => created?.close(),
  };
}
