// Active content in a parsed PDF (pdf-lib's object context): JavaScript, automatic actions (/OpenAction,
// /AA), actions that launch programs, submit or import data, embedded files, rich media and XFA forms.
// Found for a report, or removed: keys deleted, dangerous actions and annotations unlinked, and every
// object no longer reachable from the trailer dropped, so the saved bytes do not carry them at all.
// Everything else — pages, fonts, the tagged structure tree, the outline, links — is left as it was.
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, PDFString, PDFHexString, type PDFContext, type PDFObject } from 'pdf-lib';

/** Keys whose mere presence is active content, with what they are called in a report. */
const ACTIVE_KEYS: Record<string, string> = {
  JS: 'JavaScript',
  JavaScript: 'JavaScript',
  AA: 'automatic actions (/AA)',
  OpenAction: 'an action run on opening (/OpenAction)',
  EmbeddedFiles: 'embedded files',
  EF: 'embedded files',
  AF: 'embedded files', // associated files (PDF/A-3): filespecs of embedded files
  XFA: 'an XFA form',
  RichMediaContent: 'rich media',
};

const DANGEROUS_ACTIONS: Record<string, string> = {
  JavaScript: 'JavaScript',
  Launch: 'a /Launch action',
  SubmitForm: 'a /SubmitForm action',
  ImportData: 'an /ImportData action',
  RichMediaExecute: 'rich media',
  Rendition: 'rich media',
  GoToE: 'embedded files',
};

const DANGEROUS_ANNOTATIONS: Record<string, string> = {
  FileAttachment: 'embedded files',
  RichMedia: 'rich media',
  Screen: 'rich media',
  Movie: 'rich media',
  Sound: 'rich media',
  '3D': 'rich media',
};

const name = (o: PDFObject | undefined) => (o instanceof PDFName ? o.decodeText() : undefined);
const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : '');
const MAX_DEPTH = 64;

/** What the dict (resolved) is, if it is an action, annotation or file that must not be kept. */
function dangerous(dict: PDFDict): string | undefined {
  const s = name(dict.get(PDFName.of('S')));
  if (s && DANGEROUS_ACTIONS[s]) return DANGEROUS_ACTIONS[s];
  if (s === 'URI' && /^\s*(javascript|vbscript|file|data):/i.test(text(dict.get(PDFName.of('URI'))))) return 'JavaScript';
  const subtype = name(dict.get(PDFName.of('Subtype')));
  if (subtype && DANGEROUS_ANNOTATIONS[subtype] && name(dict.get(PDFName.of('Type'))) !== 'XObject') return DANGEROUS_ANNOTATIONS[subtype];
  const type = name(dict.get(PDFName.of('Type')));
  if (type === 'EmbeddedFile' || (type === 'Filespec' && dict.has(PDFName.of('EF')))) return 'embedded files';
  return undefined;
}

function dictOf(o: PDFObject | undefined): PDFDict | undefined {
  if (o instanceof PDFDict) return o;
  if (o instanceof PDFStream) return o.dict;
  return undefined;
}

/**
 * Finds (and with `remove`, removes) active content. Returns what was found, each kind once, in a stable
 * order. With `remove`, objects left unreachable from the trailer are deleted from the context.
 */
export function activeContent(context: PDFContext, opts: { remove: boolean }): string[] {
  const found = new Set<string>();
  const resolve = (o: PDFObject | undefined) => (o instanceof PDFRef ? context.lookup(o) : o);

  const visitArray = (arr: PDFArray, depth: number) => {
    for (let i = arr.size() - 1; i >= 0; i--) {
      const raw = arr.get(i);
      const target = dictOf(resolve(raw));
      const why = target && dangerous(target);
      if (why) {
        found.add(why);
        if (opts.remove) arr.remove(i);
      } else if (!(raw instanceof PDFRef)) visit(raw, depth + 1);
    }
  };
  const visitDict = (dict: PDFDict, depth: number) => {
    if (depth > MAX_DEPTH) return;
    const own = dangerous(dict);
    if (own) found.add(own);
    for (const [key, raw] of dict.entries()) {
      const k = key.decodeText();
      if (ACTIVE_KEYS[k]) {
        found.add(ACTIVE_KEYS[k]);
        if (opts.remove) dict.delete(key);
        continue;
      }
      if (k === 'Parent' || k === 'P') continue; // links back up the tree: visited from above
      const target = dictOf(resolve(raw));
      const why = target && target !== dict && dangerous(target);
      if (why) {
        found.add(why);
        if (opts.remove) dict.delete(key);
        continue;
      }
      if (raw instanceof PDFRef) {
        // An indirect array (e.g. /Annots 12 0 R) is filtered in place; indirect dicts are visited on their own.
        const arr = context.lookup(raw);
        if (arr instanceof PDFArray) visitArray(arr, depth + 1);
      } else visit(raw, depth + 1);
    }
  };
  const visit = (o: PDFObject | undefined, depth: number) => {
    if (depth > MAX_DEPTH || !o) return;
    if (o instanceof PDFDict) visitDict(o, depth);
    else if (o instanceof PDFStream) visitDict(o.dict, depth);
    else if (o instanceof PDFArray) visitArray(o, depth);
  };

  for (const [, obj] of context.enumerateIndirectObjects()) visit(obj, 0);
  if (opts.remove) dropUnreachable(context);
  const order = ['JavaScript', ...Object.values(ACTIVE_KEYS), ...Object.values(DANGEROUS_ACTIONS), ...Object.values(DANGEROUS_ANNOTATIONS)];
  return [...found].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** Deletes every indirect object not reachable from the trailer's /Root and /Info (and object/xref streams, which pdf-lib rewrites). */
function dropUnreachable(context: PDFContext): void {
  const reached = new Set<string>();
  const queue: PDFObject[] = [];
  const key = (r: PDFRef) => `${r.objectNumber} ${r.generationNumber}`;
  const push = (o: PDFObject | undefined) => {
    if (o) queue.push(o);
  };
  push(context.trailerInfo.Root);
  push(context.trailerInfo.Info);
  while (queue.length) {
    const o = queue.pop()!;
    if (o instanceof PDFRef) {
      if (reached.has(key(o))) continue;
      reached.add(key(o));
      push(context.lookup(o));
    } else if (o instanceof PDFDict) for (const [, v] of o.entries()) push(v);
    else if (o instanceof PDFArray) for (let i = 0; i < o.size(); i++) push(o.get(i));
    else if (o instanceof PDFStream) push(o.dict);
  }
  for (const [ref, obj] of context.enumerateIndirectObjects()) {
    const type = obj instanceof PDFRawStream ? name(obj.dict.get(PDFName.of('Type'))) : undefined;
    if (!reached.has(key(ref)) || type === 'ObjStm' || type === 'XRef') context.delete(ref);
  }
}
