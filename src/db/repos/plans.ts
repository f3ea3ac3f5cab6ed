// Data access for plans.
import type { plans } from '../schema.js';
import { CrudRepo } from '../crud-repo.js';
import type { Store } from '../store.js';

export type PlanRow = typeof plans.$inferSelect;

export class PlansRepo extends CrudRepo<typeof plans> {
  constructor(store: Store) {
    super(store, { table: (t) => t.plans, resourceType: 'plan', idPrefix: 'pln' });
  }
}
