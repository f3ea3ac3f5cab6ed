// Data access for calendar feeds: secret URLs stored only as SHA-256 hashes.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { calendarFeeds } from '../schema.js';
import type { Actor, Store } from '../store.js';
import { NotFoundError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';

export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;
const hash = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export class CalendarFeedsRepo {
  constructor(private readonly store: Store) {}

  private get t() {
    return this.store.tables;
  }

  async create(planId: string, name: string, actor: Actor): Promise<{ row: CalendarFeedRow; secret: string }> {
    const secret = randomBytes(24).toString('base64url');
    const row: CalendarFeedRow = { id: newId('cal'), planId, name, secretHash: hash(secret), createdAt: this.store.timestamp(), revokedAt: null };
    await this.store.tx(async (tx) => {
      await tx.insert(this.t.calendarFeeds).values(row);
      await this.store.audit(tx, actor, 'create', 'calendar-feed', row.id, null, { id: row.id, planId, name });
    });
    return { row, secret };
  }

  async inPlan(planId: string): Promise<CalendarFeedRow[]> {
    return await this.store.db.select().from(this.t.calendarFeeds).where(eq(this.t.calendarFeeds.planId, planId)).orderBy(asc(this.t.calendarFeeds.id));
  }

  async mustGet(id: string): Promise<CalendarFeedRow> {
    const row = (await this.store.db.select().from(this.t.calendarFeeds).where(eq(this.t.calendarFeeds.id, id)))[0];
    if (!row) throw new NotFoundError('calendar feed', id);
    return row;
  }

  /** The live feed whose URL carries this secret, if any. */
  async bySecret(secret: string): Promise<CalendarFeedRow | undefined> {
    return (await this.store.db
      .select()
      .from(this.t.calendarFeeds)
      .where(and(eq(this.t.calendarFeeds.secretHash, hash(secret)), isNull(this.t.calendarFeeds.revokedAt))))[0];
  }

  async revoke(id: string, actor: Actor): Promise<void> {
    await this.store.tx(async (tx) => {
      const row = (await tx.select().from(this.t.calendarFeeds).where(eq(this.t.calendarFeeds.id, id)))[0];
      if (!row || row.revokedAt) throw new NotFoundError('calendar feed', id);
      const revokedAt = this.store.timestamp();
      await tx.update(this.t.calendarFeeds).set({ revokedAt }).where(eq(this.t.calendarFeeds.id, id));
      await this.store.audit(tx, actor, 'revoke', 'calendar-feed', id, { revokedAt: null }, { revokedAt });
    });
  }
}
