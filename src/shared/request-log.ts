// The request log: one line per request, written when the response has gone — method, route, URL
// (secrets redacted), status, response time and the request id (reqId). Fastify's own pair of lines
// ("incoming request" with the whole request, then "request completed") cost as much as the rest of a
// simple GET; the line on arrival is kept at debug level, for following a request that never completes.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

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
    const line = {
      method: request.method,
      route: request.routeOptions.url,
      url: redactUrl(request.url),
      statusCode: reply.statusCode,
      responseTime: Math.round(reply.elapsedTime * 100) / 100,
    };
    if (error) request.log.error({ ...line, err: error }, 'request errored');
    else request.log.info(line, 'request completed');
  }
}
