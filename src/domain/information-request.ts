// Annex A of the Ofsted/CQC area SEND framework and handbook (seed 003): the information inspectors request
// at a full inspection, items 1.1–6.4, transcribed word for word (the handbook has no 3.7; 7.x are per
// tracked child and out of scope). One change: the seed's text of 3.4 carries a stray "#" from its
// conversion ("data # about"), left out here.

export interface RequestItem {
  code: string;
  title: string;
  description: string;
  /** The handbook's heading for the group: when in week 1 it is due. */
  group: string;
}

export const INFORMATION_REQUEST: readonly RequestItem[] = [
  {
    code: "1.1",
    title: "Local area partnership structure",
    description:
      "The education, health and care partners involved in the local area partnership; the governance arrangements, decision-making structures, how partners work together and who is responsible for delivering what",
    group: "Information to be provided by the local area partnership following notification",
  },
  {
    code: "1.2",
    title: "Assessment of needs",
    description:
      "The local area partnership's assessment of the needs of children and young people with SEND in the local area; this will include the Joint Strategic Needs Assessment and any further assessment of needs",
    group: "Information to be provided by the local area partnership following notification",
  },
  {
    code: "1.3",
    title: "Self-evaluation",
    description:
      "The local area partnership's self-evaluation of its effectiveness in improving the experiences and outcomes of children and young people with SEND",
    group: "Information to be provided by the local area partnership following notification",
  },
  {
    code: "1.4",
    title: "Strategic planning",
    description:
      "The local area partnership's strategic planning for children and young people with SEND; this may include parts of the joint health and well-being strategy",
    group: "Information to be provided by the local area partnership following notification",
  },
  {
    code: "1.5",
    title: "Representative and support groups",
    description:
      "Contact information for established representative and/or support groups for children and young people with SEND, and parents and carers",
    group: "Information to be provided by the local area partnership following notification",
  },
  {
    code: "1.6",
    title: "Dynamic support register",
    description:
      "List of all children and young people aged 0 to 25 on the dynamic support register.",
    group: "Information to be provided by the local area partnership following notification",
  },
  {
    code: "1.7",
    title: "Health system overview and commissioning arrangements",
    description:
      "The structure of the local health services, which includes who commissions the service and who provides the service (the CQC will provide a template at notification); and information on commissioning specifications for local health services, including for young people aged 16–25 years; this also includes any significant changes planned for the services and/or services where there are recovery plans needed",
    group: "Information to be provided by the local area partnership following notification",
  },
  {
    code: "2.1",
    title: "Engagement plans and impact",
    description:
      "Information about the local area partnership's strategy and approach for engaging with children, young people and their families in planning and evaluating SEND arrangements; information on the impact this engagement has had on local SEND arrangements",
    group: "Additional information to be provided by the local area partnership at the end of week 1",
  },
  {
    code: "2.2",
    title: "Approach to EHC plans",
    description:
      "The local area partnership's approach to the development, oversight and quality assurance of EHC plans, including the services involved; this may include documents relating to the processes and internal policies.",
    group: "Additional information to be provided by the local area partnership at the end of week 1",
  },
  {
    code: "2.3",
    title: "Personal budgets",
    description:
      "Data on the number of personal budget applications and acceptances across education, health and care",
    group: "Additional information to be provided by the local area partnership at the end of week 1",
  },
  {
    code: "2.4",
    title: "Tribunals and single route of redress",
    description:
      "Data on appeals to the First-tier Tribunal (Special Educational Needs and Disability), including cases resolved before tribunal hearing; data about appeals through the single route of redress",
    group: "Additional information to be provided by the local area partnership at the end of week 1",
  },
  {
    code: "2.5",
    title: "Information about specific cohorts",
    description:
      "The numbers of children and young people with SEND who are: not attending an education setting, including those who receive home education; attending alternative provision; known to youth justice services; eligible to receive adult care services; on part-time timetables for their education",
    group: "Additional information to be provided by the local area partnership at the end of week 1",
  },
  {
    code: "2.6",
    title: "Outcomes",
    description:
      "Information on the local area partnership's measures of outcomes for children and young people in their area, including outcomes relating to their preparation for adulthood",
    group: "Additional information to be provided by the local area partnership at the end of week 1",
  },
  {
    code: "2.7",
    title: "Employment",
    description:
      "Data on current employment of 18 to 25 year olds with SEND",
    group: "Additional information to be provided by the local area partnership at the end of week 1",
  },
  {
    code: "2.8",
    title: "Multi-agency audits",
    description:
      "The results of any multi-agency audits of support for individual children and young people with SEND that have been carried out in the 12 months prior to inspection",
    group: "Additional information to be provided by the local area partnership at the end of week 1",
  },
  {
    code: "3.1",
    title: "Education system overview",
    description:
      "The structure of the local education system, including the types of education setting, and which settings have specialist provision available",
    group: "Information about education at the end of week 1",
  },
  {
    code: "3.2",
    title: "Residential special schools",
    description:
      "Information about the commissioning and oversight of placements of children and young people in residential special schools",
    group: "Information about education at the end of week 1",
  },
  {
    code: "3.3",
    title: "Out-of-area placements",
    description:
      "Information about the commissioning and oversight of education settings outside the local area that provide education for the area's children and young people with EHC plans; data on the number of children and young people with SEND who are placed out of area, and the reasons for this",
    group: "Information about education at the end of week 1",
  },
  {
    code: "3.4",
    title: "Destinations",
    description:
      "Data about destinations after leaving school, including data about young people not in education, employment and training",
    group: "Information about education at the end of week 1",
  },
  {
    code: "3.5",
    title: "Part-time education timetables",
    description:
      "Data about children and young people who have EHC plans, or are in alternative provision on part-time timetables; to include the numbers of children and the timescales",
    group: "Information about education at the end of week 1",
  },
  {
    code: "3.6",
    title: "Home-to-school transport",
    description:
      "Information about the strategy for home-to-school transport, and any consultation outcomes; data on the number of children and young people with SEND who are supported, and who has requested support",
    group: "Information about education at the end of week 1",
  },
  {
    code: "3.8",
    title: "Attendance",
    description:
      "The most recent evaluation of attendance of children and young people with SEND in the local area",
    group: "Information about education at the end of week 1",
  },
  {
    code: "4.1",
    title: "Care services overview",
    description:
      "The structure of local care services, provision and teams, including details of any services in the area that have been commissioned from the community or voluntary sector for children and young people with SEND",
    group: "Information about care at the end of week 1",
  },
  {
    code: "4.2",
    title: "Short breaks",
    description:
      "The local authority short-break statement, and information on the current provision and uptake",
    group: "Information about care at the end of week 1",
  },
  {
    code: "4.3",
    title: "Thresholds, assessments and provision",
    description:
      "Information about thresholds, assessments and provision for children and young people with SEND, including early help and services for disabled children",
    group: "Information about care at the end of week 1",
  },
  {
    code: "4.4",
    title: "ILACS lists",
    description:
      "ILACS person-level data lists 2, 6, 7, 8, 9 as described in ILACS Annex A",
    group: "Information about care at the end of week 1",
  },
  {
    code: "4.5",
    title: "Virtual schools",
    description:
      "Information about the virtual school arrangements in the local area",
    group: "Information about care at the end of week 1",
  },
  {
    code: "5.1",
    title: "Performance data",
    description:
      "Performance data (including current waiting times) on delivery of: the healthy child programme, spanning early years and school-age children (previous 12 months); children and young people's mental health services 0–25 years; speech and language therapy; occupational therapy; and physiotherapy",
    group: "Information about health at the end of week 1",
  },
  {
    code: "5.2",
    title: "Pathways",
    description:
      "Pathways for referrals to health services for assessment and outcomes information or data as related to those pathways, including children and young people's mental health, therapies and child development centres",
    group: "Information about health at the end of week 1",
  },
  {
    code: "6.1",
    title: "Strategy and commissioning arrangements",
    description:
      "Information about the local authority's strategy and commissioning arrangements for alternative provision",
    group: "Information from the local authority about alternative provision at the end of week 1",
  },
  {
    code: "6.2",
    title: "Needs of children and young people",
    description:
      "Information about the needs of the children and young people in the area who are in alternative provision; information about how the local authority monitors likely future need for placements, and maintains sufficient provision",
    group: "Information from the local authority about alternative provision at the end of week 1",
  },
  {
    code: "6.3",
    title: "Settings and attendees",
    description:
      "Information about the alternative provision settings used by the local authority and the children or young people attending, including where these are part-time placements; this should include a record of all individual intervention plans for children and young people",
    group: "Information from the local authority about alternative provision at the end of week 1",
  },
  {
    code: "6.4",
    title: "Monitoring and oversight information",
    description:
      "The most recent information about the quality and performance of alternative provision settings, including outcomes for children and young people, such as destinations following alternative provision; information on how the local authority quality assures alternative provision, including relevant frameworks",
    group: "Information from the local authority about alternative provision at the end of week 1",
  },
];

export const REQUEST_CODES: ReadonlySet<string> = new Set(INFORMATION_REQUEST.map((i) => i.code));

