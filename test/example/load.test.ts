// Loading the Wolverhampton example: once only, complete, and word for word as in the seed pack.
// loadExample publishes the two highlight reports through Chromium, so this takes a few seconds.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExample, type ExampleIds } from '../../src/example/load.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

// The seed lives beside the project, not in it (see examples/wolverhampton/README.md); SEED_003 may point elsewhere.
const SEED = readFileSync(process.env.SEED_003 ?? '/work/shared/seeds/003_f6e4b8f29942c54e.txt', 'utf8');
const seedLines = SEED.split('\n');

/** The tab-separated cells of the first seed line whose first cell is `label` (after `after`, a line index). */
function seedRow(label: string, after = 0): string[] {
  const i = seedLines.findIndex((line, n) => n >= after && line.split('\t')[0] === label);
  if (i < 0) throw new Error(`seed has no row "${label}"`);
  return seedLines[i]!.split('\t');
}
const seedLineIndex = (text: string) => seedLines.findIndex((l) => l.includes(text));
/** "<p>a</p> <p>b</p>" → ["a", "b"] */
const paragraphs = (html: string) => [...html.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]!);

let t: TestApp;
let first: ExampleIds;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function all(url: string): Promise<Json[]> {
  const res = await t.admin.get(`${url}${url.includes('?') ? '&' : '?'}limit=500`);
  if (res.statusCode !== 200) throw new Error(`GET ${url} → ${res.statusCode}: ${res.body}`);
  const body = res.json();
  expect(body.nextCursor).toBeNull();
  return body.items;
}

async function counts(ids: ExampleIds) {
  const areas = await all(`/api/v1/plans/${ids.planId}/areas`);
  let updates = 0;
  for (const a of areas) updates += (await all(`/api/v1/areas/${a.id}/updates`)).length;
  const reports = await all(`/api/v1/projects/${ids.projectId}/highlight-reports`);
  return {
    plans: (await all('/api/v1/plans')).length,
    areas: areas.length,
    projects: (await all(`/api/v1/plans/${ids.planId}/projects`)).length,
    actions: (await all(`/api/v1/plans/${ids.planId}/actions`)).length,
    workstreams: (await all(`/api/v1/projects/${ids.projectId}/workstreams`)).length,
    risks: (await all(`/api/v1/projects/${ids.projectId}/risks`)).length,
    issues: (await all(`/api/v1/projects/${ids.projectId}/issues`)).length,
    dependencies: (await all(`/api/v1/projects/${ids.projectId}/dependencies`)).length,
    benefits: (await all(`/api/v1/projects/${ids.projectId}/benefits`)).length,
    highlightReports: reports.length,
    published: reports.filter((r: Json) => r.state === 'published').length,
    areaUpdates: updates,
  };
}

const EXPECTED = {
  plans: 1,
  areas: 6,
  projects: 1,
  actions: 43,
  workstreams: 5,
  risks: 2,
  issues: 2,
  dependencies: 3,
  benefits: 8,
  highlightReports: 2,
  published: 2,
  areaUpdates: 12,
};

beforeAll(async () => {
  t = await createTestApp();
  first = await loadExample(t.app);
});
afterAll(() => t.close());

