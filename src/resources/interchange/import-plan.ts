// Import planning: every row of every sheet is parsed, validated (cells, the resources' own zod schemas,
// references between sheets and to the plan, and — as a pre-check in the sheet's words — the action rules
// the actions service enforces again on writing) and compared by reference with the plan's current records. The result is either a list of problems (then nothing may be written) or the list of
// creates and updates to apply — which is also what a dry run shows.
import type { z } from 'zod';
import { actionRuleBreaches, type ActionRuleInput } from '../../domain/action-rules.js';
import { CreateAction } from '../actions/schemas.js';
import { CreateArea } from '../areas/schemas.js';
import { CreateProject, CreateWorkstream } from '../projects/schemas.js';
import { CreateMeasure, CreateMeasureValue, Figure } from '../measures/schemas.js';
import { CreateBenefit, CreateDependency, CreateIssue, CreateRisk } from '../registers/schemas.js';
import { IsoDate } from '../../shared/schemas.js';
import { parseCell, shown } from './cells.js';
import { KINDS, sheetSpec, type ColumnSpec, type Kind } from './layout.js';
import { displayKey, mapKey, PlanKeys, REGISTER_KINDS, type AnyRow, type PlanData, type RegisterKind } from './plan-data.js';
import { sheetProblem, type SheetProblem } from './problems.js';
import type { ReadSheet, ReadWorkbook } from './read.js';

/** Columns that name another record rather than hold a field. */
export const REFERENCE_KEYS = new Set(['areaNumber', 'projectCode', 'workstreamLetter', 'areaNumbers', 'measureRef']);

/** A measure as its sheet holds it: the API's fields, with baseline and target in two columns each. */
const MeasureSheetRow = CreateMeasure.pick({ ref: true, title: true, definition: true, unit: true, direction: true, source: true, frequency: true, tolerance: true, milestones: true }).extend({
  baselineValue: Figure.nullish(),
  baselinePeriod: IsoDate.nullish(),
  targetValue: Figure.nullish(),
  targetBy: IsoDate.nullish(),
});

/** The zod schema each kind's fields must satisfy: the same as the API's create bodies. */
const SCHEMAS: Record<Kind, z.ZodType> = {
  areas: CreateArea,
  projects: CreateProject,
  workstreams: CreateWorkstream,
  actions: CreateAction.omit({ areaId: true, projectId: true, workstreamId: true }),
  risks: CreateRisk,
  issues: CreateIssue,
  dependencies: CreateDependency,
  benefits: CreateBenefit,
  measures: MeasureSheetRow,
  measureValues: CreateMeasureValue,
};

/** Fields with a default: an empty cell means the default (0 %, not a milestone, not started / open, no updates). */
const DEFAULTED = new Set(['percentComplete', 'milestone', 'status', 'updates', 'tolerance', 'milestones']);

/** The stored fields a kind's sheet holds (its columns less references and computed ones). */
export const dataFields = (kind: Kind): string[] =>
  sheetSpec(kind)
    .columns.filter((c) => !c.computed && !REFERENCE_KEYS.has(c.key))
    .map((c) => c.key);

export interface FieldChange {
  field: string;
  /** The column's header (as in the file). */
  column: string;
  from: unknown;
  to: unknown;
}

export type Operation = 'create' | 'update' | 'unchanged';

export interface RowPlan {
  kind: Kind;
  sheet: string;
  row: number;
  /** The reference as people read it: "2.1", "PR000681 00011". */
  key: string;
  operation: Operation;
  /** The stored record (update, unchanged). */
  id: string | null;
  version: number | null;
  /** Every field of the record as it will be, plus its reference columns (areaNumber, projectCode, workstreamLetter). */
  values: Record<string, unknown>;
  changes: FieldChange[];
}

/** Where each sheet's columns are in the file, by field: to place a problem found when writing. */
export type SheetColumns = Record<string, Record<string, { index: number; header: string }>>;

export interface ImportPlan {
  rows: RowPlan[];
  problems: SheetProblem[];
  warnings: SheetProblem[];
  columns: SheetColumns;
}

export type Progress = (stage: 'validating' | 'applying', done: number, total: number) => void;

const INVALID = Symbol('invalid cell');

export function planImport(read: ReadWorkbook, data: PlanData, onProgress?: Progress): ImportPlan {
  const planner = new Planner(data, read, onProgress);
  return planner.run();
}

