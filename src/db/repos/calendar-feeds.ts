// Data access for calendar feeds: secret URLs stored only as SHA-256 hashes.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { calendarFeeds } from '../schema.js';
import type { Actor, Store } from '../store.js';
import { NotFoundError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';

export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;
const hash = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export class CalendarFeedsRepo {
  constructor(private readonly store: Store) {}

  create(planId: string, name: string, actor: Actor): { row: CalendarFeedRow; secret: string } {
    const secret = randomBytes(24).toString('base64url');
    const row: CalendarFeedRow = { id: newId('cal'), planId, name, secretHash: hash(secret), createdAt: this.store.timestamp(), revokedAt: null };
    this.store.tx((tx) => {
      tx.insert(calendarFeeds).values(row).run();
      this.store.audit(tx, actor, 'create', 'calendar-feed', row.id, null, { id: row.id, planId, name });
    });
    return { row, secret };
  }

  inPlan(planId: string): CalendarFeedRow[] {
    return this.store.db.select().from(calendarFeeds).where(eq(calendarFeeds.planId, planId)).orderBy(asc(calendarFeeds.id)).all();
  }

  mustGet(id: string): CalendarFeedRow {
    const row = this.store.db.select().from(calendarFeeds).where(eq(calendarFeeds.id, id)).get();
    if (!row) throw new NotFoundError('calendar feed', id);
    return row;
  }

  /** The live feed whose URL carries this secret, if any. */
  bySecret(secret: string): CalendarFeedRow | undefined {
    return this.store.db
      .select()
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.secretHash, hash(secret)), isNull(calendarFeeds.revokedAt)))
      .get();
  }

  revoke(id: string, actor: Actor): void {
    this.store.tx((tx) => {
      const row = tx.select().from(calendarFeeds).where(eq(calendarFeeds.id, id)).get();
      if (!row || row.revokedAt) throw new NotFoundError('calendar feed', id);
      const revokedAt = this.store.timestamp();
      tx.update(calendarFeeds).set({ revokedAt }).where(eq(calendarFeeds.id, id)).run();
      this.store.audit(tx, actor, 'revoke', 'calendar-feed', id, { revokedAt: null }, { revokedAt });
    });
  }
}
