// Data access for monitoring reviews: CRUD, and a plan's latest review before a date.
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { reviews } from '../schema.js';
import { CrudRepo } from '../crud-repo.js';
import type { Db } from '../client.js';
import type { Store } from '../store.js';

export type ReviewRow = typeof reviews.$inferSelect;

export class ReviewsRepo extends CrudRepo<typeof reviews> {
  constructor(store: Store) {
    super(store, { table: reviews, resourceType: 'review', idPrefix: 'rev' });
  }

  /** The plan's latest review (by heldOn; the later created wins a tie). */
  latestInPlan(planId: string, db: Db = this.db): ReviewRow | undefined {
    return db.select().from(reviews).where(eq(reviews.planId, planId)).orderBy(desc(reviews.heldOn), desc(reviews.id)).limit(1).get();
  }

  /** The plan's latest review held before `heldOn` (or the same day and created earlier than `id`). */
  previous(planId: string, heldOn: string, id: string, db: Db = this.db): ReviewRow | undefined {
    return db
      .select()
      .from(reviews)
      .where(and(eq(reviews.planId, planId), or(lt(reviews.heldOn, heldOn), and(eq(reviews.heldOn, heldOn), lt(reviews.id, id)))))
      .orderBy(desc(reviews.heldOn), desc(reviews.id))
      .limit(1)
      .get();
  }

  /** A page of the plan's reviews in creation order. */
  pageInPlan(planId: string, page: { limit: number; cursor?: string }) {
    return this.listBy(reviews.planId, planId, page);
  }

  /** The plan's reviews, latest first (for documents, not for HTTP lists). */
  inPlan(planId: string, db: Db = this.db): ReviewRow[] {
    return db.select().from(reviews).where(eq(reviews.planId, planId)).orderBy(desc(reviews.heldOn), desc(reviews.id)).all();
  }
}
