// The request log: one line per request, written when the response has gone — method, route, URL
// (secrets redacted), status, response time and the request id (reqId). Fastify's own pair of lines
// ("incoming request" with the whole request, then "request completed") cost as much as the rest of a
// simple GET; the line on arrival is kept at debug level, for following a request that never completes.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { LazyChildLogger, writeInfoLine } from './request-logger.js';

/** Paths whose last segments are a secret (calendar feeds, update links): logged as [redacted]. */
const SECRET_PATH = /(\/(?:calendars|update)\/)[^?#]*/i;

/** The URL as it may be logged: a secret path segment (however it was percent-encoded) replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  let path = q >= 0 ? url.slice(0, q) : url;
  // Each %XX as its byte (never throws, unlike decodeURIComponent): enough to see a spelled-out route.
  if (path.includes('%')) path = path.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return SECRET_PATH.test(path) ? path.replace(SECRET_PATH, '$1[redacted]') : url;
}

type Logger = FastifyRequest['log'] & { isLevelEnabled?: (level: string) => boolean };

export class RequestLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    const log = request.log as Logger;
    if (log.isLevelEnabled?.('debug')) log.debug({ method: request.method, url: redactUrl(request.url) }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const route = request.routeOptions.url;
    const url = redactUrl(request.url);
    const responseTime = Math.round(reply.elapsedTime * 100) / 100;
    const log = request.log;
    if (!error && log instanceof LazyChildLogger) {
      const fields =
        `,"method":${JSON.stringify(request.method)}${route === undefined ? '' : `,"route":${JSON.stringify(route)}`}` +
        `,"url":${JSON.stringify(url)},"statusCode":${reply.statusCode},"responseTime":${responseTime}`;
      if (writeInfoLine(log, fields, 'request completed')) return;
    }
    const line = { method: request.method, route, url, statusCode: reply.statusCode, responseTime };
    if (error) log.error({ ...line, err: error }, 'request errored');
    else log.info(line, 'request completed');
  }
}
