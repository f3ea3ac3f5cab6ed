// Data access for the four registers; each is listed per project in reference order for documents.
import { asc, eq } from 'drizzle-orm';
import { benefits, dependencies, issues, risks } from '../schema.js';
import { CrudRepo } from '../crud-repo.js';
import type { Db } from '../client.js';
import type { Store } from '../store.js';

type RegisterTable = typeof risks | typeof issues | typeof dependencies | typeof benefits;

export class RegisterRepo<T extends RegisterTable> extends CrudRepo<T> {
  constructor(store: Store, table: T, resourceType: string, idPrefix: string) {
    super(store, {
      table,
      resourceType,
      idPrefix,
      uniqueMessages: { ref: `A ${resourceType} with this ref already exists in the project.` },
    });
  }

  inProject(projectId: string, db: Db = this.db): T['$inferSelect'][] {
    const t = this.cfg.table as typeof risks;
    return db.select().from(t).where(eq(t.projectId, projectId)).orderBy(asc(t.ref)).all() as T['$inferSelect'][];
  }
}

export const createRegisterRepos = (store: Store) => ({
  risks: new RegisterRepo(store, risks, 'risk', 'rsk'),
  issues: new RegisterRepo(store, issues, 'issue', 'iss'),
  dependencies: new RegisterRepo(store, dependencies, 'dependency', 'dep'),
  benefits: new RegisterRepo(store, benefits, 'benefit', 'ben'),
});

export type RiskRow = typeof risks.$inferSelect;
export type IssueRow = typeof issues.$inferSelect;
export type DependencyRow = typeof dependencies.$inferSelect;
export type BenefitRow = typeof benefits.$inferSelect;
