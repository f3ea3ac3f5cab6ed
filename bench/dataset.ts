// The benchmark's large, realistic plan, generated deterministically from a seed through the data layer
// (the services, their zod create schemas, the audit trail and the real publication path):
//   - a priority action plan with 10 areas and 5,000 actions (2,610 area actions, 20 projects' tasks:
//     one project with 300 tasks in the current financial year, 19 with 110 each);
//   - 20 projects with 4–6 workstreams, each with 100 risks, 100 issues, 100 dependencies and
//     100 benefits, added month by month as a real register grows;
//   - 36 monthly highlight reports per project (November 2023 – October 2026), all published, and a
//     draft for November 2026; 36 months of progress updates per area;
//   - the Wolverhampton example (examples/wolverhampton) with a draft December 2022 highlight report;
//   - a scrutiny meeting whose pack is ~100 pages: minutes, the plan's progress report, highlight reports
//     (the 300-task draft and an early published one) and an uploaded PDF;
//   - an editor token (a stored token, as a project manager would use).
//
// Publication: the 720 published reports go through HighlightReportDocuments.publish — the real path
// (view model built by the real builder and frozen as the snapshot, the real HTML, SHA-256, audit) —
// but the Chromium print is replaced, except for a sample, by one really rendered PDF reused: printing
// 720 large reports would take most of an hour and the API never re-reads those bytes. The sample (the
// very first report, and the published report the meeting pack carries) is printed for real.
//
// Ids are the server's (random, time-ordered) but all content, dates and timestamps come from the seed
// and a fixed clock; `fingerprint` hashes the content so two generations can be compared.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_ACTOR, type Actor } from '../src/db/store.js';
import { HighlightReportDocuments } from '../src/resources/highlight-reports/highlight-report.js';
import { markdownToPdf } from '../src/example/markdown-document.js';
import { loadExample } from '../src/example/load.js';
import { countPdfPages } from '../src/render/pdf-pages.js';
import type { Renderer } from '../src/render/renderer.js';
import { CreateAction } from '../src/resources/actions/schemas.js';
import { CreateAreaUpdate } from '../src/resources/area-updates/schemas.js';
import { CreateHighlightReport } from '../src/resources/highlight-reports/schemas.js';
import { CreateMeeting } from '../src/resources/meetings/schemas.js';
import { CreateBenefit, CreateDependency, CreateIssue, CreateRisk } from '../src/resources/registers/schemas.js';

export const GENERATOR_VERSION = 3;

export interface DatasetInfo {
  seed: number;
  generatorVersion: number;
  planId: string;
  areaIds: string[];
  projectIds: string[];
  bigProjectId: string;
  /** The 300-task project's November 2026 draft (rendered live on every request). */
  bigDraftReportId: string;
  /** A draft in the Wolverhampton example project. */
  exampleDraftReportId: string;
  meetingId: string;
  /** Actions the API benchmark reads and updates (a seeded sample of the plan's). */
  actionIds: string[];
  editorToken: string;
  counts: Record<string, number>;
  fingerprint: string;
  generationMs: number;
}

const ACTOR: Actor = { ...SYSTEM_ACTOR, name: 'bench generator' };
const APPROVER: Actor = { ...SYSTEM_ACTOR, name: 'bench approver' };

// ---------------------------------------------------------------------------------------------------
// Seeded randomness and text.

export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rng, p: number) => r() < p;

