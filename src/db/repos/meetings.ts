// Data access for meetings.
import { asc } from 'drizzle-orm';
import type { meetings } from '../schema.js';
import { CrudRepo } from '../crud-repo.js';
import type { Db } from '../client.js';
import type { Store } from '../store.js';

export type MeetingRow = typeof meetings.$inferSelect;

export class MeetingsRepo extends CrudRepo<typeof meetings> {
  constructor(store: Store) {
    super(store, { table: (t) => t.meetings, resourceType: 'meeting', idPrefix: 'mtg' });
  }

  async everything(db: Db = this.db): Promise<MeetingRow[]> {
    return await db.select().from(this.t.meetings).orderBy(asc(this.t.meetings.startsAt));
  }
}
