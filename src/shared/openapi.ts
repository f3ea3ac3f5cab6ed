// What a route may add to its OpenAPI operation beyond its zod schemas: the response headers it sends.
// The document is finished (standard responses, headers, operationIds) by src/plugins/openapi-document.ts.

export const RESPONSE_HEADERS_KEY = 'x-response-headers';

export const HEADERS = {
  ETag: {
    description: 'The version in quotes ("3"): send it back as If-Match to update safely, or as If-None-Match to get 304 while unchanged.',
    schema: { type: 'string', example: '"3"' },
  },
  Location: { description: 'Where the created resource (or job) can be read.', schema: { type: 'string', format: 'uri-reference' } },
  'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } },
  'Content-Disposition': {
    description: 'inline (or attachment with ?download=true) and the file name.',
    schema: { type: 'string', example: 'inline; filename="highlight-report.pdf"' },
  },
  'WWW-Authenticate': {
    description: 'Bearer realm="api"; with error="invalid_token" when a token was sent but is unknown or revoked.',
    schema: { type: 'string', example: 'Bearer realm="api"' },
  },
  Allow: { description: 'The methods this path serves.', schema: { type: 'string', example: 'GET, HEAD, PATCH, DELETE' } },
  'X-Content-SHA256': { description: 'SHA-256 (hex) of a published report’s PDF, as stored at publication.', schema: { type: 'string' } },
} as const;

export type ResponseHeader = keyof typeof HEADERS;

/** Response headers a route sends, by status, for its OpenAPI operation: `...responseHeaders({ 200: ['ETag'] })`. */
export const responseHeaders = (byStatus: Record<number, ResponseHeader[]>) => ({ [RESPONSE_HEADERS_KEY]: byStatus });
