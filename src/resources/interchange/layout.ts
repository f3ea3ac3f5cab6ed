// The plan workbook: one sheet per kind of record, a header row, one record per row. This module is the
// single definition of that layout: the importer matches sheets and columns against it (names compared
// case-insensitively, synonyms accepted), the exporter and the template are written from it, and
// docs/spreadsheets.md describes it.
import { RAG_LABELS } from '../../domain/rag.js';
import { ACTION_STATUSES, BENEFIT_KINDS, DEPENDENCY_STATUSES, DIRECTIONS, FREQUENCIES, RAG_VALUES, REGISTER_STATUSES, STATUS_LABELS } from '../../domain/vocabulary.js';

export type Kind = 'areas' | 'projects' | 'workstreams' | 'actions' | 'risks' | 'issues' | 'dependencies' | 'benefits' | 'measures' | 'measureValues';

/** Import and export order: records are created before the rows that refer to them. */
export const KINDS: readonly Kind[] = ['areas', 'projects', 'workstreams', 'actions', 'risks', 'issues', 'dependencies', 'benefits', 'measures', 'measureValues'];

/** The kinds counted in an import's created/updated/unchanged (measures are counted apart, in `measures`). */
export const PLAN_KINDS: readonly Kind[] = KINDS.slice(0, 8);
export const MEASURE_KINDS = ['measures', 'measureValues'] as const;

export interface EnumOption {
  value: string;
  /** The word written in exported cells. */
  label: string;
  /** Other words accepted on import (compared like headers: case, spaces and punctuation ignored). */
  synonyms?: string[];
}

export type ValueType =
  | { type: 'text' }
  | { type: 'int' }
  | { type: 'number' }
  | { type: 'money' }
  | { type: 'percent' }
  | { type: 'date' }
  | { type: 'bool' }
  | { type: 'enum'; options: EnumOption[] }
  /** Dated lines, "YYYY-MM-DD: text", one update per line. */
  | { type: 'updates' }
  /** A workstream letter, "A" (also "WSA", "Workstream A", "A. Title"). */
  | { type: 'letter' }
  /** Whole numbers separated by commas, semicolons or spaces: "1, 3". */
  | { type: 'numbers' }
  /** Dated figures, "YYYY-MM-DD=value; …" (or a UK date before the "="). */
  | { type: 'milestones' };

export interface ColumnSpec {
  /** The field this column fills (API field names; areaNumber/projectCode/workstreamLetter for references). */
  key: string;
  header: string;
  synonyms: string[];
  value: ValueType;
  /** A new record cannot be created without it. */
  required?: boolean;
  /** Written on export for reading (RAG, risk score) and ignored on import. */
  computed?: boolean;
  /**
   * Left out of a one-sheet CSV export when no row has a value, so a CSV other tools already read keeps
   * its columns (always in the workbook and the template; an absent column keeps what is stored on import).
   */
  csvWhenUsed?: boolean;
  /** Excel column width in characters. */
  width: number;
  /** One line for the guide sheet and docs/spreadsheets.md. */
  note: string;
}

export interface SheetSpec {
  kind: Kind;
  name: string;
  synonyms: string[];
  /** Singular noun for messages: "action". */
  noun: string;
  /** The columns that identify a row: re-importing updates the record with the same key. */
  key: string[];
  columns: ColumnSpec[];
  description: string;
}

type Words = Omit<EnumOption, 'value'>;
/** The options of a vocabulary, in its order: every value must have its words (and nothing else may). */
const optionsOf = <T extends string>(values: readonly T[], words: Record<T, Words>): EnumOption[] => values.map((value) => ({ value, ...words[value] }));

const OPEN: Words = { label: STATUS_LABELS.open, synonyms: ['live', 'active'] };
const CLOSED: Words = { label: STATUS_LABELS.closed, synonyms: ['resolved', 'done'] };

