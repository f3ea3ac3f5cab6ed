// Data access for update rounds, their requests, links (by SHA-256 of the secret) and item comments.
// The claim* methods are single UPDATEs guarded by "… IS NULL": exactly one caller (process) wins.
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { CrudRepo } from '../crud-repo.js';
import type { Store } from '../store.js';
import type { itemComments, updateLinks, updateRequests, updateRounds } from '../schema.js';
import { newId } from '../../shared/ids.js';

export type UpdateRoundRow = typeof updateRounds.$inferSelect;
export type UpdateRequestRow = typeof updateRequests.$inferSelect;
type NewRequest = Omit<typeof updateRequests.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
type RequestSet = Partial<Omit<UpdateRequestRow, 'id' | 'version' | 'createdAt' | 'roundId'>>;
type RoundSet = Partial<Omit<UpdateRoundRow, 'id' | 'version' | 'createdAt' | 'planId'>>;


export class UpdateRoundsRepo extends CrudRepo<typeof updateRounds> {
  constructor(store: Store) {
    super(store, { table: (t) => t.updateRounds, resourceType: 'update-round', idPrefix: 'urd' });
  }

  pageInPlan(planId: string, page: { limit: number; cursor?: string }) {
    return this.listBy(this.t.updateRounds.planId, planId, page);
  }

  // Requests

  async requestsOf(roundIds: string[], db: Db = this.db): Promise<UpdateRequestRow[]> {
    if (roundIds.length === 0) return [];
    return await db.select().from(this.t.updateRequests).where(inArray(this.t.updateRequests.roundId, roundIds)).orderBy(asc(this.t.updateRequests.id));
  }

  async getRequest(id: string, db: Db = this.db): Promise<UpdateRequestRow | undefined> {
    return (await db.select().from(this.t.updateRequests).where(eq(this.t.updateRequests.id, id)))[0];
  }

  async insertRequest(tx: Db, values: NewRequest): Promise<UpdateRequestRow> {
    const ts = this.store.timestamp();
    const id = newId('urq');
    await tx.insert(this.t.updateRequests).values({ ...values, id, version: 1, createdAt: ts, updatedAt: ts });
    return (await this.getRequest(id, tx))!;
  }

  /** Sets columns of a request (version +1); `expectVersion` makes it conditional. Returns the new row or undefined. */
  async setRequest(tx: Db, id: string, set: RequestSet, expectVersion?: number): Promise<UpdateRequestRow | undefined> {
    const where = expectVersion === undefined ? eq(this.t.updateRequests.id, id) : and(eq(this.t.updateRequests.id, id), eq(this.t.updateRequests.version, expectVersion));
    const done = await tx
      .update(this.t.updateRequests)
      .set({ ...set, version: sql`${this.t.updateRequests.version} + 1`, updatedAt: this.store.timestamp() })
      .where(where)
      .returning({ id: this.t.updateRequests.id });
    return done.length === 1 ? await this.getRequest(id, tx) : undefined;
  }

  // Links

  async insertLink(tx: Db, requestId: string, secretHash: string): Promise<void> {
    await tx.insert(this.t.updateLinks).values({ secretHash, requestId, createdAt: this.store.timestamp() });
  }

  /** The request and round behind a link: one primary-key lookup by the hash, whatever the secret. */
  async findByLinkHash(secretHash: string): Promise<{ request: UpdateRequestRow; round: UpdateRoundRow } | undefined> {
    const row = (await this.db
      .select({ request: this.t.updateRequests, round: this.t.updateRounds })
      .from(this.t.updateLinks)
      .innerJoin(this.t.updateRequests, eq(this.t.updateRequests.id, this.t.updateLinks.requestId))
      .innerJoin(this.t.updateRounds, eq(this.t.updateRounds.id, this.t.updateRequests.roundId))
      .where(eq(this.t.updateLinks.secretHash, secretHash)))[0];
    return row;
  }

  // Rounds

