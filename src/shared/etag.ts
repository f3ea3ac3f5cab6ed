// ETag / If-Match / If-None-Match handling: an entity's ETag is its version number in quotes.

export const etagFor = (version: number) => `"${version}"`;

/**
 * The versions an If-Match header accepts: undefined when there is no condition (absent or "*"),
 * otherwise the listed versions. If-Match compares strongly (RFC 9110 §13.1.1): a weak tag (W/"3")
 * never matches, and neither does anything unparseable — both end in 412.
 */
export function parseIfMatch(header: string | string[] | undefined): number[] | undefined {
  if (header === undefined) return undefined;
  const raw = (Array.isArray(header) ? header.join(',') : header).trim();
  if (raw === '*') return undefined;
  const versions: number[] = [];
  for (const part of raw.split(',')) {
    // A bare number is taken as its quoted form (clients that forget the quotes); W/ never matches.
    const m = /^"?(\d{1,15})"?$/.exec(part.trim());
    if (m) versions.push(Number(m[1]));
  }
  return versions;
}

export const ifMatchAllows = (accepted: number[] | undefined, version: number) =>
  accepted === undefined || accepted.includes(version);

/** If-None-Match compares weakly (RFC 9110 §13.1.2): W/"3" and "3" both match the ETag "3"; * matches any. */
export function ifNoneMatchMatches(header: string | string[], etag: string): boolean {
  const raw = Array.isArray(header) ? header.join(',') : header;
  const opaque = etag.replace(/^W\//, '');
  for (const part of raw.split(',')) {
    const tag = part.trim();
    if (tag === '*' || tag.replace(/^W\//, '') === opaque) return true;
  }
  return false;
}
