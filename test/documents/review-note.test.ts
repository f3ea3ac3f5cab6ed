// The MR3 review of the Wolverhampton example (seed 003): the API's view of it, and its note as PDF and HTML.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExample, type ExampleIds } from '../../src/example/load.js';
import { createTestApp, problem, type TestApp } from '../helpers/app.js';
import { flat, pdfInfo, pdfText } from '../helpers/pdf.js';

let t: TestApp;
let ids: ExampleIds;
let mr3: any; // eslint-disable-line @typescript-eslint/no-explicit-any
let pdf: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  ids = await loadExample(t.app);
  const list = (await t.admin.get(`/api/v1/plans/${ids.planId}/reviews`)).json();
  mr3 = list.items.find((r: { heldOn: string }) => r.heldOn === '2022-11-07');
  const res = await t.admin.get(`/api/v1/reviews/${mr3.id}/pdf`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  pdf = res.rawPayload;
  if (process.env.KEEP_PDF) writeFileSync(join(process.env.KEEP_PDF, 'review-note.pdf'), pdf);
});
afterAll(() => t.close());

describe('the MR3 review (example)', () => {
  it('carries the seed’s nine behind-schedule actions, the 4 month review’s actions and each area’s progress as of 7 November 2022', () => {
    expect(mr3.title).toBe('Wolverhampton WSoA Review Meeting (MR3)');
    expect(mr3.behindSchedule.map((b: { ref: string }) => b.ref)).toEqual(['2.1', '2.2', '2.3', '2.5', '2.12', '3.1', '3.3', '5.3', '6.8']);
    expect(mr3.behindSchedule[8].mitigation).toMatch(/^Timeline has been extended, to March 2023/);
    expect(mr3.actionsFromPreviousReview.map((a: { when: string }) => a.when)).toEqual(['Action completed email sent 17/06/2022).', 'Action completed 28/06', 'PT attended 17/10', 'Action completed']);
    expect(mr3.areas).toHaveLength(6);
    expect(mr3.areas[0].evidenceOfImpact).toMatch(/^The area are now collecting evidence of impact/);
    expect(mr3.areas[5].nextSteps[0]).toBe('Workshops to be held with parent carers and young people in November to develop requirements for Local Offer.');
    expect(mr3.attendees).toHaveLength(12);
  });

  it('the plan’s next review is due four months after MR3', async () => {
    const plan = (await t.admin.get(`/api/v1/plans/${ids.planId}`)).json();
    expect(plan.deadlines.nextReviewBy).toBe('2023-03-07');
  });

  it('the note is a tagged A4 PDF with the seed’s sections in order', () => {
    const info = pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Wolverhampton WSoA Review Meeting (MR3)');
    expect(info['Page size']).toMatch(/\(A4\)/);
    const text = flat(pdfText(pdf));
    const order = [
      'Wolverhampton WSoA Review Meeting (MR3)',
      'Local Area: Wolverhampton',
      'Date: 7 November 2022',
      'Venue: The Gem Centre, Wolverhampton',
      'Attendance',
      'Helen Bakewell Head of Service SEND and Inclusion, CWC',
      'Apologies',
      'Actions from the previous review',
      'Share ISOS joint commissioning self evaluation',
      'General update on progress or areas of significant impact',
      'Support received in this reporting period',
      'General support for Head of Service',
      'WSoA actions/timescale check',
      'Are there any actions behind schedule? Yes',
      'Action Reason Mitigation/remedial action',
      '6.8',
      'Progress on the WSoA areas',
      'Area 1',
      'Progress on key actions',
      'Evidence of impact',
      'Key next steps',
      'Area 6',
      'Agreed actions/support following this meeting',
      'Advisers offer to facilitate workstream leads session on evaluation. PT/HB TBA',
      'Date and venue of next meeting',
      'Conclusion and summary information',
      'Pat Tate & Debbie Ward 18/11/2022',
    ];
    let at = 0;
    for (const s of order) {
      const i = text.indexOf(s, at);
      expect(i, `"${s}" after position ${at}`).toBeGreaterThanOrEqual(0);
      at = i + s.length;
    }
  });

  it('the HTML page is the same note, escaped', async () => {
    const res = await t.admin.get(`/api/v1/reviews/${mr3.id}/html`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('Are there any actions behind schedule?');
    expect(res.body).toContain('Pat Tate &amp; Debbie Ward');
    problem(await t.admin.get('/api/v1/reviews/rev_nope/pdf'), 404);
  });
});
