// Loads the Wolverhampton example from examples/wolverhampton/: the plan record, then its workbook through the
// importer (the same path as POST /plans/:planId/import and `npm run import`), then the rest through the
// services (so every rule and the audit trail apply). Idempotent: when the example plan already exists,
// nothing is written and the existing ids are returned.
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { plans } from '../db/schema.js';
import { SYSTEM_ACTOR, type Actor } from '../db/store.js';
import { markdownToPdf } from './markdown-document.js';
import { interchangeDeps, runImport } from '../resources/interchange/importer.js';
import { loadPlanData, type PlanData } from '../resources/interchange/plan-data.js';
import { readUpload } from '../resources/interchange/read.js';
import type { StatusKey } from '../resources/highlight-reports/schemas.js';
import type { CreateMeeting } from '../resources/meetings/schemas.js';
import { EXAMPLE_DIR, exampleDocument, examplePath, readExample } from './files.js';
import type { ExampleData } from './types.js';

export interface ExampleIds {
  planId: string;
  projectId: string;
  areaIds: Record<number, string>;
  highlightReportIds: string[];
  meetingId: string | null;
  created: boolean;
}

const EXAMPLE_ACTOR: Actor = { ...SYSTEM_ACTOR, name: 'example loader' };

export async function loadExample(app: FastifyInstance, dir: string = EXAMPLE_DIR): Promise<ExampleIds> {
  const data = readExample(dir);
  const existing = (await app.store.db
    .select()
    .from(app.store.tables.plans)
    .where(and(eq(plans.title, data.plan.title), eq(plans.localArea, data.plan.localArea))))[0];
  if (existing) return describeExisting(app, existing.id, data);

  const s = app.services;
  const actor = EXAMPLE_ACTOR;
  const plan = await s.plans.create(undefined, data.plan, actor);
  const records = await importWorkbook(app, plan.id, examplePath(dir, 'plan.xlsx'), actor);
  const areaIds: Record<number, string> = Object.fromEntries(records.areas.map((a) => [a.number, a.id]));
  const project = records.projects.find((p) => p.code === data.highlightReports.project);
  if (!project) throw new Error(`The example workbook has no project ${data.highlightReports.project}.`);
  const wsIds = Object.fromEntries(records.workstreams.filter((w) => w.projectId === project.id).map((w) => [w.letter, w.id]));

  const highlightReportIds: string[] = [];
  for (const { publish, achievements, nextSteps, statusSummary, ...r } of data.highlightReports.reports) {
    const items = (list: typeof achievements) =>
      (list ?? []).map((i) => ({ workstreamId: i.workstreamLetter ? wsIds[i.workstreamLetter]! : null, text: i.text }));
    const report = await s.highlightReports.create(
      project.id,
      { ...r, achievements: items(achievements), nextSteps: items(nextSteps), statusSummary: statusSummary as Record<StatusKey, never> },
      actor,
    );
    // Published as of its report date, as it was at the time.
    if (publish) {
      // Submitted by the author and approved by the project's approver (two people: four eyes) first.
      const publisher = { ...actor, tokenId: 'example-author', name: project.author ?? actor.name };
      const approver = { ...actor, tokenId: 'example-approver', name: project.approver ?? 'Approver' };
      const day = r.reportDate ?? r.periodEnd;
      await s.highlightReports.step(report.id, 'submit', undefined, publisher, undefined, `${day}T11:00:00.000Z`);
      await s.highlightReports.step(report.id, 'approve', undefined, approver, undefined, `${day}T14:00:00.000Z`);
      await app.documents.highlightReports.publish(report.id, undefined, publisher, `${day}T16:00:00.000Z`);
    }
    highlightReportIds.push(report.id);
  }

  for (const { areaNumber, ...update } of data.areaUpdates) await s.areaUpdates.create(areaIds[areaNumber], { ...update, evidenceIds: [] }, actor);

  for (const { supportReceived, ...r } of data.reviews) {
    const support = (supportReceived ?? []).map(({ areaNumber, ...x }) => ({ ...x, areaId: areaNumber ? areaIds[areaNumber]! : null }));
    await s.reviews.create(plan.id, { attendees: [], apologies: [], agreedActions: [], ...r, supportReceived: support }, actor);
  }

  await loadUpdateRound(app, data, plan.id, actor);
  const uploadIds = await loadDocuments(app, data, dir, actor);
  const meetingId = await loadMeeting(app, data, dir, plan.id, highlightReportIds[highlightReportIds.length - 1]!, uploadIds, actor);
  await loadEvidence(app, data, records, uploadIds, actor);
  return { planId: plan.id, projectId: project.id, areaIds, highlightReportIds, meetingId, created: true };
}

/** Imports plan.xlsx into the plan, exactly as `npm run import` does; returns the plan's records by human key. */
async function importWorkbook(app: FastifyInstance, planId: string, path: string, actor: Actor): Promise<PlanData> {
  const read = await readUpload(readFileSync(path), 'xlsx');
  const result = await runImport(interchangeDeps(app), planId, read, { dryRun: false, actor });
  if (!result.applied) {
    const problems = result.problems.map((p) => `${p.path} ${p.message}`).join('\n  ');
    throw new Error(`The example workbook ${path} was not imported:\n  ${problems}`);
  }
  return await loadPlanData(app.repos, planId);
}

