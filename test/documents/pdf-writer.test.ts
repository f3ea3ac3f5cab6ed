// Copying a PDF's objects as bytes with their numbers shifted (what the pack does with every document
// Chromium prints): references are renumbered, text that only looks like a reference is not, stream data
// is untouched; and a merge of such copies with pdf-lib objects is a PDF that pdf-lib, poppler and qpdf
// read back whole.
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { ByteSink, writeShifted } from '../../src/documents/pdf-writer.js';
import { TaggedPdfBuilder } from '../../src/documents/pdf-merge.js';
import { PrintedPdf } from '../../src/documents/pdf-printed.js';
import { makePdf } from '../helpers/fixtures.js';
import { flat, pdfPagesText } from '../helpers/pdf.js';
import { qpdfCheck } from '../helpers/pdf-accessibility.js';

const shift = (s: string, off: number) => {
  const bytes = Buffer.from(s, 'latin1');
  const sink = new ByteSink(16);
  expect(writeShifted(bytes, 0, bytes.length, off, sink)).toBe(true);
  return sink.result().toString('latin1');
};

describe('writeShifted', () => {
  it('renumbers the object and its references, and nothing else', () => {
    const obj =
      '12 0 obj\n<</T (see 3 0 R \\) (4 0 R\\)) 4 0 R) /F4 5 0 R /4 6 0 R /A [1 0 R 2.5 0 R -3 0 R] /H <FEFF0031> /K[7 0 R 8 0 R]/L 9 0 R\n' +
      '/B true /M [0 0 595 842]>> stream\n1 0 R 2 0 R\nendstream\nendobj\n';
    expect(shift(obj, 100)).toBe(
      '112 0 obj\n<</T (see 3 0 R \\) (4 0 R\\)) 4 0 R) /F4 105 0 R /4 106 0 R /A [101 0 R 2.5 0 R -3 0 R] /H <FEFF0031> /K[107 0 R 108 0 R]/L 109 0 R\n' +
        '/B true /M [0 0 595 842]>> stream\n1 0 R 2 0 R\nendstream\nendobj\n',
    );
  });

  it('takes a reference at the very end of the object and one split across lines', () => {
    expect(shift('3 0 obj\n[1\n0\nR 2 0 R]', 7)).toBe('10 0 obj\n[8\n0\nR 9 0 R]');
    expect(shift('3 0 obj 4 0 R', 10)).toBe('13 0 obj 14 0 R');
  });

  it('refuses bytes that are not an object', () => {
    const sink = new ByteSink(16);
    const bytes = Buffer.from('trailer <<>>', 'latin1');
    expect(writeShifted(bytes, 0, bytes.length, 5, sink)).toBe(false);
  });

  it('stays linear on hostile bytes: unterminated strings, endless digits', () => {
    for (const body of ['(' + '('.repeat(50_000), '<'.repeat(50_000), '1 '.repeat(50_000), '%'.repeat(50_000)]) {
      const bytes = Buffer.from(`1 0 obj\n${body}`, 'latin1');
      const sink = new ByteSink(16);
      expect(writeShifted(bytes, 0, bytes.length, 3, sink)).toBe(true);
      expect(sink.length).toBeLessThan(bytes.length + 16);
    }
  });
});

/** A PDF with one classic xref table, as Chromium writes them. */
async function classic(marker: string, pages: number): Promise<PrintedPdf> {
  const doc = await PDFDocument.load(await makePdf(marker, pages));
  const printed = await PrintedPdf.open(Buffer.from(await doc.save({ useObjectStreams: false })));
  expect(printed).not.toBeNull();
  return printed!;
}

describe('a merge of PDFs copied as bytes', () => {
  it('reads back whole: pages in order, their text, qpdf clean', async () => {
    const b = await TaggedPdfBuilder.create();
    const first = await classic('First', 2);
    const second = await classic('Second', 3);
    b.appendPrinted(first, { title: 'One' });
    // pdf-lib objects in between (as an upload would be), and the second placed before everything
    b.append(await PDFDocument.load(await makePdf('Parsed', 1)), 'Parsed');
    const pages = b.appendPrinted(second, { title: 'Two', atStart: true }).pages;
    await b.drawArtifactText(pages[0]!, 'Page 1', { y: 16, size: 9 });
    b.finishStructure();
    const pdf = await b.save();
    expect(qpdfCheck(pdf).status).toBe(0);
    const text = pdfPagesText(pdf).map(flat);
    expect(text.length).toBe(6);
    expect(text[0]).toContain('Second page 1');
    expect(text[0]).toContain('Page 1');
    expect(text[2]).toContain('Second page 3');
    expect(text[3]).toContain('First page 1');
    expect(text[5]).toContain('Parsed page 1');
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(6);
  });

  it('is not used for a PDF laid out otherwise (object streams): open answers null', async () => {
    expect(await PrintedPdf.open(await makePdf('Streams', 1))).toBeNull();
  });
});
