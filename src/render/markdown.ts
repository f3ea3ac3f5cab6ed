// Markdown for minutes and uploaded text: CommonMark with tables, no raw HTML (it is shown as text),
// no images (no fetches from a reader's browser either), and headings shifted to nest under the pack's.
import type MarkdownIt from 'markdown-it';
import { lazyRequire } from '../shared/lazy.js';

const markdownIt = lazyRequire<typeof MarkdownIt>('markdown-it');
let md: MarkdownIt | undefined;

export function renderMarkdown(text: string, headingOffset = 0): string {
  md ??= new (markdownIt())({ html: false, linkify: false, typographer: false }).disable('image');
  const tokens = md.parse(text, {});
  for (const t of tokens) {
    if ((t.type === 'heading_open' || t.type === 'heading_close') && headingOffset) {
      const level = Math.min(6, Number(t.tag.slice(1)) + headingOffset);
      t.tag = `h${level}`;
    }
  }
  return md.renderer.render(tokens, md.options, {});
}