/** The November 2022 update round (it opens at once: its emails go to the outbox) and the answers some owners sent. */
async function loadUpdateRound(app: FastifyInstance, data: ExampleData, planId: string, actor: Actor): Promise<void> {
  const rounds = app.updateRounds.service;
  const round = await rounds.create(planId, data.updateRound.round, actor);
  for (const request of round.requests) {
    const answers = data.updateRound.submissions[request.email];
    if (!answers) continue;
    const items = (await rounds.getRequest(request.id)).items;
    const fields = Object.fromEntries(
      Object.entries(answers).map(([ref, f]) => {
        const item = items.find((i) => i.ref === ref);
        if (!item) throw new Error(`The example round has no item ${ref} for ${request.email}`);
        return [item.id, f];
      }),
    );
    await rounds.submitForRequest(request.id, fields);
  }
}

/** The uploaded documents, printed from their Markdown; their upload ids by key. */
async function loadDocuments(app: FastifyInstance, data: ExampleData, dir: string, actor: Actor): Promise<Record<string, string>> {
  const uploadIds: Record<string, string> = {};
  for (const [key, u] of Object.entries(data.documents)) {
    const pdf = await markdownToPdf(app, exampleDocument(dir, u.file), {
      title: u.title,
      author: data.plan.principalAuthority ?? data.plan.localArea,
      orientation: u.orientation,
    });
    uploadIds[key] = (await app.services.uploads.create({ body: pdf, mediaType: 'application/pdf', filename: `${key}.pdf` }, actor)).info.id;
  }
  return uploadIds;
}

async function loadMeeting(app: FastifyInstance, data: ExampleData, dir: string, planId: string, reportId: string, uploadIds: Record<string, string>, actor: Actor): Promise<string> {
  const { items, ...meeting } = data.meeting;
  const body: CreateMeeting = {
    ...meeting,
    isPublic: meeting.isPublic ?? true,
    members: meeting.members,
    items: items.map(({ document, note, ...item }) => ({
      ...item,
      part: item.part ?? 1,
      description: note ?? null,
      document:
        document === undefined
          ? undefined
          : document.type === 'minutes'
            ? { type: 'minutes' as const, text: exampleDocument(dir, document.file) }
            : document.type === 'highlight-report'
              ? { type: 'highlight-report' as const, id: reportId }
              : document.type === 'progress-report'
                ? { type: 'progress-report' as const, planId, ...(document.asOf ? { asOf: document.asOf } : {}) }
                : { type: 'upload' as const, id: uploadIds[document.key]! },
    })),
  };
  return (await app.services.meetings.create(undefined, body, actor)).id;
}

/** The evidence the review note names, each with the note (an uploaded document) as its file. */
async function loadEvidence(app: FastifyInstance, data: ExampleData, records: PlanData, uploadIds: Record<string, string>, actor: Actor): Promise<void> {
  const { asOf, upload, descriptionPrefix, items } = data.evidence;
  const areaId = (n: number) => records.areas.find((a) => a.number === n)!.id;
  const measureId = (ref: string) => records.measures.find((m) => m.ref === ref)!.id;
  for (const e of items) {
    await app.services.evidence.create(
      records.planId,
      {
        title: e.title,
        kind: e.kind,
        asOf,
        description: `${descriptionPrefix} "${e.quote}"`,
        uploadId: uploadIds[upload]!,
        areaIds: e.areaNumbers.map(areaId),
        actionIds: [],
        measureIds: (e.measureRefs ?? []).map(measureId),
        requestItems: e.requestItems ?? [],
      },
      actor,
    );
  }
}

async function describeExisting(app: FastifyInstance, planId: string, data: ExampleData): Promise<ExampleIds> {
  const r = app.repos;
  const areaIds = Object.fromEntries((await r.areas.inPlan(planId)).map((a) => [a.number, a.id]));
  const project = (await r.projects.inPlan(planId)).find((p) => p.code === data.highlightReports.project);
  if (!project) throw new Error(`The example plan exists but its project ${data.highlightReports.project} is missing.`);
  const highlightReportIds = (await r.highlightReports.inProject(project.id)).map((h) => h.id);
  // Compared as instants: meetings store startsAt normalised to UTC ("…18:00:00.000Z" for "…18:00:00Z").
  const startsAt = Date.parse(data.meeting.startsAt);
  const meeting = (await r.meetings.everything()).find((m) => m.committee === data.meeting.committee && Date.parse(m.startsAt) === startsAt);
  if (!meeting || highlightReportIds.length < data.highlightReports.reports.length) {
    // The meeting is loaded before the last step: without it, an earlier load stopped part-way (it renders PDFs between steps).
    throw new Error(`The example plan ${planId} is only partly loaded (an earlier load was interrupted). Load the example into a fresh database (another DATABASE_PATH); its published reports are records and keep the plan from being deleted.`);
  }
  return { planId, projectId: project.id, areaIds, highlightReportIds, meetingId: meeting.id, created: false };
}