export const STATUS_OPTIONS = optionsOf(ACTION_STATUSES, {
  'not-started': { label: STATUS_LABELS['not-started'], synonyms: ['not begun', 'to do', 'todo', 'planned', 'not yet started'] },
  'in-progress': { label: STATUS_LABELS['in-progress'], synonyms: ['started', 'ongoing', 'underway', 'under way', 'active', 'wip'] },
  complete: { label: STATUS_LABELS.complete, synonyms: ['completed', 'done', 'finished', 'closed'] },
  cancelled: { label: STATUS_LABELS.cancelled, synonyms: ['canceled', 'withdrawn', 'dropped'] },
});

export const RAG_OPTIONS = optionsOf(RAG_VALUES, {
  'on-target': { label: RAG_LABELS['on-target'], synonyms: ['green', 'g', 'on track'] },
  'at-risk': { label: RAG_LABELS['at-risk'], synonyms: ['amber', 'a', 'yellow'] },
  'off-target': { label: RAG_LABELS['off-target'], synonyms: ['red', 'r', 'off track'] },
  complete: { label: RAG_LABELS.complete, synonyms: ['blue', 'b', 'completed', 'done'] },
});

const OPEN_CLOSED = optionsOf(REGISTER_STATUSES, { open: OPEN, closed: CLOSED });

const DEPENDENCY_STATUS = optionsOf(DEPENDENCY_STATUSES, {
  open: OPEN,
  managed: { label: STATUS_LABELS.managed, synonyms: ['being managed', 'under control'] },
  escalated: { label: STATUS_LABELS.escalated },
  closed: CLOSED,
});

const BENEFIT_KIND = optionsOf(BENEFIT_KINDS, {
  cashable: { label: 'Cashable', synonyms: ['financial', 'cash'] },
  'non-cashable': { label: 'Non-cashable', synonyms: ['non cashable', 'noncashable', 'non-financial', 'non financial', 'nonfinancial'] },
});

const DIRECTION = optionsOf(DIRECTIONS, {
  'higher-is-better': { label: 'Higher is better', synonyms: ['higher', 'up', 'increase', 'up is good'] },
  'lower-is-better': { label: 'Lower is better', synonyms: ['lower', 'down', 'decrease', 'down is good'] },
});

const FREQUENCY = optionsOf(FREQUENCIES, {
  monthly: { label: 'Monthly', synonyms: ['month', 'every month'] },
  termly: { label: 'Termly', synonyms: ['term', 'each term', 'every term'] },
  quarterly: { label: 'Quarterly', synonyms: ['quarter', 'every quarter'] },
  annual: { label: 'Annual', synonyms: ['annually', 'yearly', 'year', 'every year'] },
});

const text = { type: 'text' } as const;
const date = { type: 'date' } as const;
const int = { type: 'int' } as const;
const score = (what: string) => `A whole number from 1 to 5 (${what}).`;

const REF_SYNONYMS = ['Reference', 'Ref No', 'Ref Number', 'ID', 'No', 'Number', '#'];
/** The Ref column of a project's register (risk, issue, dependency). */
const registerRefColumn = (noun: string): ColumnSpec => {
  const Noun = noun[0]!.toUpperCase() + noun.slice(1);
  return {
    key: 'ref',
    header: 'Ref',
    synonyms: [`${Noun} Ref`, `${Noun} No`, `${Noun} Number`, `${Noun} ID`, `${Noun} Reference`, ...REF_SYNONYMS],
    value: text,
    required: true,
    width: 10,
    note: `Unique in the project’s ${noun} register; with the project, identifies the ${noun}.`,
  };
};
const projectColumn = (noun: string): ColumnSpec => ({
  key: 'projectCode',
  header: 'Project',
  synonyms: ['Project Code', 'Project Ref', 'Project Reference', 'Project ID', 'Project No'],
  value: text,
  required: true,
  width: 14,
  note: `The code of the project whose ${noun} register holds it (a project of the plan, or one on the Projects sheet). May be left empty when the plan has exactly one project.`,
});
const ownerColumn = (noun: string): ColumnSpec => ({
  key: 'owner',
  header: 'Owner',
  synonyms: [`${noun} Owner`, 'Lead', 'Responsible Officer', 'Lead Officer'],
  value: text,
  width: 20,
  note: 'Who owns it.',
});
const ownerEmailColumn = (noun: string): ColumnSpec => ({
  key: 'ownerEmail',
  header: 'Owner email',
  synonyms: ['Email', 'E-mail', 'Email address', 'Owner e-mail', 'Owner email address', `${noun} Owner Email`, 'Lead Email', 'Contact Email'],
  value: text,
  csvWhenUsed: true,
  width: 28,
  note: 'The owner’s email address: where the monthly update round sends their link. Optional.',
});
const mitigationColumn: ColumnSpec = {
  key: 'mitigation',
  header: 'Mitigation',
  synonyms: ['Mitigating Action', 'Mitigation Action', 'Mitigating Actions', 'Mitigation / Remedial Action', 'Remedial Action', 'Response', 'Controls'],
  value: text,
  width: 50,
  note: 'The mitigating action.',
};

