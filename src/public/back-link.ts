// The link back to the meeting's agenda on a public item page. Documents served as they were published
// (frozen HTML) cannot be re-rendered with it, so it is placed into their HTML: before <main>, or after
// <body> in HTML older than the landmarks.
import type { Templates } from '../render/templates.js';

export function withBackLink(html: string, templates: Templates, link: { backUrl: string; committee: string; dateLong: string }): string {
  const nav = templates.render('public/back-link', link);
  const at = html.indexOf('<main');
  if (at >= 0) return html.slice(0, at) + nav + html.slice(at);
  return html.replace(/<body[^>]*>/, (b) => `${b}\n${nav}`);
}
