// Inspection readiness: each information-request item with the evidence for it on or before a date; an
// item without evidence is a gap.
import type { RequestItem } from './information-request.js';

import type { EvidenceKind } from './vocabulary.js';

export type { EvidenceKind } from './vocabulary.js';

export interface ReadinessItem {
  code: string;
  title: string;
  evidenceCount: number;
  latestAsOf: string | null;
  kinds: Record<EvidenceKind, number>;
}

export function readiness(
  catalogue: readonly RequestItem[],
  evidence: readonly { kind: EvidenceKind; asOf: string; requestItems: readonly string[] }[],
  asOf: string,
): { items: ReadinessItem[]; covered: number; total: number } {
  const items = new Map<string, ReadinessItem>(
    catalogue.map((c) => [c.code, { code: c.code, title: c.title, evidenceCount: 0, latestAsOf: null, kinds: { activity: 0, impact: 0, voice: 0 } }]),
  );
  for (const e of evidence) {
    if (e.asOf > asOf) continue;
    for (const code of new Set(e.requestItems)) {
      const item = items.get(code);
      if (!item) continue;
      item.evidenceCount++;
      item.kinds[e.kind]++;
      if (!item.latestAsOf || e.asOf > item.latestAsOf) item.latestAsOf = e.asOf;
    }
  }
  const list = [...items.values()];
  return { items: list, covered: list.filter((i) => i.evidenceCount > 0).length, total: list.length };
}
