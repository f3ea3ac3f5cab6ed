// Where changes and reviews get measures (KPIs) from. Measures live in another wing; until it is plugged
// in here, NO_MEASURES answers with none, and documents and routes show empty measure lists.
import type { MovedMeasure } from '../domain/changes.js';
import type { RagValue } from '../domain/rag.js';

export interface AreaMeasure {
  id: string;
  ref: string;
  title: string;
  latest: number | null;
  rag: RagValue | null;
}

export interface MeasureSource {
  /** The plan's measures whose latest value on `until` differs from the latest on `since`. */
  moved(planId: string, since: string, until: string): Promise<MovedMeasure[]>;
  /** An area's measures with their latest value on or before `asOf`. */
  forArea(areaId: string, asOf: string): Promise<AreaMeasure[]>;
}

export const NO_MEASURES: MeasureSource = {
  moved: async () => [],
  forArea: async () => [],
};