const VERBS = ['Review', 'Embed', 'Launch', 'Co-produce', 'Deliver', 'Audit', 'Develop', 'Implement', 'Agree', 'Publish', 'Refresh', 'Pilot', 'Commission', 'Train', 'Strengthen', 'Evaluate'];
const OBJECTS = [
  'the EHC needs assessment pathway', 'the graduated response toolkit', 'the Local Offer website', 'annual review quality assurance',
  'joint commissioning arrangements', 'the preparation for adulthood pathway', 'the SEND data dashboard', 'the neurodevelopmental pathway',
  'multi-agency panel terms of reference', 'the SENCo network programme', 'parent carer forum co-production charter', 'the inclusion strategy',
  'speech and language therapy waiting lists', 'alternative provision quality framework', 'the short breaks offer', 'transition planning at 14',
  'the designated clinical officer role', 'EHCP timeliness reporting', 'the ordinarily available provision guidance', 'the sufficiency plan for specialist places',
  'mediation and tribunal learning reviews', 'health contributions to EHC plans', 'the workforce development plan', 'the early years inclusion fund',
];
const QUALIFIERS = [
  'with schools and settings', 'across education, health and care', 'with the parent carer forum', 'for children aged 0–25',
  'in line with the SEND Code of Practice', 'with the integrated care board', 'so families tell their story once', 'for post-16 learners',
  'with clear accountability', 'through the SEND Partnership Board', '', '', '',
];
const PEOPLE = ['Head of SEND', 'Designated Clinical Officer', 'Principal Educational Psychologist', 'SEND Commissioning Lead', 'Inclusion Service Manager', 'Head of Early Help', 'Parent Carer Forum Chair', 'ICB Associate Director', 'Post-16 Lead', 'Data and Performance Manager', 'Workforce Development Lead', 'Head of Virtual School'];
const ORGS = ['LA', 'ICB', 'LA / ICB', 'Community trust', 'Parent carer forum', 'Schools forum', 'LA / schools'];
const RISKS = ['Recruitment of educational psychologists is slower than planned', 'Capacity in specialist settings does not keep pace with demand', 'The case management system migration slips', 'Health partners cannot release clinicians for panels', 'Schools do not adopt the graduated response consistently', 'High-needs block overspend limits new provision', 'Data quality prevents accurate timeliness reporting', 'Families are not aware of the revised Local Offer', 'Staff turnover in the SEND assessment team', 'Transport costs rise beyond the budget'];
const IMPACTS = ['EHC plans are issued late and families lose confidence', 'children wait longer for the right support', 'inspectors find insufficient progress at the monitoring visit', 'the programme cannot evidence impact', 'costs rise and savings are not delivered'];
const MITIGATIONS = ['Weekly tracking at the programme board with escalation to the SEND Partnership Board', 'Interim agency capacity agreed while permanent recruitment completes', 'Joint action plan agreed with the integrated care board and reviewed monthly', 'Targeted training offered to every SENCo through the network', 'Phased go-live with parallel running and a rollback plan', 'Co-produced communications plan with the parent carer forum'];
const ACHIEVEMENTS = ['Delivered the training session for SENCos on the graduated response', 'Published the revised EHCP annual review pathway', 'Completed the audit of 40 EHC plans with health and care colleagues', 'Agreed the terms of reference for the multi-agency panel', 'Launched the new Local Offer pages with the parent carer forum', 'Recruited two additional assessment coordinators', 'Held the first co-production workshop with young people', 'Signed off the joint commissioning strategy action plan', 'Reduced the backlog of annual reviews by a fifth', 'Issued the sufficiency survey to all special schools'];
const AREA_TITLES = ['Leadership, governance and accountability', 'Co-production with children, young people and families', 'Identification and assessment of needs', 'Quality and timeliness of EHC plans', 'Joint commissioning', 'Inclusion and the graduated response', 'Health provision and therapies', 'Preparation for adulthood', 'Workforce development', 'Data, performance and quality assurance'];
const PROJECT_NAMES = ['Culture of Inclusion', 'EHCP Improvement', 'Neurodevelopmental Pathway', 'Preparing for Adulthood', 'Local Offer Refresh', 'Joint Commissioning', 'Specialist Sufficiency', 'Graduated Response', 'SEND Workforce', 'Data and Insight', 'Short Breaks', 'Early Years Inclusion', 'Alternative Provision', 'Speech and Language', 'Annual Reviews', 'Transport Review', 'Tribunal Learning', 'Co-production Charter', 'Mental Health in Schools', 'Case Management System'];
const WS_TITLES = ['Collaborative working and effective services', 'Communication and engagement', 'Workforce and training', 'Systems and processes', 'Quality assurance', 'Commissioning and sufficiency'];

