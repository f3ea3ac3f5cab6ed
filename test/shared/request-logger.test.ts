// The request line written without pino's general path must read exactly as pino would write it.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LazyChildLogger, writeInfoLine } from '../../src/shared/request-logger.js';
import type { FastifyBaseLogger } from 'fastify';

function capture(options: pino.LoggerOptions = {}) {
  const lines: string[] = [];
  const root = pino({ level: 'info', timestamp: () => ',"time":1', ...options }, { write: (s: string) => lines.push(s) });
  return { root, lines };
}

describe('request logger', () => {
  const fields = { method: 'GET', route: '/api/v1/actions/:id', url: '/api/v1/actions/x?q="\\\n', statusCode: 200, responseTime: 0.42 };
  const json = Object.entries(fields).map(([k, v]) => `,"${k}":${JSON.stringify(v)}`).join('');

  it('writes the line pino would write, with the request id bound', () => {
    const { root, lines } = capture();
    root.child({ reqId: 'req-1' }).info(fields, 'request completed');
    const lazy = new LazyChildLogger(root as unknown as FastifyBaseLogger, { reqId: 'req-1' });
    expect(writeInfoLine(lazy, json, 'request completed')).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(lines[0]);
    expect(JSON.parse(lines[1]!)).toMatchObject({ ...fields, reqId: 'req-1', level: 30, msg: 'request completed' });
    expect(lazy.isMade).toBe(false);
  });

  it('writes nothing below the level, and leaves loggers with a mixin or formatter to pino', () => {
    const quiet = capture({ level: 'warn' });
    expect(writeInfoLine(new LazyChildLogger(quiet.root as unknown as FastifyBaseLogger, { reqId: 'r' }), json, 'm')).toBe(true);
    expect(quiet.lines).toHaveLength(0);
    const mixed = capture({ mixin: () => ({ tenant: 'x' }) });
    expect(writeInfoLine(new LazyChildLogger(mixed.root as unknown as FastifyBaseLogger, { reqId: 'r' }), json, 'm')).toBe(false);
    const formatted = capture({ formatters: { log: (o) => o } });
    expect(writeInfoLine(new LazyChildLogger(formatted.root as unknown as FastifyBaseLogger, { reqId: 'r' }), json, 'm')).toBe(false);
  });

  it('makes the pino child on first use, with the bindings', () => {
    const { root, lines } = capture();
    const lazy = new LazyChildLogger(root as unknown as FastifyBaseLogger, { reqId: 'req-7' });
    expect(lazy.isLevelEnabled('debug')).toBe(false);
    lazy.warn({ removed: 2 }, 'active content removed');
    expect(lazy.isMade).toBe(true);
    expect(JSON.parse(lines[0]!)).toMatchObject({ reqId: 'req-7', removed: 2, level: 40 });
    // Once made, the child's own path is used for the request line too.
    expect(writeInfoLine(lazy, json, 'request completed')).toBe(false);
  });
});
