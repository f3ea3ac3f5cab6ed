// Per-request loggers that cost nothing until used, and the request line written in pino's own format
// without pino's general path. Fastify makes a pino child (bindings serialised) for every request, though
// most requests log only their one line; pino's generic object-to-JSON path then cost ~2 µs of that line.
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import pino from 'pino';

type Bindings = Record<string, unknown>;
type Child = FastifyBaseLogger;
type LogArgs = Parameters<Child['info']>;

/** A request's logger: the pino child is made on the first call that needs it. */
export class LazyChildLogger {
  private made?: Child;

  /** Whether the pino child exists (something logged through this request's logger already). */
  get isMade(): boolean {
    return this.made !== undefined;
  }

  constructor(
    readonly root: Child,
    readonly bindings: Bindings,
  ) {}

  private get real(): Child {
    return (this.made ??= this.root.child(this.bindings));
  }

  get level(): string {
    return this.made?.level ?? this.root.level;
  }
  set level(level: string) {
    this.real.level = level;
  }

  isLevelEnabled(level: string): boolean {
    const log = (this.made ?? this.root) as Child & { isLevelEnabled?: (l: string) => boolean };
    return log.isLevelEnabled?.(level) ?? true;
  }

  fatal(...a: LogArgs) { this.real.fatal(...a); }
  error(...a: LogArgs) { this.real.error(...a); }
  warn(...a: LogArgs) { this.real.warn(...a); }
  info(...a: LogArgs) { this.real.info(...a); }
  debug(...a: LogArgs) { this.real.debug(...a); }
  trace(...a: LogArgs) { this.real.trace(...a); }
  silent(...a: LogArgs) { this.real.silent(...a); }
  child(bindings: Bindings, options?: object): Child {
    return this.real.child(bindings, options);
  }
}

/** Fastify's childLoggerFactory: lazy children, except where a route sets its own level or serializers. */
export const lazyChildLoggerFactory: NonNullable<FastifyServerOptions['childLoggerFactory']> = function (logger, bindings, opts) {
  if (opts.level !== undefined || opts.serializers !== undefined) return logger.child(bindings, opts);
  return new LazyChildLogger(logger, bindings) as unknown as FastifyBaseLogger;
};

// msgPrefixSym is missing from pino's type of its symbols, though exported.
const S = pino.symbols as typeof pino.symbols & { msgPrefixSym: symbol };
type PinoInternals = Record<symbol, unknown> & { isLevelEnabled(level: string): boolean; levels: { values: Record<string, number> } };

/**
 * Writes one info line of `fields` (values already JSON) with `msg` exactly as pino would — its level key,
 * time, base bindings (pid, hostname), the child's bindings, then the fields — straight to its destination.
 * Returns false, writing nothing, when the logger is not a plain pino one (a mixin, log formatter, stream
 * hook or metadata-hungry stream), so the caller logs the ordinary way.
 */
export function writeInfoLine(log: LazyChildLogger, fields: string, msg: string): boolean {
  if (log.isMade) return false;
  const root = log.root as unknown as PinoInternals;
  const stream = root[S.streamSym] as { write(s: string): void; [k: symbol]: unknown } | undefined;
  if (!stream || root[S.mixinSym] || (root[S.formattersSym] as { log?: unknown })?.log || (root[S.hooksSym] as { streamWrite?: unknown })?.streamWrite) return false;
  if (stream[S.needsMetadataGsym] === true || root[S.msgPrefixSym]) return false;
  if (!root.isLevelEnabled('info')) return true;
  const num = root.levels.values.info!;
  let bound = '';
  for (const key in log.bindings) bound += `,${JSON.stringify(key)}:${JSON.stringify(log.bindings[key])}`;
  const head = (root[S.lsCacheSym] as Record<number, string>)[num]! + (root[S.timeSym] as () => string)() + (root[S.chindingsSym] as string);
  stream.write(`${head}${bound}${fields},${JSON.stringify(root[S.messageKeySym])}:${JSON.stringify(msg)}${root[S.endSym] as string}`);
  return true;
}
