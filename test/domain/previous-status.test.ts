import { describe, expect, it } from 'vitest';
import { previousPublishedReport, type ReportRef } from '../../src/domain/previous-status.js';

const r = (id: string, periodEnd: string, state: ReportRef['state'] = 'published', publishedAt: string | null = `${periodEnd}T10:00:00Z`): ReportRef => ({
  id,
  periodEnd,
  state,
  publishedAt: state === 'published' ? publishedAt : null,
});

describe('previousPublishedReport', () => {
  const sep = r('sep', '2022-09-25');
  const oct = r('oct', '2022-10-23');
  const nov = r('nov', '2022-11-20', 'draft');

  it('takes the latest published report before this one', () => {
    expect(previousPublishedReport([sep, oct, nov], nov)?.id).toBe('oct');
  });

  it('ignores drafts', () => {
    const octDraft = r('oct', '2022-10-23', 'draft');
    expect(previousPublishedReport([sep, octDraft, nov], nov)?.id).toBe('sep');
  });

  it('ignores later reports and the report itself', () => {
    expect(previousPublishedReport([sep, oct, nov], oct)?.id).toBe('sep');
    expect(previousPublishedReport([sep], sep)).toBeNull();
  });

  it('has none for the first report', () => {
    expect(previousPublishedReport([oct, nov], r('aug', '2022-08-28', 'draft'))).toBeNull();
  });

  it('breaks ties on the same period end by publication time', () => {
    const a = r('a', '2022-10-23', 'published', '2022-10-24T09:00:00Z');
    const b = r('b', '2022-10-23', 'published', '2022-10-25T09:00:00Z');
    expect(previousPublishedReport([b, a], nov)?.id).toBe('b');
  });
});
