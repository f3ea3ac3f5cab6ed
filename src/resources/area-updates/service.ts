// Area update service: a resource under an area; the evidence it links must be its plan's.
import { areaUpdates } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { ValidationError } from '../../shared/errors.js';
import { definedOnly } from '../../shared/objects.js';
import { notInPlan, unique } from '../plan-members.js';
import type { Repos } from '../../db/repos/index.js';
import { ResourceService } from '../resource-service.js';
import type { AreaUpdate, AreaUpdateQuery, CreateAreaUpdate, UpdateAreaUpdate } from './schemas.js';

export const createAreaUpdatesService = (repos: Repos) => {
  const evidenceOfPlan = async (areaId: string, ids: string[], tx: Db) => {
    const errors = await notInPlan(repos.evidence, ids, (await repos.areas.mustGet(areaId, tx)).planId, 'evidenceIds', 'an evidence item', tx);
    if (errors.length) throw new ValidationError(errors, errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    return unique(ids);
  };
  return new ResourceService<Repos['areaUpdates'], CreateAreaUpdate, UpdateAreaUpdate, AreaUpdateQuery, AreaUpdate>({
    repo: repos.areaUpdates,
    parent: { repo: repos.areas, column: areaUpdates.areaId, key: 'areaId' },
    toApi: (row) => row,
    createValues: async (body, areaId, tx) => ({
      ...body,
      evidenceOfImpact: body.evidenceOfImpact ?? null,
      areaId,
      evidenceIds: (await evidenceOfPlan(areaId!, body.evidenceIds, tx)),
    }),
    patchValues: async (body, current, tx) => {
      const patch: Record<string, unknown> = definedOnly(body);
      if (body.evidenceIds) patch.evidenceIds = await evidenceOfPlan(current.areaId, body.evidenceIds, tx);
      return patch;
    },
  });
};
