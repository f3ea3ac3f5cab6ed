// Data access for actions, including the "behind schedule" filter (portable SQL: coalesce and compare).
import { and, asc, eq, gt, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import type { actions } from '../schema.js';
import { CrudRepo } from '../crud-repo.js';
import type { Db } from '../client.js';
import type { Store } from '../store.js';
import { decodeCursor } from '../../shared/pagination.js';

export type ActionRow = typeof actions.$inferSelect;

export class ActionsRepo extends CrudRepo<typeof actions> {
  constructor(store: Store) {
    super(store, {
      table: (t) => t.actions,
      resourceType: 'action',
      idPrefix: 'act',
      uniqueMessages: { ref: 'An action with this ref already exists in the plan.' },
    });
  }

  behindScheduleWhere(asOf: string): SQL {
    return and(
      notInArray(this.t.actions.status, ['complete', 'cancelled']),
      sql`coalesce(${this.t.actions.revisedDueDate}, ${this.t.actions.dueDate}) < ${asOf}`,
    )!;
  }

  /** Rows after the cursor in creation order, for filters that need the RAG rule (applied by the caller). */
  async scan(where: SQL | undefined, cursor: string | undefined): Promise<ActionRow[]> {
    const after = decodeCursor(cursor);
    return await this.db
      .select()
      .from(this.t.actions)
      .where(and(where, after ? gt(this.t.actions.id, after) : undefined))
      .orderBy(asc(this.t.actions.id));
  }

  async inPlan(planId: string, db: Db = this.db): Promise<ActionRow[]> {
    return await db.select().from(this.t.actions).where(eq(this.t.actions.planId, planId)).orderBy(asc(this.t.actions.id));
  }

  async inProject(projectId: string, db: Db = this.db): Promise<ActionRow[]> {
    return await db.select().from(this.t.actions).where(eq(this.t.actions.projectId, projectId)).orderBy(asc(this.t.actions.id));
  }

  async inAreas(areaIds: string[], db: Db = this.db): Promise<ActionRow[]> {
    if (areaIds.length === 0) return [];
    return await db.select().from(this.t.actions).where(inArray(this.t.actions.areaId, areaIds)).orderBy(asc(this.t.actions.id));
  }
}