describe('loadExample', () => {
  it('creates the whole example on a new database', async () => {
    expect(first.created).toBe(true);
    expect(Object.keys(first.areaIds).map(Number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(first.highlightReportIds).toHaveLength(2);
    expect(await counts(first)).toEqual(EXPECTED);
  });

  it('creates it only once: a second load changes nothing and returns the same ids', async () => {
    const [auditBefore] = await t.query<{ n: number }>('select count(*) as n from audit_events');
    const second = await loadExample(t.app);
    expect(second).toEqual({ ...first, created: false });
    expect(await counts(second)).toEqual(EXPECTED);
    const [auditAfter] = await t.query<{ n: number }>('select count(*) as n from audit_events');
    expect(auditAfter!.n).toBe(auditBefore!.n);
  });

  it('publishes both reports, the November one with October as its previous report', async () => {
    const reports = await all(`/api/v1/projects/${first.projectId}/highlight-reports`);
    for (const r of reports) {
      expect(r.state).toBe('published');
      expect(r.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const november = reports.find((r: Json) => r.periodEnd === '2022-11-20');
    const october = reports.find((r: Json) => r.id !== november.id);
    expect(november).toMatchObject({ reportDate: '2022-11-18', overallStatus: 'on-target', previousReportId: october.id, previousOverallStatus: 'on-target' });
    // "Report Period 18/11/22"
    expect(SEED).toContain('18/11/22');
    // Submitted by the author and approved by the project's approver before publication.
    expect(november).toMatchObject({ submittedBy: 'Nicola Harris', approvedBy: 'Brenda Wile', approvedAt: '2022-11-18T14:00:00.000Z' });
  });

  it('runs the November 2022 update round: one email per (fictional) owner address, four answers waiting to be accepted', async () => {
    const rounds = await all(`/api/v1/plans/${first.planId}/update-rounds`);
    expect(rounds).toHaveLength(1);
    const [round] = rounds;
    expect(round).toMatchObject({ title: 'November 2022 update', state: 'open', includeRegisters: true });
    for (const r of round.requests) expect(r.email).toMatch(/@example\.org$/);
    const submitted = round.requests.filter((r: Json) => r.state === 'submitted').map((r: Json) => r.email);
    expect(submitted.sort()).toEqual(['jai.ghai@example.org', 'send.dco.icb@example.org', 'voice4parents.forum@example.org', 'workstream-e.lead@example.org']);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(`${t.dir}/outbox`).filter((f) => f.endsWith('.eml'))).toHaveLength(round.requests.length);
    const icb = round.requests.find((r: Json) => r.email === 'send.dco.icb@example.org');
    const detail = (await t.admin.get(`/api/v1/update-requests/${icb.id}`)).json();
    expect(detail.items.find((i: Json) => i.ref === '5.3').update).toMatchObject({ percentComplete: 30, revisedDueDate: '2023-03-31' });
  });
});

describe('the example, word for word as in seed 003', () => {
  it('risk 00011', async () => {
    const risk = (await all(`/api/v1/projects/${first.projectId}/risks`)).find((r: Json) => r.ref === '00011');
    const at = seedLineIndex('ID\t00011');
    expect(risk.description).toBe(seedRow('Risk Description', at)[1]);
    expect(risk.description).toBe('It is possible that due to lack of communication stakeholders feel frustrated at perceived lack of development');
    expect(risk.impactDescription).toBe(seedRow('Impact Description', at)[1]);
    expect(risk.owner).toBe(seedRow('Risk Owner', at)[1]);
    expect(risk.targetResolutionDate).toBe('2022-12-16'); // "16/12/2022"
    expect(seedRow('Target Date for Resolution', at)[1]).toBe('16/12/2022');
    expect(risk.mitigation.split('\n\n')).toEqual(paragraphs(seedRow('Mitigating Action', at)[1]!));
    expect(risk).toMatchObject({ likelihood: 2, status: 'open' });
  });

  it('dependency 00001 and its three dated updates', async () => {
    const dep = (await all(`/api/v1/projects/${first.projectId}/dependencies`)).find((d: Json) => d.ref === '00001');
    const cell = seedLines.find((l) => l.startsWith('Mitigating Action\t') && l.includes('February 2022 Update'))!.split('\t')[1]!;
    const [mitigation, ...updates] = paragraphs(cell);
    expect(dep.mitigation).toBe(mitigation);
    expect(dep.mitigation).toBe('Work is being undertaken within workstreams, alongside Insight and Performance, to ensure required data/information is captured.');
    expect(updates).toHaveLength(3);
    expect(dep.updates).toHaveLength(3);
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    dep.updates.forEach((u: { date: string; text: string }, i: number) => {
      const [y, m] = u.date.split('-').map(Number) as [number, number];
      expect(`${months[m - 1]} ${y} Update ${u.text}`).toBe(updates[i]);
    });
    expect(dep.updates.map((u: { date: string }) => u.date.slice(0, 7))).toEqual(['2022-02', '2022-03', '2022-05']);
    expect(dep.updates[1].text).toBe('This dependency will be established following review of the data integrity audit.');
  });

  it('the November report’s issues status and explanation', async () => {
    const november = (await all(`/api/v1/projects/${first.projectId}/highlight-reports`)).find((r: Json) => r.periodEnd === '2022-11-20');
    const [, current, last, explanation] = seedRow('Issues Status');
    expect([current, last]).toEqual(['At Risk', 'On Target']);
    expect(november.statusSummary.issues).toEqual({ status: 'at-risk', previousStatus: 'on-target', explanation });
    expect(explanation).toBe(
      'All issues have been reviewed. Delays caused to the EHC Assessment and Review pathway due to dependencies on developments to the Capita One System has escalated further as an issue.',
    );
  });

  it('action 2.1, its delay reason and its mitigation', async () => {
    const action = (await all(`/api/v1/plans/${first.planId}/actions`)).find((a: Json) => a.ref === '2.1');
    const [, reason, mitigation] = seedRow('2.1');
    const [title, ...why] = paragraphs(reason!);
    expect(action.title).toBe(title);
    expect(action.delayReason.split('\n\n')).toEqual(why);
    expect(action.mitigation.split('\n\n')).toEqual(paragraphs(mitigation!));
    expect(action.mitigation).toMatch(/^Capita and the ICT Services are working collaboratively to develop the service processes which will mean all systems will be fully functioning by March 2023\.\n\n/);
    expect(action.areaId).toBe(first.areaIds[2]);
  });
});
