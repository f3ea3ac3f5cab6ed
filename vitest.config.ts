import { defineConfig } from 'vitest/config';

// With TEST_DATABASE_URL (a PostgreSQL server; `.ci/run` starts one) the suite runs twice: on SQLite and on
// PostgreSQL. These files test SQLite itself (its files, pragmas, backups, WAL, process ids) or open its
// file beside the app, so they run on SQLite only.
const SQLITE_ONLY = [
  'test/db/**',
  'test/durability/**',
  'test/security/file-modes.test.ts',
  'test/interchange/jobs-restart.test.ts',
];

export default defineConfig({
  test: {
    pool: 'forks',
    // Rendering tests share one machine's Chromium; generous limits keep them deterministic under load.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgresql',
                include: ['test/**/*.test.ts'],
                exclude: SQLITE_ONLY,
                env: { SPT_TEST_DIALECT: 'postgresql' },
                globalSetup: ['test/helpers/pg-global-setup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
