// The owner's page, /update/<secret> (no token: the secret is the credential): a server-rendered form
// with that owner's items only. Unknown, expired and closed links all get the same 404 page. The
// secret is never logged here; the page sends no Referer and is never cached.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TEMPLATES_DIR } from '../../render/templates.js';
import { responseHeaders } from '../../shared/openapi.js';
import { STATUS_LABELS, STATUS_OPTIONS, type FormError, type FormItem, type FormValues } from './form.js';
import type { OwnerPage } from './service.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answered without a bearer token (the route decides access itself). */
    public?: boolean;
  }
}

const tags = ['Update rounds'];
const FORM_LIMIT = 64 * 1024;
const MAX_FIELDS = 2000;

// The page's only style is its inline stylesheet, allowed by its hash: no other style, script, image,
// frame or form target is possible.
const css = readFileSync(join(TEMPLATES_DIR, 'styles/update-form.css'), 'utf8');
const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SecretParams = z.strictObject({ secret: z.string().max(200).meta({ description: 'The secret from the emailed link.' }) });
/** An HTML page (text/html) answering with the status; the description says which page. */
const htmlPage = (description: string) => z.string().meta({ description });
const NOT_FOUND_PAGE = htmlPage('A page (text/html) saying the link does not work: unknown, closed, or more than 30 days past dueOn');

export default async function updateRoundOwnerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = app.updateRounds.service;

  // HTML forms post urlencoded bodies; here only (this plugin is encapsulated). Repeated names stay
  // arrays, which the form reader refuses.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_req, body, done) => {
    const out: Record<string, string | string[]> = Object.create(null);
    let n = 0;
    for (const [k, v] of new URLSearchParams(body as string)) {
      if (++n > MAX_FIELDS) return done(Object.assign(new Error('Too many form fields'), { statusCode: 413 }), undefined);
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    done(null, out);
  });

  const send = (reply: FastifyReply, status: number, template: string, context: object) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('Content-Security-Policy', CSP)
      .header('Referrer-Policy', 'no-referrer')
      .header('Cache-Control', 'no-store')
      .header('X-Robots-Tag', 'noindex, nofollow')
      .send(app.templates.render(template, context));

  // Post/redirect/get: no body at all (a typed send(null) would be serialized as the JSON "null").
  const seeOther = (reply: FastifyReply, location: string) =>
    reply.code(303).header('Location', location).header('Referrer-Policy', 'no-referrer').header('Cache-Control', 'no-store').send();

  const message = (reply: FastifyReply, status: number, pageTitle: string, paragraphs: string[], planTitle?: string) =>
    send(reply, status, 'update-form/message', { pageTitle, heading: pageTitle, paragraphs, planTitle });

  const notFound = (reply: FastifyReply) =>
    message(reply, 404, 'This link does not work', [
      'The link may be mistyped, or the update round has closed or expired.',
      'If you still need to send an update, ask the programme team for a new link.',
    ]);

  const render = (reply: FastifyReply, page: OwnerPage, status = 200) => {
    if (page.kind === 'done') {
      const r = page.request;
      const paragraphs =
        r.state === 'accepted'
          ? [`Your update for ${page.round.title} has been checked and applied. Thank you.`]
          : [`We received your update for ${page.round.title}. Thank you.`, 'The programme team will check it. If anything needs changing they will email you.'];
      return message(reply, 200, 'Your update has been sent', paragraphs, page.planTitle);
    }
    return send(reply, status, 'update-form/page', formView(page));
  };

  r.get('/update/:secret', {
    config: { public: true },
    schema: {
      operationId: 'getOwnerUpdateForm',
      tags,
      summary: 'The owner’s update form (no token: the link’s secret)',
      description: 'An accessible HTML form with that owner’s items only. An unknown link, or one whose round is closed or more than 30 days past dueOn → 404.',
      security: [],
      params: SecretParams,
      produces: ['text/html'],
      response: { 200: htmlPage('The form (text/html), or the page saying the update was sent'), 404: NOT_FOUND_PAGE },
    },
    handler: async (req, reply) => {
      const page = await service.ownerPage(req.params.secret);
      return page ? render(reply, page) : notFound(reply);
    },
  });

  r.post('/update/:secret', {
    config: { public: true },
    schema: {
      operationId: 'submitOwnerUpdateForm',
      tags,
      summary: 'Send the owner’s update (an HTML form post)',
      description:
        'application/x-www-form-urlencoded, fields "<itemId>.<field>". Stored without changing the items (an editor accepts it). Success → 303 to the page; bad input → 400, the form again with the typed values and each problem beside its field; a field of an item that is not this owner’s → 403 and nothing is stored.',
      security: [],
      params: SecretParams,
      consumes: ['application/x-www-form-urlencoded'],
      produces: ['text/html'],
      response: {
        200: htmlPage('The page saying the update was already sent: a post after a submission changes nothing'),
        303: z.null().describe('Stored: see the page (Location), which now says the update was sent'),
        400: htmlPage('The form again (text/html), with the typed values and each problem beside its field'),
        403: htmlPage('A page (text/html) saying the form named an item that is not this owner’s; nothing stored'),
        404: NOT_FOUND_PAGE,
      },
      ...responseHeaders({ 303: ['Location'] }),
    },
    handler: async (req, reply) => {
      const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
      const result = await service.submit(req.params.secret, body);
      if (!result) return notFound(reply);
      if (result.kind === 'refused') {
        return message(reply, 403, 'Your update could not be sent', ['This form can only update your own items. Nothing has been saved.', 'Please open the link from your email again.']);
      }
      if (result.kind === 'submitted') {
        return seeOther(reply, `/update/${encodeURIComponent(req.params.secret)}`);
      }
      return render(reply, result, result.kind === 'form' && result.errors.length ? 400 : 200);
    },
  });
}

function formView(page: Extract<OwnerPage, { kind: 'form' }>) {
  const fieldId = (e: FormError) => `${e.itemId}-${e.field}`;
  const errorsOf = (id: string) => Object.fromEntries(page.errors.filter((e) => e.itemId === id).map((e) => [e.field, e.message]));
  return {
    pageTitle: `Update your items – ${page.round.title}`,
    planTitle: page.planTitle,
    roundTitle: page.round.title,
    owner: page.request.owner,
    dueOn: page.round.dueOn,
    returnNote: page.request.state === 'returned' ? page.request.returnNote : null,
    errors: page.errors.map((e) => ({ fieldId: fieldId(e), message: e.message })),
    items: page.items.map((i: FormItem) => {
      const values = (page.values as FormValues)[i.id] ?? {};
      return {
        ...i,
        isAction: i.type === 'action',
        currentStatus: (STATUS_LABELS[i.status] ?? i.status).toLowerCase(),
        values,
        errors: errorsOf(i.id),
        statusOptions: STATUS_OPTIONS[i.type].map((v) => ({ value: v, label: STATUS_LABELS[v] ?? v, selected: v === values.status })),
      };
    }),
  };
}
