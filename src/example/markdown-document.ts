// A plain document printed from Markdown: the stand-ins for the example's uploaded PDFs (the council's
// presentation, the adviser's review note and the inspection handbook), which arrive as PDFs in real use.
import { renderMarkdown } from '../render/markdown.js';
import type { DocumentContext } from '../resources/document-context.js';
import { accessiblePdf } from '../documents/pdf-accessibility.js';

export async function markdownToPdf(
  ctx: Pick<DocumentContext, 'templates' | 'renderer'>,
  markdown: string,
  opts: { title: string; author: string; orientation?: 'portrait' | 'landscape' },
): Promise<Buffer> {
  const html = ctx.templates.render('markdown-document/document', {
    title: opts.title,
    orientation: opts.orientation ?? 'portrait',
    body: ctx.templates.trusted(renderMarkdown(markdown)),
  });
  return accessiblePdf(await ctx.renderer.pdf(html), { title: opts.title, author: opts.author, html });
}
