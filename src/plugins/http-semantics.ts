// HTTP details every route shares (the contract's "HTTP details"): conditional GET (If-None-Match →
// 304), responses to token-bearing requests kept out of shared caches, 405 + Allow for a known path asked
// with a method it does not serve, and CORS for an allow-list of browser origins (off by default).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ifNoneMatchMatches } from '../shared/etag.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The methods the routes serve on this (concrete, undecoded) path; empty when no route has it. */
    methodsFor(url: string): string[];
  }
}

export interface HttpSemanticsOptions {
  /** Browser origins allowed to call the API (exact, e.g. https://intranet.council.gov.uk); none: CORS off. */
  corsOrigins?: readonly string[];
}

/** Headers a browser script may read on a cross-origin response. */
const EXPOSED = 'ETag, Location, Retry-After, Content-Disposition, WWW-Authenticate, Allow, X-Content-SHA256';
const REQUEST_HEADERS = 'Authorization, Content-Type, If-Match, If-None-Match';

async function httpSemanticsPlugin(app: FastifyInstance, opts: HttpSemanticsOptions) {
  const origins = new Set(opts.corsOrigins ?? []);

  // Which methods each path pattern serves, collected as routes are added (HEAD comes with GET).
  const patterns = new Map<string, { re: RegExp; methods: Set<string> }>();
  app.addHook('onRoute', (route) => {
    let entry = patterns.get(route.url);
    if (!entry) patterns.set(route.url, (entry = { re: patternToRegExp(route.url), methods: new Set() }));
    for (const m of Array.isArray(route.method) ? route.method : [route.method]) entry.methods.add(m.toUpperCase());
  });
  app.decorate('methodsFor', (url: string) => {
    const path = safeDecode(url.split('?')[0] ?? '');
    const methods = new Set<string>();
    for (const { re, methods: ms } of patterns.values()) if (re.test(path)) for (const m of ms) methods.add(m);
    if (methods.has('GET')) methods.add('HEAD');
    if (methods.size > 0 && origins.size > 0) methods.add('OPTIONS');
    return [...methods].sort();
  });

  if (origins.size > 0) {
    // Before authentication (a preflight carries no token): an allowed origin's preflight is answered here.
    app.addHook('onRequest', (request, reply, done) => {
      const origin = request.headers.origin;
      if (origin === undefined || !origins.has(origin)) return done();
      reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin');
      if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
        const allow = app.methodsFor(request.url).filter((m) => m !== 'OPTIONS');
        if (allow.length === 0) return done();
        reply
          .code(204)
          .header('Access-Control-Allow-Methods', allow.join(', '))
          .header('Access-Control-Allow-Headers', REQUEST_HEADERS)
          .header('Access-Control-Max-Age', '600')
          .send();
        return;
      }
      reply.header('Access-Control-Expose-Headers', EXPOSED);
      done();
    });
  }

  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.headers.authorization !== undefined) keepPrivate(reply);
    const inm = request.headers['if-none-match'];
    if (inm !== undefined && reply.statusCode === 200 && (request.method === 'GET' || request.method === 'HEAD')) {
      const etag = reply.getHeader('etag');
      if (typeof etag === 'string' && ifNoneMatchMatches(inm, etag)) {
        reply.code(304).removeHeader('content-type').removeHeader('content-length').removeHeader('content-disposition');
        return done(null, '');
      }
    }
    done(null, payload);
  });
}

/** A response to a request with a token may be stored by the client only, never by a shared cache. */
function keepPrivate(reply: FastifyReply) {
  const cc = reply.getHeader('cache-control');
  if (cc === undefined) {
    reply.header('Cache-Control', 'private, no-cache');
    return;
  }
  const value = String(cc);
  if (/\bno-store\b/.test(value) || /\bprivate\b/.test(value)) {
    if (/\bpublic\b/.test(value)) reply.header('Cache-Control', value.replace(/\s*\bpublic\b,?\s*/g, ''));
    return;
  }
  reply.header('Cache-Control', `private, ${value.replace(/\s*\bpublic\b,?\s*/g, '')}`.replace(/,\s*$/, ''));
}

/** find-my-way's pattern syntax (static parts, :params, a trailing *) as a regular expression. */
export function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/(:[A-Za-z0-9_]+|\*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

export const methodNotAllowed = (request: FastifyRequest, app: FastifyInstance): string[] | null => {
  if (!app.hasDecorator('methodsFor')) return null;
  const allow = app.methodsFor(request.url);
  return allow.length > 0 && !allow.includes(request.method) ? allow : null;
};

export default fp(httpSemanticsPlugin, { name: 'http-semantics' });
