// The lexical rules of PDF bytes shared by the tokenizers over content streams (./pdf-accessibility.ts)
// and over object dictionaries (./pdf-writer.ts): byte classes, and where a string, comment, name or
// other token that starts at `i` ends (never past `end`).

export const isWs = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0;
export const isDelim = (c: number) => c === 40 || c === 41 || c === 60 || c === 62 || c === 91 || c === 93 || c === 123 || c === 125 || c === 47 || c === 37;
export const isRegular = (c: number) => !isWs(c) && !isDelim(c);
export const isDigit = (c: number) => c >= 48 && c <= 57;

/** After a literal string `( … )`: balanced parentheses, backslash escapes. */
export function afterLiteralString(b: Buffer, i: number, end: number): number {
  let depth = 0;
  for (; i < end; i++) {
    const x = b[i]!;
    if (x === 92) i++;
    else if (x === 40) depth++;
    else if (x === 41 && --depth === 0) break;
  }
  return Math.min(i + 1, end);
}

/** After `<<`, or after a hex string `< … >`. */
export function afterAngle(b: Buffer, i: number, end: number): number {
  if (b[i + 1] === 60) return i + 2;
  while (i < end && b[i] !== 62) i++;
  return Math.min(i + 1, end);
}

/** At the end of a comment's line. */
export function afterComment(b: Buffer, i: number, end: number): number {
  while (i < end && b[i] !== 10 && b[i] !== 13) i++;
  return i;
}

/** After a run of regular bytes (a number, an operator, a keyword; from `/`: a name). */
export function afterRegular(b: Buffer, i: number, end: number): number {
  while (i < end && isRegular(b[i]!)) i++;
  return i;
}
