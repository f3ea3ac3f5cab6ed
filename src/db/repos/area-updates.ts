// Data access for area progress updates.
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { areas, areaUpdates } from '../schema.js';
import { CrudRepo } from '../crud-repo.js';
import type { Db } from '../client.js';
import type { Store } from '../store.js';

export type AreaUpdateRow = typeof areaUpdates.$inferSelect;

export class AreaUpdatesRepo extends CrudRepo<typeof areaUpdates> {
  constructor(store: Store) {
    super(store, { table: (t) => t.areaUpdates, resourceType: 'area-update', idPrefix: 'upd' });
  }

  /** The updates of the plan's areas whose evidenceIds name the evidence item (cleaned when it is deleted). */
  async linkingEvidence(planId: string, evidenceId: string, db: Db = this.db): Promise<AreaUpdateRow[]> {
    return await db
          .select()
          .from(areaUpdates)
          .where(
            and(
              inArray(areaUpdates.areaId, db.select({ id: areas.id }).from(areas).where(eq(areas.planId, planId))),
              sql`exists (select 1 from json_each(${areaUpdates.evidenceIds}) where value = ${evidenceId})`,
            ),
          )
          .orderBy(asc(areaUpdates.id));
  }

  /** The latest update of the area on or before `asOf` (the most recently created wins a tie). */
  async latest(areaId: string, asOf: string, db: Db = this.db): Promise<AreaUpdateRow | undefined> {
    return (await db
          .select()
          .from(areaUpdates)
          .where(and(eq(areaUpdates.areaId, areaId), lte(areaUpdates.asOf, asOf)))
          .orderBy(desc(areaUpdates.asOf), desc(areaUpdates.id))
          .limit(1))[0];
  }
}
