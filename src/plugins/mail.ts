// Decorates the app with the mailer (SMTP or the .eml outbox), the email templates and the public origin
// used in emailed links; closes the SMTP pool on shutdown.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createMailer, type Mailer, type MailOptions } from '../mail/mailer.js';
import { EmailTemplates } from '../mail/templates.js';

declare module 'fastify' {
  interface FastifyInstance {
    mail: { mailer: Mailer; templates: EmailTemplates; publicBaseUrl: string };
  }
}

export interface MailPluginOptions extends MailOptions {
  publicBaseUrl: string;
}

async function mailPlugin(app: FastifyInstance, opts: MailPluginOptions) {
  const mailer = createMailer(opts);
  app.decorate('mail', { mailer, templates: new EmailTemplates(), publicBaseUrl: opts.publicBaseUrl.replace(/\/+$/, '') });
  app.addHook('onClose', async () => mailer.close());
}

export default fp(mailPlugin, { name: 'mail' });
