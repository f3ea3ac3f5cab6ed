// Security headers (helmet's, worked out once: ./security-headers.ts) for every response, and the
// limiter of failed authentication that src/plugins/auth.ts consults: an address that fails to
// authenticate too often in a window is refused with 429 until the window ends.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, ServiceUnavailableError } from '../shared/errors.js';
import { sendProblem } from './errors.js';
import { addSecurityHeaders } from './security-headers.js';

/**
 * The default policy suits the JSON API and the self-contained HTML documents alike: no scripts, no
 * network, no frames, no forms; inline styles and data: images and fonts only. Routes may send a stricter
 * policy of their own (the highlight report HTML does), and /docs (swagger-ui) sends the one it needs.
 */
export const DEFAULT_CSP: Record<string, string[] | null> = {
  defaultSrc: ["'none'"],
  styleSrc: ["'unsafe-inline'"],
  imgSrc: ['data:'],
  fontSrc: ['data:'],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'self'"],
  objectSrc: ["'none'"],
  scriptSrc: ["'none'"],
  scriptSrcAttr: ["'none'"],
  upgradeInsecureRequests: null,
};

async function securityPlugin(app: FastifyInstance) {
  addSecurityHeaders(app, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...DEFAULT_CSP } },
    // PDFs and pages are meant to be opened from links in other sites (council pages, emails).
    crossOriginResourcePolicy: { policy: 'same-site' },
    referrerPolicy: { policy: 'no-referrer' },
  });

  // While the server drains for shutdown, a request arriving on a kept-alive connection is refused as a
  // problem (503, Retry-After) and its connection closed. (Fastify's own answer, with
  // return503OnClosing, is plain JSON without Retry-After; buildApp turns that off.)
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // A callback hook, not an async one: every request passes here, and a promise per request costs.
  app.addHook('onRequest', (_request, reply, done) => {
    if (!closing) return done();
    reply.header('Connection', 'close');
    done(new ServiceUnavailableError('The server is shutting down; retry in a moment.', 5));
  });
}

export default fp(securityPlugin, { name: 'security' });

export class TooManyRequestsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'too-many-failed-attempts',
      'Too many failed attempts',
      `Too many requests with a missing or unknown token came from your address. Try again in ${retryAfterSeconds} s.`,
    );
  }
}

export interface AuthFailureLimit {
  /** Failed authentications allowed per address in one window; the next request is refused. */
  max: number;
  windowMs: number;
}

export const DEFAULT_AUTH_FAILURE_LIMIT: AuthFailureLimit = { max: 20, windowMs: 60_000 };

/**
 * The unit failures are counted per: an IPv4 address (IPv4-mapped IPv6 included), or the /64 network of an
 * IPv6 address — one subscriber usually holds a whole /64, so counting single IPv6 addresses would let a
 * guesser rotate through them.
 */
export function addressKey(ip: string): string {
  // Every request with a token asks; consecutive requests mostly come from the same address.
  if (ip !== lastIp) {
    lastKey = keyOf(ip);
    lastIp = ip;
  }
  return lastKey;
}
let lastIp: string | undefined;
let lastKey = '';

function keyOf(ip: string): string {
  const bare = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped) return mapped[1]!;
  if (!bare.includes(':')) return bare;
  const [head = '', tail] = bare.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}

interface Bucket {
  failures: number;
  resetAt: number;
}

/**
 * Fixed-window count of failed authentications per client address. Successful requests never count.
 * While an address is over the limit every request from it is refused — except with a token that had
 * already authenticated from that address, so colleagues behind the same address keep working while a
 * guesser learns nothing (a newly guessed token gets the same 429 as a wrong one).
 * Memory is bounded: at most `maxAddresses` addresses are tracked (the oldest are forgotten first).
 */
export class AuthFailureLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly good = new Map<string, Set<string>>();

  constructor(
    readonly limit: AuthFailureLimit = DEFAULT_AUTH_FAILURE_LIMIT,
    private readonly clock: () => number = Date.now,
    private readonly maxAddresses = 10_000,
  ) {}

  /** Seconds until the address may try again, or 0 when it is not blocked. */
  blockedFor(address: string): number {
    const b = this.bucket(address);
    if (!b || b.failures < this.limit.max) return 0;
    return Math.max(1, Math.ceil((b.resetAt - this.clock()) / 1000));
  }

  /** Whether this token (its digest) had authenticated from the address before. */
  knownGood(address: string, tokenDigest: string): boolean {
    return this.good.get(address)?.has(tokenDigest) ?? false;
  }

  fail(address: string): void {
    let b = this.bucket(address);
    if (!b) {
      b = { failures: 0, resetAt: this.clock() + this.limit.windowMs };
      this.remember(this.buckets, address, b);
    }
    b.failures++;
  }

  succeed(address: string, tokenDigest: string): void {
    let set = this.good.get(address);
    if (!set) {
      set = new Set();
      this.remember(this.good, address, set);
    }
    if (set.has(tokenDigest)) return;
    if (set.size >= 32) set.delete(set.values().next().value!);
    set.add(tokenDigest);
  }

  private bucket(address: string): Bucket | undefined {
    const b = this.buckets.get(address);
    if (b && b.resetAt <= this.clock()) {
      this.buckets.delete(address);
      return undefined;
    }
    return b;
  }

  private remember<V>(map: Map<string, V>, key: string, value: V): void {
    if (map.size >= this.maxAddresses) {
      // Forget expired windows first, then the oldest entries.
      if (map === (this.buckets as unknown)) for (const [k, b] of this.buckets) if (b.resetAt <= this.clock()) this.buckets.delete(k);
      while (map.size >= this.maxAddresses) map.delete(map.keys().next().value!);
    }
    map.set(key, value);
  }
}

/**
 * Fastify's `frameworkErrors`: errors raised while routing, before any hook or the error handler runs (a
 * malformed percent-encoding in the path, a path segment longer than maxParamLength). Without it Fastify
 * answers them with its own application/json body that echoes the path; with it they are problems too.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  reply.header('X-Content-Type-Options', 'nosniff').header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'self'");
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(reply, 414, 'uri-too-long', 'URI too long', 'A path segment is longer than any id this API issues.');
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendProblem(reply, 400, 'bad-request', 'Bad request', 'The path is not a valid URL (malformed percent-encoding).');
  }
  return sendProblem(reply, 400, 'bad-request', 'Bad request', 'The request could not be routed.');
}
