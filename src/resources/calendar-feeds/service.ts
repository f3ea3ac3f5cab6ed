// Calendar feeds: secret URLs for calendar apps that cannot send a bearer token, created for a plan that
// exists, listed and revoked; the secret is shown once and stored only as its SHA-256.
import type { CalendarFeedRow } from '../../db/repos/calendar-feeds.js';
import type { Repos } from '../../db/repos/index.js';
import type { Actor } from '../../db/store.js';

export class CalendarFeedsService {
  constructor(private readonly repos: Repos) {}

  async create(planId: string, name: string, actor: Actor): Promise<{ row: CalendarFeedRow; secret: string }> {
    await this.repos.plans.mustGet(planId);
    return this.repos.calendarFeeds.create(planId, name, actor);
  }

  async inPlan(planId: string): Promise<CalendarFeedRow[]> {
    await this.repos.plans.mustGet(planId);
    return this.repos.calendarFeeds.inPlan(planId);
  }

  get(id: string): Promise<CalendarFeedRow> {
    return this.repos.calendarFeeds.mustGet(id);
  }

  /** The live feed whose URL carries this secret, if any. */
  bySecret(secret: string): Promise<CalendarFeedRow | undefined> {
    return this.repos.calendarFeeds.bySecret(secret);
  }

  revoke(id: string, actor: Actor): Promise<void> {
    return this.repos.calendarFeeds.revoke(id, actor);
  }
}
