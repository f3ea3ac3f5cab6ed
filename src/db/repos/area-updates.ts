// Data access for area progress updates.
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { areas, areaUpdates } from '../schema.js';
import { CrudRepo } from '../crud-repo.js';
import type { Db } from '../client.js';
import type { Store } from '../store.js';
import { jsonListHas } from '../dialect/sql.js';

export type AreaUpdateRow = typeof areaUpdates.$inferSelect;

export class AreaUpdatesRepo extends CrudRepo<typeof areaUpdates> {
  constructor(store: Store) {
    super(store, { table: (t) => t.areaUpdates, resourceType: 'area-update', idPrefix: 'upd' });
  }

  /** The updates of the plan's areas whose evidenceIds name the evidence item (cleaned when it is deleted). */
  async linkingEvidence(planId: string, evidenceId: string, db: Db = this.db): Promise<AreaUpdateRow[]> {
    return await db
      .select()
      .from(this.t.areaUpdates)
      .where(
        and(
          inArray(this.t.areaUpdates.areaId, db.select({ id: this.t.areas.id }).from(this.t.areas).where(eq(this.t.areas.planId, planId))),
          jsonListHas(this.store.dialect, this.t.areaUpdates.evidenceIds, evidenceId),
        ),
      )
      .orderBy(asc(this.t.areaUpdates.id));
  }

  /** The latest update of the area on or before `asOf` (the most recently created wins a tie). */
  async latest(areaId: string, asOf: string, db: Db = this.db): Promise<AreaUpdateRow | undefined> {
    return (await db
      .select()
      .from(this.t.areaUpdates)
      .where(and(eq(this.t.areaUpdates.areaId, areaId), lte(this.t.areaUpdates.asOf, asOf)))
      .orderBy(desc(this.t.areaUpdates.asOf), desc(this.t.areaUpdates.id))
      .limit(1))[0];
  }
}