const title = (r: Rng) => [pick(r, VERBS), pick(r, OBJECTS), pick(r, QUALIFIERS)].filter(Boolean).join(' ');
const sentence = (r: Rng, xs: readonly string[]) => `${pick(r, xs)}.`;
const paragraph = (r: Rng, n: number) => Array.from({ length: n }, () => `${title(r)}: ${sentence(r, MITIGATIONS).toLowerCase()}`).join(' ');

// ---------------------------------------------------------------------------------------------------
// Dates.

const pad = (n: number) => String(n).padStart(2, '0');
/** First day of the month `m` months after November 2023. */
function monthStart(m: number): string {
  const y = 2023 + Math.floor((10 + m) / 12);
  const mo = ((10 + m) % 12) + 1;
  return `${y}-${pad(mo)}-01`;
}
function monthEnd(m: number): string {
  const d = new Date(`${monthStart(m + 1)}T12:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T12:00:00Z`) - Date.parse(`${a}T12:00:00Z`)) / 86_400_000);

export const MONTHS = 36; // published: months 0..35 = November 2023 – October 2026; month 36 is the draft
/** The month of the published report in the meeting pack (printed for real at publication). */
const SAMPLE_MONTH = 0;
export const REFERENCE_DATE = '2026-11-20'; // the draft's report date and the progress report's as-of date
const START = '2023-11-01';

// ---------------------------------------------------------------------------------------------------

export interface GenerateOptions {
  seed: number;
  /** Changes the clock the store writes timestamps with. */
  setClock: (iso: string) => void;
  log?: (msg: string) => void;
  ragMargin?: number;
}

/** A renderer that hands back one real PDF instead of printing: for the bulk of published history. */
function reusedPdfRenderer(pdf: Buffer): Renderer {
  return { pdf: async () => pdf } as unknown as Renderer;
}

