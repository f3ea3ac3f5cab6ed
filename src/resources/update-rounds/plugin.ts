// Decorates the app with the update-round service and its scheduler (started when the server is
// ready unless disabled, stopped on close).
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { LOCK_KEYS, unlessHeldElsewhere } from '../../db/advisory-locks.js';
import { UpdateRoundsRepo } from '../../db/repos/update-rounds.js';
import { UpdateRoundScheduler } from './scheduler.js';
import { UpdateRoundsService } from './service.js';

declare module 'fastify' {
  interface FastifyInstance {
    updateRounds: { service: UpdateRoundsService; scheduler: UpdateRoundScheduler };
  }
}

export interface UpdateRoundsPluginOptions {
  /** false: never runs by itself (tests call scheduler.runOnce()). */
  scheduler: { intervalMs?: number } | false;
}

async function updateRoundsPlugin(app: FastifyInstance, opts: UpdateRoundsPluginOptions) {
  const service = new UpdateRoundsService(app.repos, app.services, new UpdateRoundsRepo(app.store), app.mail, app.store.now, app.log);
  // One process scans at a time (PostgreSQL advisory lock); the others skip the tick. The claims make each item once regardless.
  const exclusive = <T>(fn: () => Promise<T>) => unlessHeldElsewhere(app.store, LOCK_KEYS.updateRoundScheduler, fn);
  const scheduler = new UpdateRoundScheduler(service, opts.scheduler ? (opts.scheduler.intervalMs ?? 300_000) : 300_000, app.log, exclusive);
  app.decorate('updateRounds', { service, scheduler });
  if (opts.scheduler !== false) app.addHook('onReady', async () => scheduler.start());
  app.addHook('onClose', async () => scheduler.stop());
}

export default fp(updateRoundsPlugin, { name: 'update-rounds', dependencies: ['db', 'services', 'mail'] });
