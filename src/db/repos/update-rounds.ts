// Data access for update rounds, their requests, links (by SHA-256 of the secret) and item comments.
// The claim* methods are single UPDATEs guarded by "… IS NULL": exactly one caller (process) wins.
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { CrudRepo } from '../crud-repo.js';
import type { Store } from '../store.js';
import { itemComments, updateLinks, updateRequests, updateRounds } from '../schema.js';
import { newId } from '../../shared/ids.js';

export type UpdateRoundRow = typeof updateRounds.$inferSelect;
export type UpdateRequestRow = typeof updateRequests.$inferSelect;
type NewRequest = Omit<typeof updateRequests.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
type RequestSet = Partial<Omit<UpdateRequestRow, 'id' | 'version' | 'createdAt' | 'roundId'>>;
type RoundSet = Partial<Omit<UpdateRoundRow, 'id' | 'version' | 'createdAt' | 'planId'>>;

const changes = (result: unknown) => (result as { changes: number }).changes;

export class UpdateRoundsRepo extends CrudRepo<typeof updateRounds> {
  constructor(store: Store) {
    super(store, { table: (t) => t.updateRounds, resourceType: 'update-round', idPrefix: 'urd' });
  }

  pageInPlan(planId: string, page: { limit: number; cursor?: string }) {
    return this.listBy(updateRounds.planId, planId, page);
  }

  // Requests

  async requestsOf(roundIds: string[], db: Db = this.db): Promise<UpdateRequestRow[]> {
    if (roundIds.length === 0) return [];
    return await db.select().from(updateRequests).where(inArray(updateRequests.roundId, roundIds)).orderBy(asc(updateRequests.id));
  }

  async getRequest(id: string, db: Db = this.db): Promise<UpdateRequestRow | undefined> {
    return (await db.select().from(updateRequests).where(eq(updateRequests.id, id)))[0];
  }

  async insertRequest(tx: Db, values: NewRequest): Promise<UpdateRequestRow> {
    const ts = this.store.timestamp();
    const id = newId('urq');
    await tx.insert(updateRequests).values({ ...values, id, version: 1, createdAt: ts, updatedAt: ts });
    return (await this.getRequest(id, tx))!;
  }

  /** Sets columns of a request (version +1); `expectVersion` makes it conditional. Returns the new row or undefined. */
  async setRequest(tx: Db, id: string, set: RequestSet, expectVersion?: number): Promise<UpdateRequestRow | undefined> {
    const where = expectVersion === undefined ? eq(updateRequests.id, id) : and(eq(updateRequests.id, id), eq(updateRequests.version, expectVersion));
    const done = await tx
          .update(updateRequests)
          .set({ ...set, version: sql`${updateRequests.version} + 1`, updatedAt: this.store.timestamp() })
          .where(where);
    return changes(done) === 1 ? (await this.getRequest(id, tx)) : undefined;
  }

  // Links

  async insertLink(tx: Db, requestId: string, secretHash: string): Promise<void> {
    await tx.insert(updateLinks).values({ secretHash, requestId, createdAt: this.store.timestamp() });
  }

  /** The request and round behind a link: one primary-key lookup by the hash, whatever the secret. */
  async findByLinkHash(secretHash: string): Promise<{ request: UpdateRequestRow; round: UpdateRoundRow } | undefined> {
    const row = (await this.db
          .select({ request: updateRequests, round: updateRounds })
          .from(updateLinks)
          .innerJoin(updateRequests, eq(updateRequests.id, updateLinks.requestId))
          .innerJoin(updateRounds, eq(updateRounds.id, updateRequests.roundId))
          .where(eq(updateLinks.secretHash, secretHash)))[0];
    return row;
  }

  // Rounds

  async setRound(tx: Db, id: string, set: RoundSet): Promise<void> {
    await tx.update(updateRounds)
            .set({ ...set, version: sql`${updateRounds.version} + 1`, updatedAt: this.store.timestamp() })
            .where(eq(updateRounds.id, id));
  }

  /** Rounds whose opening day has come and that nobody has claimed yet. */
  async roundsToOpen(today: string): Promise<UpdateRoundRow[]> {
    return await this.db
          .select()
          .from(updateRounds)
          .where(and(eq(updateRounds.state, 'scheduled'), lte(updateRounds.opensOn, today), isNull(updateRounds.openClaimedAt)))
          .orderBy(asc(updateRounds.id));
  }

  async openRounds(): Promise<UpdateRoundRow[]> {
    return await this.db.select().from(updateRounds).where(eq(updateRounds.state, 'open')).orderBy(asc(updateRounds.id));
  }

  /** Rounds open, with someone to escalate to, due by `today`, not yet escalated. */
  async roundsToEscalate(today: string): Promise<UpdateRoundRow[]> {
    return await this.db
          .select()
          .from(updateRounds)
          .where(and(eq(updateRounds.state, 'open'), isNotNull(updateRounds.escalateTo), lte(updateRounds.dueOn, today), isNull(updateRounds.escalationClaimedAt)))
          .orderBy(asc(updateRounds.id));
  }

  /** Requests still waiting for their one reminder, in open rounds. */
  async requestsAwaitingReminder(): Promise<{ request: UpdateRequestRow; round: UpdateRoundRow }[]> {
    return await this.db
          .select({ request: updateRequests, round: updateRounds })
          .from(updateRequests)
          .innerJoin(updateRounds, eq(updateRounds.id, updateRequests.roundId))
          .where(and(eq(updateRounds.state, 'open'), eq(updateRequests.state, 'sent'), isNotNull(updateRequests.sentAt), isNull(updateRequests.remindClaimedAt)))
          .orderBy(asc(updateRequests.id));
  }

  async claimOpening(tx: Db, id: string, at: string): Promise<boolean> {
    return changes((await tx.update(updateRounds).set({ openClaimedAt: at }).where(and(eq(updateRounds.id, id), isNull(updateRounds.openClaimedAt))))) === 1;
  }

  async claimEscalation(id: string, at: string): Promise<boolean> {
    return changes((await this.db.update(updateRounds).set({ escalationClaimedAt: at }).where(and(eq(updateRounds.id, id), isNull(updateRounds.escalationClaimedAt))))) === 1;
  }

  async claimReminder(requestId: string, at: string): Promise<boolean> {
    return changes((await this.db.update(updateRequests).set({ remindClaimedAt: at }).where(and(eq(updateRequests.id, requestId), isNull(updateRequests.remindClaimedAt))))) === 1;
  }

  // Comments

  async insertComment(tx: Db, c: { itemType: string; itemId: string; at: string; author: string; text: string; requestId: string | null }): Promise<void> {
    await tx.insert(itemComments).values({ id: newId('cmt'), ...c });
  }

  async commentsOf(itemType: string, itemId: string): Promise<{ at: string; author: string; text: string }[]> {
    return await this.db
          .select({ at: itemComments.at, author: itemComments.author, text: itemComments.text })
          .from(itemComments)
          .where(and(eq(itemComments.itemType, itemType), eq(itemComments.itemId, itemId)))
          .orderBy(asc(itemComments.at), asc(itemComments.id));
  }
}
