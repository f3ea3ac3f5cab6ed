// Helmet's security headers, worked out once. @fastify/helmet runs helmet(options) — parsing and
// checking the whole policy again — on every request, though the headers never change: here helmet
// itself computes them from the same options at start-up, and each request gets them in onRequest, so a
// route's own header (a stricter CSP, say) wins. They go on the reply, not on the raw response as
// @fastify/helmet sets them: a raw response holding headers of its own makes Node take every header of the
// reply (ETag, Content-Type…) through setHeader one by one at writeHead, which cost ~2.5 µs a request,
// while headers handed to writeHead all at once take the fast path. No route writes the raw response.
import type { FastifyInstance } from 'fastify';
import helmetMiddleware from 'helmet';

type Middleware = (req: unknown, res: unknown, next: (err?: unknown) => void) => void;
const helmet = helmetMiddleware as unknown as (options: object) => Middleware;

export function addSecurityHeaders(app: FastifyInstance, options: object): void {
  const set: [string, string][] = [];
  const res = {
    setHeader: (name: string, value: unknown) => set.push([name.toLowerCase(), String(value)]),
    // Helmet removes X-Powered-By, which nothing here sends (Fastify does not).
    removeHeader: () => {},
  };
  helmet(options)({}, res, (err) => {
    if (err) throw err;
  });
  app.addHook('onRequest', (_request, reply, done) => {
    for (let i = 0; i < set.length; i++) reply.header(set[i]![0], set[i]![1]);
    done();
  });
}