export async function generateDataset(app: FastifyInstance, opts: GenerateOptions): Promise<DatasetInfo> {
  const t0 = Date.now();
  const r = mulberry32(opts.seed);
  const s = app.services;
  const log = opts.log ?? (() => undefined);
  const tx = <T>(fn: () => Promise<T>): Promise<T> => app.store.tx(() => fn());
  opts.setClock(`${START}T09:00:00.000Z`);

  const { plan, areaIds, projects, actionIds } = await generatePlanAndActions(app, r, log);
  const big = projects[0]!;

  // A real PDF to stand in for the bulk of published history (see the header).
  const documents = app.documents.highlightReports;
  let bulk: HighlightReportDocuments | null = null;
  // The published report the meeting pack carries: an early one (its registers were still short).
  let sampleReportId: string | null = null;

  const registerCounter = new Map<string, number>();
  for (let m = 0; m < MONTHS; m++) {
    const from = monthStart(m);
    const to = monthEnd(m);
    opts.setClock(`${addDays(from, 9)}T10:00:00.000Z`);
    await tx(async () => {
            // Registers grow through the months: about three entries of each kind a month, 100 of each by the end.
            for (const p of projects) {
              const before = registerCounter.get(p.id) ?? 0;
              const upTo = Math.round(((m + 1) * 100) / MONTHS);
              for (let j = before; j < upTo; j++) {
                const ref = pad(j + 1).padStart(3, '0');
                const oldEnough = m < MONTHS - 12 && chance(r, 0.5);
                const status = oldEnough ? 'closed' : 'open';
                const target = addDays(to, int(r, 30, 300));
                await s.risks.create(p.id, CreateRisk.parse({ ref: `R${ref}`, owner: pick(r, PEOPLE), description: sentence(r, RISKS), impactDescription: sentence(r, IMPACTS), likelihood: int(r, 1, 5), impact: int(r, 1, 5), status, mitigation: paragraph(r, int(r, 1, 2)), targetResolutionDate: target }), ACTOR);
                await s.issues.create(p.id, CreateIssue.parse({ ref: `I${ref}`, owner: pick(r, PEOPLE), description: sentence(r, RISKS), impactDescription: sentence(r, IMPACTS), impactScore: int(r, 1, 5), status, mitigation: paragraph(r, 1), resolutionDate: target }), ACTOR);
                const updates = Array.from({ length: int(r, 0, 3) }, (_, u) => ({ date: addDays(from, -30 * u), text: sentence(r, ACHIEVEMENTS) })).reverse();
                await s.dependencies.create(p.id, CreateDependency.parse({ ref: `D${ref}`, owner: pick(r, PEOPLE), description: `Depends on ${pick(r, OBJECTS)} (${pick(r, ORGS)})`, impactScore: int(r, 1, 5), status: oldEnough ? 'closed' : pick(r, ['open', 'managed', 'escalated']), mitigation: paragraph(r, 1), targetResolutionDate: target, updates }), ACTOR);
                const cashable = chance(r, 0.5);
                await s.benefits.create(p.id, CreateBenefit.parse({ ref: `BEN.${p.code}.${ref}`, owner: pick(r, PEOPLE), description: `${title(r)} – ${cashable ? 'reduced cost of placements' : 'better outcomes for families'}`, kind: cashable ? 'cashable' : 'non-cashable', valueGbpThousands: cashable ? int(r, 5, 400) : null, targetDate: addDays(to, int(r, 60, 500)) }), ACTOR);
              }
              registerCounter.set(p.id, upTo);
            }
            for (const areaId of areaIds) {
              await s.areaUpdates.create(
                          areaId,
                          CreateAreaUpdate.parse({
                            asOf: to,
                            done: Array.from({ length: int(r, 3, 5) }, () => sentence(r, ACHIEVEMENTS)),
                            next: Array.from({ length: int(r, 3, 5) }, () => `${title(r)}.`),
                            evidenceOfImpact: paragraph(r, int(r, 1, 3)),
                          }),
                          ACTOR,
                        );
            }
          });
    // This month's highlight report of every project, published on its report date.
    for (const p of projects) {
      const report = await s.highlightReports.create(p.id, reportBody(r, p.ws, from, to), ACTOR);
      const at = `${to}T16:00:00.000Z`;
      const actor = { ...ACTOR, name: 'Programme manager' };
      // Every project has an approver: submitted by its author, approved by another, then published.
      await s.highlightReports.step(report.id, 'submit', undefined, ACTOR, undefined, at);
      await s.highlightReports.step(report.id, 'approve', undefined, APPROVER, undefined, at);
      const isSample = m === SAMPLE_MONTH && p === projects[1];
      if (isSample) sampleReportId = report.id;
      if (!bulk || isSample) {
        // The real path, Chromium included, for the sample.
        await documents.publish(report.id, undefined, actor, at);
        if (!bulk) {
          const renderer = reusedPdfRenderer((await app.repos.highlightReports.files(report.id))!.pdf);
          bulk = new HighlightReportDocuments({ repos: app.repos, services: app.services, templates: app.templates, renderer, now: app.store.now, ragMargin: opts.ragMargin ?? 20 });
        }
      } else {
        await bulk.publish(report.id, undefined, actor, at);
      }
    }
    if (m % 6 === 5) log(`month ${m + 1}/${MONTHS}: registers and ${projects.length} published reports (${Math.round((Date.now() - t0) / 1000)} s)`);
  }

  // November 2026: the drafts being written now.
  opts.setClock(`${REFERENCE_DATE}T09:00:00.000Z`);
  const drafts: string[] = [];
  for (const p of projects) drafts.push((await s.highlightReports.create(p.id, reportBody(r, p.ws, monthStart(MONTHS), monthEnd(MONTHS), REFERENCE_DATE), ACTOR)).id);
  const bigDraftReportId = drafts[0]!;

  // The Wolverhampton example, and a December 2022 draft in its project (the copy of November's).
  const example = await loadExample(app);
  const nov = await app.repos.highlightReports.mustGet(example.highlightReportIds[example.highlightReportIds.length - 1]!);
  const exampleDraft = await s.highlightReports.create(
      example.projectId,
      CreateHighlightReport.parse({
        periodStart: '2022-11-19',
        periodEnd: '2022-12-16',
        reportDate: '2022-12-16',
        overallStatus: nov.overallStatus,
        summary: nov.summary,
        helpRequired: nov.helpRequired,
        achievements: nov.achievements,
        nextSteps: nov.nextSteps,
        statusSummary: Object.fromEntries(Object.entries((nov.statusSummary ?? {}) as Record<string, { status: string; explanation?: string | null }>).map(([k, v]) => [k, { status: v.status, explanation: v.explanation ?? null }])),
        costs: nov.costs,
      }),
      ACTOR,
    );

  // An uploaded PDF (printed from one of the example's Markdown documents, as the example does).
  const here = dirname(fileURLToPath(import.meta.url));
  const uploadPdf = await markdownToPdf(app, readFileSync(join(here, '../examples/wolverhampton/documents/adviser-review.md'), 'utf8'), { title: 'Review meeting with the DfE and NHS England advisers', author: 'DfE SEND adviser', orientation: 'portrait' });
  const upload = await app.repos.uploads.create({ bytes: uploadPdf, pages: countPdfPages(uploadPdf), size: uploadPdf.length, sha256: createHash('sha256').update(uploadPdf).digest('hex'), filename: 'adviser-review.pdf' }, ACTOR);

  // The scrutiny meeting of 8 December 2026: its Part 1 pack comes to about 100 pages.
  const minutes = [
    '# SEND Improvement Scrutiny Review Group', '', '## Minutes – 10 November 2026', '',
    ...Array.from({ length: 14 }, (_, i) => [`### ${i + 1} ${title(r)}`, '', paragraph(r, 3), '', paragraph(r, 2), '', `**Resolved:** ${sentence(r, MITIGATIONS)}`, '']).flat(),
  ].join('\n');
  const meeting = await s.meetings.create(
      undefined,
      CreateMeeting.parse({
        council: 'Benchshire County Council',
        committee: 'SEND Improvement – Cross Party Scrutiny Review Group',
        startsAt: '2026-12-08T18:00:00Z',
        venue: 'Committee Room 3, County Hall',
        meetingType: 'Scrutiny Reviews',
        members: [{ name: 'Councillor A. Example', role: 'chair' }, { name: 'Councillor B. Example', role: 'vice-chair' }, { name: 'Councillor C. Example' }, { name: 'Councillor D. Example' }],
        contact: { name: 'Scrutiny Officer', phone: '01234 567890', email: 'scrutiny@benchshire.example' },
        items: [
          { number: 1, title: 'Apologies for absence', section: 'procedural' },
          { number: 2, title: 'Declarations of interest', section: 'procedural' },
          { number: 3, title: 'Minutes of the previous meeting', section: 'procedural', document: { type: 'minutes', text: minutes } },
          { number: 4, title: 'Progress on the priority action plan', section: 'discussion', document: { type: 'progress-report', planId: plan.id, asOf: REFERENCE_DATE } },
          { number: 5, title: `${PROJECT_NAMES[0]} – highlight report (draft)`, section: 'discussion', document: { type: 'highlight-report', id: bigDraftReportId } },
          { number: 6, title: `${PROJECT_NAMES[1]} – highlight report, ${monthStart(SAMPLE_MONTH).slice(0, 7)}`, section: 'information', document: { type: 'highlight-report', id: sampleReportId! } },
          { number: 7, title: 'Adviser review of progress', section: 'information', document: { type: 'upload', id: upload.id } },
          { number: 8, title: 'Date of next meeting', section: 'procedural' },
        ],
      }),
      ACTOR,
    );

  const editorToken = (await app.tokens.create('Bench programme manager', 'editor', ACTOR)).secret;

  // A seeded sample of actions for the API benchmark.
  const sample = sampleActions(r, actionIds);

  const sqlite = app.database.sqlite!.reader;
  const countOf = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const counts = Object.fromEntries(
    ['plans', 'areas', 'projects', 'workstreams', 'actions', 'risks', 'issues', 'dependencies', 'benefits', 'highlight_reports', 'published_files', 'area_updates', 'meetings', 'uploads', 'audit_events'].map((t) => [t, countOf(t)]),
  );
  counts.published_reports = (sqlite.prepare("select count(*) as n from highlight_reports where state = 'published'").get() as { n: number }).n;

  return {
    seed: opts.seed,
    generatorVersion: GENERATOR_VERSION,
    planId: plan.id,
    areaIds,
    projectIds: projects.map((p) => p.id),
    bigProjectId: big.id,
    bigDraftReportId,
    exampleDraftReportId: exampleDraft.id,
    meetingId: meeting.id,
    actionIds: sample,
    editorToken,
    counts,
    fingerprint: fingerprint(app, plan.id),
    generationMs: Date.now() - t0,
  };
}

