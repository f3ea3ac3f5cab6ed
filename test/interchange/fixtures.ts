// A small plan as a workbook in the documented layout (canonical headers), touching every field.
import type { SheetRows } from './helpers.js';

export const utc = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export function fullSheets(): Record<string, SheetRows> {
  return {
    Areas: [
      ['Number', 'Title', 'Description'],
      [1, 'Weaknesses in identifying SEND', null],
      [2, 'The lack of accuracy in EHC plans', 'Timeliness and quality of plans'],
    ],
    Projects: [
      ['Code', 'Name', 'Author', 'Gateway stage', 'Planned end date', 'Budget (£)', 'Approver'],
      ['PR000681', 'Culture of Inclusion', 'Sam Author', 'Delivery (RIBA Stage 5)', utc('2023-03-31'), 125000.5, 'Deputy Director of Education'],
      ['PR000700', 'Preparation for Adulthood', null, null, null, null, null],
    ],
    Workstreams: [
      ['Project', 'Letter', 'Title', 'Aim'],
      ['PR000681', 'A', 'Collaborative Working and Effective Services', 'Work together'],
      ['PR000681', 'B', 'Emotional Wellbeing', null],
    ],
    Actions: [
      ['Ref', 'Title', 'Area', 'Project', 'Workstream', 'Responsible organisation', 'Owner', 'Start date', 'Due date', 'Revised due date', '% complete', 'Milestone', 'Status', 'RAG', 'RAG override', 'RAG override reason', 'Delay reason', 'Mitigation'],
      ['2.1', 'Review the assessment pathway', 2, null, null, 'LA', 'Head of SEND', utc('2022-04-01'), utc('2022-09-30'), utc('2023-03-31'), 40, 'No', 'In progress', null, null, null, 'Leaving the EHC hub\n\nplatform', 'Capita and ICT'],
      ['2.10', 'Practice week to audit EHCPs', 2, null, null, 'LA', null, null, utc('2022-10-31'), null, 0, 'No', 'Not started', null, 'At Risk', 'Recruitment delayed', null, null],
      ['COI-01', 'WSA - Early discussion with parent/carers', null, 'PR000681', 'A', null, null, utc('2021-07-01'), utc('2022-03-31'), null, 100, 'No', 'Complete', null, null, null, null, null],
      ['COI-02', 'WSB - Launch the pathway', 1, 'PR000681', 'B', 'ICB', null, null, utc('2023-01-31'), null, 0, 'Yes', 'Not started', null, null, null, null, null],
      ['9.9', 'A cancelled action', null, null, null, null, null, null, utc('2022-12-31'), null, 0, 'No', 'Cancelled', null, null, null, null, null],
    ],
    Risks: [
      ['Project', 'Ref', 'Owner', 'Description', 'Impact description', 'Likelihood', 'Impact', 'Score', 'Status', 'Mitigation', 'Target resolution date'],
      ['PR000681', '00011', 'Lisa', 'Capacity of schools', 'Delay', 2, 3, null, 'Open', 'Escalate', utc('2023-02-28')],
      ['PR000700', '00001', null, 'Funding', null, 1, 5, null, 'Closed', null, null],
    ],
    Issues: [
      ['Project', 'Ref', 'Owner', 'Description', 'Impact description', 'Impact score', 'Status', 'Mitigation', 'Resolution date'],
      ['PR000681', '00003', 'Lisa', 'Staff turnover', 'Slower delivery', 3, 'Open', 'Recruit', utc('2023-01-15')],
    ],
    Dependencies: [
      ['Project', 'Ref', 'Owner', 'Description', 'Impact score', 'Status', 'Mitigation', 'Target resolution date', 'Updates'],
      ['PR000681', '00007', 'Lisa', 'Joint commissioning strategy', 4, 'Managed', 'Work with the ICB', utc('2023-03-31'), '2022-02-01: February update\n2022-05-01: May update\nsecond line of May'],
    ],
    Benefits: [
      ['Project', 'Ref', 'Owner', 'Description', 'Kind', 'Value (£k)', 'Target date'],
      ['PR000681', 'BEN.681.01', 'Lisa', 'Reduced placements', 'Cashable', 250.5, utc('2024-03-31')],
      ['PR000681', 'BEN.681.03', null, 'Better experience', 'Non-cashable', null, null],
    ],
  };
}
