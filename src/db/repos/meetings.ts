// Data access for meetings.
import { asc } from 'drizzle-orm';
import { meetings } from '../schema.js';
import { CrudRepo } from '../crud-repo.js';
import type { Db } from '../client.js';
import type { Store } from '../store.js';

export type MeetingRow = typeof meetings.$inferSelect;

export class MeetingsRepo extends CrudRepo<typeof meetings> {
  constructor(store: Store) {
    super(store, { table: meetings, resourceType: 'meeting', idPrefix: 'mtg' });
  }

  everything(db: Db = this.db): MeetingRow[] {
    return db.select().from(meetings).orderBy(asc(meetings.startsAt)).all();
  }
}
