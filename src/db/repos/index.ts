// All repositories, built once per app over the shared Store.
import type { Store } from '../store.js';
import { AreaUpdatesRepo } from './area-updates.js';
import { ActionsRepo } from './actions.js';
import { AreasRepo } from './areas.js';
import { AuditRepo } from './audit.js';
import { CalendarFeedsRepo } from './calendar-feeds.js';
import { ChangesRepo } from './changes.js';
import { EvidenceRepo } from './evidence.js';
import { HighlightReportsRepo } from './highlight-reports.js';
import { MeasureValuesRepo, MeasuresRepo } from './measures.js';
import { MeetingsRepo } from './meetings.js';
import { PlansRepo } from './plans.js';
import { ProjectsRepo, WorkstreamsRepo } from './projects.js';
import { createRegisterRepos } from './registers.js';
import { ReviewsRepo } from './reviews.js';
import { UploadsRepo } from './uploads.js';

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
    audit: new AuditRepo(store),
  };
}

export type Repos = ReturnType<typeof createRepos>;
