// One error handler: client mistakes become problem+json naming the fields; anything else is logged with
// the request id and answered with a generic 500 that leaks nothing.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ServiceUnavailableError, UnauthorizedError, type FieldError } from '../shared/errors.js';
import { PROBLEM_TYPES_BASE } from '../shared/problem.js';
import { methodNotAllowed } from './http-semantics.js';

export function sendProblem(
  reply: FastifyReply,
  status: number,
  slug: string,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
) {
  return reply
    .code(status)
    .type('application/problem+json')
    // Problems bypass the route's response schema: an error must never turn into a serialization 500.
    .serializer(JSON.stringify)
    .send({ type: PROBLEM_TYPES_BASE + slug, title, status, detail, ...extra });
}

const FASTIFY_CLIENT_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed-json', 'The body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed-json', 'The body is empty'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload-too-large', 'The body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported-media-type', 'Unsupported media type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad-request', 'Invalid Content-Length'],
  FST_ERR_CTP_INVALID_TYPE: [400, 'bad-request', 'Invalid Content-Type'],
};

/** Whether `path` (e.g. "updates.0.date") leads to a value in the request's raw input. */
function isPresent(input: unknown, path: string): boolean {
  let node = input;
  for (const key of path ? path.split('.') : []) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== undefined;
}

// A missing field fails as invalid_type for most schemas but as invalid_value (enums, literals) or
// invalid_union for others; all of them read "is required" when the request left the field out.
const MISSING_CODES = new Set(['invalid_type', 'invalid_value', 'invalid_union']);

function zodIssuesToFieldErrors(err: FastifyError, request: FastifyRequest): FieldError[] {
  const context = err.validationContext ?? 'body';
  const where = (context === 'querystring' ? 'query' : context) as FieldError['in'];
  const input = { body: request.body, querystring: request.query, params: request.params, headers: request.headers }[context];
  return (err.validation ?? []).map((v) => {
    const issue = v as unknown as { keyword?: string; instancePath?: string; message?: string; params?: { keys?: string[] } };
    let path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    let message = issue.message ?? 'is invalid';
    if (issue.keyword === 'unrecognized_keys' && issue.params?.keys?.length) {
      const keys = issue.params.keys;
      path = [path, keys[0]].filter(Boolean).join('.');
      message = `unknown field${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}`;
    } else if (path && MISSING_CODES.has(issue.keyword ?? '') && (/received undefined/.test(message) || !isPresent(input, path))) {
      message = 'is required';
    }
    return { in: where, path, message };
  });
}

async function errorsPlugin(app: FastifyInstance) {
  // JSON routes take JSON only: a text/plain body is a 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      if (error instanceof ServiceUnavailableError) reply.header('Retry-After', String(error.retryAfterSeconds));
      if (error instanceof UnauthorizedError) reply.header('WWW-Authenticate', error.challenge);
      return sendProblem(reply, error.status, error.slug, error.title, error.message, error.extra);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = zodIssuesToFieldErrors(error, request);
      const detail = errors.map((e) => `${e.in}${e.path ? '.' + e.path : ''}: ${e.message}`).join('; ');
      return sendProblem(reply, 400, 'validation-error', 'Your request is not valid', detail, { errors });
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) return sendProblem(reply, known[0], known[1], known[2], error.message);
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      if (status === 429 && !reply.getHeader('retry-after')) reply.header('Retry-After', '60');
      return sendProblem(reply, status, 'client-error', 'Request not accepted', error.message);
    }
    request.log.error({ err: error, reqId: request.id }, 'unhandled error');
    return sendProblem(reply, 500, 'internal-error', 'Internal server error', `Something went wrong on our side. Reference: ${request.id}.`);
  });

  app.setNotFoundHandler((request, reply) => {
    const allow = methodNotAllowed(request, app);
    if (allow) {
      const methods = allow.join(', ');
      reply.header('Allow', methods);
      return sendProblem(reply, 405, 'method-not-allowed', 'Method not allowed', `${request.method} is not served on this path; it serves ${methods}.`);
    }
    return sendProblem(reply, 404, 'not-found', 'Not found', `No route ${request.method} ${request.url.split('?')[0]}.`);
  });
}

export default fp(errorsPlugin, { name: 'errors' });
