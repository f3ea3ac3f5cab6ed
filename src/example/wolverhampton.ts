// Wolverhampton example data, transcribed from seed 003 (the agenda pack of the SEND Written Statement
// of Action - Cross Party Scrutiny Review Group, 13 December 2022). See README.md beside this file for the
// seed line ranges and the list of inferred or constructed values; each is marked `// not in the seed`.
import { mr3AreaUpdates, reviews } from './mr3-review.js';
import type { ExampleData } from './types.js';

export const wolverhampton: ExampleData = {
  plan: {
    title: 'Wolverhampton SEND Written Statement of Action', // not in the seed: the pack calls it "Written Statement of Action" / "Wolverhampton WSoA"; title composed from that
    kind: 'wsoa',
    localArea: 'Wolverhampton',
    principalAuthority: 'City of Wolverhampton Council',
    // not in the seed: the seed says only that the inspection was in 2021. The inspection ran 20-24 September 2021 and the
    // WSoA was due at Ofsted by 16 February 2022 (Wolverhampton Cabinet decision of 20 January 2022); 16 February 2022 is the
    // 70th working day after 5 November 2021, so the report is taken to have been published on that day.
    inspectionReportPublishedOn: '2021-11-05',
    reviewCadenceMonths: 4, // the review note's "4 month review", "During the next four months and in preparation for the 12 month review"
  },

  // "Key Issues raised in the SEND Local Area Ofsted report" (presentation for agenda item 6). The review note's area
  // titles are the same apart from area 4 (", identifying" for "; identifying") and area 6 (no final full stop), so no
  // description is given.
  areas: [
    { number: 1, title: "Weaknesses in identifying SEND when difficulties emerge for those at primary and secondary school ages" },
    { number: 2, title: "The lack of accuracy in EHC plans and the delays in assessment, writing and review of those plans" },
    { number: 3, title: "The underdeveloped arrangements for jointly commissioning and providing the services that children and young people with SEND and their families need" },
    { number: 4, title: "Weaknesses in implementing strategically planned co-production at every level when evaluating provision; identifying strengths and weaknesses, and identifying and implementing improvements" },
    { number: 5, title: "Weaknesses in the planning and support of transitions both within statutory school age and from statutory school age to post-19 and post-25" },
    { number: 6, title: "Weaknesses in how the area shares information, including regarding support systems and the local offer." },
  ],

  actions: [
    // (a) WSoA actions behind schedule: the review note's table "Are there any actions behind schedule?"
    //     (Action | Reason | Mitigation/remedial action). Owners are not in the seed and are left out.
    {
      ref: "2.1",
      areaNumber: 2,
      title: "Full review of existing statutory assessment and review processes from receipt of request for assessment to cease to maintain.",
      responsibleOrganisation: 'LA', // not in the seed: LA inferred (statutory assessment and review is the council's SENSTART service)
      dueDate: '2022-09-30', // not in the seed: original end date inferred, before the November 2022 review
      revisedDueDate: '2023-03-31', // from the mitigation: "fully functioning by March 2023" (reason: "until Spring 2023")
      status: 'in-progress', // behind schedule at the review of 7 November 2022
      delayReason: "Leaving the EHC hub platform has delayed the assessment pathway until Spring 2023 as the team have had to focus on operational matters related to this.\n\nThe interim solution of using Capita SEND systems following the cessation of the EHC hub has caused some challenges due to updates having to be implemented.",
      mitigation: "Capita and the ICT Services are working collaboratively to develop the service processes which will mean all systems will be fully functioning by March 2023.\n\nThe development of the Annual Review Pathway has been completed, has been made available and shared with schools in written format (from Sept 2022). This will be updated on to the SEND Portal when the Capita System has been made available.\n\nAssessment work will continue to be developed to ensure they can both be aligned. Manual processes are currently in use in the interim.",
    },
    {
      ref: "2.2",
      areaNumber: 2,
      title: "Revised EHC plan being co-produced, with advice providers, professionals, CYP and parent / carers.",
      responsibleOrganisation: 'LA', // not in the seed: LA inferred (the SENDStart team writes the plans)
      dueDate: '2022-09-30', // not in the seed: original end date inferred (the delay was over summer 2022)
      status: 'in-progress', // behind schedule at the review of 7 November 2022
      delayReason: "Some delay has been the result of staffing recruitment processes over the summer 2022.",
      mitigation: "EHCP draft template has been completed and circulated for views.\n\nFull staffing for SENDStart team in place from September 2022",
    },
    {
      ref: "2.3",
      areaNumber: 2,
      // not in the seed: the Reason cell is one sentence stating what is outstanding; title shortened from its
      // wording, and the whole cell kept as delayReason
      title: "Implementation of evaluation process to assess parent/carers and young person satisfaction",
      responsibleOrganisation: 'LA', // not in the seed: LA inferred (the council's new Team Leader with QA focus leads it)
      dueDate: '2022-10-31', // not in the seed: original end date inferred
      revisedDueDate: '2023-03-31', // from the mitigation: "developed and shared by March 2023"
      status: 'in-progress', // behind schedule at the review of 7 November 2022
      delayReason: "Implementation of evaluation process to assess parent/carers and young person satisfaction and to ensure that there is a feedback mechanism for comments related to the statutory process and the quality of plans.",
      mitigation: "The new Team Leader with QA focus will have a central role in working with YP groups and parent/carers groups on the questions to be asked and this can be developed and shared by March 2023.",
    },
    {
      ref: "2.5",
      areaNumber: 2,
      // not in the seed: the Reason cell is one sentence stating what is outstanding; title shortened from its
      // wording, and the whole cell kept as delayReason
      title: "Additional signposting to training on Council for Disabled Children (CDC)",
      responsibleOrganisation: 'ICB', // not in the seed: ICB inferred (CDC e-learning on health advice is listed with the health actions for area 2)
      dueDate: '2022-10-31', // not in the seed: original end date inferred
      revisedDueDate: '2023-01-31', // from the mitigation: "Extension of completion date to Jan 23"
      status: 'in-progress', // behind schedule at the review of 7 November 2022
      delayReason: "Additional signposting to training on Council for Disabled Children (CDC) needs to be completed",
      mitigation: "Extension of completion date to Jan 23 to allow additional implementation of e-learning",
    },
    {
      ref: "2.12",
      areaNumber: 2,
      // not in the seed: the Reason cell is one sentence stating what is outstanding; title shortened from its
      // wording, and the whole cell kept as delayReason
      title: "Practice week to audit EHCPs",
      responsibleOrganisation: 'LA', // not in the seed: LA inferred (the QA Officer is a council post)
      dueDate: '2022-10-31', // not in the seed: original end date inferred (the QA Officer was due in October 2022)
      status: 'in-progress', // behind schedule at the review of 7 November 2022
      delayReason: "Practice week remains to be scheduled to audit EHCPs due to delayed recruitment of QA Officer.",
      mitigation: "To be put in place following appointment of QA Officer which has been delayed from October 2022 to December 2022/January 2023.",
    },
    {
      ref: "3.1",
      areaNumber: 3,
      // not in the seed: the Reason cell is one sentence stating what is outstanding; title shortened from its
      // wording, and the whole cell kept as delayReason
      title: "Co-production of a Joint Commissioning Strategy between Local Authority and CCG, underpinned by a joint strategic commissioning action tracker across all of the joint strategic themes",
      responsibleOrganisation: 'LA and ICB', // not in the seed: joint LA/CCG (now ICB) action, inferred from its wording
      dueDate: '2022-09-30', // not in the seed: original end date inferred
      status: 'in-progress', // behind schedule at the review of 7 November 2022
      delayReason: "Co-production of a Joint Commissioning Strategy between Local Authority and CCG, underpinned by a joint strategic commissioning action tracker across all of the joint strategic themes has been delayed due to the Commissioning Service restructure.",
      mitigation: "The Joint Commissioning Strategy was published in March 2022 with an action plan developed. An Interim Commissioning Lead is now in place and is picking up this action.",
    },
    {
      ref: "3.3",
      areaNumber: 3,
      // not in the seed: the Reason cell is one sentence stating what is outstanding; title shortened from its
      // wording, and the whole cell kept as delayReason
      title: "Identify all budgets that are allocated to services that could be jointly commissioned",
      responsibleOrganisation: 'LA', // not in the seed: LA inferred (LA Commissioning Services)
      dueDate: '2022-09-30', // not in the seed: original end date inferred
      status: 'in-progress', // behind schedule at the review of 7 November 2022
      delayReason: "Due to the ongoing restructure of LA Commissioning Services resource has been limited to identify all budgets that are allocated to services that could be jointly commissioned.",
      mitigation: "An Interim Commissioning Lead and Interim Commissioning Officer have been appointed and will continue with Joint Commissioning actions.",
    },
    {
      ref: "5.3",
      areaNumber: 5,
      // not in the seed: the Reason cell is one sentence stating what is outstanding; title shortened from its
      // wording, and the whole cell kept as delayReason
      title: "Annual review template to be included in health guidance around annual reviews and transitions",
      responsibleOrganisation: 'ICB', // not in the seed: ICB inferred (health guidance, template for health professionals)
      dueDate: '2022-10-31', // not in the seed: original end date inferred
      revisedDueDate: '2023-01-31', // from the mitigation: "Extension of completion date to Jan 23"
      status: 'in-progress', // behind schedule at the review of 7 November 2022
      delayReason: "Additional work to be completed on annual template which is to be included in health guidance around annual reviews and transitions",
      mitigation: "Extension of completion date to Jan 23 to enable completion of annual review template for health professionals and further audit of PfA on health advice",
    },
    {
      ref: "6.8",
      areaNumber: 6,
      // not in the seed: the Reason cell is one sentence stating what is outstanding; title shortened from its
      // wording, and the whole cell kept as delayReason
      title: "Delivery of the POW! project to inspire a positive reframe in the discourse between professionals and the families of children with disabilities",
      responsibleOrganisation: 'V4P', // V4P (Voice 4 Parents) named in the reason
      dueDate: '2022-10-31', // not in the seed: original end date inferred
      revisedDueDate: '2023-03-31', // from the mitigation: "extended, to March 2023"
      status: 'in-progress', // behind schedule at the review of 7 November 2022
      delayReason: "Capacity within V4P has delayed delivery of the POW! project to inspire a positive reframe in the discourse between professionals and the families of children with disabilities.",
      mitigation: "Timeline has been extended, to March 2023, to allow V4P appropriate time to completed editing on the videos and produce the relevant info leaflets.",
    },

    // (b) Culture of Inclusion project (PR000681): every row of the highlight report's "Tasks & Milestones" table,
    //     in table order. Milestones (◆) have no start date in the seed.
    {
      ref: 'COI-01',
      title: "WSA - Early discussion with parent/carers & CYP representatives built into commissioning processes (including community consultation).",
      workstreamLetter: 'A',
      inProject: true,
      startDate: '2021-07-01',
      dueDate: '2022-07-15',
      percentComplete: 100,
      status: 'complete',
    },
    {
      ref: 'COI-02',
      title: "WSB - Development of SEND Risk Assessment Process",
      workstreamLetter: 'B',
      inProject: true,
      startDate: '2021-05-03',
      dueDate: '2022-07-22',
      percentComplete: 100,
      status: 'complete',
    },
    {
      ref: 'COI-03',
      title: "WSA - Implementation of revised High Needs Funding Matrix in place",
      workstreamLetter: 'A',
      inProject: true,
      startDate: '2020-09-02',
      dueDate: '2022-07-22',
      percentComplete: 100,
      status: 'complete',
    },
    {
      ref: 'COI-04',
      title: "WSB - Embedding and creating a long term sustainable model of whole School SEND Reviews",
      workstreamLetter: 'B',
      inProject: true,
      startDate: '2021-09-06',
      dueDate: '2022-07-22',
      percentComplete: 100,
      status: 'complete',
    },
    {
      ref: 'COI-05',
      title: "WSB - Whole family approach is embedded into graduated approach",
      workstreamLetter: 'B',
      inProject: true,
      dueDate: '2022-07-22',
      percentComplete: 100,
      milestone: true,
      status: 'complete',
    },
    {
      ref: 'COI-06',
      title: "WSC - Recovery plan for backlog of amendments",
      workstreamLetter: 'C',
      inProject: true,
      startDate: '2021-01-11',
      dueDate: '2022-08-26',
      percentComplete: 100,
      status: 'complete',
    },
    {
      ref: 'COI-07',
      title: "WSB - Develop costed Provision Mapping as core tool for all mainstream settings",
      workstreamLetter: 'B',
      inProject: true,
      startDate: '2021-09-06',
      dueDate: '2022-08-26',
      percentComplete: 100,
      status: 'complete',
    },
    {
      ref: 'COI-08',
      title: "WSB - Develop a clear emotionally based school non attendance pathway",
      workstreamLetter: 'B',
      inProject: true,
      startDate: '2021-09-06',
      dueDate: '2022-08-26',
      percentComplete: 100,
      status: 'complete',
    },
    {
      ref: 'COI-09',
      title: "WSB - Produce standardised SEN support plan and develop training and support offer for schools related to this.",
      workstreamLetter: 'B',
      inProject: true,
      startDate: '2021-09-06',
      dueDate: '2022-08-26',
      percentComplete: 100,
      status: 'complete',
    },
    {
      ref: 'COI-10',
      title: "WSC - Deliver Backlog Recovery Plan for EHC Needs Assessments",
      workstreamLetter: 'C',
      inProject: true,
      dueDate: '2022-08-31',
      percentComplete: 100,
      milestone: true,
      status: 'complete',
    },
    {
      ref: 'COI-11',
      title: "WSB - Develop and share Vulnerability Matrix",
      workstreamLetter: 'B',
      inProject: true,
      startDate: '2020-09-01',
      dueDate: '2022-09-30',
      percentComplete: 100,
      status: 'complete',
    },
    {
      ref: 'COI-12',
      title: "WSB - Develop Guidance for use of Individual Vulnerability Index",
      workstreamLetter: 'B',
      inProject: true,
      startDate: '2021-11-01',
      dueDate: '2022-09-30',
      percentComplete: 100,
      status: 'complete',
    },
    {
      ref: 'COI-13',
      title: "WSB - Publication of renewed graduated approach",
      workstreamLetter: 'B',
      inProject: true,
      dueDate: '2022-09-30',
      percentComplete: 100,
      milestone: true,
      status: 'complete',
    },
    {
      ref: 'COI-14',
      title: "WSC - Revised Annual Review Pathway leading to improved performance and feedback",
      workstreamLetter: 'C',
      inProject: true,
      dueDate: '2022-09-30',
      percentComplete: 100,
      milestone: true,
      status: 'complete',
    },
    {
      ref: 'COI-15',
      title: "WSD - WIASS Advisory Board and HY5 to develop and deliver 'HY5! Inspiring Change Training' to provide insight for professionals around their experiences",
      workstreamLetter: 'D',
      inProject: true,
      startDate: '2021-09-06',
      dueDate: '2022-10-28',
      percentComplete: 100,
      status: 'complete',
    },
    {
      ref: 'COI-16',
      title: "WSB - Provide FAQ document to aid schools to implement and deliver the Medical Needs Policy for inclusion in Graduated Response",
      workstreamLetter: 'B',
      inProject: true,
      startDate: '2022-02-01',
      dueDate: '2022-12-16',
      percentComplete: 50,
      status: 'in-progress',
    },
    {
      ref: 'COI-17',
      title: "WSC - Revised training opportunities for all Education, Health and Care colleagues including online e-learning modules, to include what quality and legally compliant report writing to inform plans actually looks like.",
      workstreamLetter: 'C',
      inProject: true,
      startDate: '2021-09-01',
      dueDate: '2022-12-16',
      percentComplete: 40,
      status: 'in-progress',
    },
    {
      ref: 'COI-18',
      title: "WSE - Create plans to develop opportunities for SEND young people alongside Wolves at Work",
      workstreamLetter: 'E',
      inProject: true,
      startDate: '2022-04-11',
      dueDate: '2022-12-23',
      percentComplete: 25,
      status: 'in-progress',
    },
    {
      ref: 'COI-19',
      title: "WSC - Implementation of evaluation process to assess parent carers and young person satisfaction",
      workstreamLetter: 'C',
      inProject: true,
      startDate: '2021-05-03',
      dueDate: '2022-12-23',
      percentComplete: 5,
      status: 'in-progress',
    },
    {
      ref: 'COI-20',
      title: "WSC - Transparent, equitable and robust decision-making process mapped out across all services to ensure streamlining for families",
      workstreamLetter: 'C',
      inProject: true,
      startDate: '2021-06-01',
      dueDate: '2023-01-27',
      percentComplete: 60,
      status: 'in-progress',
    },
    {
      ref: 'COI-21',
      title: "WSA - Create Placement Sufficiency and planning framework to safeguard all vulnerable children and young people in and out of city",
      workstreamLetter: 'A',
      inProject: true,
      startDate: '2021-05-03',
      dueDate: '2023-01-27',
      percentComplete: 60,
      status: 'in-progress',
    },
    {
      ref: 'COI-22',
      title: "WSC - Create and deliver improvement plan for data and reporting of EHCP Data",
      workstreamLetter: 'C',
      inProject: true,
      startDate: '2021-02-01',
      dueDate: '2023-01-27',
      percentComplete: 70,
      status: 'in-progress',
    },
    {
      ref: 'COI-23',
      title: "WSC - Procurement of preferred IT solution to enable collaborative electronic EHC plan process.",
      workstreamLetter: 'C',
      inProject: true,
      startDate: '2021-04-01',
      dueDate: '2023-01-27',
      percentComplete: 50,
      status: 'in-progress',
    },
    {
      ref: 'COI-24',
      title: "WSB - Develop clear definitions for categories of need to assist SENCOs with completion of the school census",
      workstreamLetter: 'B',
      inProject: true,
      startDate: '2022-07-11',
      dueDate: '2023-01-27',
      percentComplete: 90,
      status: 'in-progress',
    },
    {
      ref: 'COI-25',
      title: "WSC - Develop Revised EHC Assessment Pathway leading to improved performance and feedback",
      workstreamLetter: 'C',
      inProject: true,
      dueDate: '2023-01-27',
      percentComplete: 85,
      milestone: true,
      status: 'in-progress',
    },
    {
      ref: 'COI-26',
      title: "WSA - Implement recommendations of the Short Break review",
      workstreamLetter: 'A',
      inProject: true,
      startDate: '2020-09-01',
      dueDate: '2023-03-24',
      percentComplete: 45,
      status: 'in-progress',
    },
    {
      ref: 'COI-27',
      title: "WSA - Robust contract management and quality of assurance of OOC provision in place (also ensuring health provision is quality assured and meeting child's needs)",
      workstreamLetter: 'A',
      inProject: true,
      startDate: '2021-06-01',
      dueDate: '2023-03-24',
      percentComplete: 80,
      status: 'in-progress',
    },
    {
      ref: 'COI-28',
      title: "WSB - Implement Inclusion Funding to support schools to meet needs",
      workstreamLetter: 'B',
      inProject: true,
      startDate: '2021-07-05',
      dueDate: '2023-03-24',
      percentComplete: 30,
      status: 'in-progress',
    },
    {
      ref: 'COI-29',
      title: "WSC - Develop process to deliver service improvement from lessons learnt",
      workstreamLetter: 'C',
      inProject: true,
      startDate: '2021-08-02',
      dueDate: '2023-03-24',
      percentComplete: 25,
      status: 'in-progress',
    },
    {
      ref: 'COI-30',
      title: "WSE - Draft Transitions Protocol to be developed",
      workstreamLetter: 'E',
      inProject: true,
      startDate: '2022-03-01',
      dueDate: '2023-03-31',
      percentComplete: 75,
      status: 'in-progress',
    },
    {
      ref: 'COI-31',
      title: "WSF - Redevelop Local Offer",
      // workstreamLetter left undefined: the seed labels this task WSF, but the project has no workstream F
      // (the Local Offer belongs to workstream D)
      inProject: true,
      dueDate: '2023-03-31',
      percentComplete: 45,
      milestone: true,
      status: 'in-progress',
    },
    {
      ref: 'COI-32',
      title: "WSC - Revised EHC plan co-produced, with advice providers, CYP and parent carers, and implemented.",
      workstreamLetter: 'C',
      inProject: true,
      startDate: '2021-09-01',
      dueDate: '2023-04-28',
      percentComplete: 85,
      status: 'in-progress',
    },
    {
      ref: 'COI-33',
      title: "Revised EHCP Assessment pathway developed.",
      // workstreamLetter left undefined: the seed gives this task no "WS<letter> - " prefix (its subject suggests C)
      inProject: true,
      startDate: '2021-09-01',
      dueDate: '2023-06-23',
      percentComplete: 10,
      status: 'in-progress',
    },
    {
      ref: 'COI-34',
      title: "WSE - Embed preparation for adulthood from the earliest years with effective planning and support available for robust transition at all stages.",
      workstreamLetter: 'E',
      inProject: true,
      startDate: '2021-11-29',
      dueDate: '2024-03-29',
      percentComplete: 30,
      status: 'in-progress',
    },
  ],

  project: {
    code: 'PR000681',
    name: 'Culture of Inclusion',
    author: 'Nicola Harris',
    gatewayStage: 'Delivery (RIBA Stage 5)',
    plannedEndDate: '2023-08-31',
    budget: 200000,
    approver: 'Brenda Wile',
  },

  // The presentation's "Workstreams" slide (agenda item 4).
  workstreams: [
    { letter: 'A', title: "Collaborative Working and Effective Services", aim: "Improved knowledge and understanding of SEND practice across all teams and effective systems, working together in a seamless approach which holds the journey of the child, young person, and family at the centre." },
    { letter: 'B', title: "Early Identification and Support for SEND and Inclusion", aim: "A strong school improvement agenda focusing on confidence and capacity ensuring most children's needs can be met in local mainstream schools." },
    { letter: 'C', title: "Effective Assessment and Review Systems", aim: "A large scale strategic and pre-emptive 'assess, plan do review' approach to children and young people with SEND using data to plan journeys and outcomes looking at SEN support to EHC" },
    { letter: 'D', title: "Local Offer and Communication", aim: "Consistent and clear sharing of information, including regarding support systems and the local offer.." },
    { letter: 'E', title: "Transitions and Preparing for Adulthood", aim: "Preparation for adulthood from the earliest years is embedded with effective planning and support available for robust transition at all stages." },
  ],

  // Registers: the highlight report's Risks, Issues, Dependencies, Cashable and Non-Cashable Benefits tables.
  risks: [
    {
      ref: "00011",
      owner: "Helen Bakewell",
      description: "It is possible that due to lack of communication stakeholders feel frustrated at perceived lack of development",
      impactDescription: "Negative opinion of the Council and potential reputational damage",
      likelihood: 2, // the seed's single "Likelihood & Impact" value
      impact: 2, // not in the seed: the one "Likelihood & Impact" value (2) is read as covering impact too
      status: "open",
      mitigation: "Develop communication plan and ensure that relevant information is disseminated to all relevant stakeholders.\n\nReview communication channels.\n\nConsider development of a partnership wide communication group.\n\nProduce SEND Newsletter on delivery.com to be distributed to stakeholders. Consider if the Local Offer and Communications Officer can take this role.\n\nLook at use of video communications to be shared with parents, following commencement of Local Offer and Communications Officer.",
      targetResolutionDate: '2022-12-16',
    },
    {
      ref: "00016",
      owner: "Sarah Reynolds",
      description: "Without engagement from all stakeholders the PFA Protocol may not be fully co-produced",
      impactDescription: "The PfA protocol will not be co-produced and may omit relevant information without engagement from all stakeholders.",
      likelihood: 3, // the seed's single "Likelihood & Impact" value
      impact: 3, // not in the seed: the one "Likelihood & Impact" value (3) is read as covering impact too
      status: "open",
      mitigation: "Ensure HY5! are involved in the process and arrange workshops/attendance at HY5! group meetings if they are not able to join the workstream group to ensure young people feedback is incorporated into development of PfA protocol.",
      targetResolutionDate: '2022-12-16',
    },
  ],
  issues: [
    {
      ref: "00012",
      owner: "Andrew Wolverson",
      description: "The ongoing restructure and resulting lack of capacity within the SEND Commissioning Team is leading to delays in the delivery of the project plan. This includes the loss of the current lead for workstream A.",
      impactDescription: "The SEND Commissioning team current only has 1.5 of 5 posts in place due to recruitment being prevented due to outcome of the Commissioning Restructure which began in October 2019.",
      impactScore: 2,
      status: "open",
      mitigation: "Interim support required until posts can be permanently recruited to.",
      resolutionDate: '2023-01-27',
    },
    {
      ref: "00013",
      owner: "Jai Ghai",
      description: "Version updates to Capita One and dependencies on ICMS Project have to delays in statutory timeframes for EHCPs requiring software solutions",
      impactDescription: "Delays to development of the Capita One system is impacting on BAU within SENSTART and delaying project tasks and milestones, as without these development revised pathways cannot be introduced.",
      impactScore: 4,
      status: "open",
      mitigation: "Monitor expected time for completion of version updates and keep links open with ICMS",
      resolutionDate: '2022-12-16',
    },
  ],
  dependencies: [
    {
      ref: "00001",
      owner: "Dharm Theora",
      description: "This project is wholly dependent upon the data/information capture of evidence to support the work undertaken with CYP with SEND by a range of council services.",
      impactScore: 5,
      status: "managed",
      mitigation: "Work is being undertaken within workstreams, alongside Insight and Performance, to ensure required data/information is captured.",
      targetResolutionDate: '2022-12-23',
      updates: [
        // "February 2022 Update": dated the first day of that month
        { date: '2022-02-01', text: "The Data Integrity Report published by Audit in 2019 will be reviewed by the Data and Reporting Task and Finish Group to ensure all recommendations are captured within the project plan." },
        // "March 2022 Update": dated the first day of that month
        { date: '2022-03-01', text: "This dependency will be established following review of the data integrity audit." },
        // "May 2022 Update": dated the first day of that month
        { date: '2022-05-01', text: "Several of the recommendation of the audit have been delivered and data and reporting is improving through actions being carried out by the Data and Reporting Task and Finish Group." },
      ],
    },
    {
      ref: "00003",
      owner: "Nicola Harris",
      description: "Capita One System version updates completion",
      impactScore: 3,
      status: "escalated",
      mitigation: "Timelines extended to allow for updates to be carried out by November 2022.",
      targetResolutionDate: '2023-01-20',
    },
    {
      ref: "00004",
      owner: "Nicola Harris",
      description: "Timely delivery of the ICMS Project",
      impactScore: 2,
      status: "managed",
      mitigation: "Ensure links between projects are maintained",
      targetResolutionDate: '2023-03-31',
    },
  ],
  benefits: [
    {
      ref: "BEN.681.02",
      owner: "Helen Bakewell",
      description: "Improved High Needs Block budget forecasting to better control spend",
      kind: 'cashable',
      // valueGbpThousands left out: the seed's "Anticipated Cashable Benefit (£k)" cell is empty
      targetDate: '2023-08-31',
    },
    {
      ref: "BEN.681.03",
      owner: "Helen Bakewell",
      description: "EHC HUB is replaced with a more streamlined, reliable system with improved processes and improved accessibility.",
      kind: 'non-cashable',
      targetDate: '2023-08-31',
    },
    {
      ref: "BEN.681.04",
      owner: "James Amphlett",
      description: "EHC HUB replacement solution provides improved analysis of demand and performance",
      kind: 'non-cashable',
      targetDate: '2023-08-31',
    },
    {
      ref: "BEN.681.06",
      owner: "Helen Bakewell",
      description: "Removal of duplicated SEND processes to facilitate increased practitioner/client contact",
      kind: 'non-cashable',
      targetDate: '2023-08-31',
    },
    {
      ref: "BEN.681.07",
      owner: "Helen Bakewell",
      description: "Development of a \"Whole Family Approach\" to sustain outcomes for the child and their family.",
      kind: 'non-cashable',
      targetDate: '2023-08-31',
    },
    {
      ref: "BEN.681.09",
      owner: "Helen Bakewell",
      description: "Reduction in the number of children with SEND who are excluded from school.",
      kind: 'non-cashable',
      targetDate: '2023-08-31',
    },
    {
      ref: "BEN.681.10",
      owner: "Helen Bakewell",
      description: "Allocation of SEN funding more closely aligned to individual learner needs thereby supporting inclusion and changes in education settings.",
      kind: 'non-cashable',
      targetDate: '2023-08-31',
    },
    {
      ref: "BEN.681.11",
      owner: "Helen Bakewell",
      description: "Closer monitoring of out of City placements.",
      kind: 'non-cashable',
      targetDate: '2023-08-31',
    },
  ],

  highlightReports: [
    // (1) October 2022: NOT in the seed. Constructed so that the November report's "Previous"/"Last Period" column
    //     (all On Target, overall On Target) has a published report to come from. Every text in it is constructed
    //     from facts elsewhere in the seed (dates within the period) or reuses the November wording.
    {
      periodStart: '2022-09-26', // not in the seed: constructed
      periodEnd: '2022-10-23', // not in the seed: constructed (the November period starts 24.10.22)
      reportDate: '2022-10-21', // not in the seed: constructed
      overallStatus: 'on-target', // November report: "Previous Project Status: On Target"
      // not in the seed: constructed summary
      summary: 'The project continues to progress well. The Graduated Approach documents and the revised Annual Review Pathway have been launched with schools, and preparation is under way for the WSoA monitoring meeting in November 2022.',
      helpRequired: 'No support required.', // not in the seed: constructed (as in November)
      // not in the seed: constructed from the presentation and progress-update slides (events dated 26.09.22-23.10.22)
      achievements: [
        { workstreamLetter: 'A', text: "Quality Assurance standards have been re-drafted and shared with providers for feedback." },
        { workstreamLetter: 'B', text: "SENCo Induction programme reviewed following the pilot year and a revised model agreed." },
        { workstreamLetter: 'B', text: "SENCo 'Microsoft Teams' area launched for networking and information sharing." },
        { workstreamLetter: 'C', text: "Kick off meeting held with Invision on 12 October 2022 to begin the QA process using the digital EHCP audit tool." },
        { workstreamLetter: 'D', text: "SEND Newsletter published in October 2022." },
        { workstreamLetter: 'D', text: "'HY5! Inspiring Change Training' showcased at the Inclusion Conference on 17 October 2022." },
        { workstreamLetter: 'E', text: "Findings of local review of practices in Children's Social Care gathered, to be shared with the Transitions group." },
      ],
      // not in the seed: constructed from the "What we plan to do next" slides
      nextSteps: [
        { workstreamLetter: 'A', text: "Further meetings to be held with providers w/e 24/10/22 to carry out quality assurance and add to the draft providers directory." },
        { workstreamLetter: 'B', text: "Revised definitions for categories of need to be developed to assist SENCOs with completion of the school census." },
        { workstreamLetter: 'C', text: "Developments to Capita One System to be carried out by end of November to support the EHC Assessment and Review Pathway." },
        { workstreamLetter: 'D', text: "Workshops to be held with parent carers on 8 November to develop requirements for the Local Offer." },
        { workstreamLetter: 'E', text: "PfA careers fair on 2 December 2022 to be promoted to schools." },
      ],
      // all On Target per the November report's "Last Period" column; explanations not in the seed (November wording reused,
      // except issues, whose November explanation describes the escalation)
      statusSummary: {
        tasks: { status: 'on-target', explanation: "All key tasks and milestones within the project plan have been reviewed." },
        costs: { status: 'on-target', explanation: "All costs of the project are being managed through associated service area budgets." },
        risks: { status: 'on-target', explanation: "All risks have been reviewed" },
        issues: { status: 'on-target', explanation: "All issues have been reviewed." },
        dependencies: { status: 'on-target', explanation: "Dependencies have been reviewed and updates provided." },
        financialBenefits: { status: 'on-target', explanation: "Cashable benefits remain unchanged." },
        nonFinancialBenefits: { status: 'on-target', explanation: "Non-cashable benefits remain unchanged." },
      },
      costs: { spendToDate: 0, forecastSpend: 200000, budget: 200000 }, // not in the seed: constructed (as in November)
      publish: true,
    },
    // (2) November 2022: the highlight report in the seed (agenda item 5), "Report Period 18/11/22".
    {
      periodStart: '2022-10-24', // "Key Achievements this Reporting Period (24.10.22 to 20.11.22)"
      periodEnd: '2022-11-20',
      reportDate: '2022-11-18',
      overallStatus: 'on-target',
      // "which CoI delivers": the seed's text reads "Col", taken as a PDF-extraction misreading of CoI (Culture of Inclusion)
      summary: "The project continues to progress well, interim commissioning support has been bought in to support delivery of the projects objectives. Initial Feedback from the WSoA monitoring meeting in November 2022, which CoI delivers LA actions, was positive.\n\nIssues have been identified and escalated following the impact Capita developments have had on achieving the statutory 20 week timeline for the production of EHCPs.",
      helpRequired: "No support required.",
      achievements: [
        { workstreamLetter: 'A', text: "Further meetings have been held with providers to add provision to draft directory following quality assurance." },
        { workstreamLetter: 'A', text: "Short Breaks project workstreams have been realigned to expediate delivery." },
        { workstreamLetter: 'B', text: "Categories of Need revised definitions have been developed to assist SENCOs with completion of the school census." },
        { workstreamLetter: 'B', text: "Feedback from the SENCO Network has shown that roll out of the Graduated Response and associated documents is taking place in settings." },
        { workstreamLetter: 'B', text: "Engagement activity s planned with schools to scope use of inclusion funding." },
        { workstreamLetter: 'C', text: "Some development work has been undertaken on Capita One to assist process." },
        { workstreamLetter: 'C', text: "Idox have provided extension to migrate data from the EHCP Hun and activity is on track." },
        { workstreamLetter: 'D', text: "Further sessions held with parent carers to develop requirements." },
        { workstreamLetter: 'D', text: "Timeline for delivery agreed with SRO." },
        { workstreamLetter: 'D', text: "Design have been engaged to co-produce logo and branding with parent carers and young people." },
        { workstreamLetter: 'E', text: "Meetings of T&F groups x2 and steering group have taken place" },
        { workstreamLetter: 'E', text: "Text content for Transitions content page is being finalised which will then be passed to Chris Nicholls to develop a mock-up of the page for further discussion with the group. The group agreed that this page will sit on the council’s website for universal transitions and targeted & specialist transitions will sit on/link to the local offer page." },
      ],
      // "Next Steps (21.11.22 to 22.01.23)"
      nextSteps: [
        { workstreamLetter: 'A', text: "Joint Commissioning tracker audit to be undertaken." },
        { workstreamLetter: 'A', text: "Meeting to be held with Short Breaks Workstream Leads on 21 November to baseline realigned plan and agree amended ToR." },
        { workstreamLetter: 'A', text: "Short Breaks requirement mapping workshop to be held with brokerage and payments." },
        { workstreamLetter: 'B', text: "Development of parent guide to the Graduated Response document." },
        { workstreamLetter: 'B', text: "Process for allocation of inclusion funding to be co-produced with parent carers, young people and schools." },
        { workstreamLetter: 'B', text: "SEND Inclusion and Support Officers to hold sessions with SENCOs to assist completion of schools census." },
        { workstreamLetter: 'B', text: "Medical needs in schools FAQ to be produced." },
        { workstreamLetter: 'C', text: "Developments to Capita One to be undertaken to assist revised EHC Assessment and Review Pathway." },
        { workstreamLetter: 'C', text: "Review of how the Capita SEND portal will be used." },
        { workstreamLetter: 'C', text: "Remaining data, delayed due to Idox issues, to be transferred." },
        { workstreamLetter: 'C', text: "A dedicated QA Officer, within Strategy and Policy Team, to be appointed to finalise of the QA Framework." },
        { workstreamLetter: 'C', text: "Parent carer and young people engagement to be undertaken to co-produce process/template to capture views within annual review process." },
        { workstreamLetter: 'C', text: "Carry out quality assurance/dip sample of EHCPs during December 2022." },
        { workstreamLetter: 'D', text: "Local Offer and Communications Officer to commence in post." },
        { workstreamLetter: 'D', text: "Align development of leisure offer to work being undertaken on YO! Wolverhampton to widen offer available on site." },
        { workstreamLetter: 'D', text: "Work to be undertaken with Design Team, young people and parent carers to develop Local Offer Branding." },
        { workstreamLetter: 'E', text: "PfA audit to be undertaken with young people and DSCO." },
        { workstreamLetter: 'E', text: "PfA careers fair to take place on 2 December 2022 at Wolverhampton Racecourse with 400 places booked from 23 schools across the city. A large number of exhibitors have also signed up for the event." },
      ],
      statusSummary: {
        tasks: { status: 'on-target', explanation: "All key tasks and milestones within the project plan have been reviewed." },
        costs: { status: 'on-target', explanation: "All costs of the project are being managed through associated service area budgets." },
        risks: { status: 'on-target', explanation: "All risks have been reviewed" },
        issues: { status: 'at-risk', explanation: "All issues have been reviewed. Delays caused to the EHC Assessment and Review pathway due to dependencies on developments to the Capita One System has escalated further as an issue." },
        dependencies: { status: 'on-target', explanation: "Dependencies have been reviewed and updates provided." },
        financialBenefits: { status: 'on-target', explanation: "Cashable benefits remain unchanged." },
        nonFinancialBenefits: { status: 'on-target', explanation: "Non-cashable benefits remain unchanged." },
      },
      costs: { spendToDate: 0, forecastSpend: 200000, budget: 200000 },
      publish: true, // published: it is the report the 13 December 2022 pack carries (agenda item 5)
    },
  ],

  // "Written Statement of Action Update November 2022" slides (agenda item 6): What we have done / What we will (plan
  // to) do next; evidence of impact from the adviser review note (agenda item 7), paragraphs joined by a blank line.
  progressUpdates: [
    // What the area supplied for the MR3 review of 7 November 2022 (mr3-review.ts); then the November slides.
    ...mr3AreaUpdates,
    {
      areaNumber: 1,
      asOf: '2022-11-18', // not in the seed: the slides are dated only "November 2022"; taken as the highlight report's date
      done: [
        "Graduated Approach Guidance document finalized and launched with schools and services. Wider communications with health and social care partners ongoing",
        "Emotionally Based School Non-Attendance (EBSNA) pathway launched",
        "Central costed provision map tool finalized and launched",
        "Central 'my SEN support plan' template finalized and launched",
        "Training plan for SEND Champions in social care is in development with some content prepared ready for uploading onto portal. This has been shared internally for review and will be submitted to the Children's Leadership Team for approval.",
        "SENCo Induction programme has been reviewed following pilot year. Revised model agreed and a launch event planned for November 2022.",
        "SENCo 'Microsoft Teams' area launched and there is already evidence of use for networking and information sharing. Formal feedback will be gathered next half term.",
        "Support for SENCos to categorise primary SEND needs accurately for census returns has been progressed with some further training planned.",
        "Information sharing for SENCos and education support services on SaLT offer and early intervention.",
        "The National Autism Strategy has been adopted and a local statement has been developed. A meeting has been scheduled to progress the pathway.",
        "Work is continuing to reduce the 'second wait' for CAMHS and a trial project will be implemented within Wolverhampton on behalf of the Black Country.",
        "Additional resources have been allocated to Autism assessment in specialist CAMHS.",
        "Uptake of health passports continues to be a great success, which were launched in March 2022 jointly by V4P and RWT. Now being used to aid 'tell it once' for CYP/families",
        "A Communication and Marketing Officer has been appointed to establish clear processes for signposting families to the Universal Offer, from 0-19 services including health, LA and community services, whilst children and young people are on an existing waiting list.",
        "A clear process has been implemented to ensure that if CYPF are considered to be in need of further intervention within Specialist CAMHS, a regular contact routine is established, routine timescales being 12-weekly contact, and urgent being four-weekly. CAMHS also ensure all families waiting are aware of how to contact the service to seek review, escalation and or advice.",
        "Scoping work is taking place across the Black Country to better understand the nature of the provision for Autism Diagnosis.",
        "New DCSSO commenced in post 30 August 2022.",
      ],
      next: [
        "Development of parent guide to the Graduated Approach document.",
        "Develop process for the Graduated Approach to capture the impact from its use within schools.",
        "Launch guidance for SENCOs on categorising need for census returns and to support for early identification of language needs.",
        "Feedback on the progress of the autism diagnosis provision will be provided in November 2022.",
        "E - learning suite being developed with colleagues from education for all social care workforce.",
        "Work to be undertaken to commence development of a clear all age autism pathway.",
      ],
      evidenceOfImpact: "The area are now collecting evidence of impact and planning to build on what they have in order to show the difference being made. Among this evidence are documents, feedback from users on the graduated response and of times when Graduated Approach web page is accessed by users.\n\nThe SENCO Survey provides a baseline that will enable the area through further updates to measure the difference being made.\n\nA tangible difference is evidenced through the Census data for Wolverhampton schools compared to national data for last 2 years showing a reduction in MLD.\n\nEvidence included regarded SALT and Autism developments comprising plans, referral forms and commitments was useful to see as a foundation but does not comprise evidence of impact at this time.",
    },
    {
      areaNumber: 2,
      asOf: '2022-11-18', // not in the seed: the slides are dated only "November 2022"; taken as the highlight report's date
      done: [
        "Annual review pathway process has been developed and shared with professionals and schools with ongoing training taking place this term.",
        "4 live training sessions have been delivered and one recorded training session.",
        "A dedicated SEND QA Advanced Practitioner is being recruited to develop a QA framework and schedule of audit activity across the SEND Partnership.",
        "A digital EHCP Audit tool 'Invision' has been procured to assist quality assurance of EHCPs. A kick off meeting with Invision, to begin QA process using toolkit was held on 12 October 2022.",
        "Work is being undertaken with SENSTART, ICT Services, a Business Analyst and Capita to develop Capita One for EHC assessment and review processes.",
        "Health guidance completed for annual reviews/transition which will help support quality improvements regarding health advice.",
        "Commenced audits regarding health advice to improve QA",
        "Development of an Aide-memoire/Tool kit for medical advice for Paediatricians",
        "Further scoping and signposting to CDC e-learning completed which will continue to aid understanding and the role of good health advice in EHCPs.",
      ],
      next: [
        "Quality assurance of new annual review reports from schools to monitor the impact.",
        "Gain internal views from SEND officers on how the updated documentation is helping the process of amendments.",
        "Developments to Capita One System to be carried out by end of November to support the EHC Assessment and Review Pathway.",
        "Procurement of Capita SEND portal to be undertaken and a review undertaken to establish how the portal will be used.",
        "Parent / carer and young people engagement to be undertaken to co-produce process/template to capture views within annual review process.",
        "Timeless of EHCP/receipt of health advice for needs assessment with the 6 weeks reported monthly and inputted into the SEND data dashboard",
      ],
      evidenceOfImpact: "The area is at an early stage in implementing actions in this area and has provided evidence of actions taken. There is a framework in place to monitor impact through the completion of annual review reports and providing feedback to schools. Collecting feedback from users would provide evidence of extent of impact and further pointers for developments.",
    },
    {
      areaNumber: 3,
      asOf: '2022-11-18', // not in the seed: the slides are dated only "November 2022"; taken as the highlight report's date
      done: [
        "A joint baseline assessment of current commissioned SEND services has been undertaken to identify opportunities for joint commissioning.",
        "Three rounds of meetings with providers have taken place to add provision to draft directory following quality assurance.",
        "Review of Terms of Reference for Joint Strategic Commissioning Group has been carried out to improve quoracy requirements.",
        "Quality Assurance standards have been re-drafted and shared for feedback.",
        "Public Health have met with the key stakeholders that can encourage take up of terrific for twos placements for children with SEND, locally to scope current position and make recommendations to increase uptake of placements.",
        "An action plan has been formulated encourage take up of terrific for twos placements for children with SEND and agreed with partners through the Early Years Steering Group (subject to the support of parents/carers).",
      ],
      next: [
        "Joint Commissioning tracker audit to be undertaken.",
        "Commissioning Team are holding further meetings with providers w/e 24/10/22 to carry out quality assurance and add to draft providers directory.",
        "Framework for QA of Alternative Provision to be shared at SPB in January 2023 for approval.",
        "Engagement and co-production work to take place with parents/carers to develop action plan to encourage take up of terrific for twos placements for children with SEND",
      ],
      evidenceOfImpact: "The area has provided evidence of the actions taken and the difference this is making such as a decision to cease using one provider. Also including scoping work and action plan to encourage take up of 'Terrific for Twos' placements for children with SEND.",
    },
    {
      areaNumber: 4,
      asOf: '2022-11-18', // not in the seed: the slides are dated only "November 2022"; taken as the highlight report's date
      done: [
        "Co-production and Youth Engagement Manager delivered training on co-production for SENCOs with Educational Psychology Service which will be shared wider through Statsshelf.",
        "Voice 4 Parents evening focus group took place to update on the WSoA and to gain feedback on progress. Further session is scheduled for 8 November 2022.",
        "SEND Strategy Development session with V4P and council clarified the shared understanding of co-production/consultation and engagement.",
        "Training has been made available and is being delivered to organisations by the Co-Production and Youth Engagement Team",
        "HY5 have 13 members all with various SEND needs, with work being done with universal and specialist provisions to recruit members.",
        "One of the HY5! members being recognised at the Young Citizen of the Year Awards for the work she has done in raising the profile of HY5 and young people with disabilities in the city.",
        "#YES newsletter is sent out termly raising the profile of their work and to recruit members",
        "Recruitment of a participation officer to support embedding wider co-production with parents/carers has now been completed and they are just completing their induction and planning their engagement.",
        "Procurement of accessible communication tools to assist co-production. Widget has now been purchased and is accessible to all council employees on a 3-year contract.",
        "A celebration of co-production is included within the SEND Partnership Board Communication Plan including recognition of individuals involved, in line with the national co-production week in June 2022",
        "Inspiring Change and Total Respect training has now been developed and was showcased at the Inclusion Conference on 17 October 2022.",
      ],
      next: [
        "A report is to be submitted to SEND Partnership Board following Using the Contact Quality Indicator Tool on Co-Production all partners have been asked to complete to highlight strengths and gaps and learn from each other good practice – a report planned to go to SEND partnership Board",
        "Co-production event to be planned",
      ],
      evidenceOfImpact: "A number of practical packs, newsletters and session information was provided in the evidence. There is also an opportunity to develop a case study of the impact that HY5! and V4P are having at a strategic level and on operational practice.",
    },
    {
      areaNumber: 5,
      asOf: '2022-11-18', // not in the seed: the slides are dated only "November 2022"; taken as the highlight report's date
      done: [
        "A Universal Transfer Form has been shared with Secondary Heads and disseminated through schools.",
        "Funding has been agreed for 2 SEND EET workers.",
        "PfA careers fair has been planned, on 2 December 2022, to support all our young people with an EHCP from Year 9 upwards.",
        "An outline for the Transitions Pathway and Protocol has been developed, following the workshop held on 22 Sept which generated good discussions to develop sections relating to universal, targeted and specialist transitions.",
        "Findings of local review of practices in Children's Social Care has been gathered and are to be shared with group.",
        "Dip sampling of health advice relating to PfA outcomes undertaken.",
        "The programme of practice visits, via the PAMHS Nursing team, is continuing with the current position showing that as at September 57.3% of all individuals aged 14-25 have received an LD Annual Health Check in the past 12 months.",
        "HCP provision for children with SEND is due to be enhanced.",
        "In School Nursing (5-19) there has been the addition of a Specialist School Nurse and 2x Public Health Associate Posts specifically to provide support for children with additional needs in mainstream schools. Posts have been recruited to and start mid-November.",
        "Guidance developed for health professionals to ensure that health can contribute to the TAC and PfA processes to support transition.",
        "PfA pathway for EHCP outcomes has been drafted and is due to be shared with professionals.",
        "An annual review template (EHCP) has been developed for health professionals to support and improve contributions to annual and transition reviews of EHCP.",
        "ADHD Clinical Nurse specialist has commenced post at RWT and is working with the Trust Quality Improvement team and Voice 4 Parents to develop the support needed for Children, young people and parents.",
        "Transition Clinical Nurse Specialist commenced in post at RWT in May 2022 working with children with complex needs and special schools. A transition panel which is held at least quarterly take places to coordinate the care of those with most complex health needs.",
        "Transition CNS has scoped the transition pathways within the Trust and attends the LA Transition/PfA workstream",
        "Special School Nursing have an action plan in place to support improvements around the annual health check work.",
      ],
      next: [
        "Complete PfA Audit following determination of best approach to engage with YP to complete relevant section.",
        "Explore links between recent published guidance around annual health checks and how this works in Wolverhampton and Transitions work.",
        "SEND Mainstream Nurse due to commence post during November 2022.",
        "SEND health visitor post appointed.",
      ],
      evidenceOfImpact: "Evidence provided of action taken and the SEND dashboard shows an increase in LD Health checks. There will be an opportunity in 2023 to collect evidence of impact from professionals, children young people and families of their experience of transition following the actions taken above.",
    },
    {
      areaNumber: 6,
      asOf: '2022-11-18', // not in the seed: the slides are dated only "November 2022"; taken as the highlight report's date
      done: [
        "Workshop was held on 13 September 2022, with all content owners invited, to map content required and develop their requirements for replacement website.",
        "Local Offer & Communication Officer has been appointed following second recruitment wave and is due to start in post during November 2022, to drive forward, refresh and migration of the Local Offer.",
        "Support from the Design Team has been requested to work with parents and young people to get a feel of what the Local Offer means to them to develop the brand.",
        "A range of service across SEND were promoted during the Inclusion Summit on 17 October 2022 which was attended by senior leaders and SENCOS from Wolverhampton Schools.",
        "SEND Newsletter published in October 2022 sharing information on the WSoA monitoring visit in June 2022, launch of the Graduated Response and the revised EHCP Annual Review Pathway.",
      ],
      next: [
        "Workshops to be held with Parent Carers on 8 November to develop requirements for Local Offer.",
        "Workshops to be arranged in November to develop requirements for Local Offer with young people.",
        "Align development of leisure offer to work being undertaken on YO! Wolverhampton to widen offer available on site.",
        "Work to be undertaken with Design Team, young people and parent carers to develop Local Offer Branding.",
        "Work with Parent Carers and Young People to develop Local Offer logo and create mood board to develop branding for use on web site and associated marketing material.",
      ],
      evidenceOfImpact: "Evidence provided of activities undertaken plus positive feedback from the inclusion summit.",
    },
  ],

  // "Minutes - 27 September 2022" (agenda item 3), as Markdown.
  previousMinutesMarkdown: "# SEND Written Statement of Action - Cross Party Scrutiny Review Group\n\n## Minutes - 27 September 2022\n\n## Attendance\n\n### Members of the SEND Written Statement of Action - Cross Party Scrutiny Review Group\n\n- Councillor Adam Collinge\n- Councillor Dr Michael Hardacre\n- Councillor Stephanie Haynes\n- Councillor Louise Miles\n- Councillor Rita Potter\n\n### Officers\n\n- Mr Martin Stevens DL (Senior Governance Manager)\n- Brenda Wile (Deputy Director of Education)\n- Helen Blakewell (Head of Service Inclusion and Empowerment)\n- Julia Cleary (Scrutiny and Systems Manager)\n- Laura Noonan (Electoral Services Manager)\n\n### 1 Apologies for Absence\n\nThere were no apologies.\n\n### 2 Declarations of Interest\n\nCllr Adam Collinge declared an interest as a Governor of Aldersley High School.\n\n### 3 Purpose of Meeting\n\nThe Chair outlined the agenda for the meeting.\n\n### 4 Terms of Reference including Membership of Group\n\nThe Terms of Reference were discussed. A Member recommended that people should be invited to attend meetings when appropriate to give evidence.\n\n**Resolved:** That it be recommended to the Strong Families, Children and Young People Scrutiny Panel that there be one extra Labour Group Member appointed to the SEND Written Statement of Action – Cross Party Scrutiny Review Group.\n\n**Resolved:** That it be recommended to the Strong Families, Children and Young People Scrutiny Panel that they ask their Co-opted Members if they wish to be Co-opted onto the Group (Up to 2 Co-opted Members permitted)\n\n### 5 Ofsted outcome letter following SEND Inspection\n\nThe Deputy Director remarked that Ofsted had found six areas for improvement which were described in their letter. She outlined the six areas. There was an action plan which incorporated these areas and additionally other areas which Ofsted did not reference.\n\nA Member of the Group suggested that sharing of best practice amongst academy schools should be done more.\n\n### 6 Written Statement of Action\n\nThe role of the SEND Partnership Board was discussed. A Member congratulated the Deputy Director of Education and the team for bringing partners together on the SEND Partnership Board.\n\nThe Deputy Director commented that the vast majority of areas had a Written Statement of Action. It brought people together and raised the priority.\n\nThere was discussion regarding funding for Schools and how staff could access training on SEND. A Member commented that the Governors of Schools needed to ensure that staff received training and allocated funding when required.\n\nA Member commented they would be interested in some comparative work on Written Statement of Actions (WSOA) with other authorities. This would help to determine best practice in responding to the WSOA.\n\nIt was believed In July there were only 6 EHCP's Assessments that had exceeded the 30-week deadline. In August there was only one. The Action Plans beneath the WSOA included the Wolves at Work information requested from Full Council.\n\nThe Head of Service Inclusion and Empowerment stated that the WSOA had been approved by Ofsted in it's first version to them, this was not the case with many other authorities.\n\n### 7 Monitoring Visits\n\nThe Deputy Director of Education confirmed that the next monitoring visit would take place in November 2022. She expected there to be another monitoring visit in March 2023 and a further one in July or September 2023. The conclusion of the monitoring visit in June 2022 had been that Wolverhampton had demonstrated they had put in place the effective strategic leadership, partnership working and co-production to support the Written Statement of Action.\n\nThe Deputy Director of Education remarked that Ofsted had fed back the key question to ask was \"What was different now.\" This is what they would be focusing on for the November visit, providing feedback and case studies from stakeholders so Ofsted had assurance.\n\nThere was a discussion about whether the IT issues and the restructure would be completed by the November visit. Officers responded that they hoped the IT issues would be much improved but some of the recruitment might go on beyond November due to some people having to serve three months' notice.\n\nThe Deputy Director of Education stated she could bring another Highlights report in December to the Review Group.\n\nA Member stated he would be interested to read the SEND Board Minutes. The Deputy Director of Education responded she would make them publicly available.\n\n### 8 Highlight reports - September 2022\n\nThe Head of Service Inclusion and Empowerment went through the key points in the Highlights Report – September 2022.\n\nThe deadline had been extended for certain actions as the original plan had been too ambitious. The current published report was marked at risk because some of the programmes had not been completed. She detailed the areas as per the report, which had not yet been completed. She also went through the risks identified as per the report. At the time of the published report the overall improvement programme was at risk but as it was now on track.\n\nA Member asked if the new IT system was in place. The Head of Service Inclusion and Empowerment responded that she hoped it would be fully in place by March. Training was taking place over the coming months. There was an interim solution in place.\n\nThe Deputy Director of Education highlighted commissioning as the biggest area of concern. The restructure was not yet settled with the SEND Commissioning Team. The Head of Service Inclusion and Empowerment added that EHCP's were still an area of risk. The Capita One Project was also a risk. Overall though the situation was positive and they were on track.\n\n### 9 Preparation for Adulthood update\n\nThe Deputy Director of Education gave an update on preparation for Adulthood. Positively, every 14-year-old with an Education, Care and Health Plan now had a pathway plan completed at 14 with a connection advisor who was an expert in SEND and the opportunities available. Two new SEND advisors were also being recruited. In addition Connections had appointed two new SEND advisors. An event was taking place in December for which all SEND children and their parents were being invited.\n\nMembers paid tribute to Julia Cleary, the Scrutiny and Systems Manager who was leaving the Council at the end of the month.\n\nThe Chair thanked everyone for their contributions to the meeting.\n",

  reviews,

  meeting: {
    council: 'City of Wolverhampton Council', // the front page's "CITY OF WOLVERHAMPTON COUNCIL"
    committee: 'SEND Written Statement of Action - Cross Party Scrutiny Review Group',
    startsAt: '2022-12-13T18:00:00Z', // 6.00 pm; GMT in December, so the same in UTC
    venue: 'Committee Room 2 - 3rd Floor - Civic Centre',
    isPublic: true,
    meetingType: 'Scrutiny Reviews',
    members: [
      { name: "Councillor Adam Collinge", role: 'vice-chair' },
      { name: "Councillor Dr Michael Hardacre" },
      { name: "Councillor Stephanie Haynes" },
      { name: "Councillor Louise Miles" },
      { name: "Councillor Rita Potter", role: 'chair' },
    ],
    contact: { name: 'Earl Piggott-Smith', phone: '01902 551251', email: 'earl.piggott-smith@wolverhampton.gov.uk' },
    items: [
      { number: 1, title: "Apologies for Absence", section: 'procedural', part: 1 },
      { number: 2, title: "Declarations of Interest", section: 'procedural', part: 1 },
      { number: 3, title: "Notes of the Previous Meeting (27.9.22)", section: 'procedural', part: 1, document: { type: 'minutes' } },
      { number: 4, title: "Culture of Inclusion Update Report November 2022 - presentation", presenter: "Brenda Wile, Deputy Director of Education", section: 'discussion', part: 1, document: { type: 'upload', key: 'presentation' } },
      { number: 5, title: "Culture of Inclusion Highlight Report November 2022", presenter: "Brenda Wile, Deputy Director of Education", section: 'discussion', part: 1, document: { type: 'highlight-report' } },
      { number: 6, title: "Written Statement of Action Update presentation - November 2022", presenter: "Brenda Wile, Deputy Director of Education", section: 'discussion', part: 1, document: { type: 'progress-report', asOf: '2022-11-18' } },
      { number: 7, title: "Wolverhampton Adviser Monitoring Review", presenter: "Brenda Wile, Deputy Director of Education", section: 'discussion', part: 1, document: { type: 'upload', key: 'adviser-review' } },
      { number: 8, title: "Guidance - Area SEND inspections: framework and handbook", section: 'information', part: 1, document: { type: 'upload', key: 'guidance' }, note: "Please use this link to read the guidance published 29 November 2022. A copy has also been attached for information." },
    ],
  },
};