/**
 * The plan, its 10 areas, 20 projects with their workstreams and 5,000 actions (the first part of the
 * dataset; the PostgreSQL benchmark generates only this part, through an app on PostgreSQL).
 */
export async function generatePlanAndActions(app: FastifyInstance, r: Rng, log: (msg: string) => void = () => undefined) {
  const s = app.services;
  const tx = <T>(fn: () => Promise<T>): Promise<T> => app.store.tx(() => fn());
  // Plan, areas, projects, workstreams.
  const plan = await s.plans.create(undefined, { title: 'Priority action plan (area SEND) 2023–2027', kind: 'priority-action-plan', localArea: 'Benchshire', principalAuthority: 'Benchshire County Council', inspectionReportPublishedOn: '2023-09-15' }, ACTOR);
  const areaIds = await tx(async () => {
    const ids: string[] = [];
    for (const [i, t] of AREA_TITLES.entries()) ids.push((await s.areas.create(plan.id, { number: i + 1, title: t, description: paragraph(r, 1) }, ACTOR)).id);
    return ids;
  });
  const projects = await tx(async () => {
    const out: { id: string; code: string; ws: string[] }[] = [];
    for (const [i, name] of PROJECT_NAMES.entries()) {
        const p = await s.projects.create(
                plan.id,
                { code: `P${pad(i + 1)}`, name, author: pick(r, PEOPLE), gatewayStage: pick(r, ['Initiation', 'Delivery', 'Delivery', 'Closure']), plannedEndDate: '2027-03-31', budget: int(r, 50, 900) * 1000, approver: 'SEND Partnership Board' },
                ACTOR,
              );
        const ws: string[] = [];
        for (const [k, t] of WS_TITLES.slice(0, int(r, 4, 6)).entries()) ws.push((await s.workstreams.create(p.id, { letter: String.fromCharCode(65 + k), title: t, aim: paragraph(r, 1) }, ACTOR)).id);
        out.push({ id: p.id, code: p.code, ws });
    }
    return out;
  });
  const big = projects[0]!;
  log(`plan, ${areaIds.length} areas, ${projects.length} projects`);

  // 5,000 actions.
  const actionIds: string[] = [];
  const makeAction = async (ref: string, areaId: string, project: (typeof projects)[number] | null, window: [string, string], bigTask: boolean) => {
    const span = daysBetween(window[0], window[1]);
    let start = addDays(window[0], int(r, 0, Math.max(0, span - 60)));
    let due = addDays(start, int(r, 30, 420));
    if (bigTask) {
      // Every task of the big project overlaps the 2026/27 financial year, so its report shows all 300.
      start = addDays('2026-01-15', int(r, 0, 300));
      due = addDays(start, int(r, 20, 200));
      if (due < '2026-04-01') due = addDays('2026-04-01', int(r, 0, 60));
      if (due > '2027-03-31') due = '2027-03-31';
    }
    const milestone = chance(r, 0.08);
    let status: 'not-started' | 'in-progress' | 'complete' | 'cancelled' = 'in-progress';
    let percentComplete = 0;
    let revisedDueDate: string | null = null;
    let delayReason: string | null = null;
    let mitigation: string | null = null;
    if (chance(r, 0.02)) status = 'cancelled';
    else if (due < REFERENCE_DATE) {
      if (chance(r, 0.97)) {
        status = 'complete';
        percentComplete = 100;
      } else {
        // Slipped: behind schedule, with a reason and a mitigation (the progress report lists these).
        percentComplete = int(r, 40, 90);
        revisedDueDate = chance(r, 0.7) ? addDays(REFERENCE_DATE, int(r, 10, 120)) : null;
        delayReason = sentence(r, RISKS);
        mitigation = sentence(r, MITIGATIONS);
      }
    } else if (start > REFERENCE_DATE) status = 'not-started';
    else {
      const expected = Math.round((daysBetween(start, REFERENCE_DATE) / Math.max(1, daysBetween(start, due))) * 100);
      percentComplete = Math.max(0, Math.min(99, expected + int(r, -30, 15)));
    }
    const body = CreateAction.parse({
      ref,
      title: title(r),
      areaId,
      projectId: project?.id ?? null,
      workstreamId: project ? pick(r, project.ws) : null,
      responsibleOrganisation: pick(r, ORGS),
      owner: pick(r, PEOPLE),
      startDate: start,
      dueDate: due,
      revisedDueDate,
      percentComplete,
      milestone,
      status,
      delayReason,
      mitigation,
    });
    actionIds.push((await s.actions.create(plan.id, body, ACTOR)).id);
  };
  await tx(async () => {
        for (let k = 0; k < 300; k++) await makeAction(`${big.code}-${pad(Math.floor(k / 100))}${pad(k % 100)}`, pick(r, areaIds), big, ['2026-01-15', '2027-03-31'], true);
        for (const p of projects.slice(1)) for (let k = 0; k < 110; k++) await makeAction(`${p.code}-${pad(k)}`, pick(r, areaIds), p, [START, '2027-02-28'], false);
        let n = 0;
        while (actionIds.length < 5000) {
          const a = (n % 10) + 1;
          await makeAction(`${a}.${Math.floor(n / 10) + 1}`, areaIds[a - 1]!, null, [START, '2027-02-28'], false);
          n++;
        }
      });
  log(`${actionIds.length} actions`);
  return { plan, areaIds, projects, actionIds };
}

