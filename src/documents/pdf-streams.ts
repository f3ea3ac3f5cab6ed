// Bounded decoding of PDF stream data: how many bytes a stream's filters would produce, counted while
// decoding and stopped as soon as a budget is spent, so a "deflate of zeros" never grows in memory.
// Only the filters a PDF reader decodes in general (Flate, ASCIIHex, ASCII85, RunLength) are handled;
// image codecs (DCT, JPX, JBIG2, CCITT) are never decoded by this service and are not counted. LZW is
// refused: it is obsolete since PDF 1.2 and can expand thousands of times without a cheap bound.
import { createInflate } from 'node:zlib';

export class BudgetExceeded extends Error {
  constructor(readonly produced: number) {
    super(`more than the budget (${produced} bytes so far)`);
  }
}

export class UnsupportedFilter extends Error {
  constructor(readonly filter: string) {
    super(`the ${filter} filter is not accepted`);
  }
}

const ABBREVIATIONS: Record<string, string> = { Fl: 'FlateDecode', AHx: 'ASCIIHexDecode', A85: 'ASCII85Decode', RL: 'RunLengthDecode', LZW: 'LZWDecode' };
const IMAGE_CODECS = new Set(['DCTDecode', 'JPXDecode', 'JBIG2Decode', 'CCITTFaxDecode', 'DCT', 'CCF']);

const INFLATE_CHUNK = 1024 * 1024;

/** Bytes the zlib data inflates to, at most `budget` + one chunk (then BudgetExceeded). `keep` collects the output. */
function inflateCounted(data: Uint8Array, budget: number, keep: boolean): Promise<{ produced: number; out?: Buffer }> {
  return new Promise((resolve, reject) => {
    const z = createInflate({ chunkSize: INFLATE_CHUNK });
    const chunks: Buffer[] = [];
    let produced = 0;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve({ produced, out: keep ? Buffer.concat(chunks) : undefined });
    };
    z.on('data', (c: Buffer) => {
      if (settled) return;
      produced += c.length;
      if (produced > budget) {
        settled = true;
        z.destroy();
        reject(new BudgetExceeded(produced));
        return;
      }
      if (keep) chunks.push(c);
    });
    z.on('end', finish);
    // A damaged stream: what came out before the damage is what a reader gets too.
    z.on('error', finish);
    z.end(data);
  });
}

function asciiHex(data: Uint8Array): Buffer {
  const text = Buffer.from(data).toString('latin1');
  const end = text.indexOf('>');
  const hex = (end >= 0 ? text.slice(0, end) : text).replace(/[^0-9A-Fa-f]/g, '');
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
}

function ascii85(data: Uint8Array): Buffer {
  const text = Buffer.from(data).toString('latin1').replace(/\s+/g, '');
  const end = text.indexOf('~>');
  const body = (end >= 0 ? text.slice(0, end) : text).replace(/^<~/, '');
  const out: number[] = [];
  let group: number[] = [];
  const flush = (g: number[], n: number) => {
    let v = 0;
    for (let i = 0; i < 5; i++) v = v * 85 + (g[i] ?? 84);
    for (let i = 0; i < n; i++) out.push((v >>> (24 - 8 * i)) & 0xff);
  };
  for (const ch of body) {
    if (ch === 'z' && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    const c = ch.charCodeAt(0) - 33;
    if (c < 0 || c > 84) continue;
    group.push(c);
    if (group.length === 5) {
      flush(group, 4);
      group = [];
    }
  }
  if (group.length > 1) flush(group, group.length - 1);
  return Buffer.from(out);
}

function runLength(data: Uint8Array, budget: number): Buffer {
  const out: Buffer[] = [];
  let produced = 0;
  for (let i = 0; i < data.length; ) {
    const len = data[i]!;
    if (len === 128) break;
    const piece = len < 128 ? Buffer.from(data.subarray(i + 1, i + 2 + len)) : Buffer.alloc(257 - len, data[i + 1] ?? 0);
    i += len < 128 ? len + 2 : 2;
    produced += piece.length;
    if (produced > budget) throw new BudgetExceeded(produced);
    out.push(piece);
  }
  return Buffer.concat(out);
}

/** The filter names of a stream, abbreviations expanded. */
export const normaliseFilters = (names: string[]) => names.map((n) => ABBREVIATIONS[n] ?? n);

/**
 * Bytes the stream data decodes to through `filters` (in order), or BudgetExceeded once more than
 * `budget`; 0 for data ending in an image codec (never decoded here). Throws UnsupportedFilter for LZW.
 */
export async function decodedLength(data: Uint8Array, filters: string[], budget: number): Promise<number> {
  let current: Uint8Array = data;
  const chain = normaliseFilters(filters);
  for (const [i, f] of chain.entries()) {
    const last = i === chain.length - 1;
    switch (f) {
      case 'FlateDecode': {
        const { produced, out } = await inflateCounted(current, budget, !last);
        if (last) return produced;
        current = out!;
        break;
      }
      case 'ASCIIHexDecode':
        current = asciiHex(current);
        break;
      case 'ASCII85Decode':
        current = ascii85(current);
        break;
      case 'RunLengthDecode':
        current = runLength(current, budget);
        break;
      case 'LZWDecode':
        throw new UnsupportedFilter('LZWDecode');
      default:
        if (IMAGE_CODECS.has(f)) return 0;
        // Crypt or an unknown filter: nothing a reader decodes into more than itself here.
        return current.length;
    }
    if (current.length > budget) throw new BudgetExceeded(current.length);
  }
  return current.length;
}

/** Whether the bytes start like a zlib stream (CMF 0x78 with a valid check). */
export const looksLikeZlib = (b: Uint8Array) => b.length >= 2 && (b[0]! & 0x0f) === 8 && ((b[0]! << 8) | b[1]!) % 31 === 0;
