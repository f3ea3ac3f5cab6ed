// How a route answers with a rendered document: the OpenAPI bodies of a PDF and of a web page, and the
// reply that sends one (inline or as an attachment, its cache rule, the page's content security policy).
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

export const PdfBody = z.any().meta({ type: 'string', format: 'binary', description: 'application/pdf' });
export const HtmlBody = z.string().meta({ description: 'text/html' });

/** A rendered page loads nothing: no script, no request; only its own inline styles. */
export const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** A PDF, inline unless `download`; the file name keeps only safe characters. */
export function sendPdf(reply: FastifyReply, pdf: Buffer | Uint8Array, name: string, download?: boolean, cacheControl = 'no-cache') {
  return reply
    .type('application/pdf')
    .header('Content-Disposition', `${download ? 'attachment' : 'inline'}; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .header('Cache-Control', cacheControl)
    .send(pdf);
}

/** A rendered document as a web page. */
export function sendHtml(reply: FastifyReply, html: string, opts: { csp?: string; cacheControl?: string } = {}) {
  reply.type('text/html; charset=utf-8');
  if (opts.cacheControl) reply.header('Cache-Control', opts.cacheControl);
  return reply.header('Content-Security-Policy', opts.csp ?? DOCUMENT_CSP).send(html);
}
