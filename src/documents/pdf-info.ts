// Sets a PDF's document information (title, author, subject) by appending an incremental update: a new
// Info object, a one-entry xref section and a trailer pointing at the previous one. Chromium writes only
// a title; a full parse-and-save would be far slower and could drop the tagged structure.

export interface PdfInfo {
  title: string;
  author: string;
  subject?: string;
  keywords?: string;
}

/** A PDF text string as UTF-16BE hex, so any character survives and nothing needs escaping. */
function pdfText(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

export function withPdfInfo(pdf: Buffer, info: PdfInfo): Buffer {
  const tail = pdf.subarray(Math.max(0, pdf.length - 2048)).toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(tail);
  if (!startxref || !trailer) return pdf; // not the classic layout Chromium writes: leave it untouched
  const size = Number(/\/Size\s+(\d+)/.exec(trailer[1]!)?.[1]);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer[1]!)?.[1];
  if (!size || !root) return pdf;

  const objNum = size;
  const fields = [
    `/Title ${pdfText(info.title)}`,
    `/Author ${pdfText(info.author)}`,
    info.subject ? `/Subject ${pdfText(info.subject)}` : '',
    info.keywords ? `/Keywords ${pdfText(info.keywords)}` : '',
    `/Creator ${pdfText('SEND plan tracker')}`,
    `/Producer ${pdfText('Chromium (Skia/PDF)')}`,
  ].filter(Boolean);
  const prefix = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const object = `${prefix}${objNum} 0 obj\n<<${fields.join('\n')}>>\nendobj\n`;
  const objOffset = pdf.length + Buffer.byteLength(prefix, 'latin1');
  const xrefOffset = pdf.length + Buffer.byteLength(object, 'latin1');
  const update =
    object +
    `xref\n${objNum} 1\n${String(objOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${objNum + 1}\n/Root ${root}\n/Info ${objNum} 0 R\n/Prev ${startxref[1]}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}
