// Handlebars: one private instance with our helpers; every template and partial under templates/ is
// compiled once at start-up and cached. Partials are named by path: "highlight-report/status-summary".
// User text is only ever output with {{ }} (escaped); {{{ }}} is reserved for our own CSS partials.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { longDate, monthYear, ukDate } from '../domain/dates.js';
import { formatFigure } from '../domain/figures.js';
import { ragLabel, type RagValue } from '../domain/rag.js';
import { cssString } from './css-string.js';

export const TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

export type Template = (context: unknown) => string;

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

function registerHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('date', (iso: unknown) => (typeof iso === 'string' ? ukDate(iso) : ''));
  hb.registerHelper('shortDate', (iso: unknown) => (typeof iso === 'string' ? ukDate(iso, true) : ''));
  hb.registerHelper('dotDate', (iso: unknown) => (typeof iso === 'string' ? ukDate(iso, true).replace(/\//g, '.') : ''));
  hb.registerHelper('longDate', (iso: unknown) => (typeof iso === 'string' ? longDate(iso) : ''));
  hb.registerHelper('rag', (v: unknown, cancelled: unknown) => ragLabel((v as RagValue) ?? null, cancelled === true));
  hb.registerHelper('ragClass', (v: unknown) => (typeof v === 'string' ? `rag-${v}` : 'rag-none'));
  // A measure's figure with its unit ("57.3%", "12 days"); "–" for none. Views stored before units were
  // carried print the bare number.
  hb.registerHelper('figure', (v: unknown, unit: unknown) =>
    typeof v !== 'number' ? '–' : typeof unit === 'string' && unit ? formatFigure(v, unit) : formatFigure(v, '').trimEnd(),
  );
  // A measure's RAG in words; without one, why: no value yet, or no trajectory (baseline and target) to judge it by.
  hb.registerHelper('measureRag', (v: unknown, latest: unknown) =>
    typeof v === 'string' ? ragLabel(v as RagValue) : typeof latest === 'number' ? 'No trajectory' : 'No value',
  );
  hb.registerHelper('money', (v: unknown) => (typeof v === 'number' ? money.format(v) : ''));
  hb.registerHelper('num', (v: unknown, digits: unknown) => (typeof v === 'number' ? v.toFixed(typeof digits === 'number' ? digits : 2) : '0'));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hb.registerHelper('not', (a: unknown) => !a);
  hb.registerHelper('add', (a: unknown, b: unknown) => Number(a) + Number(b));
  hb.registerHelper('paragraphs', (text: unknown) =>
    typeof text === 'string' ? text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) : [],
  );
  hb.registerHelper('lines', (text: unknown) => (typeof text === 'string' ? text.split('\n') : []));
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map((a) => (a == null ? '' : String(a))).join(''));
  hb.registerHelper('multiply', (a: unknown, b: unknown) => Number(a) * Number(b));
  hb.registerHelper('monthYear', (iso: unknown) => (typeof iso === 'string' ? monthYear(iso) : ''));
  hb.registerHelper('kindTitle', (kind: unknown) =>
    kind === 'wsoa' ? 'Written Statement of Action' : kind === 'priority-action-plan' ? 'Priority action plan (area SEND)' : 'Improvement plan',
  );
  hb.registerHelper('headerState', (state: unknown) => (state === 'draft' || state === 'submitted' || state === 'approved' ? ' – DRAFT' : ''));
  // {{#hx 2 id="x"}}Title{{/hx}}: a heading whose level is shifted by @root.headingOffset, so a document
  // embedded in the pack nests under the pack's own item heading (and in the PDF outline).
  hb.registerHelper('hx', function (this: unknown, level: unknown, options: Handlebars.HelperOptions) {
    const offset = Number((options.data?.root as { headingOffset?: number } | undefined)?.headingOffset ?? 0);
    const n = Math.min(6, Math.max(1, Number(level) + offset));
    const id = options.hash?.id ? ` id="${hb.escapeExpression(String(options.hash.id))}"` : '';
    const cls = options.hash?.class ? ` class="${hb.escapeExpression(String(options.hash.class))}"` : '';
    return new hb.SafeString(`<h${n}${id}${cls}>${options.fn(this)}</h${n}>`);
  });
  hb.registerHelper('cssString', (text: unknown) => new hb.SafeString(cssString(String(text ?? ''))));
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

export class Templates {
  private readonly hb = Handlebars.create();
  private readonly compiled = new Map<string, Template>();

  constructor(dir: string = TEMPLATES_DIR) {
    registerHelpers(this.hb);
    for (const file of walk(dir)) {
      const name = relative(dir, file).replace(/\\/g, '/');
      const source = readFileSync(file, 'utf8');
      if (name.endsWith('.css')) {
        // Stylesheets are partials too ("styles/base"), inlined by the layouts.
        this.hb.registerPartial(name.slice(0, -4), source);
      } else if (name.endsWith('.hbs')) {
        const id = name.slice(0, -4);
        const template = this.hb.compile(source, { strict: false, noEscape: false, preventIndent: true });
        this.hb.registerPartial(id, template);
        this.compiled.set(id, template);
      }
    }
  }

  /** Marks HTML this program generated (with user text already escaped) as safe to embed. */
  trusted(html: string): unknown {
    return new this.hb.SafeString(html);
  }

  render(name: string, context: unknown): string {
    const t = this.compiled.get(name);
    if (!t) throw new Error(`No template ${name}`);
    return t(context);
  }
}