class Planner {
  private readonly keys: PlanKeys;
  private readonly problems: SheetProblem[];
  private readonly rows: RowPlan[] = [];
  private readonly existing = new Map<Kind, Map<string, AnyRow>>();
  private readonly areaNumbers: Set<number>;
  private readonly measureRefs: Set<string>;
  private readonly projectCodes: Set<string>;
  private readonly workstreamLetters = new Map<string, Set<string>>();
  private readonly total: number;
  private done = 0;

  constructor(
    private readonly data: PlanData,
    private readonly read: ReadWorkbook,
    private readonly onProgress?: Progress,
  ) {
    this.keys = new PlanKeys(data);
    this.problems = [...read.problems];
    for (const kind of KINDS) {
      const index = new Map<string, AnyRow>();
      for (const row of data[kind] as AnyRow[]) index.set(mapKey(kind, { ...row, ...this.keys.refsOf(kind, row) }), row);
      this.existing.set(kind, index);
    }
    this.areaNumbers = new Set(data.areas.map((a) => a.number));
    this.projectCodes = new Set(data.projects.map((p) => p.code));
    this.measureRefs = new Set(data.measures.map((m) => m.ref));
    for (const w of data.workstreams) this.lettersOf(this.keys.projectCodeById.get(w.projectId)!).add(w.letter);
    this.total = read.rowCount;
  }

  run(): ImportPlan {
    const byKind = new Map(this.read.sheets.map((s) => [s.spec.kind, s]));
    for (const kind of KINDS) {
      const sheet = byKind.get(kind);
      if (sheet) this.planSheet(sheet);
    }
    this.onProgress?.('validating', this.total, this.total);
    return { rows: this.rows, problems: this.problems, warnings: this.read.warnings, columns: sheetColumns(this.read) };
  }

  private lettersOf(code: string): Set<string> {
    let s = this.workstreamLetters.get(code);
    if (!s) this.workstreamLetters.set(code, (s = new Set()));
    return s;
  }

  /** A project code as stored: exact, else the one code that matches ignoring case. */
  private knownProjectCode(code: string): string | undefined {
    if (this.projectCodes.has(code)) return code;
    const matches = [...this.projectCodes].filter((c) => c.toLowerCase() === code.toLowerCase());
    return matches.length === 1 ? matches[0] : undefined;
  }