/** The seeded sample of 1,000 actions the API benchmark reads and updates. */
export function sampleActions(r: Rng, actionIds: string[]): string[] {
  const sample: string[] = [];
  const pool = [...actionIds];
  for (let i = 0; i < 1000; i++) sample.push(pool.splice(int(r, 0, pool.length - 1), 1)[0]!);
  return sample;
}

function reportBody(r: Rng, ws: string[], from: string, to: string, reportDate = to) {
  const rag = () => pick(r, ['on-target', 'on-target', 'on-target', 'at-risk', 'at-risk', 'off-target'] as const);
  const items = () => Array.from({ length: int(r, 3, 6) }, () => ({ workstreamId: chance(r, 0.85) ? pick(r, ws) : null, text: sentence(r, ACHIEVEMENTS) }));
  const keys = ['tasks', 'costs', 'risks', 'issues', 'dependencies', 'financialBenefits', 'nonFinancialBenefits'];
  const budget = int(r, 50, 900) * 1000;
  return CreateHighlightReport.parse({
    periodStart: from,
    periodEnd: to,
    reportDate,
    overallStatus: rag(),
    summary: paragraph(r, int(r, 2, 4)),
    helpRequired: chance(r, 0.4) ? paragraph(r, 1) : null,
    achievements: items(),
    nextSteps: items(),
    statusSummary: Object.fromEntries(keys.map((k) => [k, { status: rag(), explanation: paragraph(r, 1) }])),
    costs: { spendToDate: Math.round(budget * r() * 0.8), forecastSpend: Math.round(budget * (0.8 + r() * 0.3)), budget },
  });
}

