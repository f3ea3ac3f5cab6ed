// "Previous" statuses of a highlight report come from the project's latest *published* report before it.

export interface ReportRef {
  id: string;
  periodEnd: string;
  state: 'draft' | 'submitted' | 'approved' | 'published';
  publishedAt: string | null;
}

/**
 * The latest published report whose period ended before this one's (ties broken by publication time,
 * then id), excluding the report itself.
 */
export function previousPublishedReport<T extends ReportRef>(reports: T[], current: Pick<ReportRef, 'id' | 'periodEnd'>): T | null {
  let best: T | null = null;
  for (const r of reports) {
    if (r.id === current.id || r.state !== 'published' || r.periodEnd >= current.periodEnd) continue;
    if (
      !best ||
      r.periodEnd > best.periodEnd ||
      (r.periodEnd === best.periodEnd && (r.publishedAt ?? '') > (best.publishedAt ?? '')) ||
      (r.periodEnd === best.periodEnd && r.publishedAt === best.publishedAt && r.id > best.id)
    ) {
      best = r;
    }
  }
  return best;
}
