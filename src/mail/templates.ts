// Email bodies from templates/email/: `<name>.html.hbs` (HTML, every value escaped) and `<name>.txt.hbs`
// (plain text, not HTML-escaped: it is never parsed as markup). One private Handlebars instance each.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { longDate as longDateOf, ukDate } from '../domain/dates.js';
import { TEMPLATES_DIR } from '../render/templates.js';

export interface RenderedEmail {
  text: string;
  html: string;
}

const longDate = (iso: unknown) => (typeof iso === 'string' ? longDateOf(iso, true) : '');

function instance(escape: boolean) {
  const hb = Handlebars.create();
  hb.registerHelper('date', (iso: unknown) => (typeof iso === 'string' ? ukDate(iso.slice(0, 10)) : ''));
  hb.registerHelper('longDate', longDate);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('isNumber', (a: unknown) => typeof a === 'number');
  return { hb, options: { strict: false, noEscape: !escape, preventIndent: true } };
}

export class EmailTemplates {
  private readonly html = new Map<string, HandlebarsTemplateDelegate>();
  private readonly text = new Map<string, HandlebarsTemplateDelegate>();

  constructor(dir = join(TEMPLATES_DIR, 'email')) {
    const h = instance(true);
    const t = instance(false);
    for (const file of readdirSync(dir)) {
      const source = readFileSync(join(dir, file), 'utf8');
      const m = /^(.+)\.(html|txt)\.hbs$/.exec(file);
      if (!m) continue;
      const [, name, kind] = m as unknown as [string, string, 'html' | 'txt'];
      const { hb, options } = kind === 'html' ? h : t;
      const compiled = hb.compile(source, options);
      hb.registerPartial(name, compiled);
      (kind === 'html' ? this.html : this.text).set(name, compiled);
    }
  }

  render(name: string, context: unknown): RenderedEmail {
    const html = this.html.get(name);
    const text = this.text.get(name);
    if (!html || !text) throw new Error(`No email template ${name}`);
    return { html: html(context), text: text(context).replace(/\n{3,}/g, '\n\n') };
  }
}
