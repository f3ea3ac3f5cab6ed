// Loads the Wolverhampton example through the services (so every rule and the audit trail apply).
// Idempotent: when the example plan already exists, nothing is written and the existing ids are returned.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { plans } from '../db/schema.js';
import { SYSTEM_ACTOR, type Actor } from '../db/store.js';
import { markdownToPdf } from './markdown-document.js';
import type { StatusKey } from '../resources/highlight-reports/schemas.js';
import type { CreateMeeting } from '../resources/meetings/schemas.js';
import type { ExampleData } from './types.js';
import { EXAMPLE_ROUND, EXAMPLE_SUBMISSIONS, exampleActionEmail, exampleOwnerEmail } from './update-round.js';
import { loadImpactExample } from './impact.js';
import { wolverhampton } from './wolverhampton.js';

export interface ExampleIds {
  planId: string;
  projectId: string;
  areaIds: Record<number, string>;
  highlightReportIds: string[];
  meetingId: string | null;
  created: boolean;
}

/** The example's uploaded documents, printed from their Markdown transcriptions of the seed pack. */
export const EXAMPLE_UPLOADS = {
  presentation: { file: 'culture-of-inclusion-presentation.md', title: 'Culture of Inclusion Update Report November 2022 - presentation', orientation: 'landscape' },
  'adviser-review': { file: 'adviser-review.md', title: 'Wolverhampton WSoA Review Meeting (MR3)', orientation: 'portrait' },
  guidance: { file: 'area-send-framework.md', title: 'Area SEND inspections: framework and handbook', orientation: 'portrait' },
} as const;

const DOCUMENTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'documents');

const EXAMPLE_ACTOR: Actor = { ...SYSTEM_ACTOR, name: 'example loader' };

export async function loadExample(app: FastifyInstance, data: ExampleData = wolverhampton): Promise<ExampleIds> {
  const existing = (await app.store.db
      .select()
      .from(plans)
      .where(and(eq(plans.title, data.plan.title), eq(plans.localArea, data.plan.localArea))))[0];
  if (existing) return describeExisting(app, existing.id, data);

  const s = app.services;
  const actor = EXAMPLE_ACTOR;
  const plan = await s.plans.create(undefined, data.plan, actor);
  const areaIds: Record<number, string> = {};
  for (const a of data.areas) areaIds[a.number] = (await s.areas.create(plan.id, a, actor)).id;

  const project = await s.projects.create(plan.id, data.project, actor);
  const wsIds: Record<string, string> = {};
  for (const w of data.workstreams) wsIds[w.letter] = (await s.workstreams.create(project.id, w, actor)).id;

  for (const example of data.actions) {
    const { areaNumber, workstreamLetter, inProject, ...a } = example;
    await s.actions.create(
            plan.id,
            {
              ...a,
              ownerEmail: exampleActionEmail(example),
              percentComplete: a.percentComplete ?? 0,
              milestone: a.milestone ?? false,
              status: a.status ?? 'not-started',
              areaId: areaNumber ? areaIds[areaNumber] : null,
              projectId: inProject ? project.id : null,
              workstreamId: workstreamLetter ? wsIds[workstreamLetter] : null,
            },
            actor,
          );
  }

  for (const r of data.risks) await s.risks.create(project.id, { status: 'open', ...r, ownerEmail: exampleOwnerEmail(r.owner) }, actor);
  for (const i of data.issues) await s.issues.create(project.id, { status: 'open', ...i, ownerEmail: exampleOwnerEmail(i.owner) }, actor);
  for (const d of data.dependencies) await s.dependencies.create(project.id, { status: 'open', updates: [], ...d, ownerEmail: exampleOwnerEmail(d.owner) }, actor);
  for (const b of data.benefits) await s.benefits.create(project.id, b, actor);

  const highlightReportIds: string[] = [];
  for (const { publish, achievements, nextSteps, statusSummary, ...r } of data.highlightReports) {
    const items = (list: typeof achievements) =>
      (list ?? []).map((i) => ({ workstreamId: i.workstreamLetter ? wsIds[i.workstreamLetter] : null, text: i.text }));
    const report = await s.highlightReports.create(
          project.id,
          { ...r, achievements: items(achievements), nextSteps: items(nextSteps), statusSummary: statusSummary as Record<StatusKey, never> },
          actor,
        );
    // Published as of its report date, as it was at the time.
    if (publish) {
      // Submitted by the author and approved by the project's approver (two people: four eyes) first.
      const publisher = { ...actor, tokenId: 'example-author', name: data.project.author ?? actor.name };
      const approver = { ...actor, tokenId: 'example-approver', name: data.project.approver ?? 'Approver' };
      const day = r.reportDate ?? r.periodEnd;
      await s.highlightReports.step(report.id, 'submit', undefined, publisher, undefined, `${day}T11:00:00.000Z`);
      await s.highlightReports.step(report.id, 'approve', undefined, approver, undefined, `${day}T14:00:00.000Z`);
      await app.documents.highlightReports.publish(report.id, undefined, publisher, `${day}T16:00:00.000Z`);
    }
    highlightReportIds.push(report.id);
  }

  for (const u of data.progressUpdates) {
    const { areaNumber, ...update } = u;
    await s.areaUpdates.create(areaIds[areaNumber], { ...update, evidenceIds: [] }, actor);
  }

  for (const { supportReceived, ...r } of data.reviews ?? []) {
    const support = (supportReceived ?? []).map(({ areaNumber, ...x }) => ({ ...x, areaId: areaNumber ? areaIds[areaNumber] : null }));
    await s.reviews.create(plan.id, { attendees: [], apologies: [], agreedActions: [], ...r, supportReceived: support }, actor);
  }

  await loadUpdateRound(app, plan.id, actor);
  const uploadIds: Record<string, string> = {};
  const meetingId = await loadMeeting(app, data, plan.id, highlightReportIds[highlightReportIds.length - 1]!, actor, uploadIds);
  if (data === wolverhampton) await loadImpactExample(app, plan.id, areaIds, uploadIds['adviser-review']!, actor);
  return { planId: plan.id, projectId: project.id, areaIds, highlightReportIds, meetingId, created: true };
}

