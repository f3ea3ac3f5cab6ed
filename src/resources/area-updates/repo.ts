// Data access for area progress updates.
import { and, desc, eq, lte } from 'drizzle-orm';
import { areaUpdates } from '../../db/schema.js';
import { CrudRepo } from '../../db/crud-repo.js';
import type { Db } from '../../db/client.js';
import type { Store } from '../../db/store.js';

export type AreaUpdateRow = typeof areaUpdates.$inferSelect;

export class AreaUpdatesRepo extends CrudRepo<typeof areaUpdates> {
  constructor(store: Store) {
    super(store, { table: areaUpdates, resourceType: 'area-update', idPrefix: 'upd' });
  }

  /** The latest update of the area on or before `asOf` (the most recently created wins a tie). */
  latest(areaId: string, asOf: string, db: Db = this.db): AreaUpdateRow | undefined {
    return db
      .select()
      .from(areaUpdates)
      .where(and(eq(areaUpdates.areaId, areaId), lte(areaUpdates.asOf, asOf)))
      .orderBy(desc(areaUpdates.asOf), desc(areaUpdates.id))
      .limit(1)
      .get();
  }
}
