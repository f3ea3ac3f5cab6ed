// Ids that records keep in their lists (measures' areaIds/actionIds, evidence's areaIds/actionIds/
// measureIds, area updates' evidenceIds) are dropped when the record they name is deleted: inside the
// deleting transaction, each touched record updated through its repository (audited, version + 1).
import type { Db } from '../db/client.js';
import type { Actor } from '../db/store.js';
import type { Repos } from '../db/repos/index.js';

export type ReferencedType = 'area' | 'action' | 'measure' | 'evidence';

const without = (ids: string[], id: string) => ids.filter((x) => x !== id);

/** Removes `id` (a record of the plan, about to be deleted) from every list in the plan that names it. */
export async function dropReferences(repos: Repos, tx: Db, actor: Actor, type: ReferencedType, id: string, planId: string): Promise<void> {
  const fromMeasures = async (field: 'areaIds' | 'actionIds') => {
    for (const m of await repos.measures.naming(planId, field, id, tx)) await repos.measures.updateIn(tx, m.id, undefined, actor, (cur) => ({ [field]: without(cur[field], id) }));
  };
  const fromEvidence = async (field: 'areaIds' | 'actionIds' | 'measureIds') => {
    for (const e of await repos.evidence.naming(planId, field, id, tx)) await repos.evidence.updateIn(tx, e.id, undefined, actor, (cur) => ({ [field]: without(cur[field], id) }));
  };
  switch (type) {
    case 'area':
      await fromMeasures('areaIds');
      await fromEvidence('areaIds');
      return;
    case 'action':
      await fromMeasures('actionIds');
      await fromEvidence('actionIds');
      return;
    case 'measure':
      await fromEvidence('measureIds');
      return;
    case 'evidence':
      for (const u of await repos.areaUpdates.linkingEvidence(planId, id, tx)) {
        await repos.areaUpdates.updateIn(tx, u.id, undefined, actor, (cur) => ({ evidenceIds: without(cur.evidenceIds, id) }));
      }
      return;
  }
}