export const SHEETS: readonly SheetSpec[] = [
  {
    kind: 'areas',
    name: 'Areas',
    synonyms: ['Area', 'Areas for priority action', 'Areas of weakness', 'Priority areas', 'Key issues'],
    noun: 'area',
    key: ['number'],
    description: 'The areas for priority action (or areas of weakness) of the plan, numbered 1, 2, 3…',
    columns: [
      { key: 'number', header: 'Number', synonyms: ['Area', 'Area No', 'Area Number', 'Area Ref', 'No', '#', 'Ref'], value: int, required: true, width: 10, note: 'The area number, a whole number from 1; identifies the area.' },
      { key: 'title', header: 'Title', synonyms: ['Area Title', 'Name', 'Area for priority action', 'Area of weakness', 'Priority area', 'Key issue'], value: text, required: true, width: 80, note: 'What the area is about.' },
      { key: 'description', header: 'Description', synonyms: ['Details', 'Notes'], value: text, width: 60, note: 'Optional longer description.' },
    ],
  },
  {
    kind: 'projects',
    name: 'Projects',
    synonyms: ['Project', 'Project list', 'Programme'],
    noun: 'project',
    key: ['code'],
    description: 'Projects delivering part of the plan (e.g. PR000681 Culture of Inclusion). Actions and registers refer to them by code.',
    columns: [
      { key: 'code', header: 'Code', synonyms: ['Project Code', 'Project Ref', 'Project Reference', 'Project ID', 'Ref', 'Reference'], value: text, required: true, width: 14, note: 'The project code; identifies the project.' },
      { key: 'name', header: 'Name', synonyms: ['Project', 'Project Name', 'Title', 'Project Title'], value: text, required: true, width: 40, note: 'The project name.' },
      { key: 'author', header: 'Author', synonyms: ['Report Author', 'Project Manager', 'PM'], value: text, width: 20, note: 'Author of its highlight reports.' },
      { key: 'gatewayStage', header: 'Gateway stage', synonyms: ['Gateway', 'Stage', 'Project Stage'], value: text, width: 24, note: 'e.g. "Delivery (RIBA Stage 5)".' },
      { key: 'plannedEndDate', header: 'Planned end date', synonyms: ['Planned End', 'End Date', 'End', 'Due', 'Due Date'], value: date, width: 14, note: 'A date.' },
      { key: 'budget', header: 'Budget (£)', synonyms: ['Budget', 'Total Budget', 'Budget £', 'Budget GBP'], value: { type: 'money' }, width: 14, note: 'Pounds (a number; "£12,500" is accepted).' },
      { key: 'approver', header: 'Approver', synonyms: ['SRO', 'Senior Responsible Owner', 'Approved By'], value: text, width: 24, note: 'Who approves its highlight reports.' },
    ],
  },
  {
    kind: 'workstreams',
    name: 'Workstreams',
    synonyms: ['Workstream', 'Work streams'],
    noun: 'workstream',
    key: ['projectCode', 'letter'],
    description: 'The lettered workstreams (A, B, C…) of each project.',
    columns: [
      { ...projectColumn('workstream'), required: true, note: 'The code of the project the workstream belongs to. May be left empty when the plan has exactly one project.' },
      { key: 'letter', header: 'Letter', synonyms: ['Workstream', 'Workstream Letter', 'WS', 'Ref'], value: { type: 'letter' }, required: true, width: 10, note: 'One capital letter, unique in the project; with the project, identifies the workstream.' },
      { key: 'title', header: 'Title', synonyms: ['Name', 'Workstream Title', 'Workstream Name'], value: text, required: true, width: 50, note: 'e.g. "Collaborative Working and Effective Services".' },
      { key: 'aim', header: 'Aim', synonyms: ['Aims', 'Objective', 'Purpose'], value: text, width: 60, note: 'Optional.' },
    ],
  },
  {
    kind: 'actions',
    name: 'Actions',
    synonyms: ['Action', 'Action Plan', 'Actions Plan', 'Tasks', 'Tasks and Milestones', 'Tasks & Milestones', 'WSoA', 'Priority Actions', 'Action Tracker', 'Plan'],
    noun: 'action',
    key: ['ref'],
    description: 'The actions of the plan (e.g. "2.1") and the tasks of its projects.',
    columns: [
      { key: 'ref', header: 'Ref', synonyms: ['Action No', 'Action Number', 'Action Ref', 'Action Reference', 'Action ID', 'Task No', 'Task ID', 'Task Ref', ...REF_SYNONYMS], value: text, required: true, width: 10, note: 'The action reference, e.g. "2.1"; unique in the plan; identifies the action. Keep the column formatted as Text so "2.10" is not read as 2.1.' },
      { key: 'title', header: 'Title', synonyms: ['Action', 'Action Title', 'Action Description', 'Description', 'Task', 'Task Name', 'Name', 'What'], value: text, required: true, width: 60, note: 'What will be done.' },
      { key: 'areaNumber', header: 'Area', synonyms: ['Area No', 'Area Number', 'Area Ref', 'Priority Area', 'Area for priority action', 'Area of weakness'], value: int, width: 8, note: 'The number of the area the action belongs to (an area of the plan or one on the Areas sheet), or empty.' },
      { key: 'projectCode', header: 'Project', synonyms: ['Project Code', 'Project Ref', 'Project Reference', 'Project ID'], value: text, width: 14, note: 'The code of the project the action is a task of, or empty.' },
      { key: 'workstreamLetter', header: 'Workstream', synonyms: ['Workstream Letter', 'WS'], value: { type: 'letter' }, width: 12, note: 'The letter of a workstream of that project (needs the Project column), or empty.' },
      { key: 'responsibleOrganisation', header: 'Responsible organisation', synonyms: ['Responsible Organization', 'Organisation', 'Organization', 'Responsible Agency', 'Lead Organisation', 'Lead Organization', 'Lead Agency', 'Agency', 'Partner'], value: text, width: 16, note: 'LA, ICB, a trust, the parent carer forum…' },
      { key: 'owner', header: 'Owner', synonyms: ['Action Owner', 'Lead', 'Lead Officer', 'Responsible Officer', 'Responsible Person', 'Responsible', 'Who'], value: text, width: 20, note: 'Who leads it.' },
      { key: 'startDate', header: 'Start date', synonyms: ['Start', 'Planned Start', 'Start Date Planned', 'Date Started', 'From'], value: date, width: 12, note: 'A date; not after the due date.' },
      { key: 'dueDate', header: 'Due date', synonyms: ['End Date', 'Due', 'End', 'Deadline', 'Target Date', 'Completion Date', 'Planned End', 'Planned End Date', 'Finish', 'Finish Date', 'Due By', 'By When', 'Timescale', 'To'], value: date, required: true, width: 12, note: 'The original end date.' },
      { key: 'revisedDueDate', header: 'Revised due date', synonyms: ['Revised Date', 'Revised End Date', 'Revised Deadline', 'Revised Target Date', 'New Due Date', 'New End Date', 'Extended To', 'Revised Due'], value: date, width: 12, note: 'The extended end date, when the original has been moved.' },
      { key: 'percentComplete', header: '% complete', synonyms: ['Percent Complete', 'Percentage Complete', 'Complete %', '% Done', 'Percent', 'Progress %', '%'], value: { type: 'percent' }, width: 10, note: 'A whole number from 0 to 100 ("40%" and percentage cells are accepted). Empty means 0.' },
      { key: 'milestone', header: 'Milestone', synonyms: ['Milestone?', 'Is Milestone', 'Key Milestone', '◆'], value: { type: 'bool' }, width: 10, note: 'Yes or No (also Y/N, True/False, ◆). Empty means No.' },
      { key: 'status', header: 'Status', synonyms: ['Action Status', 'Task Status', 'Progress Status', 'State'], value: { type: 'enum', options: STATUS_OPTIONS }, width: 12, note: 'Not started, In progress, Complete or Cancelled. Empty means Not started.' },
      { key: 'rag', header: 'RAG', synonyms: ['RAG Status', 'Current RAG', 'RAG Rating', 'Effective RAG'], value: { type: 'enum', options: RAG_OPTIONS }, computed: true, width: 12, note: 'Written on export: the effective RAG status, coloured. Ignored on import (set RAG override instead).' },
      { key: 'ragOverride', header: 'RAG override', synonyms: ['Override RAG', 'RAG Override Status', 'Manual RAG', 'Overridden RAG'], value: { type: 'enum', options: RAG_OPTIONS }, width: 12, note: 'On Target, At Risk, Off Target or Complete (also Green, Amber, Red, Blue) to override the derived RAG; needs a reason.' },
      { key: 'ragOverrideReason', header: 'RAG override reason', synonyms: ['Override Reason', 'RAG Reason', 'Reason for Override', 'RAG Explanation'], value: text, width: 40, note: 'Why the RAG is overridden.' },
      { key: 'delayReason', header: 'Delay reason', synonyms: ['Reason', 'Reason for Delay', 'Delay', 'Why Delayed', 'Reason for Slippage', 'Slippage Reason'], value: text, width: 50, note: 'Why the action is behind schedule.' },
      { key: 'mitigation', header: 'Mitigation', synonyms: ['Mitigation / Remedial Action', 'Remedial Action', 'Mitigating Action', 'Mitigation Action', 'Mitigations'], value: text, width: 50, note: 'Mitigation or remedial action.' },
      ownerEmailColumn('Action'),
    ],
  },
  {
    kind: 'risks',
    name: 'Risks',
    synonyms: ['Risk', 'Risk Register', 'Risk Log', 'Risks Register', 'Risks Log'],
    noun: 'risk',
    key: ['projectCode', 'ref'],
    description: 'The risk registers of the projects.',
    columns: [
      projectColumn('risk'),
      registerRefColumn('risk'),
      ownerColumn('Risk'),
      { key: 'description', header: 'Description', synonyms: ['Risk', 'Risk Description', 'Risk Title'], value: text, required: true, width: 50, note: 'The risk.' },
      { key: 'impactDescription', header: 'Impact description', synonyms: ['Impact Description', 'Consequence', 'Consequences', 'Effect', 'Impact on project'], value: text, width: 40, note: 'What happens if it occurs.' },
      { key: 'likelihood', header: 'Likelihood', synonyms: ['Probability', 'L', 'Likelihood Score'], value: int, required: true, width: 10, note: score('1 rare – 5 almost certain') },
      { key: 'impact', header: 'Impact', synonyms: ['Impact Score', 'Severity', 'I'], value: int, required: true, width: 10, note: score('1 negligible – 5 severe') },
      { key: 'score', header: 'Score', synonyms: ['Risk Score', 'Rating', 'Risk Rating', 'L x I'], value: int, computed: true, width: 8, note: 'Written on export: likelihood × impact. Ignored on import.' },
      { key: 'status', header: 'Status', synonyms: ['Risk Status', 'State'], value: { type: 'enum', options: OPEN_CLOSED }, width: 10, note: 'Open or Closed. Empty means Open.' },
      mitigationColumn,
      { key: 'targetResolutionDate', header: 'Target resolution date', synonyms: ['Target Date', 'Target Date for Resolution', 'Resolution Date', 'Target Resolution', 'Due', 'Due Date', 'Review Date'], value: date, width: 14, note: 'A date.' },
      ownerEmailColumn('Risk'),
    ],
  },
  {
    kind: 'issues',
    name: 'Issues',
    synonyms: ['Issue', 'Issue Register', 'Issue Log', 'Issues Register', 'Issues Log'],
    noun: 'issue',
    key: ['projectCode', 'ref'],
    description: 'The issue registers of the projects.',
    columns: [
      projectColumn('issue'),
      registerRefColumn('issue'),
      ownerColumn('Issue'),
      { key: 'description', header: 'Description', synonyms: ['Issue', 'Issue Description', 'Issue Title'], value: text, required: true, width: 50, note: 'The issue.' },
      { key: 'impactDescription', header: 'Impact description', synonyms: ['Impact Description', 'Consequence', 'Consequences', 'Effect', 'Impact on project'], value: text, width: 40, note: 'Its effect.' },
      { key: 'impactScore', header: 'Impact score', synonyms: ['Impact', 'Score', 'Severity', 'Priority'], value: int, required: true, width: 10, note: score('1 negligible – 5 severe') },
      { key: 'status', header: 'Status', synonyms: ['Issue Status', 'State'], value: { type: 'enum', options: OPEN_CLOSED }, width: 10, note: 'Open or Closed. Empty means Open.' },
      mitigationColumn,
      { key: 'resolutionDate', header: 'Resolution date', synonyms: ['Absolute Resolution Date', 'Target Resolution Date', 'Target Date', 'Resolve By', 'Resolved By', 'Due', 'Due Date'], value: date, width: 14, note: 'The absolute resolution date.' },
      ownerEmailColumn('Issue'),
    ],
  },
  {
    kind: 'dependencies',
    name: 'Dependencies',
    synonyms: ['Dependency', 'Dependency Register', 'Dependency Log', 'Dependencies Register', 'Dependencies Log'],
    noun: 'dependency',
    key: ['projectCode', 'ref'],
    description: 'The dependency registers of the projects.',
    columns: [
      projectColumn('dependency'),
      registerRefColumn('dependency'),
      ownerColumn('Dependency'),
      { key: 'description', header: 'Description', synonyms: ['Dependency', 'Dependency Description', 'Dependency Title'], value: text, required: true, width: 50, note: 'What the project depends on.' },
      { key: 'impactScore', header: 'Impact score', synonyms: ['Impact', 'Score', 'Severity'], value: int, required: true, width: 10, note: score('1 negligible – 5 severe') },
      { key: 'status', header: 'Status', synonyms: ['Dependency Status', 'State'], value: { type: 'enum', options: DEPENDENCY_STATUS }, width: 12, note: 'Open, Managed, Escalated or Closed. Empty means Open.' },
      mitigationColumn,
      { key: 'targetResolutionDate', header: 'Target resolution date', synonyms: ['Target Date', 'Target Date for Resolution', 'Resolution Date', 'Target Resolution', 'Due', 'Due Date'], value: date, width: 14, note: 'A date.' },
      { key: 'updates', header: 'Updates', synonyms: ['Update', 'Progress Updates', 'Progress', 'Mitigation Updates', 'Latest Update'], value: { type: 'updates' }, width: 60, note: 'Dated updates, one per line: "2022-05-01: text" (or "01/05/2022: text"). A line without a date continues the update above it.' },
      ownerEmailColumn('Dependency'),
    ],
  },
  {
    kind: 'benefits',
    name: 'Benefits',
    synonyms: ['Benefit', 'Benefits Register', 'Benefit Register', 'Benefits Log', 'Benefits Realisation'],
    noun: 'benefit',
    key: ['projectCode', 'ref'],
    description: 'The benefits (cashable and non-cashable) of the projects.',
    columns: [
      projectColumn('benefit'),
      { key: 'ref', header: 'Ref', synonyms: ['Benefit Ref', 'Benefit No', 'Benefit Number', 'Benefit ID', 'Benefit Reference', ...REF_SYNONYMS], value: text, required: true, width: 14, note: 'e.g. "BEN.681.03"; unique in the project’s benefits; with the project, identifies the benefit.' },
      ownerColumn('Benefit'),
      { key: 'description', header: 'Description', synonyms: ['Benefit', 'Benefit Description', 'Benefit Title'], value: text, required: true, width: 50, note: 'The benefit.' },
      { key: 'kind', header: 'Kind', synonyms: ['Type', 'Benefit Type', 'Benefit Kind', 'Cashable?', 'Category'], value: { type: 'enum', options: BENEFIT_KIND }, required: true, width: 14, note: 'Cashable or Non-cashable.' },
      { key: 'valueGbpThousands', header: 'Value (£k)', synonyms: ['Value', 'Value £k', 'Value GBP thousands', '£k', 'Cashable Value', 'Value (£000s)', 'Value £000'], value: { type: 'money' }, width: 12, note: 'Cashable value in thousands of pounds.' },
      { key: 'targetDate', header: 'Target date', synonyms: ['Target', 'Due', 'Due Date', 'Realisation Date', 'Expected By'], value: date, width: 14, note: 'A date.' },
      ownerEmailColumn('Benefit'),
    ],
  },
];

