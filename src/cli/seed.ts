// npm run seed: loads the Wolverhampton example into DATABASE_PATH (idempotent) and exits.
import { buildApp } from '../app.js';
import { databaseLabel, databaseOptions, loadEnv } from '../config.js';
import { loadExample } from '../example/load.js';

const env = loadEnv();
const app = await buildApp({
  ...databaseOptions(env),
  render: { executablePath: env.PUPPETEER_EXECUTABLE_PATH, timeoutMs: env.RENDER_TIMEOUT_MS },
});
try {
  const ids = await loadExample(app);
  console.log(
    ids.created
      ? `Loaded the Wolverhampton example into ${databaseLabel(env)}: plan ${ids.planId}, project ${ids.projectId}, meeting ${ids.meetingId}.`
      : `The Wolverhampton example is already in ${databaseLabel(env)} (plan ${ids.planId}); nothing changed.`,
  );
} finally {
  await app.close();
}
