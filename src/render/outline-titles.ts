// Chromium builds the PDF outline from the text it paints, and a heading that opens a page is collected
// twice ("AgendaAgenda"). This repairs such titles in place: the halved title is padded with spaces to
// the same byte length, so every object offset in the xref table stays valid.
const TITLE = /\/Title \(((?:[^\\()]|\\[\s\S])*)\)/g;

export function repairOutlineTitles(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  let changed = false;
  const fixed = text.replace(TITLE, (whole, raw: string) => {
    const n = raw.length;
    if (n < 2 || n % 2 !== 0) return whole;
    const half = raw.slice(0, n / 2);
    if (half !== raw.slice(n / 2) || /\\$/.test(half)) return whole;
    changed = true;
    return `/Title (${half}${' '.repeat(n / 2)})`;
  });
  return changed ? Buffer.from(fixed, 'latin1') : pdf;
}
