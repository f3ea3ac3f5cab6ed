// Area update service: a plain resource under an area.
import { areaUpdates } from '../../db/schema.js';
import type { Repos } from '../repos.js';
import { ResourceService } from '../resource-service.js';
import type { AreaUpdate, AreaUpdateQuery, CreateAreaUpdate, UpdateAreaUpdate } from './schemas.js';

export const createAreaUpdatesService = (repos: Repos) =>
  new ResourceService<Repos['areaUpdates'], CreateAreaUpdate, UpdateAreaUpdate, AreaUpdateQuery, AreaUpdate>({
    repo: repos.areaUpdates,
    parent: { repo: repos.areas, column: areaUpdates.areaId, key: 'areaId' },
    toApi: (row) => row,
    optional: ['evidenceOfImpact'],
  });
