// The evidence benchmark's dataset (deterministic): one plan with 6 areas, 50 measures with 24 monthly
// values each, 2,000 evidence items (every kind, tagged to areas, measures and request items) and 500
// distinct uploaded CSV files of ~100 KB (~50 MB) that the items share. Written through the services.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '../src/db/store.js';
import { INFORMATION_REQUEST } from '../src/domain/information-request.js';
import { mulberry32 } from './dataset.js';

export interface EvidenceDataset {
  dbPath: string;
  dir: string;
  planId: string;
  token: string;
  counts: { measures: number; values: number; evidence: number; files: number; fileBytes: number };
}

const ACTOR = { ...SYSTEM_ACTOR, name: 'bench' };

export async function evidenceDataset(opts: { measures?: number; evidence?: number; files?: number } = {}): Promise<EvidenceDataset> {
  const nMeasures = opts.measures ?? 50;
  const nEvidence = opts.evidence ?? 2000;
  const nFiles = opts.files ?? 500;
  const dir = mkdtempSync(join(tmpdir(), 'spt-bench-evidence-'));
  const dbPath = join(dir, 'evidence.db');
  const { buildApp } = await import('../src/app.js');
  const app = await buildApp({ databasePath: dbPath, now: () => new Date('2026-11-20T12:00:00Z'), authFailureLimit: false });
  try {
    const r = mulberry32(15);
    const s = app.services;
    const plan = await s.plans.create(undefined, { title: 'Bench evidence plan', kind: 'priority-action-plan', localArea: 'Benchshire' }, ACTOR);
    const areaIds: string[] = [];
    for (let i = 0; i < 6; i++) areaIds.push((await s.areas.create(plan.id, { number: i + 1, title: `Area ${i + 1}: an area for priority action with a realistic title` }, ACTOR)).id);
    for (const areaId of areaIds) {
      await s.areaUpdates.create(areaId, { asOf: '2026-10-31', done: [], next: [], evidenceOfImpact: 'More plans issued within 20 weeks; parents report being heard.', evidenceIds: [] }, ACTOR);
    }
    const measureIds: string[] = [];
    let values = 0;
    for (let i = 0; i < nMeasures; i++) {
      const m = await s.measures.create(
        plan.id,
        {
          ref: `M${i + 1}`,
          title: `Measure ${i + 1} of the plan, tracked monthly`,
          definition: 'The percentage of cases meeting the standard in the month.',
          unit: '%',
          direction: i % 3 === 0 ? 'lower-is-better' : 'higher-is-better',
          areaIds: [areaIds[i % areaIds.length]!],
          actionIds: [],
          baseline: { value: 40, period: '2024-10-31' },
          milestones: [{ by: '2025-10-31', value: 60 }],
          target: { value: 80, by: '2027-03-31' },
          tolerance: 5,
          comparators: [{ name: 'England average', value: 55, period: '2025-12-31' }],
        },
        ACTOR,
      );
      measureIds.push(m.id);
      for (let k = 0; k < 24; k++) {
        const period = new Date(Date.UTC(2024, 11 + k, 0)).toISOString().slice(0, 10);
        await s.measureValues.create(m.id, { period, value: Math.round((35 + k * 1.6 + r() * 8) * 10) / 10 }, ACTOR);
        values++;
      }
    }
    const uploadIds: string[] = [];
    let fileBytes = 0;
    for (let f = 0; f < nFiles; f++) {
      const lines = ['month,count,percent'];
      let length = lines[0]!.length;
      while (length < 100_000) {
        const line = `2026-${String((lines.length % 12) + 1).padStart(2, '0')},${Math.floor(r() * 1e6)},${(r() * 100).toFixed(3)}`;
        lines.push(line);
        length += line.length + 1;
      }
      const bytes = Buffer.from(`${lines.join('\n')}\n# file ${f}\n`);
      fileBytes += bytes.length;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      uploadIds.push((await app.repos.uploads.create({ bytes, pages: 0, size: bytes.length, sha256, mediaType: 'text/csv', filename: `data-return-${f + 1}.csv` }, ACTOR)).id);
    }
    const kinds = ['activity', 'impact', 'voice'] as const;
    const codes = INFORMATION_REQUEST.map((i) => i.code);
    for (let e = 0; e < nEvidence; e++) {
      const day = new Date(Date.UTC(2025, 0, 1 + Math.floor(r() * 600))).toISOString().slice(0, 10);
      await s.evidence.create(
        plan.id,
        {
          title: `Evidence item ${e + 1}: a document kept as the area goes`,
          kind: kinds[e % 3]!,
          asOf: day,
          description: e % 3 === 0 ? null : 'What it shows, in a sentence or two, as the programme manager recorded it.',
          ...(e % 4 === 3 ? { url: `https://example.org/evidence/${e + 1}` } : { uploadId: uploadIds[e % uploadIds.length]! }),
          areaIds: [areaIds[e % areaIds.length]!, ...(e % 5 === 0 ? [areaIds[(e + 1) % areaIds.length]!] : [])],
          actionIds: [],
          measureIds: e % 7 === 0 ? [measureIds[e % measureIds.length]!] : [],
          requestItems: [codes[e % codes.length]!, ...(e % 2 ? [codes[(e * 7) % codes.length]!] : [])],
        },
        ACTOR,
      );
    }
    const token = (await app.tokens.create('Bench programme manager', 'editor', ACTOR)).secret;
    return { dbPath, dir, planId: plan.id, token, counts: { measures: nMeasures, values, evidence: nEvidence, files: nFiles, fileBytes } };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  } finally {
    await app.close();
  }
}
