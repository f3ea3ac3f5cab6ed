// Helmet's security headers, worked out once. @fastify/helmet runs helmet(options) — parsing and
// checking the whole policy again — on every request, though the headers never change: here helmet
// itself computes them from the same options at start-up, and each request gets them as @fastify/helmet
// gives them (set on the raw response in onRequest, so a route's own header, a stricter CSP say, wins).
import type { FastifyInstance } from 'fastify';
import helmetMiddleware from 'helmet';

type Middleware = (req: unknown, res: unknown, next: (err?: unknown) => void) => void;
const helmet = helmetMiddleware as unknown as (options: object) => Middleware;

export function addSecurityHeaders(app: FastifyInstance, options: object): void {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const res = { setHeader: (name: string, value: unknown) => set.push([name, String(value)]), removeHeader: (name: string) => removed.push(name) };
  helmet(options)({}, res, (err) => {
    if (err) throw err;
  });
  app.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw;
    for (const [name, value] of set) raw.setHeader(name, value);
    for (const name of removed) raw.removeHeader(name);
    done();
  });
}
