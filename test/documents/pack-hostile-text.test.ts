// The pack copies each document Chromium printed as bytes, renumbering references in the dictionaries
// (src/documents/pdf-writer.ts). User text reaches those dictionaries (outline titles from headings, link
// URIs), so text that reads like PDF syntax (references, strings, dictionaries, stream keywords) must come
// through as text: generated here in headings, paragraphs and a link of the minutes; the pack must stay a
// valid PDF whose text, outline and link say exactly what was written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { flat, pdfText } from '../helpers/pdf.js';
import { qpdfCheck, readPdf } from '../helpers/pdf-accessibility.js';

/** Fragments of PDF syntax, each with a reference-like "n 0 R" in it. */
function syntaxFragments(): string[] {
  const wrappers = [(r: string) => r, (r: string) => `(${r}`, (r: string) => `${r})`, (r: string) => `\\${r}`, (r: string) => `<<${r}>>`, (r: string) => `%${r}`, (r: string) => `/F4 ${r}`, (r: string) => `[${r}]`, (r: string) => `<FEFF ${r}>`, (r: string) => `stream ${r} endstream endobj`];
  return wrappers.map((w, i) => w(`${i + 1} 0 R`));
}

let t: TestApp;
let pack: Buffer;
const fragments = syntaxFragments();

beforeAll(async () => {
  t = await createTestApp();
  const text = [
    '# Minutes',
    '',
    ...fragments.flatMap((f, i) => [`## Heading ${i} ${f}`, '', `Paragraph ${i}: ${f} and (unbalanced ( parentheses \\ and backslashes.`, '']),
    'See [the report (12 0 R)](https://example.org/report?id=12&ref=0R).',
  ].join('\n');
  const res = await t.admin.post('/api/v1/meetings', {
    committee: 'Scrutiny Panel 1 0 R (test)',
    startsAt: '2026-12-08T18:00:00Z',
    items: [{ number: 1, title: 'Minutes 2 0 R <<', section: 'procedural', document: { type: 'minutes', text } }],
  });
  expect(res.statusCode).toBe(201);
  const pdf = await t.admin.get(`/api/v1/meetings/${res.json().id}/pack/pdf`);
  expect(pdf.statusCode).toBe(200);
  pack = pdf.rawPayload;
});
afterAll(() => t.close());

describe('a pack whose text reads like PDF syntax', () => {
  it('is a valid PDF', () => {
    const check = qpdfCheck(pack);
    expect(check.output).toContain('No syntax or stream encoding errors found');
    expect(check.status).toBe(0);
  });

  it('shows every fragment as written, tagged', async () => {
    const text = flat(pdfText(pack));
    for (const f of fragments) expect(text).toContain(f);
    expect(text).toContain('Scrutiny Panel 1 0 R (test)');
    const report = await readPdf(pack);
    expect(report.pages.flatMap((p) => p.unmarked)).toEqual([]);
  });

  it('keeps the headings as outline titles, exactly', async () => {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pack), isEvalSupported: false, verbosity: 0 }).promise;
    try {
      type Item = { title: string; items: Item[] };
      const titles: string[] = [];
      const walk = (items: Item[]) => items.forEach((i) => titles.push(i.title) && walk(i.items));
      walk(((await doc.getOutline()) ?? []) as Item[]);
      expect(titles).toContain('Scrutiny Panel 1 0 R (test) 8 December 2026');
      expect(titles).toContain('Agenda Item 1: Minutes 2 0 R <<');
      for (const [i, f] of fragments.entries()) expect(titles).toContain(`Heading ${i} ${f}`);
    } finally {
      await doc.destroy();
    }
  });

  it('keeps the link and its address', async () => {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pack), isEvalSupported: false, verbosity: 0 }).promise;
    try {
      const urls: string[] = [];
      for (let n = 1; n <= doc.numPages; n++) for (const a of await (await doc.getPage(n)).getAnnotations()) if (a.url) urls.push(a.url as string);
      expect(urls).toContain('https://example.org/report?id=12&ref=0R');
    } finally {
      await doc.destroy();
    }
  });
});
