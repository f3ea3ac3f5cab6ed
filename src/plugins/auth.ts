// Bearer-token access control, decided on the route that answers (after the router has decoded the path),
// by default deny: every route needs a token unless its config says `public: true`. Resolves the caller (a
// stored token, or ADMIN_TOKEN as admin) and checks the route's required role: viewer (read, render) <
// editor (write, publish) < admin (tokens). Unmatched paths are left to the 404 handler.
import { hash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor, Role } from '../db/store.js';
import { TokensRepo, type TokenRow } from '../db/repos/tokens.js';
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

/**
 * hashToken (SHA-256 of the secret, hex: how tokens are stored) in one call: crypto.hash costs a quarter of
 * createHash().update().digest(). The admin secret's digest is compared in the same form.
 */
const tokenHash = (secret: string) => hash('sha256', secret, 'hex');

async function authPlugin(app: FastifyInstance, opts: AuthOptions) {
  const tokens = new TokensRepo(app.store);
  app.decorate('tokens', tokens);
  // PostgreSQL: revocations by other processes reach this one's token cache (see TokensRepo.listen).
  await tokens.listen((err) => app.log.warn({ reason: err.message }, 'token revocation listener: connection lost, reconnecting'));
  app.addHook('onClose', async () => tokens.close());
  const adminDigest = opts.adminToken ? Buffer.from(tokenHash(opts.adminToken), 'latin1') : null;
  const limiter = opts.failureLimit === false ? null : new AuthFailureLimiter(opts.failureLimit);
  app.decorate('authFailures', limiter);

  const toActor = (row: TokenRow | undefined, request: FastifyRequest): Actor | null =>
    row ? { tokenId: row.id, name: row.name, role: row.role, requestId: request.id } : null;

  /** The caller, at once on SQLite (a cached or prepared lookup), or later on PostgreSQL. */
  function resolve(secretHash: string, request: FastifyRequest): Actor | null | Promise<Actor | null> {
    // Compare digests in constant time, so response timing says nothing about the admin secret.
    if (adminDigest && timingSafeEqual(Buffer.from(secretHash, 'latin1'), adminDigest)) {
      return { tokenId: null, name: 'admin (ADMIN_TOKEN)', role: 'admin', requestId: request.id };
    }
    // Stored tokens are looked up by their SHA-256: timing depends on the hash, never on the secret.
    const found = tokens.findActiveByHash(secretHash);
    return found instanceof Promise ? found.then((row) => toActor(row, request)) : toActor(found, request);
  }

  app.decorateRequest('actor', null);
  // A callback hook, not an async one: every request passes here, and a promise per request costs.
  app.addHook('onRequest', (request, reply, done) => {
    // Never the raw URL: `/%61pi/v1/…` reaches the /api/v1 routes once the router has decoded it.
    if (request.is404) return done();
    // Read once: Fastify builds a new routeOptions object on every read.
    const config = request.routeOptions.config;
    if (config.public === true) return done();
    const header = request.headers.authorization;
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    const secret = m?.[1];
    const secretHash = secret ? tokenHash(secret) : null;
    // An address over the failure limit is refused before its token is checked (so a guess that happens
    // to be right looks like any other), unless the token had already worked from that address.
    const address = addressKey(request.ip);
    const wait = limiter?.blockedFor(address) ?? 0;
    if (wait > 0 && !(secretHash && limiter!.knownGood(address, secretHash))) {
      reply.header('Retry-After', String(wait));
      return done(new TooManyRequestsError(wait));
    }
    if (!secret || !secretHash) {
      limiter?.fail(address);
      return done(new UnauthorizedError());
    }
    const resolved = resolve(secretHash, request);
    if (resolved instanceof Promise) resolved.then((actor) => admit(request, done, actor, address, secretHash, config.role), done);
    else admit(request, done, resolved, address, secretHash, config.role);
  });

  // Made once per app, not as a closure per request: under tsx every function made per request is also
  // renamed (keepNames), which cost ~0.7 µs of a ~55 µs GET.
  function admit(
    request: FastifyRequest,
    done: (err?: Error) => void,
    actor: Actor | null,
    address: string,
    secretHash: string,
    role: Role | undefined,
  ) {
    if (!actor) {
      limiter?.fail(address);
      return done(new UnauthorizedError('The bearer token is unknown or has been revoked.', true));
    }
    limiter?.succeed(address, secretHash);
    request.actor = actor;
    // Checked before body validation, so a caller without the right learns nothing from 400s.
    const needed: Role = role ?? (request.method === 'GET' || request.method === 'HEAD' ? 'viewer' : 'editor');
    done(RANK[actor.role] < RANK[needed] ? new ForbiddenError(actor.role, needed) : undefined);
  }
}

export default fp(authPlugin, { name: 'auth', dependencies: ['db'] });
