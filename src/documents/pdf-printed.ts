// A PDF we printed with Chromium, opened for the pack's byte copy (./pdf-merge.ts, ./pdf-writer.ts):
// its xref table read, each object's bytes located, its pages read; nothing else parsed.
import type { PDFDict, PDFRef } from 'pdf-lib';
import { contentsOf, markedContents } from './pdf-accessibility.js';
import { IncrementalPdf } from './pdf-incremental.js';
import { timeSlicer } from '../shared/time-slice.js';

/**
 * A PDF as Chromium writes it (one classic xref table, generation 0), read on demand: what a merge
 * needs to copy it as bytes. `open` answers null for any other layout (then parse it with pdf-lib).
 */
export class PrintedPdf {
  private constructor(
    readonly pdf: Buffer,
    readonly reader: IncrementalPdf,
    readonly spans: { num: number; start: number; end: number }[],
    readonly pages: { ref: PDFRef; dict: PDFDict }[],
  ) {}

  static async open(pdf: Buffer): Promise<PrintedPdf | null> {
    const reader = await IncrementalPdf.open(pdf);
    const spans = reader?.objectSpans();
    if (!reader || !spans) return null;
    try {
      return new PrintedPdf(pdf, reader, spans, reader.pages());
    } catch {
      return null;
    }
  }

  get pageCount(): number {
    return this.pages.length;
  }

  /** Each page's content with its untagged paint marked as artifacts (null: unchanged), a page or a few per slice. */
  async markedContents(): Promise<(Buffer | null)[]> {
    const slice = timeSlicer();
    const out: (Buffer | null)[] = [];
    for (const { dict } of this.pages) {
      out.push(markedContents(contentsOf(dict).map((c) => this.reader.resolve(c)), this.reader.context));
      await slice();
    }
    return out;
  }
}
