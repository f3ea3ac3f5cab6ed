// Checks that ids sent in a body (areaIds, actionIds, measureIds, projectId) name records of the same plan.
import type { Db } from '../db/client.js';
import type { FieldError } from '../shared/errors.js';

interface PlanRecordRepo {
  get(id: string, db?: Db): Promise<{ planId: string } | undefined>;
}

/** Field errors ("areaIds.2: is not an area of this plan") for ids that are not the plan's. */
export async function notInPlan(repo: PlanRecordRepo, ids: readonly string[] | null | undefined, planId: string, field: string, what: string, db?: Db, list = true): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [i, id] of (ids ?? []).entries()) {
    const row = await repo.get(id, db);
    if (!row || row.planId !== planId) errors.push({ in: 'body', path: list ? `${field}.${i}` : field, message: `is not ${what} of this plan` });
  }
  return errors;
}

/** The same ids once each, in the order first sent. */
export const unique = (ids: readonly string[]) => [...new Set(ids)];
