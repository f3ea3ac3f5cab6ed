// The measures wing as the MeasureSource of changes and reviews (src/resources/measure-source.ts).
//
// Two readings of "the latest value at a date", each where it is the honest one:
// - moved (changes, highlight reports): as the audit trail recorded it at the end of each day
//   (src/domain/measure-history.ts). A value recorded after `since` for an earlier period, or a
//   corrected value, is not in `from`: nobody had it that day. It is in `to` when it is the latest by `until`.
// - forArea (a review's areas): by period, from today's rows — a value for a period on or before the
//   review day, with the measure's current trajectory. The review fills in everything else the same way
//   (its actions behind schedule and area updates are live data as of heldOn), so a late figure for a
//   period before the meeting shows in its note, as a correction would.
import { endOfLondonDay, type MovedMeasure } from '../../domain/changes.js';
import { movedMeasures } from '../../domain/measure-history.js';
import { measureStatus } from '../../domain/measure-rag.js';
import type { AreaMeasure, MeasureSource } from '../measure-source.js';
import type { Repos } from '../../db/repos/index.js';

const MEASURE_TYPES = ['measure', 'measure-value'] as const;
const byRef = (a: { ref: string; id: string }, b: { ref: string; id: string }) => a.ref.localeCompare(b.ref, 'en', { numeric: true }) || a.id.localeCompare(b.id);

export class RecordedMeasures implements MeasureSource {
  constructor(private readonly repos: Repos) {}

  async moved(planId: string, since: string, until: string): Promise<MovedMeasure[]> {
    return this.movedNow(planId, since, until);
  }

  async movedInProjectNow(projectId: string, since: string, until: string): Promise<MovedMeasure[]> {
    const project = await this.repos.projects.get(projectId);
    return project ? (await this.movedNow(project.planId, since, until, projectId)) : [];
  }

  async forArea(areaId: string, asOf: string): Promise<AreaMeasure[]> {
    const rows = await this.repos.measures.inArea(areaId);
    const values = new Map<string, { period: string; value: number }[]>();
    for (const v of await this.repos.measureValues.forMeasures(rows.map((r) => r.id))) {
      if (v.period > asOf) continue;
      const list = values.get(v.measureId) ?? [];
      list.push(v);
      values.set(v.measureId, list);
    }
    return rows
      .map((m) => {
        const status = measureStatus(m, values.get(m.id) ?? []);
        return { id: m.id, ref: m.ref, title: m.title, unit: m.unit, latest: status.latest?.value ?? null, period: status.latest?.period ?? null, rag: status.rag };
      })
      .sort(byRef);
  }

  private async movedNow(planId: string, since: string, until: string, projectId?: string): Promise<MovedMeasure[]> {
    const events = await this.repos.changes.eventsBefore(endOfLondonDay(until), MEASURE_TYPES);
    return movedMeasures({ since, until, events, planId, projectId }).sort(byRef);
  }
}