/**
 * The plan's measures (KPIs) and their figures: read like the sheets above, exported when the plan has
 * measures, and in the template when asked for (?sheets=measures,measureValues).
 */
export const MEASURE_SHEETS: readonly SheetSpec[] = [
  {
    kind: 'measures',
    name: 'Measures',
    synonyms: ['Measure', 'KPIs', 'KPI', 'Indicators', 'Performance measures', 'Impact measures'],
    noun: 'measure',
    key: ['ref'],
    description: 'The measures (KPIs) of the plan: definition, unit, direction, trajectory from baseline through milestones to target. Their values go on the Measure values sheet.',
    columns: [
      { key: 'ref', header: 'Ref', synonyms: ['Measure Ref', 'Measure No', 'Measure ID', 'KPI Ref', 'KPI No', 'Reference', 'ID', 'No', '#'], value: text, required: true, width: 10, note: 'e.g. "M2.1"; unique in the plan; identifies the measure.' },
      { key: 'title', header: 'Title', synonyms: ['Measure', 'Measure Title', 'KPI', 'Indicator', 'Name'], value: text, required: true, width: 50, note: 'What is measured, in a line.' },
      { key: 'definition', header: 'Definition', synonyms: ['Measure Definition', 'How Measured', 'Description'], value: text, required: true, width: 60, note: 'What is counted, over what, and whether exceptions are excluded. A changed definition is kept in the measure’s history.' },
      { key: 'unit', header: 'Unit', synonyms: ['Units', 'Unit of Measure'], value: text, required: true, width: 10, note: '"%", "days", "per 10,000"…' },
      { key: 'direction', header: 'Direction', synonyms: ['Polarity', 'Good Is', 'Better Is'], value: { type: 'enum', options: DIRECTION }, required: true, width: 16, note: 'Higher is better or Lower is better.' },
      { key: 'source', header: 'Source', synonyms: ['Data Source', 'Data From'], value: text, width: 30, note: 'Where the figures come from.' },
      { key: 'frequency', header: 'Frequency', synonyms: ['Reporting Frequency', 'How Often', 'Periodicity'], value: { type: 'enum', options: FREQUENCY }, width: 12, note: 'Monthly, Termly, Quarterly or Annual.' },
      { key: 'areaNumbers', header: 'Areas', synonyms: ['Area', 'Area Numbers', 'Area Nos', 'Priority Areas'], value: { type: 'numbers' }, width: 10, note: 'The numbers of the areas it shows progress in, e.g. "1, 3" (areas of the plan or on the Areas sheet).' },
      { key: 'baselineValue', header: 'Baseline value', synonyms: ['Baseline', 'Baseline Figure'], value: { type: 'number' }, width: 12, note: 'The figure before the plan; with its period.' },
      { key: 'baselinePeriod', header: 'Baseline period', synonyms: ['Baseline Date', 'Baseline As At', 'Baseline Period End'], value: date, width: 14, note: 'The end of the period the baseline measured (a date).' },
      { key: 'targetValue', header: 'Target value', synonyms: ['Target', 'Target Figure'], value: { type: 'number' }, width: 12, note: 'The figure aimed for; with its date.' },
      { key: 'targetBy', header: 'Target by', synonyms: ['Target Date', 'Target By Date', 'By When'], value: date, width: 14, note: 'When the target is to be reached (a date).' },
      { key: 'tolerance', header: 'Tolerance', synonyms: ['Tolerance (unit)', 'Amber Tolerance'], value: { type: 'number' }, width: 10, note: 'How far (in the unit) worse than expected is still At Risk rather than Off Target. Empty means 0.' },
      { key: 'milestones', header: 'Milestones', synonyms: ['Milestone Targets', 'Trajectory', 'Interim Targets'], value: { type: 'milestones' }, width: 40, note: 'Targets on the way, dates ascending: "2023-03-31=60; 2023-09-30=70" (or 31/03/2023=60).' },
    ],
  },
  {
    kind: 'measureValues',
    name: 'Measure values',
    synonyms: ['Measure value', 'KPI values', 'Values', 'Measure data', 'KPI data', 'Figures'],
    noun: 'measure value',
    key: ['measureRef', 'period'],
    description: 'The figures of the measures, one per measure and period.',
    columns: [
      { key: 'measureRef', header: 'Measure ref', synonyms: ['Measure', 'Measure Reference', 'KPI Ref', 'KPI', 'Ref'], value: text, required: true, width: 12, note: 'The Ref of a measure of the plan (or one on the Measures sheet).' },
      { key: 'period', header: 'Period', synonyms: ['Period End', 'Period Ending', 'As At', 'Date', 'Month'], value: date, required: true, width: 14, note: 'The end of the period measured (a date); with the measure, identifies the value.' },
      { key: 'value', header: 'Value', synonyms: ['Figure', 'Actual', 'Result'], value: { type: 'number' }, required: true, width: 12, note: 'The figure, in the measure’s unit.' },
      { key: 'note', header: 'Note', synonyms: ['Notes', 'Comment', 'Commentary'], value: text, width: 50, note: 'Optional: what explains the figure.' },
    ],
  },
];

