// The DfE / NHS England review of 7 November 2022 and the 4 month review before it, transcribed from seed 003's
// "Wolverhampton WSoA Review Meeting (MR3)" note (seed lines 623–904, via documents/adviser-review.md, word for word).
// See README.md ("Reviews") for what is inferred; each inferred value is marked `// not in the seed`.
import type { ExampleProgressUpdate, ExampleReview } from './types.js';

/** What the area supplied for the review, per area ("Progress on key actions", "Evidence of impact", "Key next steps"). */
export const mr3AreaUpdates: ExampleProgressUpdate[] = [
  {
    areaNumber: 1,
    asOf: '2022-11-07', // not in the seed as a date: the area supplied this for the review held on 7 November 2022
    done: [
      "The area has been active across the partnership in progressing actions. Highlights include:",
      "Graduated Approach Guidance document finalized and launched with schools and services along with the Emotionally Based School Non-Attendance (EBSNA) pathway.",
      "Central costed provision map tool and “My SEN support plan template finalized and launched",
      "Support for SENCOs includes a revised induction programme, a “Teams’ area launched for networking and information sharing. Support on categorizing primary SEND needs accurately for census returns with further training planned on the SaLT offer and early intervention.",
      "Training plan for SEND Champions in social care is in development with some content prepared ready for uploading onto portal. This has been shared internally for review and will be submitted to the Children’s Leadership Team for approval.",
      "The National Autism Strategy has been adopted and a local statement has been developed. A meeting has been scheduled to progress the pathway.",
      "Work is continuing to reduce the ‘second wait’ for CAMHS and a trial project will be implemented within Wolverhampton on behalf of the Black Country.",
      "Additional resources have been allocated to Autism assessment in specialist CAMHS.",
      "Uptake of health passports continues to roll out from the launch in March 2022 jointly by V4P and RWT. Now being used to aid 'tell it once' for CYP/families",
      "A health funded Communication and Marketing Officer has been appointed to establish clear processes for signposting families to the Universal Offer, from 0-19 services including health, LA and community services, whilst children and young people are on an existing waiting list.",
      "While a process of regular contact has been implemented for those awaiting CAMHS there is concern from PCF that this is not sufficient. This was agreed to be followed up outside the meeting.",
      "Scoping work is taking place across the Black Country to better understand the nature of the provision for Autism Diagnosis.",
      "New DCISO commenced in post 30 August 2022.",
    ],
    next: [
      "Development of parent guide to the Graduated Approach document.",
      "Develop process for the Graduated Approach to capture the impact from its use within schools.",
      "Launch guidance for SENCOs on categorising need for census returns and for support for early identification of language needs.",
      "Feedback on the progress of the Autism diagnosis provision will be provided in November 2022.",
      "E - learning suite being developed with colleagues from education for all social care workforce.",
      "Work to be undertaken to commence development of a clear all age autism pathway.",
    ],
    evidenceOfImpact: "The area are now collecting evidence of impact and planning to build on what they have in order to show the difference being made. Among this evidence are documents, feedback from users on the graduated response and of times when Graduated Approach web page is accessed by users.\n\nThe SENCO Survey provides a baseline that will enable the area through further updates to measure the difference being made.\n\nA tangible difference is evidenced through the Census data for Wolverhampton schools compared to national data for last 2 years showing a reduction in MLD.\n\nEvidence included regarded SALT and Autism developments comprising plans, referral forms and commitments was useful to see as a foundation but does not comprise evidence of impact at this time.",
  },
  {
    areaNumber: 2,
    asOf: '2022-11-07', // not in the seed as a date: the area supplied this for the review held on 7 November 2022
    done: [
      "Annual review pathway process has been developed and shared with professionals and schools with ongoing training taking place this term.",
      "Four live training sessions have been delivered and one recorded training session.",
      "Two rounds of quality assurance have been completed. A digital EHCP Audit tool 'Invision' has been procured to assist quality assurance of EHCPs. A kick off meeting with Invision, to begin QA process using toolkit was held on 12 October 2022 with V4P involved.",
      "Work is being undertaken with SENSTART, ICT Services, a Business Analyst and Capita to develop Capita One for EHC assessment and review processes.",
      "Health guidance completed on SMART outcomes for annual reviews/transition which will help support quality improvements regarding health advice.",
      "Commenced monthly audits regarding health advice to improve QA",
      "Development of an Aide-memoire/Tool kit for medical advice for Paediatricians",
      "Further scoping and signposting to CDC e-learning completed which will continue to aid understanding and the role of good health advice in EHCPs.",
    ],
    next: [
      "A dedicated SEND QA Advanced Practitioner is being recruited to develop a QA framework and schedule of audit activity across the SEND Partnership.",
      "Quality assurance of new annual review reports from schools to monitor the impact and feedback from SEND officers on how the updated documentation is helping the process of amendments.",
      "Developments to Capita One System to be carried out by end of November to support the EHC Assessment and Review Pathway.",
      "Procurement of Capita SEND portal to be undertaken and a review undertaken to establish how the portal will be used.",
      "Parent / carer and young people engagement to be undertaken to co-produce process/template to capture views within annual review process.",
      "Timeliness of EHCP/receipt of health advice for needs assessment within the 6 weeks reported monthly and inputted into the SEND data dashboard",
    ],
    evidenceOfImpact: "The area is at an early stage in implementing actions in this area and has provided evidence of actions taken. There is a framework in place to monitor impact through the completion of annual review reports and providing feedback to schools. Collecting feedback from users would provide evidence of extent of impact and further pointers for developments.",
  },
  {
    areaNumber: 3,
    asOf: '2022-11-07', // not in the seed as a date: the area supplied this for the review held on 7 November 2022
    done: [
      "A joint baseline assessment of current commissioned SEND services has been undertaken to identify opportunities for joint commissioning.",
      "Three rounds of meetings with providers have taken place to add provision to draft directory.",
      "Review of Terms of Reference for Joint Strategic Commissioning Group has been carried out to improve quoracy requirements.",
      "Quality Assurance standards have been re-drafted and shared for feedback.",
      "Public Health have met with the key stakeholders that can encourage take up of Terrific for Twos locally to scope current position and increase uptake of placements.",
      "An action plan has been formulated encourage take up of terrific for twos placements for children with SEND and agreed with partners through the Early Years Steering Group (subject to the support of parents/carers).",
      "The last two actions require a monitoring and evaluation framework to gather impact.",
    ],
    next: [
      "Joint Commissioning tracker audit to be undertaken.",
      "Commissioning Team are holding further meetings with providers w/e 24/10/22 to carry out quality assurance and add to draft providers directory.",
      "Framework for QA of Alternative Provision to be shared at SPB in January 2023 for approval.",
      "Engagement and co-production work to take place with parents/carers to develop action plan to encourage take up of Terrific for Twos placements for children with SEND",
      "Possibly use ISOS joint commissioning self-evaluation tool for baselining and evidencing progress.",
    ],
    evidenceOfImpact: "The area has provided evidence of the actions taken and the difference this is making such as a decision to cease using one provider. Also including scoping work and action plan to encourage take up of 'Terrific for Twos' placements for children with SEND.",
  },
  {
    areaNumber: 4,
    asOf: '2022-11-07', // not in the seed as a date: the area supplied this for the review held on 7 November 2022
    done: [
      "Co-production and Youth Engagement Manager delivered training on co-production for SENCOs with Educational Psychology Service which will be shared wider through Statshelf.",
      "Voice 4 Parents evening focus group took place to update on the WSoA and to gain feedback on progress. Further session is scheduled for 8 November 2022.",
      "SEND Strategy Development session with V4P and council clarified the shared understanding of co-production/consultation and engagement.",
      "Training has been made available and is being delivered to organisations by the Co-Production and Youth Engagement Team",
      "HY5! have 13 members all with various SEND needs, with work being done with universal and specialist provisions to recruit members.",
      "One of the HY5! members being recognised at the Young Citizen of the Year Awards for the work she has done in raising the profile of HY5! and young people with disabilities in the city.",
      "#YES newsletter is sent out termly raising the profile of their work and to recruit members",
      "Recruitment of a participation officer to support embedding wider co-production with parents/carers has now been completed and they are just completing their induction and planning their engagement.",
      "Procurement of accessible communication tools to assist co-production. Widget has now been purchased and is accessible to all council employees on a 3-year contract.",
      "A celebration of co-production is included within the SEND Partnership Board Communication Plan including recognition of individuals involved, in line with the national co-production week in June 2022",
      "Inspiring Change and Total Respect training has now been developed and was showcased at the Inclusion Conference on 17 October 2022.",
    ],
    next: [
      "A report is to be submitted to SEND Partnership Board following Using the Contact Quality Indicator Tool on Co-Production that all partners have been asked to complete in order to highlight strengths, gaps and good practice – a report planned to go to SEND partnership Board",
      "Co-production event to be planned involving participation officer, young people and V4P.",
    ],
    evidenceOfImpact: "A number of practical packs, newsletters and session information was provided in the evidence. There is also an opportunity to develop a case study of the impact that HY5! and V4P are having at a strategic level and on operational practice.",
  },
  {
    areaNumber: 5,
    asOf: '2022-11-07', // not in the seed as a date: the area supplied this for the review held on 7 November 2022
    done: [
      "A Universal Transfer Form has been shared with Secondary Heads and disseminated through schools with funding agreed for 2 SEND EET workers.",
      "PfA careers fair planned, on 2 December 2022, to support all young people with an EHCP from Year 9 upwards.",
      "An outline for the Transitions Pathway and Protocol has been developed, following the workshop held on 22 Sept which generated good discussions to develop sections relating to universal, targeted and specialist transitions.",
      "Findings of local review of practices in Children's Social Care have been gathered and are to be shared with group.",
      "Dip sampling of health advice relating to PfA outcomes undertaken.",
      "The programme of practice visits, via the PAMHS Nursing team, is continuing with the current position showing that as at September 57.3% of all individuals aged 14-25 have received an LD Annual Health Check in the past 12 months.",
      "In School Nursing (5-19) there has been the addition of a Specialist School Nurse and 2x Public Health Associate Posts specifically to provide support for children with additional needs in mainstream schools. Posts have been recruited to and start mid-November.",
      "Guidance developed for health professionals to ensure that health can contribute to the TAC and PfA processes to support transition.",
      "PfA pathway for EHCP outcomes has been drafted and is due to be shared with professionals.",
      "An annual review template (EHCP) has been developed for health professionals to support and improve contributions to annual and transition reviews of EHCP.",
      "ADHD Clinical Nurse specialist has commenced post at RWT and is working with the Trust Quality Improvement team and Voice 4 Parents to develop the support needed for children, young people and parents.",
      "Transition Clinical Nurse Specialist commenced in post at RWT in May 2022 working with children with complex needs and special schools. A transition panel which is held at least quarterly take places to coordinate the care of those with most complex health needs.",
      "Transition CNS has scoped the transition pathways within the Trust and attends the LA Transition/PfA workstream",
      "Special School Nursing have an action plan in place to support improvements around the annual health check work.",
    ],
    next: [
      "Complete PfA Audit following determination of best approach to engage with YP to complete relevant section.",
      "Explore links between recent published guidance around annual health checks and how this works in Wolverhampton and Transitions work.",
      "SEND Mainstream Nurse due to commence post during November 2022. SEND health visitor post appointed.",
    ],
    evidenceOfImpact: "Evidence provided of action taken and the SEND dashboard shows an increase in LD Health checks. There will be an opportunity in 2023 to collect evidence of impact from professionals, children young people and families of their experience of transition following the actions taken above.",
  },
  {
    areaNumber: 6,
    asOf: '2022-11-07', // not in the seed as a date: the area supplied this for the review held on 7 November 2022
    done: [
      "Workshop on 13 September 2022, with content owners mapped content required for replacement website.",
      "Local Offer & Communication Officer has been appointed, due to start in post during November 2022, to drive forward, refresh and oversee the migration of the Local Offer.",
      "A range of services across SEND were promoted during the Inclusion Summit on 17 October 2022 which was attended by senior leaders and SENCOS from Wolverhampton Schools.",
      "SEND Newsletter published in October 2022 sharing information on the WSoA monitoring visit in June 2022, launch of the Graduated Response and the revised EHCP Annual Review Pathway.",
    ],
    next: [
      "Workshops to be held with parent carers and young people in November to develop requirements for Local Offer.",
      "Align development of leisure offer to work being undertaken on YO! Wolverhampton to widen offer available on site.",
      "Work to be undertaken with the Design Team, young people and parent carers to develop Local Offer branding and associated marketing material.",
    ],
    evidenceOfImpact: "Evidence provided of activities undertaken plus positive feedback from the inclusion summit.",
  },
];

