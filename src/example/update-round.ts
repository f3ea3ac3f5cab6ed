// The example's monthly update round (November 2022) and the answers some owners sent. The seed names
// no action owners and no email addresses: every address here is FICTIONAL, on example.org (a domain
// reserved for examples), and the answers are illustrations written for the demo, not from the seed.
import type { ExampleAction } from './types.js';

/** Fictional team mailboxes for the WSoA actions, by their responsible organisation. */
const BY_ORGANISATION: Record<string, string> = {
  LA: 'send.improvement.la@example.org',
  ICB: 'send.dco.icb@example.org',
  'LA and ICB': 'joint.commissioning@example.org',
  V4P: 'voice4parents.forum@example.org',
};

/** The fictional address of an action's owner: by organisation (WSoA actions) or workstream (project tasks). */
export function exampleActionEmail(a: ExampleAction): string | null {
  if (a.responsibleOrganisation && BY_ORGANISATION[a.responsibleOrganisation]) return BY_ORGANISATION[a.responsibleOrganisation]!;
  if (a.workstreamLetter) return `workstream-${a.workstreamLetter.toLowerCase()}.lead@example.org`;
  return null;
}

/** A register entry's owner (named in the seed) at a fictional address: "Jai Ghai" → jai.ghai@example.org. */
export const exampleOwnerEmail = (name: string | null | undefined) =>
  name ? `${name.toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '')}@example.org` : null;

export const EXAMPLE_ROUND = {
  title: 'November 2022 update',
  opensOn: '2022-11-01',
  dueOn: '2022-11-11',
  remindAfterWorkingDays: 3,
  escalateTo: { name: 'SEND programme manager (fictional)', email: 'send.programme@example.org' },
  includeRegisters: true,
  message: 'This is the example data: the addresses are fictional and no email leaves this machine unless SMTP_URL is set.',
};

/** Owners who have answered, by email: item ref → the form's fields they changed. Waiting to be accepted. */
export const EXAMPLE_SUBMISSIONS: Record<string, Record<string, Record<string, string>>> = {
  'voice4parents.forum@example.org': {
    '6.8': { percentComplete: '50', comment: 'Illustration: the forum reviewed the draft Local Offer pages at its November meeting; feedback sent to the Local Offer officer.' },
  },
  'send.dco.icb@example.org': {
    '2.5': { percentComplete: '40', comment: 'Illustration: health advice template agreed with the trusts; training for advice writers booked for December.' },
    '5.3': {
      percentComplete: '30',
      revisedDueDate: '2023-03-31',
      delayReason: 'Illustration: the transition pathway needs sign-off by both trust boards, which meet in January.',
      mitigation: 'Illustration: the interim pathway stays in use; the joint commissioning lead tracks the sign-off.',
    },
  },
  'workstream-e.lead@example.org': {
    'COI-30': { percentComplete: '80', comment: 'Illustration: second draft of the Transitions Protocol shared with HY5! for comment.' },
  },
  'jai.ghai@example.org': {
    'Issue 00013': { comment: 'Illustration: Capita One version update installed in the test system; go-live planned for the new year.' },
  },
};