  async setRound(tx: Db, id: string, set: RoundSet): Promise<void> {
    await tx.update(this.t.updateRounds)
            .set({ ...set, version: sql`${this.t.updateRounds.version} + 1`, updatedAt: this.store.timestamp() })
            .where(eq(this.t.updateRounds.id, id));
  }

  /** Rounds whose opening day has come and that nobody has claimed yet. */
  async roundsToOpen(today: string): Promise<UpdateRoundRow[]> {
    return await this.db
      .select()
      .from(this.t.updateRounds)
      .where(and(eq(this.t.updateRounds.state, 'scheduled'), lte(this.t.updateRounds.opensOn, today), isNull(this.t.updateRounds.openClaimedAt)))
      .orderBy(asc(this.t.updateRounds.id));
  }

  async openRounds(): Promise<UpdateRoundRow[]> {
    return await this.db.select().from(this.t.updateRounds).where(eq(this.t.updateRounds.state, 'open')).orderBy(asc(this.t.updateRounds.id));
  }

  /** Rounds open, with someone to escalate to, due by `today`, not yet escalated. */
  async roundsToEscalate(today: string): Promise<UpdateRoundRow[]> {
    return await this.db
      .select()
      .from(this.t.updateRounds)
      .where(and(eq(this.t.updateRounds.state, 'open'), isNotNull(this.t.updateRounds.escalateTo), lte(this.t.updateRounds.dueOn, today), isNull(this.t.updateRounds.escalationClaimedAt)))
      .orderBy(asc(this.t.updateRounds.id));
  }

  /** Requests still waiting for their one reminder, in open rounds. */
  async requestsAwaitingReminder(): Promise<{ request: UpdateRequestRow; round: UpdateRoundRow }[]> {
    return await this.db
      .select({ request: this.t.updateRequests, round: this.t.updateRounds })
      .from(this.t.updateRequests)
      .innerJoin(this.t.updateRounds, eq(this.t.updateRounds.id, this.t.updateRequests.roundId))
      .where(and(eq(this.t.updateRounds.state, 'open'), eq(this.t.updateRequests.state, 'sent'), isNotNull(this.t.updateRequests.sentAt), isNull(this.t.updateRequests.remindClaimedAt)))
      .orderBy(asc(this.t.updateRequests.id));
  }

  async claimOpening(tx: Db, id: string, at: string): Promise<boolean> {
    return (await tx.update(this.t.updateRounds).set({ openClaimedAt: at }).where(and(eq(this.t.updateRounds.id, id), isNull(this.t.updateRounds.openClaimedAt))).returning({ id: this.t.updateRounds.id })).length === 1;
  }

  async claimEscalation(id: string, at: string): Promise<boolean> {
    return this.store.tx(async (tx) => (await tx.update(this.t.updateRounds).set({ escalationClaimedAt: at }).where(and(eq(this.t.updateRounds.id, id), isNull(this.t.updateRounds.escalationClaimedAt))).returning({ id: this.t.updateRounds.id })).length === 1);
  }

  async claimReminder(requestId: string, at: string): Promise<boolean> {
    return this.store.tx(async (tx) => (await tx.update(this.t.updateRequests).set({ remindClaimedAt: at }).where(and(eq(this.t.updateRequests.id, requestId), isNull(this.t.updateRequests.remindClaimedAt))).returning({ id: this.t.updateRequests.id })).length === 1);
  }

  // Comments

  async insertComment(tx: Db, c: { itemType: string; itemId: string; at: string; author: string; text: string; requestId: string | null }): Promise<void> {
    await tx.insert(this.t.itemComments).values({ id: newId('cmt'), ...c });
  }

  async commentsOf(itemType: string, itemId: string): Promise<{ at: string; author: string; text: string }[]> {
    return await this.db
      .select({ at: this.t.itemComments.at, author: this.t.itemComments.author, text: this.t.itemComments.text })
      .from(this.t.itemComments)
      .where(and(eq(this.t.itemComments.itemType, itemType), eq(this.t.itemComments.itemId, itemId)))
      .orderBy(asc(this.t.itemComments.at), asc(this.t.itemComments.id));
  }
}