/** Header and sheet names compared without case, spaces or punctuation: "Action No." = "action no". */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[£%◆#]/g, (c) => ` ${c} `)
    .replace(/[^a-z0-9£%◆#]+/g, ' ')
    .trim();
}

/** Every sheet the importer reads. */
export const ALL_SHEETS: readonly SheetSpec[] = [...SHEETS, ...MEASURE_SHEETS];

export const sheetSpec = (kind: Kind): SheetSpec => ALL_SHEETS.find((s) => s.kind === kind)!;

const sheetIndex = new Map<string, SheetSpec>();
for (const s of ALL_SHEETS) for (const n of [s.name, s.kind, ...s.synonyms]) sheetIndex.set(normaliseName(n), s);

/** The sheet a worksheet name stands for, if any ("Risk Register" → risks). */
export function sheetForName(name: string): SheetSpec | undefined {
  return sheetIndex.get(normaliseName(name));
}

const columnIndexes = new Map<Kind, Map<string, ColumnSpec>>();
for (const s of ALL_SHEETS) {
  const index = new Map<string, ColumnSpec>();
  for (const c of s.columns) {
    for (const n of [c.header, c.key, ...c.synonyms]) {
      const k = normaliseName(n);
      const clash = index.get(k);
      if (clash && clash !== c) throw new Error(`Layout: "${n}" names both ${clash.key} and ${c.key} on ${s.name}`);
      index.set(k, c);
    }
  }
  columnIndexes.set(s.kind, index);
}

/** The column a header stands for on a sheet, if any ("End Date" on Actions → dueDate). */
export function columnForHeader(kind: Kind, header: string): ColumnSpec | undefined {
  return columnIndexes.get(kind)!.get(normaliseName(header));
}

/** The option a cell names, matched like headers against values, labels and synonyms. */
export function enumOption(options: EnumOption[], raw: string): EnumOption | undefined {
  const n = normaliseName(raw);
  return options.find((o) => [o.value, o.label, ...(o.synonyms ?? [])].some((w) => normaliseName(w) === n));
}

/** The label an exported cell shows for a stored enum value. */
export function enumLabel(options: EnumOption[], value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return options.find((o) => o.value === value)?.label ?? value;
}
