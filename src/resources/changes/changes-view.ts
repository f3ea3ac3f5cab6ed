// The printable form of "what changed since": the lists of src/domain/changes.ts with a one-line summary
// of counts, used by the highlight report's section and by the meeting pack's changes page.
import type { Changes } from '../../domain/changes.js';

export interface ChangesView extends Changes {
  /** "the last report (21/10/2022)", "the previous meeting (27/09/2022)". */
  sinceWhat: string;
  /** "task" in a project's highlight report, "action" for a plan. */
  noun: string;
  summary: string[];
  empty: boolean;
  showMeasures: boolean;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function buildChangesView(c: Changes, opts: { sinceWhat: string; noun: 'task' | 'action'; showMeasures: boolean }): ChangesView {
  const n = opts.noun;
  const parts: [number, string][] = [
    [c.actions.redated.length, `${plural(c.actions.redated.length, n)} re-dated`],
    [c.actions.ragChanged.length, `${plural(c.actions.ragChanged.length, 'RAG change')}`],
    [c.actions.completed.length, `${plural(c.actions.completed.length, n)} completed`],
    [c.actions.added.length, `${plural(c.actions.added.length, n)} added`],
    [c.actions.removed.length, `${plural(c.actions.removed.length, n)} removed`],
    [c.risks.opened.length, `${plural(c.risks.opened.length, 'risk')} opened`],
    [c.risks.closed.length, `${plural(c.risks.closed.length, 'risk')} closed`],
    [c.risks.scoreChanged.length, `${plural(c.risks.scoreChanged.length, 'risk')} re-scored`],
    [c.issues.opened.length, `${plural(c.issues.opened.length, 'issue')} opened`],
    [c.issues.closed.length, `${plural(c.issues.closed.length, 'issue')} closed`],
    [opts.showMeasures ? c.measures.moved.length : 0, `${plural(c.measures.moved.length, 'measure')} moved`],
  ];
  const summary = parts.filter(([k]) => k > 0).map(([, s]) => s);
  return { ...c, sinceWhat: opts.sinceWhat, noun: n, summary, empty: summary.length === 0, showMeasures: opts.showMeasures };
}
