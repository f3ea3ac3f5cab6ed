// Requests to the anonymous pages (/meetings/…, /calendars/…) limited per client address (an IPv6 /64
// counts as one; behind a proxy, TRUST_PROXY makes request.ip the client's), so a crowd of anonymous
// readers cannot take the service from staff. Over the limit: a 429 problem with Retry-After.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../shared/errors.js';
import { addressKey } from './security.js';

export interface PublicRateLimit {
  /** Requests per address and window. */
  max: number;
  windowMs: number;
}

export const DEFAULT_PUBLIC_RATE_LIMIT: PublicRateLimit = { max: 60, windowMs: 60_000 };

/** The anonymous routes, by their route pattern (so however the path was spelled). */
const PUBLIC_ROUTE = /^\/(meetings|calendars)\//;

export class PublicRateLimitError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'too-many-requests', 'Too many requests', `Too many requests for public pages came from your address. Try again in ${retryAfterSeconds} s.`);
  }
}

async function publicLimits(app: FastifyInstance, opts: { limit?: PublicRateLimit | false }) {
  if (opts.limit === false) return;
  const limit = opts.limit ?? DEFAULT_PUBLIC_RATE_LIMIT;
  await app.register(rateLimit, {
    global: false,
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (req) => addressKey(req.ip),
    // Retry-After is set by the plugin; the error handler turns this into a problem.
    errorResponseBuilder: (_req, ctx) => new PublicRateLimitError(Math.max(1, Math.ceil(ctx.ttl / 1000))),
  });
  // One check (one count per address) shared by every anonymous route, added to those routes only.
  const check = app.rateLimit();
  app.addHook('onRoute', (route) => {
    if (!PUBLIC_ROUTE.test(route.url)) return;
    const own = route.onRequest ? (Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]) : [];
    route.onRequest = [check, ...own];
  });
}

export default fp(publicLimits, { name: 'public-limits' });
