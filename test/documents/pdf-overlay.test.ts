// Drawing uploaded pages over a printed PDF as an incremental update: the printed bytes stay as they
// were (tagged, with their outline), the pages show the upload and their label, every reader still opens
// the file, and a PDF not laid out as Chromium writes it is left to the caller's fallback.
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { overlayPages } from '../../src/documents/pdf-overlay.js';
import { Renderer } from '../../src/render/renderer.js';
import { makePdf } from '../helpers/fixtures.js';
import { pageCount, pdfInfo, pdfPagesText } from '../helpers/pdf.js';

const renderer = new Renderer({});
afterAll(() => renderer.close());

const printed = () =>
  renderer.pdf(
    `<!doctype html><html lang="en"><head><title>Printed</title><style>@page { size: A4; margin: 20mm } section { break-after: page }</style></head><body>` +
      ['one', null, null, 'four'].map((w) => (w ? `<section><h1>Heading ${w}</h1><p>PRINTED page ${w}</p></section>` : '<section>&nbsp;</section>')).join('') +
      '</body></html>',
  );

describe('overlayPages', () => {
  it('draws the uploaded pages and labels onto the chosen pages, appending to the printed bytes', async () => {
    const pdf = await printed();
    const upload = await makePdf('OVERLAID', 2);
    const out = await overlayPages(pdf, [
      { pageIndex: 1, source: upload, sourcePage: 0, label: 'Page 7' },
      { pageIndex: 2, source: upload, sourcePage: 1, label: 'Page 8' },
    ]);
    expect(out).not.toBeNull();
    expect(out!.subarray(0, pdf.length).equals(pdf)).toBe(true);
    expect(pageCount(out!)).toBe(4);
    expect(pdfInfo(out!).Tagged).toBe('yes');
    const pages = pdfPagesText(out!);
    expect(pages[0]).toContain('PRINTED page one');
    expect(pages[0]).not.toContain('OVERLAID');
    expect(pages[1]).toContain('OVERLAID page 1');
    expect(pages[1]).toContain('Page 7');
    expect(pages[2]).toContain('OVERLAID page 2');
    expect(pages[2]).toContain('Page 8');
    expect(pages[3]).toContain('PRINTED page four');
    // The outline Chromium wrote is still there, and pdf-lib reads the updated file.
    expect(out!.toString('latin1')).toContain('/Title (Heading one)');
    expect((await PDFDocument.load(out!)).getPageCount()).toBe(4);
  });

  it('leaves a PDF it does not understand to the caller', async () => {
    const withXrefStream = Buffer.from(await (await PDFDocument.load(await makePdf('X', 2))).save({ useObjectStreams: true }));
    expect(await overlayPages(withXrefStream, [{ pageIndex: 0, source: await makePdf('Y', 1), sourcePage: 0, label: 'Page 1' }])).toBeNull();
  });
});