/** A hash of the plan's content in a stable order, ids left out (they are the server's, random). */
function fingerprint(app: FastifyInstance, planId: string): string {
  const h = createHash('sha256');
  const sqlite = app.database.sqlite!.reader;
  const rows = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).raw(true).all(...params) as unknown[][];
  for (const row of rows('select ref, title, start_date, due_date, revised_due_date, percent_complete, milestone, status, owner from actions where plan_id = ? order by ref', planId)) h.update(JSON.stringify(row));
  for (const t of ['risks', 'issues', 'dependencies', 'benefits']) {
    for (const row of rows(`select p.code, x.ref, x.description, x.owner from ${t} x join projects p on p.id = x.project_id where p.plan_id = ? order by p.code, x.ref`, planId)) h.update(JSON.stringify(row));
  }
  for (const row of rows('select p.code, h.period_end, h.overall_status, h.summary, h.state, h.published_at from highlight_reports h join projects p on p.id = h.project_id where p.plan_id = ? order by p.code, h.period_end', planId)) h.update(JSON.stringify(row));
  return h.digest('hex').slice(0, 16);
}

// ---------------------------------------------------------------------------------------------------
// The cached database file: generated once per seed and generator version, then copied for each run.

export const CACHE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../data/bench');

export function datasetPaths(seed: number) {
  // The schema is part of the key: a new migration (an index, say) means a new file.
  const journal = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../migrations/meta/_journal.json'));
  const schema = createHash('sha256').update(journal).digest('hex').slice(0, 8);
  const base = join(CACHE_DIR, `dataset-s${seed}-v${GENERATOR_VERSION}-${schema}`);
  return { db: `${base}.db`, info: `${base}.json` };
}

