// buildApp: the whole application as one Fastify instance, shared by `npm start` and the tests.
// Order: external plugins (errors, swagger, db), app plugins (services, auth), then routes.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_AT_RISK_MARGIN } from './domain/rag.js';
import type { RendererOptions } from './render/renderer.js';
import authPlugin from './plugins/auth.js';
import calendarFeedPublicRoutes from './public/calendar-feed-routes.js';
import type { PublicDocumentsOptions } from './public/public-documents.js';
import publicRoutes from './public/routes.js';
import calendarFeedRoutes from './resources/calendar-feeds/routes.js';
import dbPlugin from './plugins/db.js';
import documentsPlugin from './plugins/documents.js';
import errorsPlugin from './plugins/errors.js';
import publicLimitsPlugin, { type PublicRateLimit } from './plugins/public-limits.js';
import httpSemanticsPlugin from './plugins/http-semantics.js';
import securityPlugin, { frameworkErrors, type AuthFailureLimit } from './plugins/security.js';
import mailPlugin from './plugins/mail.js';
import servicesPlugin from './plugins/services.js';
import type { MailOptions } from './mail/mailer.js';
import { RequestLogController } from './shared/request-log.js';
import { lazyChildLoggerFactory } from './shared/request-logger.js';
import { fastSerializerCompiler } from './shared/response-serializer.js';
import swaggerPlugin from './plugins/swagger.js';
import actionRoutes from './resources/actions/routes.js';
import areaUpdateRoutes from './resources/area-updates/routes.js';
import areaRoutes from './resources/areas/routes.js';
import auditRoutes from './resources/audit/routes.js';
import changesRoutes from './resources/changes/routes.js';
import { API_PREFIX } from './resources/crud-routes.js';
import highlightReportApprovalRoutes from './resources/highlight-reports/approval-routes.js';
import evidenceBundleRoutes from './resources/evidence/bundle-routes.js';
import evidenceRoutes from './resources/evidence/routes.js';
import impactReportRoutes from './resources/evidence/report-routes.js';
import highlightReportDocumentRoutes from './resources/highlight-reports/document-routes.js';
import highlightReportRoutes from './resources/highlight-reports/routes.js';
import type { ImportLimits } from './resources/interchange/limits.js';
import interchangeRoutes from './resources/interchange/routes.js';
import packRoutes from './resources/meetings/pack-routes.js';
import measureRoutes from './resources/measures/routes.js';
import meetingRoutes from './resources/meetings/routes.js';
import planDocumentRoutes from './resources/plans/document-routes.js';
import planRoutes from './resources/plans/routes.js';
import projectRoutes from './resources/projects/routes.js';
import registerRoutes from './resources/registers/routes.js';
import reviewDocumentRoutes from './resources/reviews/document-routes.js';
import reviewRoutes from './resources/reviews/routes.js';
import tokenRoutes from './resources/tokens/routes.js';
import uploadRoutes from './resources/uploads/routes.js';
import updateRoundOwnerRoutes from './resources/update-rounds/owner-routes.js';
import updateRoundsPlugin from './resources/update-rounds/plugin.js';
import updateRoundRoutes from './resources/update-rounds/routes.js';

