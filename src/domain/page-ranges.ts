// Page numbers of a meeting pack: they run from 1 over the documents only (the front pages are not
// numbered), every document starts on an odd page, and a document with an odd number of pages is followed
// by a page reading "This page is intentionally left blank", which belongs to its range ("Pages 1 - 4").

export interface PackPart<K> {
  key: K;
  pages: number;
}

export interface PlacedPart<K> {
  key: K;
  pages: number;
  firstPage: number;
  lastPage: number;
  /** A blank page follows the document (and is the last page of its range). */
  padded: boolean;
}

export function placeDocuments<K>(parts: PackPart<K>[]): PlacedPart<K>[] {
  let next = 1;
  return parts.map(({ key, pages }) => {
    if (!Number.isInteger(pages) || pages < 1) throw new RangeError(`a document must have at least one page (got ${pages})`);
    const padded = pages % 2 === 1;
    const firstPage = next;
    const lastPage = firstPage + pages - 1 + (padded ? 1 : 0);
    next = lastPage + 1;
    return { key, pages, firstPage, lastPage, padded };
  });
}

/** Front matter is padded to an even number of pages so page 1 is a right-hand page when printed double-sided. */
export const frontMatterPadding = (frontPages: number) => (frontPages % 2 === 1 ? 1 : 0);

/** "(Pages a - b)", as the agenda prints it. */
export const pagesLabel = (first: number, last: number) => `(Pages ${first} - ${last})`;
