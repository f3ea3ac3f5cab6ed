// Opens the database (SQLite file, or PostgreSQL when a URL is given; migrations applied) and decorates the
// app with the shared Store; closes on shutdown.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { connect, type Connection } from '../db/client.js';
import { Store } from '../db/store.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    database: Connection;
  }
}

export interface DbPluginOptions {
  databasePath: string;
  /** postgres://… : PostgreSQL instead of the SQLite file. */
  databaseUrl?: string;
  now: () => Date;
}

async function dbPlugin(app: FastifyInstance, opts: DbPluginOptions) {
  const database = await connect({ path: opts.databasePath, url: opts.databaseUrl });
  app.decorate('database', database);
  app.decorate('store', new Store(database, opts.now));
  app.addHook('onClose', async () => {
    await database.close();
  });
}

export default fp(dbPlugin, { name: 'db' });
