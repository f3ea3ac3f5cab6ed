import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExample, type ExampleIds } from '../../src/example/load.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { flat, pageCount, pdfPagesText, pdfText } from '../helpers/pdf.js';

let t: TestApp;
let ids: ExampleIds;
let pack: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  ids = await loadExample(t.app);
  pack = (await t.admin.get(`/api/v1/meetings/${ids.meetingId}/pack/pdf`)).rawPayload;
});
afterAll(() => t.close());

describe('the 13 December 2022 pack rebuilt from the example data', () => {
  it('prints the seed’s agenda, with the seed’s first page ranges', () => {
    const agenda = flat(pdfPagesText(pack)[1]!);
    expect(agenda).toContain('PART 1 – Items open to all attendees');
    expect(agenda).toContain('Notes of the Previous Meeting (27.9.22) (Pages 1 - 4)');
    expect(agenda).toContain('Culture of Inclusion Update Report November 2022 - presentation (Pages 5 - 12)');
    expect(agenda).toContain('Culture of Inclusion Highlight Report November 2022 (Pages 13 - 20)');
    expect(agenda).toContain('[Brenda Wile, Deputy Director of Education, to present report]');
    expect(agenda).toContain('Please use this link to read the guidance published 29 November 2022. A copy has also been attached for information.');
  });

  it('matches its JSON ranges and page count', async () => {
    const { items } = (await t.admin.get(`/api/v1/meetings/${ids.meetingId}/pack`)).json();
    expect(items.map((i: { number: number }) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const last = items[items.length - 1];
    expect(pageCount(pack)).toBe(2 + last.lastPage);
    const pages = pdfPagesText(pack);
    expect(pages[2 + 13 - 1]).toContain('Highlight Report');
    expect(pages[2 + 13 - 1]).toContain('Agenda Item 5');
    expect(pages[2 + 4 - 1]).toContain('This page is intentionally left blank');
  });

  it('carries the front page of the seed', () => {
    const front = flat(pdfPagesText(pack)[0]!);
    for (const s of [
      'CITY OF WOLVERHAMPTON COUNCIL',
      'SEND Written Statement of Action - Cross Party Scrutiny Review Group',
      '13 December 2022',
      '6.00 pm',
      'Committee Room 2 - 3rd Floor - Civic Centre',
      'Councillor Adam Collinge (Vice Chair)',
      'Councillor Rita Potter (Chair)',
      'Earl Piggott-Smith',
      '01902 551251 / earl.piggott-smith@wolverhampton.gov.uk',
    ]) {
      expect(front).toContain(s);
    }
  });

  it('is reproducible text for text', async () => {
    const again = (await t.admin.get(`/api/v1/meetings/${ids.meetingId}/pack/pdf`)).rawPayload;
    expect(pdfText(again)).toBe(pdfText(pack));
  });
});

describe('the WSoA progress report as of 18 November 2022', () => {
  it('shows each area’s update, the actions behind schedule and the RAG summary', async () => {
    const res = await t.admin.get(`/api/v1/plans/${ids.planId}/progress-report/pdf?asOf=2022-11-18`);
    expect(res.statusCode).toBe(200);
    const text = flat(pdfText(res.rawPayload));
    expect(text).toContain('Written Statement of Action: progress update');
    expect(text).toContain('Area 2: The lack of accuracy in EHC plans and the delays in assessment, writing and review of those plans');
    for (const h of ['What we have done', 'What we will do next', 'Evidence of impact', 'Actions behind schedule', 'Mitigation/remedial action']) {
      expect(text).toContain(h);
    }
    expect(text).toContain('A Universal Transfer Form has been shared with Secondary Heads and disseminated through schools.');
    expect(text).toContain('The SENCO Survey provides a baseline');
    // The review note's table: every action it lists, with its reason and mitigation.
    for (const ref of ['2.1', '2.2', '2.3', '2.5', '2.12', '3.1', '3.3', '5.3', '6.8']) expect(text).toMatch(new RegExp(`(^| )${ref.replace('.', '\\.')} `));
    expect(text).toContain('Leaving the EHC hub platform has delayed the assessment pathway until Spring 2023');
    expect(text).toContain('Timeline has been extended, to March 2023');
    expect(text).toContain('Actions by status, per area, as of 18/11/2022');
  });

  it('uses the latest update on or before the date', async () => {
    const before = await t.admin.get(`/api/v1/plans/${ids.planId}/progress-report/html?asOf=2022-11-06`);
    expect(before.body).toContain('No progress update recorded on or before 06/11/2022.');
    expect(before.body).not.toContain('What we have done');
    // From 7 November: what the area supplied for the MR3 review.
    const review = await t.admin.get(`/api/v1/plans/${ids.planId}/progress-report/html?asOf=2022-11-17`);
    expect(review.body).toContain('New DCISO commenced in post 30 August 2022.');
  });
});
