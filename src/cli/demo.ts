// npm run demo: loads the Wolverhampton example (idempotently), writes the example documents to out/,
// then serves the API on the example database until stopped.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../app.js';
import { databaseOptions, loadEnv } from '../config.js';
import { accessiblePdf } from '../documents/pdf-accessibility.js';
import { loadExample } from '../example/load.js';

const env = loadEnv();
const outDir = process.env.OUT_DIR ?? 'out';
// The demo always has an admin token, so the README's curl walk-through works out of the box.
const adminToken = env.ADMIN_TOKEN ?? 'demo-admin-token-change-me';
const app = await buildApp({
  ...databaseOptions(env),
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
const documents = app.documents;
write('highlight-report-2022-11.pdf', await documents.highlightReports.pdf(november));
write('highlight-report-2022-11.html', await documents.highlightReports.html(november));
write('highlight-report-2022-10.pdf', await documents.highlightReports.pdf(ids.highlightReportIds[0]!));
write('progress-report-2022-11-18.pdf', await documents.progressReports.pdf(ids.planId, '2022-11-18'));
write('progress-report-2022-11-18.html', await documents.progressReports.html(ids.planId, '2022-11-18'));
if (ids.meetingId) {
  const pack = await documents.packs.build(ids.meetingId);
  write('scrutiny-pack-2022-12-13.pdf', pack.pdf);
  write('scrutiny-pack-2022-12-13.json', JSON.stringify({ items: pack.items }, null, 2));
}
// The MR3 monitoring review (7 November 2022): its note.
const review = await app.repos.reviews.latestInPlan(ids.planId);
if (review) {
  write(`review-note-${review.heldOn}.pdf`, await documents.reviewNotes.pdf(review.id));
  write(`review-note-${review.heldOn}.html`, await documents.reviewNotes.html(review.id));
}
// What changed between the October and November highlight reports' dates (the page a meeting item shows).
const changes = await documents.changesPages.view(ids.planId, '2022-10-31', '2022-11-18', '31 October 2022');
const changesHtml = documents.changesPages.renderHtml(changes);
write('changes-2022-10-31-to-2022-11-18.html', changesHtml);
write(
  'changes-2022-10-31-to-2022-11-18.pdf',
  await accessiblePdf(await app.renderer.pdf(changesHtml), { html: changesHtml, title: `${changes.plan.title} – what changed`, author: changes.plan.localArea }),
);
write('impact-report-2022-11-18.pdf', await documents.impactReports.pdf(ids.planId, '2022-11-18'));
write('impact-report-2022-11-18.html', await documents.impactReports.html(ids.planId, '2022-11-18'));
const bundle = await documents.evidenceBundles.plan(ids.planId, { asOf: '2022-11-18' });
const bundleIndex = await documents.evidenceBundles.indexPdf(bundle.view);
write('evidence-bundle-index-2022-11-18.pdf', bundleIndex);
const zip: Buffer[] = [];
for await (const chunk of await documents.evidenceBundles.stream(bundle, bundleIndex)) zip.push(chunk as Buffer);
write('evidence-bundle-2022-11-18.zip', Buffer.concat(zip));
app.log.info({ files: written }, 'example documents written');
if (env.SMTP_URL) app.log.info('the update round\'s emails of the example (fictional addresses) went to SMTP_URL');
else {
  const emails = existsSync(env.OUTBOX_DIR) ? readdirSync(env.OUTBOX_DIR).filter((f) => f.endsWith('.eml')).sort() : [];
  app.log.info({ outbox: env.OUTBOX_DIR, emails }, `the update round's emails of the example (fictional addresses): ${emails.length} .eml files in the outbox`);
}

if (process.argv.includes('--no-serve')) {
  await app.close();
} else {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
  await app.listen({ port: env.PORT, host: env.HOST });
  if (!env.ADMIN_TOKEN) app.log.warn(`ADMIN_TOKEN is not set: the demo accepts "${adminToken}" as the admin token.`);
  if (ids.meetingId) app.log.info(`public meeting page: http://${env.HOST}:${env.PORT}/meetings/${ids.meetingId}`);
}
