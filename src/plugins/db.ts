// Opens the database (applying migrations) and decorates the app with the shared Store; closes on shutdown.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { openDatabase, type OpenedDatabase } from '../db/client.js';
import { Store } from '../db/store.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    database: OpenedDatabase;
  }
}

export interface DbPluginOptions {
  databasePath: string;
  now: () => Date;
}

async function dbPlugin(app: FastifyInstance, opts: DbPluginOptions) {
  const database = openDatabase(opts.databasePath);
  app.decorate('database', database);
  app.decorate('store', new Store(database.db, opts.now));
  app.addHook('onClose', async () => {
    database.close();
  });
}

export default fp(dbPlugin, { name: 'db' });
