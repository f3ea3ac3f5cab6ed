// Data access for projects and their workstreams.
import { asc, eq } from 'drizzle-orm';
import type { projects, workstreams } from '../schema.js';
import { CrudRepo } from '../crud-repo.js';
import type { Db } from '../client.js';
import type { Store } from '../store.js';

export type ProjectRow = typeof projects.$inferSelect;
export type WorkstreamRow = typeof workstreams.$inferSelect;

export class ProjectsRepo extends CrudRepo<typeof projects> {
  constructor(store: Store) {
    super(store, {
      table: (t) => t.projects,
      resourceType: 'project',
      idPrefix: 'prj',
      uniqueMessages: { code: 'A project with this code already exists in the plan.' },
    });
  }

  async inPlan(planId: string, db: Db = this.db): Promise<ProjectRow[]> {
    return await db.select().from(this.t.projects).where(eq(this.t.projects.planId, planId)).orderBy(asc(this.t.projects.id));
  }
}

export class WorkstreamsRepo extends CrudRepo<typeof workstreams> {
  constructor(store: Store) {
    super(store, {
      table: (t) => t.workstreams,
      resourceType: 'workstream',
      idPrefix: 'wst',
      uniqueMessages: { letter: 'A workstream with this letter already exists in the project.' },
    });
  }

  async inProject(projectId: string, db: Db = this.db): Promise<WorkstreamRow[]> {
    return await db.select().from(this.t.workstreams).where(eq(this.t.workstreams.projectId, projectId)).orderBy(asc(this.t.workstreams.letter));
  }
}