  private planSheet(sheet: ReadSheet): void {
    const { spec } = sheet;
    const kind = spec.kind;
    const noun = spec.noun;
    const fields = dataFields(kind);
    const seen = new Map<string, number>();
    const missingColumns = new Map<string, number[]>();
    const col = (key: string) => sheet.columns.get(key) ?? null;
    const nameOf = (key: string) => col(key)?.header ?? spec.columns.find((c) => c.key === key)?.header ?? key;

    for (const row of sheet.rows) {
      if (++this.done % 500 === 0) this.onProgress?.('validating', this.done, this.total);
      const problem = (key: string | null, message: string) => {
        const c = key ? col(key) : null;
        this.problems.push(sheetProblem(sheet.name, row.row, c, message, key && !c ? nameOf(key) : undefined));
      };
      const bad = new Set<string>();
      const cells: Record<string, unknown> = {};
      for (const [key, c] of sheet.columns) {
        if (c.spec.computed) continue;
        const parsed = parseCell(row.cells.get(key) ?? { value: null }, c.spec, c.header);
        if (parsed.ok) cells[key] = parsed.value;
        else {
          problem(key, parsed.message);
          bad.add(key);
          cells[key] = INVALID;
        }
      }

      // References are compared without surrounding spaces ("2.1 " is 2.1), as the API stores them.
      for (const k of ['ref', 'code', 'projectCode', 'measureRef']) if (typeof cells[k] === 'string') cells[k] = (cells[k] as string).trim();

      // The project of a workstream or register entry: its code, or the plan's only project.
      if (spec.key.includes('projectCode') && !bad.has('projectCode')) {
        const code = cells.projectCode as string | null | undefined;
        if (code === null || code === undefined) {
          if (this.projectCodes.size === 1) cells.projectCode = [...this.projectCodes][0];
          else if (!col('projectCode') && this.projectCodes.size > 1) {
            this.noteMissingColumn(missingColumns, 'projectCode', row.row);
            bad.add('projectCode');
          } else {
            problem(
              'projectCode',
              this.projectCodes.size === 0
                ? `${nameOf('projectCode')} is empty and the plan has no projects; add the project to the Projects sheet and give its code here`
                : `${nameOf('projectCode')} is empty; say which project (by its code) this ${noun} belongs to`,
            );
            bad.add('projectCode');
          }
        } else {
          const known = this.knownProjectCode(code);
          if (known) cells.projectCode = known;
          else {
            problem('projectCode', `${nameOf('projectCode')} '${code}' is not a project of this plan; add it to the Projects sheet or correct the code`);
            bad.add('projectCode');
          }
        }
      }

      // The row's key must be there and appear once on the sheet.
      const keyFields = spec.key;
      let keyOk = true;
      for (const k of keyFields) {
        if (bad.has(k)) keyOk = false;
        else if (cells[k] === null || cells[k] === undefined) {
          if (col(k)) problem(k, `${nameOf(k)} is empty; every ${noun} needs one to be found again on the next import`);
          keyOk = false;
        }
      }
      if (!keyOk) {
        const missing = keyFields.filter((k) => !col(k) && k !== 'projectCode');
        for (const k of missing) this.noteMissingColumn(missingColumns, k, row.row);
        continue;
      }
      const keyValues = Object.fromEntries(keyFields.map((k) => [k, cells[k]]));
      const mk = mapKey(kind, keyValues);
      const shownKey = displayKey(kind, keyValues);
      const firstRow = seen.get(mk);
      if (firstRow !== undefined) {
        problem(keyFields[keyFields.length - 1]!, `${capitalise(noun)} ${shownKey} is also on row ${firstRow}; each ${noun} may appear only once`);
        continue;
      }
      seen.set(mk, row.row);
      // Later sheets may refer to it even if this row has other problems (so one mistake is reported once).
      if (kind === 'areas') this.areaNumbers.add(cells.number as number);
      if (kind === 'projects') this.projectCodes.add(cells.code as string);
      if (kind === 'workstreams') this.lettersOf(cells.projectCode as string).add(cells.letter as string);
      if (kind === 'measures') this.measureRefs.add(cells.ref as string);

      const existing = this.existing.get(kind)!.get(mk);
      const base: Record<string, unknown> = existing ? { ...pick(existing as Record<string, unknown>, fields), ...this.keys.refsOf(kind, existing) } : {};
      const candidate: Record<string, unknown> = { ...base };
      for (const [k, v] of Object.entries(cells)) {
        if (v === INVALID) continue;
        candidate[k] = v === null && DEFAULTED.has(k) ? undefined : v;
      }
      if (!existing) {
        for (const c of spec.columns) {
          if (c.required && !c.computed && c.key !== 'projectCode' && !col(c.key) && !keyFields.includes(c.key)) this.noteMissingColumn(missingColumns, c.key, row.row);
        }
      }

      // Fields: the API's own schema.
      const input = Object.fromEntries(fields.filter((f) => !bad.has(f)).map((f) => [f, candidate[f]]));
      const parsed = SCHEMAS[kind].safeParse(input);
      let rowOk = bad.size === 0;
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '');
          if (bad.has(field) || (!existing && !col(field) && missingColumns.has(field))) continue;
          const columnSpec = spec.columns.find((c) => c.key === field);
          problem(col(field) ? field : null, describeIssue(issue, columnSpec, nameOf(field), input[field], noun, !col(field)));
          rowOk = false;
        }
      }
      const values: Record<string, unknown> = { ...Object.fromEntries(fields.map((f) => [f, null])), ...(parsed.success ? (parsed.data as object) : input) };
      for (const k of REFERENCE_KEYS) if (k in candidate) values[k] = candidate[k] ?? null;

      // References and the rules that span fields.
      if (kind === 'actions') rowOk = this.checkAction(values, bad, problem, nameOf) && rowOk;
      if (kind === 'measures') rowOk = this.checkMeasure(values, bad, problem, nameOf) && rowOk;
      if (kind === 'measureValues' && !this.measureRefs.has(values.measureRef as string)) {
        problem('measureRef', `${nameOf('measureRef')} '${String(values.measureRef)}' is not a measure of this plan; add it to the Measures sheet or correct the ref`);
        rowOk = false;
      }
      if (!rowOk) continue;

      const changes: FieldChange[] = [];
      if (existing) {
        for (const [k, to] of Object.entries(values)) {
          const from = base[k] ?? null;
          if (!sameValue(from, to)) changes.push({ field: k, column: nameOf(k), from, to });
        }
      }
      this.rows.push({
        kind,
        sheet: sheet.name,
        row: row.row,
        key: shownKey,
        operation: existing ? (changes.length ? 'update' : 'unchanged') : 'create',
        id: existing?.id ?? null,
        version: existing?.version ?? null,
        values,
        changes,
      });
    }

    for (const [key, rows] of missingColumns) {
      const c = spec.columns.find((x) => x.key === key)!;
      const also = c.synonyms.slice(0, 3).map((s) => `'${s}'`).join(', ');
      const why =
        key === 'projectCode'
          ? `and the plan has ${this.projectCodes.size} projects, so each ${noun} must name its project by code (${describeRows(rows)})`
          : `which every new ${noun} needs (${describeRows(rows)})`;
      this.problems.push(sheetProblem(sheet.name, null, null, `The ${sheet.name} sheet has no '${c.header}' column (also accepted: ${also}…), ${why}`, c.header));
    }
  }

  private noteMissingColumn(map: Map<string, number[]>, key: string, row: number) {
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }

  private checkAction(
    v: Record<string, unknown>,
    bad: Set<string>,
    problem: (key: string | null, message: string) => void,
    nameOf: (key: string) => string,
  ): boolean {
    let ok = true;
    const fail = (key: string, message: string) => {
      problem(key, message);
      ok = false;
    };
    const area = v.areaNumber as number | null | undefined;
    if (area !== null && area !== undefined && !bad.has('areaNumber') && !this.areaNumbers.has(area)) {
      fail('areaNumber', `${nameOf('areaNumber')} ${area} is not an area of this plan${this.areaList()}; add it to the Areas sheet or correct the number`);
    }
    let project = v.projectCode as string | null | undefined;
    if (project !== null && project !== undefined && !bad.has('projectCode')) {
      const known = this.knownProjectCode(project);
      if (known) v.projectCode = project = known;
      else fail('projectCode', `${nameOf('projectCode')} '${project}' is not a project of this plan; add it to the Projects sheet or correct the code`);
    }
    const letter = v.workstreamLetter as string | null | undefined;
    if (letter && !bad.has('workstreamLetter') && !bad.has('projectCode')) {
      if (!project) fail('workstreamLetter', `${nameOf('workstreamLetter')} '${letter}' needs the code of its project in the ${nameOf('projectCode')} column of the same row`);
      else if (this.projectCodes.has(project) && !this.lettersOf(project).has(letter)) {
        const letters = [...this.lettersOf(project)].sort().join(', ');
        fail('workstreamLetter', `${nameOf('workstreamLetter')} '${letter}' is not a workstream of project ${project}${letters ? ` (it has ${letters})` : ''}; add it to the Workstreams sheet`);
      }
    }
    // The action rules themselves are the actions service's (it enforces them again when the row is
    // written); run here so that every row's breaches are listed at once, in the sheet's words.
    for (const b of actionRuleBreaches(v as ActionRuleInput)) {
      if (b.rule === 'start-after-due') fail('startDate', `${nameOf('startDate')} ${uk(b.startDate)} is after the ${nameOf('dueDate')} ${uk(b.dueDate)}`);
      else if (b.rule === 'revised-before-start') fail('revisedDueDate', `${nameOf('revisedDueDate')} ${uk(b.revisedDueDate)} is before the ${nameOf('startDate')} ${uk(b.startDate)}`);
      else fail('ragOverrideReason', `${nameOf('ragOverride')} is set, so ${nameOf('ragOverrideReason')} must say why`);
    }
    return ok;
  }

  private checkMeasure(
    v: Record<string, unknown>,
    bad: Set<string>,
    problem: (key: string | null, message: string) => void,
    nameOf: (key: string) => string,
  ): boolean {
    let ok = true;
    const numbers = (v.areaNumbers as number[] | null) ?? [];
    v.areaNumbers = numbers;
    const unknown = bad.has('areaNumbers') ? [] : numbers.filter((n) => !this.areaNumbers.has(n));
    if (unknown.length) {
      problem('areaNumbers', `${nameOf('areaNumbers')} ${unknown.join(', ')} ${unknown.length === 1 ? 'is not an area' : 'are not areas'} of this plan${this.areaList()}; add ${unknown.length === 1 ? 'it' : 'them'} to the Areas sheet or correct the numbers`);
      ok = false;
    }
    // A figure and its date go together.
    for (const [figure, date] of [
      ['baselineValue', 'baselinePeriod'],
      ['targetValue', 'targetBy'],
    ] as const) {
      const hasFigure = v[figure] !== null && v[figure] !== undefined;
      const hasDate = v[date] !== null && v[date] !== undefined;
      if (hasFigure !== hasDate && !bad.has(figure) && !bad.has(date)) {
        problem(hasFigure ? date : figure, `${nameOf(hasFigure ? date : figure)} is empty; ${nameOf(figure)} and ${nameOf(date)} go together`);
        ok = false;
      }
    }
    return ok;
  }

  private areaList(): string {
    const numbers = [...this.areaNumbers].sort((a, b) => a - b);
    if (numbers.length === 0) return ' (the plan has no areas yet)';
    return numbers.length <= 12 ? ` (areas: ${numbers.join(', ')})` : '';
  }
}

