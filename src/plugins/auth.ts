// Bearer-token access control, decided on the route that answers (after the router has decoded the path),
// by default deny: every route needs a token unless its config says `public: true`. Resolves the caller (a
// stored token, or ADMIN_TOKEN as admin) and checks the route's required role: viewer (read, render) <
// editor (write, publish) < admin (tokens). Unmatched paths are left to the 404 handler.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor, Role } from '../db/store.js';
import { hashToken, TokensRepo } from '../db/repos/tokens.js';
import { ForbiddenError, UnauthorizedError } from '../shared/errors.js';
import { addressKey, AuthFailureLimiter, TooManyRequestsError, type AuthFailureLimit } from './security.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** The least role that may call the route; defaults to viewer for GET/HEAD and editor otherwise. */
    role?: Role;
    /** Served without a token (health, docs, public meeting pages, calendar feeds). Everything else needs one. */
    public?: boolean;
  }
  interface FastifyInstance {
    tokens: TokensRepo;
    authFailures: AuthFailureLimiter | null;
  }
}

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

export interface AuthOptions {
  adminToken?: string;
  /** Failed authentications allowed per client address and window before 429 (false: no limit). */
  failureLimit?: AuthFailureLimit | false;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

async function authPlugin(app: FastifyInstance, opts: AuthOptions) {
  const tokens = new TokensRepo(app.store);
  app.decorate('tokens', tokens);
  // PostgreSQL: revocations by other processes reach this one's token cache (see TokensRepo.listen).
  await tokens.listen((err) => app.log.warn({ reason: err.message }, 'token revocation listener: connection lost, reconnecting'));
  app.addHook('onClose', async () => tokens.close());
  const adminDigest = opts.adminToken ? digest(opts.adminToken) : null;
  const limiter = opts.failureLimit === false ? null : new AuthFailureLimiter(opts.failureLimit);
  app.decorate('authFailures', limiter);

  async function resolve(secret: string, secretHash: string, request: FastifyRequest): Promise<Actor | null> {
    // Compare digests in constant time, so response timing says nothing about the admin secret.
    if (adminDigest && timingSafeEqual(digest(secret), adminDigest)) {
      return { tokenId: null, name: 'admin (ADMIN_TOKEN)', role: 'admin', requestId: request.id };
    }
    // Stored tokens are looked up by their SHA-256: timing depends on the hash, never on the secret.
    const row = await tokens.findActiveByHash(secretHash);
    return row ? { tokenId: row.id, name: row.name, role: row.role, requestId: request.id } : null;
  }

  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    // Never the raw URL: `/%61pi/v1/…` reaches the /api/v1 routes once the router has decoded it.
    if (request.is404) return;
    if (request.routeOptions.config.public === true) return;
    const header = request.headers.authorization;
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    const secret = m?.[1];
    const secretHash = secret ? hashToken(secret) : null;
    // An address over the failure limit is refused before its token is checked (so a guess that happens
    // to be right looks like any other), unless the token had already worked from that address.
    const address = addressKey(request.ip);
    const wait = limiter?.blockedFor(address) ?? 0;
    if (wait > 0 && !(secretHash && limiter!.knownGood(address, secretHash))) {
      reply.header('Retry-After', String(wait));
      throw new TooManyRequestsError(wait);
    }
    if (!secret || !secretHash) {
      limiter?.fail(address);
      throw new UnauthorizedError();
    }
    const actor = await resolve(secret, secretHash, request);
    if (!actor) {
      limiter?.fail(address);
      throw new UnauthorizedError('The bearer token is unknown or has been revoked.', true);
    }
    limiter?.succeed(address, secretHash);
    request.actor = actor;
    // Checked before body validation, so a caller without the right learns nothing from 400s.
    const needed: Role = request.routeOptions.config.role ?? (request.method === 'GET' || request.method === 'HEAD' ? 'viewer' : 'editor');
    if (RANK[actor.role] < RANK[needed]) throw new ForbiddenError(actor.role, needed);
  });
}

export default fp(authPlugin, { name: 'auth', dependencies: ['db'] });
