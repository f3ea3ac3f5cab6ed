// Opaque, time-ordered identifiers: a resource prefix, 10 chars of millisecond time and 12 random chars
// (Crockford base32). Ordering by id is creation order, which keeps cursor pagination simple and stable.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function encodeTime(ms: number): string {
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

let lastMs = 0;
let counter = 0;

export function newId(prefix: string, now: number = Date.now()): string {
  // Within one millisecond, a counter keeps ids increasing so creation order survives bursts.
  if (now <= lastMs) {
    counter++;
    now = lastMs;
  } else {
    lastMs = now;
    counter = 0;
  }
  const rnd = randomBytes(8);
  let tail = ALPHABET[(counter >> 5) & 31]! + ALPHABET[counter & 31]!;
  for (let i = 0; i < 10; i++) tail += ALPHABET[rnd[i % 8]! & 31];
  return `${prefix}_${encodeTime(now)}${tail}`;
}
