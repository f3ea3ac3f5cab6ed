// Typed errors thrown by services and the data layer; the error handler turns them into problem+json.

export interface FieldError {
  in?: 'body' | 'query' | 'params' | 'headers';
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export class ValidationError extends AppError {
  constructor(readonly errors: FieldError[], detail = 'The request has invalid fields.') {
    super(400, 'validation-error', 'Your request is not valid', detail, { errors });
  }
}

export const fieldError = (path: string, message: string, where: FieldError['in'] = 'body') =>
  new ValidationError([{ in: where, path, message }], `${path}: ${message}`);

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super(404, 'not-found', 'Not found', `No ${what} with id ${JSON.stringify(id)}.`);
  }
}

export class ConflictError extends AppError {
  constructor(detail: string, field?: string) {
    super(409, 'conflict', 'Conflict', detail, field ? { errors: [{ in: 'body', path: field, message: detail }] } : {});
  }
}

export class PreconditionFailedError extends AppError {
  constructor(current: number) {
    super(
      412,
      'precondition-failed',
      'The resource has changed',
      `If-Match does not match the current version (${current}). Fetch the resource again and retry.`,
      { currentVersion: current },
    );
  }
}

export class UnauthorizedError extends AppError {
  /** The WWW-Authenticate challenge (RFC 6750): invalid_token when a token was sent but not accepted. */
  readonly challenge: string;
  constructor(detail = 'Send a valid token as "Authorization: Bearer <token>".', tokenSent = false) {
    super(401, 'unauthorized', 'Authentication required', detail);
    this.challenge = tokenSent ? 'Bearer realm="api", error="invalid_token"' : 'Bearer realm="api"';
  }
}

export class ForbiddenError extends AppError {
  constructor(role: string, needed: string) {
    super(403, 'forbidden', 'Not allowed', `This needs the ${needed} role; your token has the ${role} role.`);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(detail: string) {
    super(415, 'unsupported-media-type', 'Unsupported media type', detail);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(detail: string, readonly retryAfterSeconds: number) {
    super(503, 'service-unavailable', 'Busy, try again shortly', detail);
  }
}

export class GatewayTimeoutError extends AppError {
  constructor(detail: string) {
    super(504, 'render-timeout', 'The document took too long to produce', detail);
  }
}
