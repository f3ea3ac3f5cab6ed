// The process entry point: reads the environment once, builds the app, listens, and closes cleanly
// on SIGTERM/SIGINT (in-flight requests drain, then the browser and the database close).
import { databaseLabel, databaseOptions, loadEnv } from './config.js';
import { requestLogStream } from './shared/log-stream.js';

const env = loadEnv();
const { buildApp } = await import('./app.js');
let app: Awaited<ReturnType<typeof buildApp>>;
try {
  app = await buildApp({
    ...databaseOptions(env),
    adminToken: env.ADMIN_TOKEN,
    ragMargin: env.RAG_AT_RISK_MARGIN,
    authFailureLimit: { max: env.AUTH_FAILURE_LIMIT, windowMs: env.AUTH_FAILURE_WINDOW_SECONDS * 1000 },
    publicRateLimit: { max: env.PUBLIC_RATE_LIMIT, windowMs: env.PUBLIC_RATE_WINDOW_SECONDS * 1000 },
    trustProxy: env.TRUST_PROXY,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    mail: {
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      outboxDir: env.OUTBOX_DIR,
      publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${env.PORT}`,
    },
    scheduler: { intervalMs: env.UPDATE_SCHEDULER_INTERVAL_SECONDS * 1000 },
    corsOrigins: env.CORS_ORIGINS,
    render: {
      executablePath: env.PUPPETEER_EXECUTABLE_PATH,
      timeoutMs: env.RENDER_TIMEOUT_MS,
      queueLimit: env.RENDER_QUEUE_LIMIT,
      concurrency: env.RENDER_CONCURRENCY,
      publicQueueLimit: env.RENDER_PUBLIC_QUEUE_LIMIT,
      memoryLimitMb: env.RENDER_MEMORY_LIMIT_MB,
      maxHtmlBytes: Math.round(env.RENDER_MAX_HTML_MB * 1024 * 1024),
      idleCloseMs: env.RENDER_IDLE_CLOSE_MS,
    },
    logger: {
      level: env.LOG_LEVEL,
      redact: ['req.headers.authorization'],
      // Written synchronously to stdout (pino's default hands every line to libuv's thread pool, a round
      // trip per line that cost more than the rest of a simple GET, and loses lines on a crash), the lines
      // of up to 20 ms in one write (./shared/log-stream.ts).
      stream: requestLogStream(1),
    },
  });
} catch (err) {
  // Typically the database cannot be reached: say which (never the URL: it may carry a password).
  process.stderr.write(`Could not start: the database ${databaseLabel(env)} could not be opened: ${(err as Error).message}\n`);
  process.exit(1);
}

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // server.close() drops only the keep-alive connections idle at that moment; one whose request was
    // still running becomes idle afterwards and would hold the exit for the 72 s keep-alive timeout.
    // Drop those as they fall idle, and give up (exit 1) if draining outlasts the longest render.
    const sweeper = setInterval(() => app.server.closeIdleConnections(), 200);
    sweeper.unref();
    const deadline = setTimeout(() => {
      app.log.error('shutdown took too long; exiting without draining');
      process.exit(1);
    }, env.RENDER_TIMEOUT_MS + 15_000);
    deadline.unref();
    app
      .close()
      .then(() => process.exit(0))
      .catch((err) => {
        app.log.error(err, 'error during shutdown');
        process.exit(1);
      });
  });
}

try {
  await app.listen({ port: env.PORT, host: env.HOST });
  if (!env.ADMIN_TOKEN) app.log.warn('ADMIN_TOKEN is not set: only stored tokens are accepted (create one with npm run token).');
} catch (err) {
  app.log.error(err);
  process.exit(1);
}