export const reviews: ExampleReview[] = [
  {
    title: '4 month review', // the seed names it only in "Actions from 4 month review"
    heldOn: '2022-06-01', // not in the seed: the minutes of 27 September 2022 place the monitoring visit in June 2022 (no day); its actions were done from 17/06/2022
    agreedActions: [
      { text: "DW agreed to link to Worcestershire Joint Commissioning Quality Assurance work.", when: "Action completed email sent 17/06/2022).", status: 'done' }, // status read from the "When" column
      { text: "Share ISOS joint commissioning self evaluation", when: "Action completed 28/06", status: 'done' }, // status read from the "When" column
      { text: "Invite PT/ DW to Inclusion Summit & Total Respect Training workshop", when: "PT attended 17/10", status: 'done' }, // status read from the "When" column
      { text: "Share PFA audit tool", when: "Action completed", status: 'done' }, // status read from the "When" column
    ],
  },
  {
    title: 'Wolverhampton WSoA Review Meeting (MR3)',
    heldOn: '2022-11-07',
    venue: 'The Gem Centre, Wolverhampton',
    attendees: [
      { name: "Sarah Baker", organisation: "Voice 4 Parents" },
      { name: "Helen Bakewell", role: "Head of Service SEND and Inclusion", organisation: "CWC" },
      { name: "Emma Bennett", role: "Executive Director of Families", organisation: "CWC" },
      { name: "Emma Boyce", role: "Designated Clinical Officer", organisation: "Black Country ICB" },
      { name: "Nicola Harris", role: "Project Manager", organisation: "CWC" },
      { name: "Jayne Evans", organisation: "Voice 4 Parents" },
      { name: "Cathy Higgins", role: "Designated Medical Officer", organisation: "Black Country ICB" },
      { name: "Katrina McCormick", role: "Senior Programme Manager: SEND", organisation: "Black Country ICB" },
      { name: "Kirsty Perry", organisation: "Department of Education" },
      { name: "Pat Tate", organisation: "Department of Education" },
      { name: "Deborah Ward", organisation: "NHS England" },
      { name: "Brenda Wile", role: "Deputy Director of Education", organisation: "CWC" },
    ],
    apologies: [
      { name: "Sally Roberts", role: "Chief Nursing Officer", organisation: "Black Country ICB" },
    ],
    generalUpdate: "As before Wolverhampton have demonstrated that they have in place the effective governance, strategic leadership, partnership working and co-production to support the WSoA. A scrutiny sub group is now meeting with BW monthly.\n\nThe area provided comprehensive information and links to evidence in preparation for the review meeting. They were able to do this because they are collecting and evaluating evidence as they go. The focus remains on driving the actions forward at pace while at the same time asking themselves \"What is different ?\" as a result.\n\nThe SEND Adviser attended the Inclusion summit and had an opportunity to hear directly from young people, PCF and professionals of their experiences in Wolverhampton. This review will not detail all of the extensive information provided which can be found in the presentation.\n\nParticipation of young people is emerging as a strength, with young people recently developing a “young person friendly” accessible version of the WSOA. The voice of young people could be purposefully engaged in future commissioning activity.\n\nProgress on commissioning has been impacted by restructure delays and appointment of new team. Interim mitigations are in place.",
    supportReceived: [
      {
        activity: 'General support for Head of Service', // printed in the seed's table beside "WSOA area"; no area is named
        provider: 'DfE Adviser',
        impact: 'Reassurance of direction of travel and progress has led to increased confidence and activity.',
      },
    ],
    agreedActions: [{ text: 'Advisers offer to facilitate workstream leads session on evaluation.', who: 'PT/HB', when: 'TBA', status: 'open' }],
    conclusion: "There is considerable evidence of actions being taken to improve the areas of weakness identified by the inspection in 2021. New posts to strengthen capacity across the SEND partnership have been agreed and recruited to including the DSCO role, additional specialist nurses and participation officers with more planned.\n\nThe area is working to establish a quality assurance framework across a number of areas of activity and is well placed to gather evidence of impact from an active PCF and HY5! PCF are reporting engagement in co-production and that their voice is heard, impact on the ground is yet to be evidenced consistently. V4P are about to rerun their annual survey with the inclusion of specific questions about the last six months.\n\nThere are pressures across the SEND system and particularly with waiting lists for CAHMS. A conversation at the review meeting recognized the need to collectively look at solutions and responsibilities. There could be scope for joint commissioning activity on identifying gaps and co-designing services that both relieve pressure on specialist services and prevent needs escalating due to long waits.\n\nDuring the next four months and in preparation for the 12 month review the area should consider \"What is different\" as a result of the actions they have taken, continue to gather evidence from professionals, children, young people and families that will support position statements on the impact those actions and changes are having on their lived experience.",
    // nextReviewOn: the seed's "Date and venue of next meeting" is blank.
    author: "Pat Tate & Debbie Ward 18/11/2022",
  },
];
