// Markdown for minutes and uploaded text: CommonMark with tables, no raw HTML (it is shown as text),
// no images (no fetches from a reader's browser either), and headings shifted to nest under the pack's.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable('image');

export function renderMarkdown(text: string, headingOffset = 0): string {
  const tokens = md.parse(text, {});
  for (const t of tokens) {
    if ((t.type === 'heading_open' || t.type === 'heading_close') && headingOffset) {
      const level = Math.min(6, Number(t.tag.slice(1)) + headingOffset);
      t.tag = `h${level}`;
    }
  }
  return md.renderer.render(tokens, md.options, {});
}
