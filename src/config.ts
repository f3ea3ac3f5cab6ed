// Environment parsed once into a read-only config. Everything else receives options, never process.env.
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/tracker.db'),
  // PostgreSQL instead of SQLite (api-contract "Running, beyond one machine").
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//i, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RAG_AT_RISK_MARGIN: z.coerce.number().min(0).max(100).default(20),
  RENDER_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  RENDER_QUEUE_LIMIT: z.coerce.number().int().min(1).default(16),
  RENDER_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(2),
  // Anonymous (public page) renders allowed to wait; beyond it they get 503 + Retry-After.
  RENDER_PUBLIC_QUEUE_LIMIT: z.coerce.number().int().min(0).default(4),
  // One Chromium process over this resident size is killed and its render answered 422 (0: no watch).
  RENDER_MEMORY_LIMIT_MB: z.coerce.number().int().min(0).default(1024),
  // HTML larger than this is refused (422) before printing.
  RENDER_MAX_HTML_MB: z.coerce.number().min(0.1).default(3),
  // Chromium closed after this long without a render, started again on demand (0: never).
  RENDER_IDLE_CLOSE_MS: z.coerce.number().int().min(0).default(60_000),
  PUPPETEER_EXECUTABLE_PATH: z.string().optional(),
  AUTH_FAILURE_LIMIT: z.coerce.number().int().min(1).default(20),
  AUTH_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  PUBLIC_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  // Outgoing email: SMTP when SMTP_URL is set, else .eml files in OUTBOX_DIR. PUBLIC_BASE_URL: origin of emailed links.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default('SEND plan tracker <no-reply@localhost>'),
  OUTBOX_DIR: z.string().min(1).default('./data/outbox'),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional().or(z.literal('').transform(() => undefined)),
  UPDATE_SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(300),
  // Behind a reverse proxy: 'true', a hop count, or the proxy addresses (comma-separated), as Fastify's trustProxy.
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' || v === 'false' ? false : v === 'true' ? true : /^\d+$/.test(v) ? Number(v) : v)),
  // Browser origins allowed to call the API cross-origin, comma-separated (exact origins); unset: CORS off.
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/, abort: true }).refine((o) => URL.canParse(o) && new URL(o).origin === o, 'must be an origin: scheme://host[:port], nothing after'))),
});

export type Env = Readonly<z.infer<typeof EnvSchema>>;

export function loadEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return Object.freeze(parsed.data);
}

/** Where the data lives, as buildApp takes it: the SQLite file, or PostgreSQL when DATABASE_URL is set. */
export function databaseOptions(env: Env): { databasePath: string; databaseUrl?: string } {
  return { databasePath: env.DATABASE_PATH, databaseUrl: env.DATABASE_URL };
}

/** The database named for people (logs, CLI output): the SQLite path, or PostgreSQL's host and database, never the password. */
export function databaseLabel(env: Env): string {
  if (!env.DATABASE_URL) return env.DATABASE_PATH;
  const u = new URL(env.DATABASE_URL);
  return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
}
