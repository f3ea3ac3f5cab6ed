// Writes src/documents/furniture-font.json: Open Sans Regular, subset to the characters the pack's
// furniture uses (page numbers, "This page is intentionally left blank"), embedded by pdf-lib + fontkit in
// a one-page PDF, with each character's glyph code and width. The pack copies the font from it
// (src/documents/pdf-merge.ts), so the server neither loads fontkit (~16 MB) nor subsets the font (~0.3 s
// of CPU on the first pack of every process). Rerun after changing FURNITURE_CHARS or the font:
// `npx tsx src/cli/furniture-font.ts [path/to/OpenSans-Regular.ttf]` (Open Sans: SIL Open Font Licence 1.1).
import { readFileSync, writeFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { FONT_DONOR_FILE, FURNITURE_CHARS, type FontDonorFile } from '../documents/pdf-merge.js';

const fontPath = process.argv[2] ?? '/usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf';
const made = await PDFDocument.create({ updateMetadata: false });
made.registerFontkit(fontkit);
const font = await made.embedFont(readFileSync(fontPath), { subset: true });
made.addPage([10, 10]).drawText(FURNITURE_CHARS.join(''), { font, size: 1 });
const out: FontDonorFile = {
  source: 'Open Sans Regular (SIL Open Font Licence 1.1), subset by src/cli/furniture-font.ts',
  codes: Object.fromEntries(FURNITURE_CHARS.map((c) => [c, font.encodeText(c).toString().slice(1, -1)])),
  widths: Object.fromEntries(FURNITURE_CHARS.map((c) => [c, font.widthOfTextAtSize(c, 1000)])),
  pdf: Buffer.from(await made.save({ useObjectStreams: false })).toString('base64'),
};
writeFileSync(FONT_DONOR_FILE, `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote ${FONT_DONOR_FILE} (${Math.round(out.pdf.length / 1024)} KB of base64)`);
