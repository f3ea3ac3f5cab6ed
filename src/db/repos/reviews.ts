// Data access for monitoring reviews: CRUD, and a plan's latest review before a date.
import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { reviews } from '../schema.js';
import { CrudRepo } from '../crud-repo.js';
import type { Db } from '../client.js';
import type { Store } from '../store.js';

export type ReviewRow = typeof reviews.$inferSelect;

export class ReviewsRepo extends CrudRepo<typeof reviews> {
  constructor(store: Store) {
    super(store, { table: (t) => t.reviews, resourceType: 'review', idPrefix: 'rev' });
  }

  /** The plan's latest review (by heldOn; the later created wins a tie). */
  async latestInPlan(planId: string, db: Db = this.db): Promise<ReviewRow | undefined> {
    return (await db.select().from(this.t.reviews).where(eq(this.t.reviews.planId, planId)).orderBy(desc(this.t.reviews.heldOn), desc(this.t.reviews.id)).limit(1))[0];
  }

  /** The plan's latest review held before `heldOn` (or the same day and created earlier than `id`). */
  async previous(planId: string, heldOn: string, id: string, db: Db = this.db): Promise<ReviewRow | undefined> {
    return (await db
      .select()
      .from(this.t.reviews)
      .where(and(eq(this.t.reviews.planId, planId), or(lt(this.t.reviews.heldOn, heldOn), and(eq(this.t.reviews.heldOn, heldOn), lt(this.t.reviews.id, id)))))
      .orderBy(desc(this.t.reviews.heldOn), desc(this.t.reviews.id))
      .limit(1))[0];
  }

  /** A page of the plan's reviews in creation order. */
  pageInPlan(planId: string, page: { limit: number; cursor?: string }) {
    return this.listBy(this.t.reviews.planId, planId, page);
  }

  /** The plan's reviews, latest first (for documents, not for HTTP lists). */
  async inPlan(planId: string, db: Db = this.db): Promise<ReviewRow[]> {
    return await db.select().from(this.t.reviews).where(eq(this.t.reviews.planId, planId)).orderBy(desc(this.t.reviews.heldOn), desc(this.t.reviews.id));
  }
}