/** The November 2022 update round (it opens at once: its emails go to the outbox) and the answers some owners sent. */
async function loadUpdateRound(app: FastifyInstance, planId: string, actor: Actor): Promise<void> {
  const rounds = app.updateRounds.service;
  const round = await rounds.create(planId, EXAMPLE_ROUND, actor);
  for (const request of round.requests) {
    const answers = EXAMPLE_SUBMISSIONS[request.email];
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

async function loadMeeting(app: FastifyInstance, data: ExampleData, planId: string, reportId: string, actor: Actor, uploadIds: Record<string, string>): Promise<string> {
  for (const [key, u] of Object.entries(EXAMPLE_UPLOADS)) {
    const pdf = await markdownToPdf(app, readFileSync(join(DOCUMENTS_DIR, u.file), 'utf8'), {
      title: u.title,
      author: data.plan.principalAuthority ?? data.plan.localArea,
      orientation: u.orientation,
    });
    uploadIds[key] = (await app.services.uploads.create({ body: pdf, mediaType: 'application/pdf', filename: `${key}.pdf` }, actor)).info.id;
  }
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
            ? { type: 'minutes' as const, text: data.previousMinutesMarkdown }
            : document.type === 'highlight-report'
              ? { type: 'highlight-report' as const, id: reportId }
              : document.type === 'progress-report'
                ? { type: 'progress-report' as const, planId, ...(document.asOf ? { asOf: document.asOf } : {}) }
                : { type: 'upload' as const, id: uploadIds[document.key]! },
    })),
  };
  return (await app.services.meetings.create(undefined, body, actor)).id;
}

async function describeExisting(app: FastifyInstance, planId: string, data: ExampleData): Promise<ExampleIds> {
  const r = app.repos;
  const areaIds = Object.fromEntries((await r.areas.inPlan(planId)).map((a) => [a.number, a.id]));
  const project = (await r.projects.inPlan(planId)).find((p) => p.code === data.project.code);
  if (!project) throw new Error(`The example plan exists but its project ${data.project.code} is missing.`);
  const highlightReportIds = (await r.highlightReports.inProject(project.id)).map((h) => h.id);
  // Compared as instants: meetings store startsAt normalised to UTC ("…18:00:00.000Z" for "…18:00:00Z").
  const startsAt = Date.parse(data.meeting.startsAt);
  const meeting = (await r.meetings.everything()).find((m) => m.committee === data.meeting.committee && Date.parse(m.startsAt) === startsAt);
  if (!meeting || highlightReportIds.length < data.highlightReports.length) {
    // The meeting is loaded last: without it, an earlier load stopped part-way (it renders PDFs between steps).
    throw new Error(`The example plan ${planId} is only partly loaded (an earlier load was interrupted). Load the example into a fresh database (another DATABASE_PATH); its published reports are records and keep the plan from being deleted.`);
  }
  return { planId, projectId: project.id, areaIds, highlightReportIds, meetingId: meeting.id, created: false };
}
