// Finishes the OpenAPI document generated from the routes so that it says what the server does: every
// status a route can send (the shared ones added here: 401/403/429 behind a token, 405, 413/415 with a
// body, 503, 304 for a GET served with an ETag), errors as application/problem+json, the headers each
// response carries, a description per response, an operationId per operation, and no unused components.
import { PROBLEM_DESCRIPTIONS } from '../shared/problem.js';
import { HEADERS, RESPONSE_HEADERS_KEY, type ResponseHeader } from '../shared/openapi.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- the document is plain JSON walked by key */
type Json = any;

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;
const PROBLEM_REF = '#/components/schemas/Problem';
const SUCCESS: Record<string, string> = { '200': 'OK', '201': 'Created', '202': 'Accepted', '204': 'No content' };

export function finishDocument(doc: Json): Json {
  const components = (doc.components.schemas ?? {}) as Record<string, Json>;
  const versioned = (schema: Json): boolean => {
    const ref = schema?.$ref as string | undefined;
    const target = ref?.startsWith('#/components/schemas/') ? components[ref.slice('#/components/schemas/'.length)] : schema;
    return Boolean(target?.properties?.version);
  };
  const seenIds = new Set<string>();

  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const declared: Record<string, ResponseHeader[]> = op[RESPONSE_HEADERS_KEY] ?? {};
      delete op[RESPONSE_HEADERS_KEY];
      const responses: Record<string, Json> = (op.responses ??= {});
      const behindToken = !(Array.isArray(op.security) && op.security.length === 0);

      // Statuses every route of its kind can send.
      const shared = [405, 503];
      if (behindToken) shared.push(401, 403, 429);
      if (op.requestBody) shared.push(413, 415);
      for (const status of shared) responses[status] ??= problemResponse(status);

      for (const [status, response] of Object.entries<Json>(responses)) {
        const headers = new Set<ResponseHeader>(declared[status] ?? []);
        const schema = Object.values<Json>(response.content ?? {})[0]?.schema;
        if (status === '204') delete response.content;
        if (/^2/.test(status)) {
          if (!response.description || response.description === 'Default Response') response.description = successDescription(status, op.summary);
          if (status === '201') headers.add('Location');
          if (status === '202') headers.add('Location').add('Retry-After');
          if ((status === '200' || status === '201') && versioned(schema)) headers.add('ETag');
          if (schema?.format === 'binary') headers.add('Content-Disposition');
        } else if (/^[45]/.test(status)) {
          // Route schemas cannot name a response's media type: errors are problems, whatever the route serves —
          // except an error answered with a page (a string schema: the owner's HTML form), which keeps the route's.
          if (response.content && schema?.type !== 'string') response.content = { 'application/problem+json': { schema: schema ?? { $ref: PROBLEM_REF } } };
          if (!response.description || response.description === 'Default Response') response.description = PROBLEM_DESCRIPTIONS[Number(status)] ?? 'Error';
          if (status === '401') headers.add('WWW-Authenticate');
          if (status === '405') headers.add('Allow');
          if (status === '429' || status === '503') headers.add('Retry-After');
        }
        if (headers.size > 0) {
          response.headers = {};
          for (const h of [...headers].sort()) response.headers[h] = { ...HEADERS[h], required: isAlwaysSent(h, status) };
        }
      }
      // A GET answered with an ETag honours If-None-Match (src/plugins/http-semantics.ts).
      if (method === 'get' && responses['200']?.headers?.ETag) {
        responses['304'] ??= { description: 'Not modified: If-None-Match matched the current ETag. No body.', headers: { ETag: { ...HEADERS.ETag, required: true } } };
      }
      op.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));

      op.operationId ??= fallbackOperationId(method, path);
      if (seenIds.has(op.operationId)) throw new Error(`duplicate operationId ${op.operationId} (${method.toUpperCase()} ${path})`);
      seenIds.add(op.operationId);
    }
  }
  removeUnusedComponents(doc);
  withoutSafeIntegerBounds(doc.paths);
  withoutSafeIntegerBounds(components);
  for (const [name, schema] of Object.entries(components)) {
    // zod writes each component as a whole JSON Schema document ($schema, and an $id that is a fragment,
    // which 2020-12 forbids): inside an OpenAPI 3.1 document both are noise that tools (swagger-ui) trip on.
    delete schema.$schema;
    delete schema.$id;
    if (name.endsWith('Input')) defaultsIntoDescriptions(schema);
  }
  return doc;
}

/** zod bounds every .int() by ±(2^53 − 1): true, but noise that example generators print as the value. */
function withoutSafeIntegerBounds(node: Json): void {
  if (node === null || typeof node !== 'object') return;
  if (node.minimum === Number.MIN_SAFE_INTEGER) delete node.minimum;
  if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
  for (const value of Object.values(node)) withoutSafeIntegerBounds(value);
}

/**
 * Request schemas (the zod input side, components named …Input): a property with a default may be left
 * out, but client generators read `default` as "always present" (openapi-typescript makes it required
 * when the schema is a component). The default is stated in the description instead.
 */
function defaultsIntoDescriptions(node: Json): void {
  if (Array.isArray(node)) return node.forEach(defaultsIntoDescriptions);
  if (node === null || typeof node !== 'object') return;
  for (const property of Object.values<Json>(node.properties ?? {})) {
    if (property && typeof property === 'object' && 'default' in property) {
      const said = `Default: ${JSON.stringify(property.default)}.`;
      property.description = property.description ? `${property.description} ${said}` : said;
      delete property.default;
    }
  }
  for (const value of Object.values(node)) defaultsIntoDescriptions(value);
}

function problemResponse(status: number): Json {
  return { description: PROBLEM_DESCRIPTIONS[status] ?? 'Error', content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } } };
}

function isAlwaysSent(header: ResponseHeader, status: string): boolean {
  if (header === 'Content-Disposition' || header === 'X-Content-SHA256') return false;
  return !(header === 'Retry-After' && status === '202');
}

function successDescription(status: string, summary: string | undefined): string {
  const what = SUCCESS[status] ?? 'Success';
  return summary ? `${what}: ${summary.charAt(0).toLowerCase()}${summary.slice(1)}.` : `${what}.`;
}

/** For a route that names none: the method and the path's words, e.g. getPlansReadiness, getPlansById. */
export function fallbackOperationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v\d+/, '')
    .split('/')
    .filter(Boolean)
    .map((seg) => {
      const param = /^\{(\w+)\}$/.exec(seg);
      return param ? `By${pascal(param[1]!)}` : pascal(seg);
    });
  return `${method}${words.join('')}`;
}

const pascal = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/** Drops component schemas nothing in the paths refers to, directly or through other components. */
function removeUnusedComponents(doc: Json) {
  const schemas: Record<string, Json> = doc.components?.schemas ?? {};
  const refsIn = (node: Json, out: Set<string>) => {
    const text = JSON.stringify(node);
    for (const m of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) out.add(m[1]!);
    return out;
  };
  const used = refsIn(doc.paths, new Set());
  for (const queue = [...used]; queue.length > 0; ) {
    const name = queue.pop()!;
    for (const next of refsIn(schemas[name] ?? {}, new Set())) {
      if (!used.has(next)) {
        used.add(next);
        queue.push(next);
      }
    }
  }
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
}
