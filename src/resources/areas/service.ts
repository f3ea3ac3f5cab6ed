// Area rules: numbers are unique within their plan (enforced by the database, reported as 409); a deleted
// area's id leaves the measures and evidence that named it.
import { areas } from '../../db/schema.js';
import { dropReferences } from '../references.js';
import type { Repos } from '../../db/repos/index.js';
import { ResourceService } from '../resource-service.js';
import type { Area, AreaQuery, CreateArea, UpdateArea } from './schemas.js';

export const createAreasService = (repos: Repos) =>
  new ResourceService<Repos['areas'], CreateArea, UpdateArea, AreaQuery, Area>({
    repo: repos.areas,
    parent: { repo: repos.plans, column: areas.planId, key: 'planId' },
    toApi: (row) => row,
    optional: ['description'],
    guardDelete: (current, tx, actor) => dropReferences(repos, tx, actor, 'area', current.id, current.planId),
  });
