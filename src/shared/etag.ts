// ETag / If-Match handling: an entity's ETag is its version number in quotes.

export const etagFor = (version: number) => `"${version}"`;

/**
 * The versions an If-Match header accepts: undefined when there is no condition (absent or "*"),
 * otherwise the listed versions (weak tags compared weakly; anything unparseable never matches).
 */
export function parseIfMatch(header: string | string[] | undefined): number[] | undefined {
  if (header === undefined) return undefined;
  const raw = (Array.isArray(header) ? header.join(',') : header).trim();
  if (raw === '*') return undefined;
  const versions: number[] = [];
  for (const part of raw.split(',')) {
    const m = /^(?:W\/)?"?(\d{1,15})"?$/.exec(part.trim());
    if (m) versions.push(Number(m[1]));
  }
  return versions;
}

export const ifMatchAllows = (accepted: number[] | undefined, version: number) =>
  accepted === undefined || accepted.includes(version);
