// The Wolverhampton example's measures and evidence, transcribed from seed 003 — nothing invented.
// Figures: the seed gives one (57.3% of 14–25 year olds with an LD annual health check as at September
// 2022, WSoA progress update, area 5). It names the statutory 20-week EHC plan timeline as an escalated
// issue (highlight report summary) and 6-week health advice as reported monthly to the SEND data
// dashboard, but prints no figures for them: those measures are loaded as definitions without values.
// Evidence: the items the DfE/NHS England review note (MR3, 7 November 2022) names, each with the note's
// own words as its description and the note itself (an example upload) as its file; kinds follow the
// note ("a foundation but does not comprise evidence of impact" → activity).
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../db/store.js';
import { SEND_MEASURE_DEFINITIONS } from '../data/send-measures.js';

const def = (ref: string) => {
  const d = SEND_MEASURE_DEFINITIONS.find((m) => m.ref === ref)!;
  return { definition: d.definition, unit: d.unit, direction: d.direction, frequency: d.frequency };
};

export const EXAMPLE_MEASURES = [
  {
    ref: 'M2.1',
    areaNumber: 2,
    title: 'New EHC plans issued within 20 weeks (excluding exceptions)',
    ...def('EHCP-20WK-EXCL'),
    source: 'Capita One case management system (seed 003 names the statutory 20 week timeline as an escalated issue; no figures are given)',
    values: [] as { period: string; value: number; note: string }[],
  },
  {
    ref: 'M2.2',
    areaNumber: 2,
    title: 'Health advice for EHC needs assessments returned within 6 weeks',
    ...def('ADVICE-6WK-HEALTH'),
    source: 'SEND data dashboard (reported monthly, seed 003; no figures are given)',
    values: [],
  },
  {
    ref: 'M5.1',
    areaNumber: 5,
    title: 'Annual health checks for 14–25 year olds with a learning disability',
    ...def('AHC-14-25'),
    source: 'PAMHS Nursing team programme of practice visits; SEND dashboard',
    values: [
      {
        period: '2022-09-30',
        value: 57.3,
        note: 'Transcribed from seed 003 (WSoA progress update, area 5): "as at September 57.3% of all individuals aged 14-25 have received an LD Annual Health Check in the past 12 months."',
      },
    ],
  },
] as const;

const NOTE = 'Named in the DfE/NHS England review note (MR3, 7 November 2022):';

export const EXAMPLE_EVIDENCE: {
  title: string;
  kind: 'activity' | 'impact' | 'voice';
  areaNumbers: number[];
  measureRefs?: string[];
  requestItems?: string[];
  quote: string;
}[] = [
  {
    title: 'School census data compared with national data for the last 2 years (reduction in MLD)',
    kind: 'impact',
    areaNumbers: [1],
    quote: 'A tangible difference is evidenced through the Census data for Wolverhampton schools compared to national data for last 2 years showing a reduction in MLD.',
  },
  {
    title: 'Feedback from users on the graduated response and Graduated Approach web page use',
    kind: 'impact',
    areaNumbers: [1],
    quote: 'Among this evidence are documents, feedback from users on the graduated response and of times when Graduated Approach web page is accessed by users.',
  },
  {
    title: 'SENCO Survey (baseline)',
    kind: 'voice',
    areaNumbers: [1],
    quote: 'The SENCO Survey provides a baseline that will enable the area through further updates to measure the difference being made.',
  },
  {
    title: 'SALT and Autism developments: plans, referral forms and commitments',
    kind: 'activity',
    areaNumbers: [1],
    requestItems: ['5.2'],
    quote: 'Evidence included regarded SALT and Autism developments comprising plans, referral forms and commitments was useful to see as a foundation but does not comprise evidence of impact at this time.',
  },
  {
    title: 'Framework to monitor impact through annual review reports and feedback to schools',
    kind: 'activity',
    areaNumbers: [2],
    requestItems: ['2.2'],
    quote: 'There is a framework in place to monitor impact through the completion of annual review reports and providing feedback to schools.',
  },
  {
    title: "Decision to cease using one provider; scoping work and action plan for 'Terrific for Twos' take-up",
    kind: 'activity',
    areaNumbers: [3],
    quote: "The area has provided evidence of the actions taken and the difference this is making such as a decision to cease using one provider. Also including scoping work and action plan to encourage take up of 'Terrific for Twos' placements for children with SEND.",
  },
  {
    title: 'Practical packs, newsletters and session information (HY5! and V4P)',
    kind: 'activity',
    areaNumbers: [4],
    quote: 'A number of practical packs, newsletters and session information was provided in the evidence.',
  },
  {
    title: 'SEND dashboard: increase in LD health checks',
    kind: 'impact',
    areaNumbers: [5],
    measureRefs: ['M5.1'],
    quote: 'Evidence provided of action taken and the SEND dashboard shows an increase in LD Health checks.',
  },
  {
    title: 'Parent carer forum reports engagement in co-production and that their voice is heard',
    kind: 'voice',
    areaNumbers: [4],
    requestItems: ['2.1'],
    quote: 'PCF are reporting engagement in co-production and that their voice is heard, impact on the ground is yet to be evidenced consistently.',
  },
];

/** Loads the measures, their transcribed values and the named evidence through the services. */
export async function loadImpactExample(app: FastifyInstance, planId: string, areaIds: Record<number, string>, reviewNoteUploadId: string, actor: Actor): Promise<void> {
  const s = app.services;
  const measureIds: Record<string, string> = {};
  for (const { areaNumber, values, ...m } of EXAMPLE_MEASURES) {
    const created = await s.measures.create(planId, { ...m, areaIds: [areaIds[areaNumber]!], actionIds: [], milestones: [], tolerance: 0, comparators: [] }, actor);
    measureIds[m.ref] = created.id;
    for (const v of values) await s.measureValues.create(created.id, v, actor);
  }
  for (const e of EXAMPLE_EVIDENCE) {
    await s.evidence.create(
      planId,
      {
        title: e.title,
        kind: e.kind,
        asOf: '2022-11-07',
        description: `${NOTE} "${e.quote}"`,
        uploadId: reviewNoteUploadId,
        areaIds: e.areaNumbers.map((n) => areaIds[n]!),
        actionIds: [],
        measureIds: (e.measureRefs ?? []).map((r) => measureIds[r]!),
        requestItems: e.requestItems ?? [],
      },
      actor,
    );
  }
}
