// The accessibility report of an uploaded PDF, in upload responses and per item of the pack's JSON.
import { z } from 'zod';

export const PdfAccessibility = z
  .object({
    tagged: z.boolean().describe('Marked as tagged with a structure tree: a screen reader can follow its headings, lists and tables'),
    title: z.string().nullable(),
    displaysTitle: z.boolean().describe('Viewers show the title rather than the file name'),
    language: z.string().nullable(),
    fontsEmbedded: z.boolean(),
    fontsNotEmbedded: z.array(z.string()),
    pdfUa: z.boolean().describe('Claims PDF/UA (ISO 14289) in its XMP metadata'),
    problems: z.array(z.string()).describe('What a clerk should fix before publishing; empty when nothing was found'),
  })
  .meta({ id: 'PdfAccessibility' });
