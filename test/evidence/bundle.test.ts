// The evidence bundle: a real ZIP (read back with yauzl and checked by unzip -t), index.pdf read with
// pdftotext, each stored file once with its exact bytes, area and date filters.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createTestApp, problem, type TestApp } from '../helpers/app.js';
import { docx, image, MEDIA } from '../helpers/files.js';
import { flat, pdfText } from '../helpers/pdf.js';
import { unzip } from '../helpers/zip.js';

let t: TestApp;
let planId: string;
let area1: string;
let area2: string;
const files: Record<string, Buffer> = {};

beforeAll(async () => {
  t = await createTestApp();
  const a = t.admin;
  planId = (await a.post('/api/v1/plans', { title: 'Wolverhampton WSoA', kind: 'wsoa', localArea: 'Wolverhampton' })).json().id;
  area1 = (await a.post(`/api/v1/plans/${planId}/areas`, { number: 1, title: 'Co-production' })).json().id;
  area2 = (await a.post(`/api/v1/plans/${planId}/areas`, { number: 2, title: 'EHC plans' })).json().id;
  const action = (await a.post(`/api/v1/plans/${planId}/actions`, { ref: '2.1', title: 'Review the EHC pathway', dueDate: '2023-03-31' })).json().id;
  const measure = (await a.post(`/api/v1/plans/${planId}/measures`, { ref: 'M2.1', title: 'Plans within 20 weeks', definition: 'd', unit: '%', direction: 'higher-is-better' })).json().id;
  const upload = async (type: string, bytes: Buffer, filename: string) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/uploads?filename=${encodeURIComponent(filename)}`, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': type }, payload: bytes });
    files[filename] = bytes;
    return res.json().id as string;
  };
  const strategy = await upload(MEDIA.docx, await docx(), 'SEND Strategy 2022–25.docx');
  const chart = await upload(MEDIA.png, await image('png'), 'timeliness chart.png');
  const ev = (b: Record<string, unknown>) => a.post(`/api/v1/plans/${planId}/evidence`, b);
  // One file serving three items across two areas.
  await ev({ title: 'SEND strategy', kind: 'activity', asOf: '2022-05-01', uploadId: strategy, areaIds: [area1, area2], requestItems: ['1.4', '1.3'] });
  await ev({ title: 'Strategy: co-production chapter', kind: 'activity', asOf: '2022-05-02', uploadId: strategy, areaIds: [area1], requestItems: ['2.1'] });
  await ev({ title: 'Strategy: EHC plan chapter', kind: 'activity', asOf: '2022-05-03', uploadId: strategy, areaIds: [area2], actionIds: [action], requestItems: ['2.2'] });
  await ev({ title: 'Timeliness chart', kind: 'impact', asOf: '2022-10-31', uploadId: chart, areaIds: [area2], measureIds: [measure], requestItems: ['2.6'] });
  await ev({ title: 'Local offer', kind: 'voice', asOf: '2022-09-01', url: 'https://www.wolverhampton.gov.uk/local-offer', areaIds: [area1], requestItems: ['1.5'] });
  await ev({ title: 'Later item', kind: 'impact', asOf: '2023-01-01', uploadId: chart, areaIds: [area2] });
});
afterAll(() => t.close());

describe('evidence bundle', () => {
  it('is a ZIP with index.pdf and each stored file once', async () => {
    const res = await t.admin.get(`/api/v1/plans/${planId}/evidence-bundle?asOf=2022-12-31`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="evidence-bundle-2022-12-31.zip"');
    const zipPath = join(t.dir, 'bundle.zip');
    writeFileSync(zipPath, res.rawPayload);
    expect(execFileSync('unzip', ['-t', zipPath]).toString()).toContain('No errors detected');
    const entries = await unzip(res.rawPayload);
    expect([...entries.keys()]).toEqual(['index.pdf', 'files/send-strategy-2022-25.docx', 'files/timeliness-chart.png']);
    expect(entries.get('files/send-strategy-2022-25.docx')!.equals(files['SEND Strategy 2022–25.docx']!)).toBe(true);
    expect(entries.get('files/timeliness-chart.png')!.equals(files['timeliness chart.png']!)).toBe(true);

    const index = flat(pdfText(entries.get('index.pdf')!));
    expect(index).toContain('Evidence bundle: index');
    expect(index).toContain('5 items, 2 files');
    for (const title of ['SEND strategy', 'Strategy: co-production chapter', 'Strategy: EHC plan chapter', 'Timeliness chart', 'Local offer']) {
      expect(index.split(title).length - 1, title).toBeGreaterThanOrEqual(1);
    }
    expect(index).not.toContain('Later item');
    expect(index).toContain('Areas: 1. Co-production; 2. EHC plans');
    expect(index).toContain('Actions: 2.1 Review the EHC pathway');
    expect(index).toContain('Measures: M2.1 Plans within 20 weeks');
    expect(index).toContain('Request items: 1.4, 1.3');
    expect(index).toContain('files/send-strategy-2022-25.docx');
    // A long link wraps inside its cell.
    expect(index.replace(/\s/g, '')).toContain('https://www.wolverhampton.gov.uk/local-offer');
    writeFileSync('/tmp/bundle-index-test.pdf', entries.get('index.pdf')!);
    expect(index).toMatch(/2\.1 Engagement plans and impact 2\b/);
  });

  it('for one area: only its items, and only their files', async () => {
    const res = await t.admin.get(`/api/v1/plans/${planId}/evidence-bundle?areaId=${area1}&asOf=2022-12-31`);
    expect(res.statusCode).toBe(200);
    const entries = await unzip(res.rawPayload);
    expect([...entries.keys()]).toEqual(['index.pdf', 'files/send-strategy-2022-25.docx']);
    const index = flat(pdfText(entries.get('index.pdf')!));
    expect(index).toContain('Area 1: Co-production');
    expect(index).toContain('3 items, 1 file');
    expect(index).not.toContain('Timeliness chart');
  });

  it('bad input → problems, before any byte of ZIP', async () => {
    expect(problem(await t.admin.get(`/api/v1/plans/${planId}/evidence-bundle?areaId=are_nothere`), 400).errors![0]!.path).toBe('areaId');
    problem(await t.admin.get('/api/v1/plans/pln_missing/evidence-bundle'), 404);
    problem(await t.admin.get(`/api/v1/plans/${planId}/evidence-bundle?asOf=2022-02-31`), 400);
  });
});
