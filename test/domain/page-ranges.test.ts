import { describe, expect, it } from 'vitest';
import { frontMatterPadding, pagesLabel, placeDocuments } from '../../src/domain/page-ranges.js';

describe('placeDocuments', () => {
  it('reproduces the seed pack: 3-page minutes padded to 1 - 4, then 8, 8, 16, 10, 48 pages', () => {
    const placed = placeDocuments([
      { key: 3, pages: 3 },
      { key: 4, pages: 8 },
      { key: 5, pages: 7 },
      { key: 6, pages: 15 },
      { key: 7, pages: 9 },
      { key: 8, pages: 47 },
    ]);
    expect(placed.map((p) => [p.key, p.firstPage, p.lastPage])).toEqual([
      [3, 1, 4],
      [4, 5, 12],
      [5, 13, 20],
      [6, 21, 36],
      [7, 37, 46],
      [8, 47, 94],
    ]);
    expect(placed.map((p) => p.padded)).toEqual([true, false, true, true, true, true]);
  });

  it('starts every document on an odd page', () => {
    const placed = placeDocuments([1, 2, 3, 4, 5, 1, 1].map((pages, key) => ({ key, pages })));
    for (const p of placed) expect(p.firstPage % 2).toBe(1);
    expect(placed.map((p) => p.lastPage - p.firstPage + 1)).toEqual([2, 2, 4, 4, 6, 2, 2]);
  });

  it('handles an empty pack and rejects empty documents', () => {
    expect(placeDocuments([])).toEqual([]);
    expect(() => placeDocuments([{ key: 'x', pages: 0 }])).toThrow(RangeError);
  });
});

describe('front matter and labels', () => {
  it('pads odd front matter', () => {
    expect(frontMatterPadding(1)).toBe(1);
    expect(frontMatterPadding(2)).toBe(0);
    expect(frontMatterPadding(3)).toBe(1);
  });

  it('prints ranges as the agenda does', () => {
    expect(pagesLabel(47, 94)).toBe('(Pages 47 - 94)');
  });
});