export interface AppOptions {
  databasePath: string;
  /** postgres://… : keep the data in PostgreSQL instead of the SQLite file at databasePath. */
  databaseUrl?: string;
  adminToken?: string;
  /** The clock; tests pin it so RAG and deadlines are deterministic. */
  now?: () => Date;
  ragMargin?: number;
  logger?: FastifyServerOptions['logger'];
  bodyLimit?: number;
  render?: RendererOptions;
  /** Failed authentications per client address and window before 429 (default 20 a minute; false: off). */
  authFailureLimit?: AuthFailureLimit | false;
  /** Fastify trustProxy: set when behind a reverse proxy so request.ip is the client's address. */
  trustProxy?: boolean | number | string;
  /** Anonymous requests (/meetings/…, /calendars/…) per client address and window before 429 (default 60 a minute; false: off). */
  publicRateLimit?: PublicRateLimit | false;
  /** Stored public documents: how long failures are remembered, how long the agenda waits for page numbers. */
  publicDocuments?: PublicDocumentsOptions;
  /** Outgoing email (default: .eml files in ./data/outbox) and the origin of emailed links. */
  mail?: Partial<MailOptions> & { publicBaseUrl?: string };
  /** The update-round scheduler (`npm start` and the demo turn it on): interval between runs (default 5 minutes); off by default. */
  scheduler?: { intervalMs?: number } | false;
  /** Browser origins allowed cross-origin (CORS); none by default, which leaves CORS off. */
  corsOrigins?: readonly string[];
  /** The API's public origin, listed as the OpenAPI document's server (default: relative to the document). */
  publicBaseUrl?: string;
  /** Spreadsheet import limits (default DEFAULT_IMPORT_LIMITS, listed in SECURITY.md); tests and the benchmark lower them. */
  importLimits?: ImportLimits;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // A hop count is valid at run time though Fastify's types only name booleans and addresses.
    trustProxy: (options.trustProxy ?? false) as FastifyServerOptions['trustProxy'],
    // Routing errors (bad percent-encoding, over-long ids) answered as problem+json like every other error.
    frameworkErrors,
    // Requests arriving while the server drains get a 503 problem from the security plugin instead.
    return503OnClosing: false,
    // One line per request, secrets redacted (./shared/request-log.ts), instead of Fastify's two.
    logController: new RequestLogController(),
    // A request's pino child made only when something logs through it (./shared/request-logger.ts).
    childLoggerFactory: lazyChildLoggerFactory,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Responses: the zod schemas compiled to fast-json-stringify (src/shared/response-serializer.ts).
  app.setSerializerCompiler(fastSerializerCompiler);

  await app.register(errorsPlugin);
  await app.register(securityPlugin);
  await app.register(httpSemanticsPlugin, { corsOrigins: options.corsOrigins });
  await app.register(swaggerPlugin, { publicBaseUrl: options.publicBaseUrl });
  await app.register(dbPlugin, { databasePath: options.databasePath, databaseUrl: options.databaseUrl, now: options.now ?? (() => new Date()) });
  await app.register(mailPlugin, {
    smtpUrl: options.mail?.smtpUrl,
    from: options.mail?.from ?? 'SEND plan tracker <no-reply@localhost>',
    outboxDir: options.mail?.outboxDir ?? './data/outbox',
    publicBaseUrl: options.mail?.publicBaseUrl ?? 'http://127.0.0.1:3000',
  });
  await app.register(servicesPlugin, { ragMargin: options.ragMargin ?? DEFAULT_AT_RISK_MARGIN });
  await app.register(documentsPlugin, { render: options.render, ragMargin: options.ragMargin ?? DEFAULT_AT_RISK_MARGIN });
  await app.register(authPlugin, { adminToken: options.adminToken, failureLimit: options.authFailureLimit });
  await app.register(publicLimitsPlugin, { limit: options.publicRateLimit });
  await app.register(updateRoundsPlugin, { scheduler: options.scheduler ?? false });

  app.get(
    '/health',
    { config: { public: true }, schema: { operationId: 'getHealth', tags: ['Service'], summary: 'Liveness: 200 once the database is open', security: [], response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => {
      await app.store.ping();
      return { status: 'ok' as const };
    },
  );

  await app.register(publicRoutes, options.publicDocuments ?? {});
  await app.register(calendarFeedPublicRoutes);
  await app.register(updateRoundOwnerRoutes);
  await app.register(
    async (api) => {
      await api.register(planRoutes);
      await api.register(planDocumentRoutes);
      await api.register(areaRoutes);
      await api.register(projectRoutes);
      await api.register(actionRoutes);
      await api.register(registerRoutes);
      await api.register(highlightReportRoutes);
      await api.register(highlightReportDocumentRoutes);
      await api.register(highlightReportApprovalRoutes);
      await api.register(areaUpdateRoutes);
      await api.register(meetingRoutes);
      await api.register(packRoutes);
      await api.register(uploadRoutes);
      await api.register(calendarFeedRoutes);
      await api.register(tokenRoutes);
      await api.register(auditRoutes);
      await api.register(changesRoutes);
      await api.register(reviewRoutes);
      await api.register(reviewDocumentRoutes);
      await api.register(interchangeRoutes, { importLimits: options.importLimits });
      await api.register(updateRoundRoutes);
      await api.register(measureRoutes);
      await api.register(evidenceRoutes);
      await api.register(impactReportRoutes);
      await api.register(evidenceBundleRoutes);
    },
    { prefix: API_PREFIX },
  );

  return app;
}
