// Page count of a PDF as Chromium writes it: an uncompressed object table with one /Type /Page per page.
// (Uploaded PDFs, which may use object streams, are counted by pdf-lib instead.)
export function countPdfPages(pdf: Buffer): number {
  const m = pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g);
  return m ? m.length : 0;
}
