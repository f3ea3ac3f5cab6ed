// The view model of a plan's impact report as of a date: per area, its latest "What is different?" (the
// area update's evidenceOfImpact), each of its measures as a chart with RAG and figures, its evidence
// counted by kind with the impact and voice items listed; then the information-request items without
// evidence. Values and evidence dated after the report's date are left out.
import type { Db } from '../../db/client.js';
import { INFORMATION_REQUEST } from '../../domain/information-request.js';
import { readiness } from '../../domain/readiness.js';
import type { EvidenceRow } from '../../db/repos/evidence.js';
import type { MeasureRow, MeasureValueRow } from '../../db/repos/measures.js';
import type { Repos } from '../../db/repos/index.js';
import type { UploadInfo } from '../../db/repos/uploads.js';
import { measureView, type MeasureView } from '../measures/measure-view.js';

export interface EvidenceItemView {
  title: string;
  kind: string;
  asOf: string;
  description: string | null;
  link: string | null;
  fileName: string | null;
}

export interface ImpactReportView {
  generatedAt: string;
  asOf: string;
  plan: { title: string; kind: string; localArea: string; principalAuthority: string | null };
  areas: {
    number: number;
    title: string;
    whatIsDifferent: string | null;
    updateAsOf: string | null;
    /** The evidence the update links (evidenceIds), as of the report's date. */
    updateEvidence: EvidenceItemView[];
    measures: MeasureView[];
    counts: { activity: number; impact: number; voice: number; total: number };
    listed: EvidenceItemView[];
  }[];
  otherMeasures: MeasureView[];
  gaps: { code: string; title: string }[];
  covered: number;
  total: number;
}

/** The name a stored file has in an evidence bundle and in documents listing it. */
export type FileNamer = (upload: UploadInfo) => string;

export function evidenceItemView(e: EvidenceRow, fileName: (uploadId: string) => string | null): EvidenceItemView {
  return { title: e.title, kind: e.kind, asOf: e.asOf, description: e.description, link: e.url, fileName: e.uploadId ? fileName(e.uploadId) : null };
}

export async function buildImpactReportView(repos: Repos, planId: string, asOf: string, opts: { now: Date; db?: Db }): Promise<ImpactReportView> {
  const db = opts.db;
  const plan = await repos.plans.mustGet(planId, db);
  const areas = await repos.areas.inPlan(planId, db);
  const measures = await repos.measures.inPlan(planId, db);
  const values = new Map<string, MeasureValueRow[]>();
  for (const v of await repos.measureValues.forMeasures(measures.map((m) => m.id), db)) values.set(v.measureId, [...(values.get(v.measureId) ?? []), v]);
  const evidence = await repos.evidence.matching({ planId, to: asOf }, db);
  const uploads = new Map((await repos.uploads.infos([...new Set(evidence.flatMap((e) => (e.uploadId ? [e.uploadId] : [])))], db)).map((u) => [u.id, u]));
  const fileName = (id: string) => uploads.get(id)?.filename ?? `file ${id}`;
  const areaIds = new Set(areas.map((a) => a.id));
  const evidenceById = new Map(evidence.map((e) => [e.id, e]));
  let n = 0;
  const view = (m: MeasureRow) => measureView(m, values.get(m.id) ?? [], asOf, `m${++n}`);
  const r = readiness(INFORMATION_REQUEST, evidence, asOf);

  return {
    generatedAt: opts.now.toISOString(),
    asOf,
    plan: { title: plan.title, kind: plan.kind, localArea: plan.localArea, principalAuthority: plan.principalAuthority },
    areas: await Promise.all(areas.map(async (a) => {
      const u = await repos.areaUpdates.latest(a.id, asOf, db);
      const items = evidence.filter((e) => e.areaIds.includes(a.id));
      const count = (k: EvidenceRow['kind']) => items.filter((e) => e.kind === k).length;
      return {
        number: a.number,
        title: a.title,
        whatIsDifferent: u?.evidenceOfImpact ?? null,
        updateAsOf: u?.asOf ?? null,
        updateEvidence: (u?.evidenceIds ?? []).flatMap((id) => {
          const e = evidenceById.get(id);
          return e ? [evidenceItemView(e, fileName)] : [];
        }),
        measures: measures.filter((m) => m.areaIds.includes(a.id)).map(view),
        counts: { activity: count('activity'), impact: count('impact'), voice: count('voice'), total: items.length },
        listed: items
          .filter((e) => e.kind !== 'activity')
          .sort((x, y) => (x.kind === y.kind ? (x.asOf < y.asOf ? 1 : x.asOf > y.asOf ? -1 : 0) : x.kind === 'impact' ? -1 : 1))
          .map((e) => evidenceItemView(e, fileName)),
      };
    })),
    otherMeasures: measures.filter((m) => !m.areaIds.some((id) => areaIds.has(id))).map(view),
    gaps: r.items.filter((i) => i.evidenceCount === 0).map((i) => ({ code: i.code, title: i.title })),
    covered: r.covered,
    total: r.total,
  };
}
