// Once per `postgresql` test run: the template database every test app's database is copied from,
// migrated with the committed migrations/pg/ migrations.
import pg from 'pg';
import { openPostgres } from '../../src/db/pg-client.js';
import { databaseUrl, TEMPLATE_DATABASE } from './postgres.js';

export default async function setup() {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`drop database if exists "${TEMPLATE_DATABASE}" with (force)`);
    await client.query(`create database "${TEMPLATE_DATABASE}"`);
  } finally {
    await client.end();
  }
  const opened = await openPostgres(databaseUrl(TEMPLATE_DATABASE), { maxConnections: 1 });
  await opened.close();
}
