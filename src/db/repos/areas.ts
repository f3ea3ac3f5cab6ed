// Data access for areas.
import { and, asc, eq } from 'drizzle-orm';
import type { areas } from '../schema.js';
import { CrudRepo } from '../crud-repo.js';
import type { Db } from '../client.js';
import type { Store } from '../store.js';

export type AreaRow = typeof areas.$inferSelect;

export class AreasRepo extends CrudRepo<typeof areas> {
  constructor(store: Store) {
    super(store, {
      table: (t) => t.areas,
      resourceType: 'area',
      idPrefix: 'are',
      uniqueMessages: { number: 'An area with this number already exists in the plan.' },
    });
  }

  async inPlan(planId: string, db: Db = this.db): Promise<AreaRow[]> {
    return await db.select().from(this.t.areas).where(eq(this.t.areas.planId, planId)).orderBy(asc(this.t.areas.number));
  }

  async byNumber(planId: string, number: number): Promise<AreaRow | undefined> {
    return (await this.db.select().from(this.t.areas).where(and(eq(this.t.areas.planId, planId), eq(this.t.areas.number, number))))[0];
  }
}
