// Where changes and reviews get measures (KPIs) from: the interface, and NO_MEASURES (none at all) for
// callers that want documents without measures. The app plugs in RecordedMeasures
// (src/resources/measures/source.ts) in createServices.
import type { MovedMeasure } from '../domain/changes.js';
import type { MeasureRag } from '../domain/measure-rag.js';

export interface AreaMeasure {
  id: string;
  ref: string;
  title: string;
  unit: string;
  /** The latest value on or before the date, and its period (null: none). */
  latest: number | null;
  period: string | null;
  rag: MeasureRag | null;
}

export interface MeasureSource {
  /** The plan's measures whose latest value as recorded at the end of `until` differs from the latest at the end of `since`. */
  moved(planId: string, since: string, until: string): Promise<MovedMeasure[]>;
  /** The same for one project's measures (a highlight report's view, inside its read snapshot). */
  movedInProjectNow(projectId: string, since: string, until: string): Promise<MovedMeasure[]>;
  /** An area's measures with their latest value on or before `asOf`. */
  forArea(areaId: string, asOf: string): Promise<AreaMeasure[]>;
}

export const NO_MEASURES: MeasureSource = {
  moved: async () => [],
  movedInProjectNow: async () => [],
  forArea: async () => [],
};
