// Agenda helpers shared by the pack and the public meeting page.
import type { AgendaItem } from './schemas.js';

/** Part `part` of a meeting's agenda, in item order. */
export const agendaPart = (items: unknown, part: 1 | 2) =>
  ((items ?? []) as AgendaItem[]).filter((i) => (i.part ?? 1) === part).sort((a, b) => a.number - b.number);

/**
 * For each item, the section whose heading opens before it — only where the section changes (items
 * without a section stay in the one before), so a heading prints once per run of items.
 */
export function sectionStarts(items: Pick<AgendaItem, 'section'>[]): (AgendaItem['section'] | undefined)[] {
  let current: AgendaItem['section'] | undefined;
  return items.map((i) => {
    const starts = i.section && i.section !== current ? i.section : undefined;
    current = i.section ?? current;
    return starts;
  });
}

/** What every rendering of an agenda prints per item, with the section heading (in `labels`) that opens before it. */
export function agendaEntries(items: AgendaItem[], labels: Partial<Record<NonNullable<AgendaItem['section']>, string>>) {
  const starts = sectionStarts(items);
  return items.map((i, n) => ({
    item: i,
    number: i.number,
    title: i.title,
    presenter: i.presenter,
    description: i.description,
    sectionHeading: starts[n] ? labels[starts[n]!] : undefined,
  }));
}

/** What the public sees in place of a highlight report that is not published. */
export const NOT_PUBLISHED_NOTE = 'This report has not been published yet.';

/**
 * The agenda as the public may see it: a highlight report that is not published (a draft) loses its
 * document and carries NOT_PUBLISHED_NOTE instead; everything else is unchanged.
 */
/** The highlight reports the items' documents name (whose published state withUnpublishedLeftOut needs). */
export const highlightReportIds = (items: AgendaItem[]): string[] =>
  items.flatMap((i) => (i.document?.type === 'highlight-report' ? [i.document.id] : []));

export function withUnpublishedLeftOut(items: AgendaItem[], isPublished: (highlightReportId: string) => boolean): AgendaItem[] {
  return items.map((i) =>
    i.document?.type === 'highlight-report' && !isPublished(i.document.id)
      ? { ...i, document: undefined, description: i.description ? `${i.description} ${NOT_PUBLISHED_NOTE}` : NOT_PUBLISHED_NOTE }
      : i,
  );
}