/** The dataset's file and ids, generating them when the cache has none (or `fresh`). */
export async function ensureDataset(seed: number, opts: { fresh?: boolean; log?: (msg: string) => void } = {}): Promise<{ dbPath: string; info: DatasetInfo; generated: boolean }> {
  const { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } = await import('node:fs');
  const paths = datasetPaths(seed);
  if (!opts.fresh && existsSync(paths.db) && existsSync(paths.info)) {
    return { dbPath: paths.db, info: JSON.parse(readFileSync(paths.info, 'utf8')) as DatasetInfo, generated: false };
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${paths.db}.tmp-${process.pid}`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const { buildApp } = await import('../src/app.js');
  let clock = new Date(`${START}T09:00:00.000Z`);
  const app = await buildApp({ databasePath: tmp, now: () => clock, authFailureLimit: false });
  // A fixture, not user data: the generator's own connection need not wait for the disk on each commit.
  app.database.sqlite!.writer.pragma('synchronous = OFF');
  try {
    const info = await generateDataset(app, { seed, setClock: (iso) => (clock = new Date(iso)), log: opts.log });
    app.database.sqlite!.writer.pragma('wal_checkpoint(TRUNCATE)');
    await app.close();
    renameSync(tmp, paths.db);
    for (const f of [`${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
    writeFileSync(paths.info, JSON.stringify(info, null, 2));
    return { dbPath: paths.db, info, generated: true };
  } catch (err) {
    await app.close().catch(() => undefined);
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
    throw err;
  }
}

// `npx tsx bench/dataset.ts [--seed N] [--fresh]`: generate (or show) the cached dataset.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const seed = Number(arg('--seed') ?? 42);
  const { dbPath, info, generated } = await ensureDataset(seed, { fresh: process.argv.includes('--fresh'), log: (m) => console.log(`  ${m}`) });
  console.log(`${generated ? 'Generated' : 'Cached'} ${dbPath} in ${info.generationMs} ms; fingerprint ${info.fingerprint}`);
  console.log(info.counts);
}
