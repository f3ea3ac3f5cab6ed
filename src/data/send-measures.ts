// A starter set of SEND measure DEFINITIONS a plan can adopt (POST …/measures with one of these, then add its
// own baseline, milestones, target and values). Definitions only: no figure here is anyone's data.
// Facts: a final EHC plan is due within 20 weeks of the request (SEND Regulations 2014, reg. 13), with
// exceptions (reg. 13(3)); official figures are published both with and without the exception cases, so
// each timeliness measure says which it is. Advice for an EHC needs assessment is due within 6 weeks.

import type { Direction } from '../domain/vocabulary.js';

export interface MeasureDefinition {
  ref: string;
  title: string;
  definition: string;
  unit: string;
  direction: Direction;
  frequency: 'monthly' | 'termly' | 'quarterly' | 'annual';
  source: string;
}

export const SEND_MEASURE_DEFINITIONS: readonly MeasureDefinition[] = [
  {
    ref: 'EHCP-20WK-EXCL',
    title: 'New EHC plans issued within 20 weeks (excluding exceptions)',
    definition:
      'Of the new final EHC plans issued in the period, excluding cases where an exception to the 20-week time limit applied (SEND Regulations 2014, reg. 13(3)), the percentage issued within 20 weeks of the request for an EHC needs assessment.',
    unit: '%',
    direction: 'higher-is-better',
    frequency: 'monthly',
    source: 'Local authority case management system (as reported in the SEN2 return)',
  },
  {
    ref: 'EHCP-20WK-INCL',
    title: 'New EHC plans issued within 20 weeks (including exceptions)',
    definition:
      'Of all new final EHC plans issued in the period, including cases where an exception to the 20-week time limit applied, the percentage issued within 20 weeks of the request for an EHC needs assessment.',
    unit: '%',
    direction: 'higher-is-better',
    frequency: 'monthly',
    source: 'Local authority case management system (as reported in the SEN2 return)',
  },
  {
    ref: 'ADVICE-6WK-HEALTH',
    title: 'Health advice returned within 6 weeks',
    definition:
      'Of the requests for health advice for EHC needs assessments whose 6-week deadline fell in the period, the percentage returned to the local authority within 6 weeks of the request.',
    unit: '%',
    direction: 'higher-is-better',
    frequency: 'monthly',
    source: 'Integrated care board / designated clinical officer tracker',
  },
  {
    ref: 'ADVICE-6WK-EP',
    title: 'Educational psychology advice returned within 6 weeks',
    definition:
      'Of the requests for educational psychology advice for EHC needs assessments whose 6-week deadline fell in the period, the percentage returned within 6 weeks of the request.',
    unit: '%',
    direction: 'higher-is-better',
    frequency: 'monthly',
    source: 'Educational psychology service records',
  },
  {
    ref: 'ADVICE-6WK-SC',
    title: 'Social care advice returned within 6 weeks',
    definition:
      'Of the requests for social care advice for EHC needs assessments whose 6-week deadline fell in the period, the percentage returned within 6 weeks of the request.',
    unit: '%',
    direction: 'higher-is-better',
    frequency: 'monthly',
    source: 'Children’s social care records',
  },
  {
    ref: 'SUSP-SENS',
    title: 'Suspensions of pupils on SEN support',
    definition: 'Suspensions (fixed-period exclusions) of pupils receiving SEN support in the area’s schools in the period, as a rate per 100 pupils on SEN support.',
    unit: 'per 100 pupils',
    direction: 'lower-is-better',
    frequency: 'termly',
    source: 'School census and exclusions returns',
  },
  {
    ref: 'SUSP-EHCP',
    title: 'Suspensions of pupils with EHC plans',
    definition: 'Suspensions (fixed-period exclusions) of pupils with an EHC plan in the area’s schools in the period, as a rate per 100 pupils with an EHC plan.',
    unit: 'per 100 pupils',
    direction: 'lower-is-better',
    frequency: 'termly',
    source: 'School census and exclusions returns',
  },
  {
    ref: 'ABS-SENS',
    title: 'Overall absence of pupils on SEN support',
    definition: 'Sessions missed through authorised and unauthorised absence by pupils on SEN support, as a percentage of possible sessions in the period.',
    unit: '%',
    direction: 'lower-is-better',
    frequency: 'termly',
    source: 'School census attendance data',
  },
  {
    ref: 'ABS-EHCP',
    title: 'Overall absence of pupils with EHC plans',
    definition: 'Sessions missed through authorised and unauthorised absence by pupils with an EHC plan, as a percentage of possible sessions in the period.',
    unit: '%',
    direction: 'lower-is-better',
    frequency: 'termly',
    source: 'School census attendance data',
  },
  {
    ref: 'PCF-EXPERIENCE',
    title: 'Parent carers rating their experience good or better',
    definition:
      'Of the parent carers who answered the question in the period’s survey, the percentage rating their experience of SEND services in the area as good or better (state the survey and the question used).',
    unit: '%',
    direction: 'higher-is-better',
    frequency: 'annual',
    source: 'Parent carer forum survey',
  },
  {
    ref: 'AHC-14-25',
    title: 'Annual health checks for 14–25 year olds with a learning disability',
    definition: 'Of the people aged 14 to 25 on GP learning disability registers, the percentage who had an annual health check in the last 12 months.',
    unit: '%',
    direction: 'higher-is-better',
    frequency: 'quarterly',
    source: 'NHS England learning disability health check data',
  },
];
