// Reads real PDFs the way a person's tools would: poppler's pdftotext and pdfinfo.
import { execFileSync } from 'node:child_process';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { titleOf } from '../../src/documents/pdf-accessibility.js';

export function pdfText(pdf: Buffer, opts: { first?: number; last?: number; layout?: boolean } = {}): string {
  const args = [];
  if (opts.first) args.push('-f', String(opts.first));
  if (opts.last) args.push('-l', String(opts.last));
  if (opts.layout) args.push('-layout');
  return execFileSync('pdftotext', [...args, '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
}

/** The text of each page, in order. */
export function pdfPagesText(pdf: Buffer): string[] {
  return pdfText(pdf).split('\f').slice(0, -1);
}

export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

export const pageCount = (pdf: Buffer) => Number(pdfInfo(pdf).Pages);

/** Collapses whitespace, so text broken across lines by the layout can be searched. */
export const flat = (s: string) => s.replace(/\s+/g, ' ');

/** The top-level outline (bookmark) titles, decoded. */
export async function outlineTitles(pdf: Buffer): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const outlines = doc.context.lookup(doc.catalog.get(PDFName.of('Outlines')));
  const titles: string[] = [];
  if (!(outlines instanceof PDFDict)) return titles;
  for (let item = doc.context.lookup(outlines.get(PDFName.of('First'))); item instanceof PDFDict && titles.length < 1000; item = doc.context.lookup(item.get(PDFName.of('Next')))) {
    titles.push(titleOf(item));
  }
  return titles;
}
