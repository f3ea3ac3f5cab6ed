// Small real inputs for document tests: PDFs of known page counts made with pdf-lib.
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A PDF of `pages` A4 pages, each reading "<marker> page <n>". */
export async function makePdf(marker: string, pages: number, size: [number, number] = [595.28, 841.89]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage(size);
    page.drawText(`${marker} page ${i}`, { x: 72, y: size[1] - 100, size: 18, font });
  }
  return Buffer.from(await doc.save());
}
