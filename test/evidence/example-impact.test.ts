// The Wolverhampton example's measures and evidence (transcribed from seed 003, nothing invented) and its
// impact report and evidence bundle, rendered for real.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExample } from '../../src/example/files.js';
import { loadExample, type ExampleIds } from '../../src/example/load.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { flat, pdfText } from '../helpers/pdf.js';
import { unzip } from '../helpers/zip.js';

const SEED = readFileSync(process.env.SEED_003 ?? '/work/shared/seeds/003_f6e4b8f29942c54e.txt', 'utf8');
const REVIEW = readFileSync(new URL('../../examples/wolverhampton/documents/adviser-review.md', import.meta.url), 'utf8');
const EXAMPLE_EVIDENCE = readExample().evidence.items;

let t: TestApp;
let ids: ExampleIds;

beforeAll(async () => {
  t = await createTestApp();
  ids = await loadExample(t.app);
}, 120_000);
afterAll(() => t.close());

describe('Wolverhampton example: measures and evidence', () => {
  it('loads the one figure the seed gives, and definitions without figures for the others', async () => {
    const measures = (await t.admin.get(`/api/v1/plans/${ids.planId}/measures`)).json().items;
    expect(measures.map((m: { ref: string }) => m.ref)).toEqual(['M2.1', 'M2.2', 'M5.1']);
    const ahc = measures.find((m: { ref: string }) => m.ref === 'M5.1');
    expect(ahc.latest).toEqual({ period: '2022-09-30', value: 57.3 });
    expect(SEED).toContain('as at September 57.3% of all individuals aged 14-25 have received an LD Annual Health Check in the past 12 months');
    for (const m of measures.filter((x: { ref: string }) => x.ref !== 'M5.1')) expect(m.latest).toBeNull();
  });

  it('evidence items quote the review note word for word', async () => {
    const items = (await t.admin.get(`/api/v1/plans/${ids.planId}/evidence?limit=100`)).json().items;
    expect(items).toHaveLength(EXAMPLE_EVIDENCE.length);
    const flatReview = REVIEW.replace(/\s+/g, ' ');
    for (const e of EXAMPLE_EVIDENCE) expect(flatReview, e.title).toContain(e.quote);
    // One file (the review note) serves every item and is stored once.
    expect(new Set(items.map((i: { uploadId: string }) => i.uploadId)).size).toBe(1);
  });

  it('renders the impact report and the evidence bundle', async () => {
    const pdf = await t.admin.get(`/api/v1/plans/${ids.planId}/impact-report/pdf?asOf=2022-11-18`);
    expect(pdf.statusCode).toBe(200);
    const text = flat(pdfText(pdf.rawPayload));
    expect(text).toContain('M5.1 Annual health checks for 14–25 year olds with a learning disability');
    expect(text).toContain('57.3%');
    expect(text).toContain('SEND dashboard: increase in LD health checks');
    const zip = await t.admin.get(`/api/v1/plans/${ids.planId}/evidence-bundle?asOf=2022-11-18`);
    expect(zip.statusCode).toBe(200);
    const entries = await unzip(zip.rawPayload);
    expect([...entries.keys()]).toEqual(['index.pdf', 'files/adviser-review.pdf']);
  }, 60_000);
});
