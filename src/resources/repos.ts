// All repositories, built once per app over the shared Store.
import type { Store } from '../db/store.js';
import { AreaUpdatesRepo } from './area-updates/repo.js';
import { ActionsRepo } from './actions/repo.js';
import { AreasRepo } from './areas/repo.js';
import { CalendarFeedsRepo } from './calendar-feeds/repo.js';
import { ChangesRepo } from './changes/repo.js';
import { EvidenceRepo } from './evidence/repo.js';
import { HighlightReportsRepo } from './highlight-reports/repo.js';
import { MeasureValuesRepo, MeasuresRepo } from './measures/repo.js';
import { MeetingsRepo } from './meetings/repo.js';
import { PlansRepo } from './plans/repo.js';
import { ProjectsRepo, WorkstreamsRepo } from './projects/repo.js';
import { createRegisterRepos } from './registers/repo.js';
import { ReviewsRepo } from './reviews/repo.js';
import { UploadsRepo } from './uploads/repo.js';

export function createRepos(store: Store) {
  return {
    store,
    plans: new PlansRepo(store),
    areas: new AreasRepo(store),
    projects: new ProjectsRepo(store),
    workstreams: new WorkstreamsRepo(store),
    actions: new ActionsRepo(store),
    ...createRegisterRepos(store),
    highlightReports: new HighlightReportsRepo(store),
    areaUpdates: new AreaUpdatesRepo(store),
    meetings: new MeetingsRepo(store),
    uploads: new UploadsRepo(store),
    calendarFeeds: new CalendarFeedsRepo(store),
    changes: new ChangesRepo(store),
    reviews: new ReviewsRepo(store),
    measures: new MeasuresRepo(store),
    measureValues: new MeasureValuesRepo(store),
    evidence: new EvidenceRepo(store),
  };
}

export type Repos = ReturnType<typeof createRepos>;