export function sheetColumns(read: ReadWorkbook): SheetColumns {
  return Object.fromEntries(read.sheets.map((s) => [s.name, Object.fromEntries([...s.columns].map(([key, c]) => [key, { index: c.index, header: c.header }]))]));
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const uk = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, o[k] ?? null]));
}

/**
 * Same stored value? Line ends do not count: a workbook cannot carry "\r\n" (XML reads it as "\n"), so text
 * typed with Windows line ends through the API is not "changed" by an export → import.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'string' && typeof b === 'string') return lf(a) === lf(b);
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(withLf(a)) === JSON.stringify(withLf(b));
  return false;
}

const lf = (s: string) => s.replace(/\r\n?/g, '\n');
const withLf = (v: unknown): unknown =>
  typeof v === 'string' ? lf(v) : Array.isArray(v) ? v.map(withLf) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withLf(x)])) : v;

function describeRows(rows: number[]): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  const shownRows = rows.slice(0, 5).join(', ');
  return `rows ${shownRows}${rows.length > 5 ? ` and ${rows.length - 5} more` : ''}`;
}

/** A zod issue in words: "Title is too long (612 characters; at most 500)". */
function describeIssue(issue: z.core.$ZodIssue, column: ColumnSpec | undefined, header: string, input: unknown, noun: string, stored: boolean): string {
  const subject = stored ? `${header} (kept from the stored ${noun})` : header;
  const i = issue as z.core.$ZodIssue & { origin?: string; maximum?: number | bigint; minimum?: number | bigint; expected?: string };
  if (column?.value.type === 'updates' && issue.path.length > 1) {
    const n = Number(issue.path[1]) + 1;
    const part = issue.path[2] === 'text' ? 'has no text' : issue.message;
    if (issue.code === 'too_big' && issue.path[2] === 'text') return `${subject}: update ${n} is too long (at most ${i.maximum} characters)`;
    return `${subject}: update ${n} ${part}`;
  }
  if (input === null || input === undefined) return `${subject} is empty; every ${noun} needs one`;
  switch (issue.code) {
    case 'too_big':
      if (i.origin === 'string') return `${subject} is too long (${String(input).length} characters; at most ${i.maximum})`;
      if (i.origin === 'array') return `${subject} has too many entries (at most ${i.maximum})`;
      return `${subject} ${shown(input)} is too high (at most ${i.maximum})`;
    case 'too_small':
      if (i.origin === 'string') return `${subject} must not be empty`;
      if (i.origin === 'array') return `${subject} needs at least ${i.minimum} entries`;
      return `${subject} ${shown(input)} is too low (at least ${i.minimum})`;
    case 'invalid_type':
      return `${subject} '${shown(input)}' is not ${i.expected === 'int' ? 'a whole number' : `a valid ${i.expected}`}`;
    default:
      return `${subject} '${shown(input)}' ${issue.message}`;
  }
}

export const isRegister = (kind: Kind): kind is RegisterKind => REGISTER_KINDS.includes(kind as RegisterKind);
