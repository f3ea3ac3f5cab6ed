// All services, built once per app; routes reach them as app.services.
import { ActionsService } from './actions/service.js';
import { AuditService } from './audit/service.js';
import { CalendarFeedsService } from './calendar-feeds/service.js';
import { createAreaUpdatesService } from './area-updates/service.js';
import { createAreasService } from './areas/service.js';
import { ChangesService } from './changes/service.js';
import { EvidenceService } from './evidence/service.js';
import { HighlightReportsService } from './highlight-reports/service.js';
import { MeasureValuesService, MeasuresService } from './measures/service.js';
import { createMeetingsService } from './meetings/service.js';
import { createPlansService } from './plans/service.js';
import { createProjectsService, createWorkstreamsService } from './projects/service.js';
import { createRegisterServices } from './registers/service.js';
import type { MeasureSource } from './measure-source.js';
import { RecordedMeasures } from './measures/source.js';
import type { Repos } from '../db/repos/index.js';
import type { ServiceContext } from './service-context.js';
import { ReviewsService } from './reviews/service.js';
import { UploadsService } from './uploads/service.js';

export type { ServiceContext } from './service-context.js';

// Changes and reviews read measures (KPIs) through a MeasureSource: the measures wing's by default
// (NO_MEASURES from ./measure-source.js leaves them out).
export function createServices(repos: Repos, ctx: ServiceContext, measures: MeasureSource = new RecordedMeasures(repos)) {
  return {
    plans: createPlansService(repos),
    areas: createAreasService(repos),
    projects: createProjectsService(repos),
    workstreams: createWorkstreamsService(repos),
    actions: new ActionsService(repos, ctx),
    ...createRegisterServices(repos),
    highlightReports: new HighlightReportsService(repos),
    areaUpdates: createAreaUpdatesService(repos),
    meetings: createMeetingsService(repos),
    changes: new ChangesService(repos, ctx, measures),
    reviews: new ReviewsService(repos, measures),
    uploads: new UploadsService(repos),
    measures: new MeasuresService(repos, ctx),
    measureValues: new MeasureValuesService(repos),
    evidence: new EvidenceService(repos, ctx),
    audit: new AuditService(repos.audit),
    calendarFeeds: new CalendarFeedsService(repos),
  };
}

export type Services = ReturnType<typeof createServices>;
