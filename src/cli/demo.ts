// npm run demo: loads the Wolverhampton example (idempotently), writes the example documents to out/,
// then serves the API on the example database until stopped.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../app.js';
import { loadEnv, refuseUnfinishedPostgres } from '../config.js';
import { loadExample } from '../example/load.js';

const env = loadEnv();
refuseUnfinishedPostgres(env);
const outDir = process.env.OUT_DIR ?? 'out';
// The demo always has an admin token, so the README's curl walk-through works out of the box.
const adminToken = env.ADMIN_TOKEN ?? 'demo-admin-token-change-me';
const app = await buildApp({
  databasePath: env.DATABASE_PATH,
  adminToken,
  ragMargin: env.RAG_AT_RISK_MARGIN,
  logger: { level: env.LOG_LEVEL, redact: ['req.headers.authorization'] },
  render: { executablePath: env.PUPPETEER_EXECUTABLE_PATH, timeoutMs: env.RENDER_TIMEOUT_MS },
  // The example's update round emails its owners (fictional addresses): .eml files in OUTBOX_DIR without SMTP_URL.
  mail: {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    outboxDir: env.OUTBOX_DIR,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://${env.HOST}:${env.PORT}`,
  },
  scheduler: process.argv.includes('--no-serve') ? false : { intervalMs: env.UPDATE_SCHEDULER_INTERVAL_SECONDS * 1000 },
});

const ids = await loadExample(app);
app.log.info({ planId: ids.planId, created: ids.created }, ids.created ? 'example loaded' : 'example already present');
mkdirSync(outDir, { recursive: true });
const november = ids.highlightReportIds[ids.highlightReportIds.length - 1]!;
const written: string[] = [];
const write = (name: string, data: Buffer | string) => {
  writeFileSync(join(outDir, name), data);
  written.push(join(outDir, name));
};
write('highlight-report-2022-11.pdf', await app.documents.highlightReports.pdf(november));
write('highlight-report-2022-11.html', app.documents.highlightReports.html(november));
write('highlight-report-2022-10.pdf', await app.documents.highlightReports.pdf(ids.highlightReportIds[0]!));
write('progress-report-2022-11-18.pdf', await app.documents.progressReports.pdf(ids.planId, '2022-11-18'));
write('progress-report-2022-11-18.html', app.documents.progressReports.html(ids.planId, '2022-11-18'));
if (ids.meetingId) {
  const pack = await app.documents.packs.build(ids.meetingId);
  write('scrutiny-pack-2022-12-13.pdf', pack.pdf);
  write('scrutiny-pack-2022-12-13.json', JSON.stringify({ items: pack.items }, null, 2));
}
app.log.info({ files: written }, 'example documents written');
app.log.info({ outbox: env.SMTP_URL ? 'SMTP' : env.OUTBOX_DIR }, 'update-round emails of the example (fictional addresses) are in the outbox');

if (process.argv.includes('--no-serve')) {
  await app.close();
} else {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
  await app.listen({ port: env.PORT, host: env.HOST });
  if (!env.ADMIN_TOKEN) app.log.warn(`ADMIN_TOKEN is not set: the demo accepts "${adminToken}" as the admin token.`);
  if (ids.meetingId) app.log.info(`public meeting page: http://${env.HOST}:${env.PORT}/meetings/${ids.meetingId}`);
}
