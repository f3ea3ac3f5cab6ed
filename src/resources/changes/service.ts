// "What changed since": the plan's audit events replayed by the domain rule (src/domain/changes.ts).
import { computeChanges, endOfLondonDay, eventsOfPlan, eventsOfProject, type Changes } from '../../domain/changes.js';
import { londonDate } from '../../domain/dates.js';
import { fieldError } from '../../shared/errors.js';
import type { MeasureSource } from '../measure-source.js';
import type { Repos } from '../../db/repos/index.js';
import type { ServiceContext } from '../service-context.js';

export class ChangesService {
  constructor(
    private readonly repos: Repos,
    private readonly ctx: ServiceContext,
    private readonly measures: MeasureSource,
  ) {}

  /** The changes between the end of `since` and the end of `until` (default: today in England). */
  async forPlan(planId: string, since: string, until?: string): Promise<Changes> {
    await this.repos.plans.mustGet(planId);
    const end = until ?? londonDate(this.ctx.now());
    if (since > end) throw fieldError('since', `must not be after until (${end})`, 'query');
    const projectIds = (await this.repos.projects.inPlan(planId)).map((p) => p.id);
    const events = eventsOfPlan(await this.repos.changes.eventsBefore(endOfLondonDay(end)), planId, projectIds);
    const moved = await this.measures.moved(planId, since, end);
    return computeChanges({ since, until: end, events, ragMargin: this.ctx.ragMargin, measures: moved });
  }

  /**
   * The changes of one project's tasks, risks, issues and measures (a highlight report's section; measures
   * whose projectId, as recorded at `until`, is the project). Synchronous because the highlight report's view is built in one read
   * transaction; it becomes async with the data layer. Null when the trail does not reach back to `since`.
   */
  async forProjectNow(projectId: string, since: string, until: string): Promise<Changes | null> {
    // A project recorded only after `since` (an example or an import loaded with backdated reports) has
    // no history to compare against: everything would read as new.
    const first = await this.repos.changes.firstRecordedAt('project', projectId);
    if (!first || first >= endOfLondonDay(since)) return null;
    const events = eventsOfProject(await this.repos.changes.eventsMentioningBefore(projectId, endOfLondonDay(until)), projectId);
    const measures = await this.measures.movedInProjectNow(projectId, since, until);
    return computeChanges({ since, until, events, ragMargin: this.ctx.ragMargin, measures });
  }
}
