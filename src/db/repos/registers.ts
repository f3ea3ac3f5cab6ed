// Data access for the four registers; each is listed per project in reference order for documents.
import { asc, eq } from 'drizzle-orm';
import type { benefits, dependencies, issues, risks } from '../schema.js';
import { CrudRepo } from '../crud-repo.js';
import type { Db, Tables } from '../client.js';
import type { Store } from '../store.js';

type RegisterTable = typeof risks | typeof issues | typeof dependencies | typeof benefits;

export class RegisterRepo<T extends RegisterTable> extends CrudRepo<T> {
  constructor(store: Store, table: (t: Tables) => T, resourceType: string, idPrefix: string) {
    super(store, {
      table,
      resourceType,
      idPrefix,
      uniqueMessages: { ref: `A ${resourceType} with this ref already exists in the project.` },
    });
  }

  async inProject(projectId: string, db: Db = this.db): Promise<T['$inferSelect'][]> {
    const t = this.table as typeof risks;
    return (await db.select().from(t).where(eq(t.projectId, projectId)).orderBy(asc(t.ref))) as T['$inferSelect'][];
  }
}

export const createRegisterRepos = (store: Store) => ({
  risks: new RegisterRepo(store, (t) => t.risks, 'risk', 'rsk'),
  issues: new RegisterRepo(store, (t) => t.issues, 'issue', 'iss'),
  dependencies: new RegisterRepo(store, (t) => t.dependencies, 'dependency', 'dep'),
  benefits: new RegisterRepo(store, (t) => t.benefits, 'benefit', 'ben'),
});

export type RiskRow = typeof risks.$inferSelect;
export type IssueRow = typeof issues.$inferSelect;
export type DependencyRow = typeof dependencies.$inferSelect;
export type BenefitRow = typeof benefits.$inferSelect;
