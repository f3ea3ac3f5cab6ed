// The artifact marking of untagged paint, on hand-written content streams: text objects, painted paths,
// XObjects outside marked content are wrapped; tagged content, clip paths and text objects that hold
// marked content are left alone; strings with parentheses and escapes do not confuse it.
import { afterAll, describe, expect, it } from 'vitest';
import { accessiblePdf, headingsOf, wrapUntaggedAsArtifacts } from '../../src/documents/pdf-accessibility.js';
import { Renderer } from '../../src/render/renderer.js';
import { qpdfCheck, readPdf } from '../helpers/pdf-accessibility.js';

const renderer = new Renderer({});
afterAll(() => renderer.close());

const wrap = (s: string) => wrapUntaggedAsArtifacts(Buffer.from(s, 'latin1'))?.toString('latin1') ?? null;

describe('wrapUntaggedAsArtifacts', () => {
  it('wraps untagged text, paths and XObjects, and nothing inside marked content', () => {
    const out = wrap(
      'q 1 0 0 1 0 0 cm BT /F1 8 Tf (Header \\(draft\\) ET) Tj ET Q\n' +
        '0 0 10 10 re W n\n' +
        '1 0 0 rg 0 0 5 5 re f\n' +
        '/P <</MCID 0>> BDC BT /F1 9 Tf <0041> Tj ET 0 0 1 1 re f EMC\n' +
        '/Im1 Do\n',
    );
    expect(out).toBe(
      'q 1 0 0 1 0 0 cm /Artifact BMC\nBT /F1 8 Tf (Header \\(draft\\) ET) Tj ET\nEMC Q\n' +
        '0 0 10 10 re W n\n' +
        '1 0 0 rg /Artifact BMC\n0 0 5 5 re f\nEMC\n' +
        '/P <</MCID 0>> BDC BT /F1 9 Tf <0041> Tj ET 0 0 1 1 re f EMC\n' +
        '/Artifact BMC\n/Im1 Do\nEMC\n',
    );
  });

  it('leaves a text object that holds marked content, and answers null when nothing changes', () => {
    expect(wrap('BT /P <</MCID 0>> BDC (x) Tj EMC ET')).toBeNull();
    expect(wrap('/Span <</MCID 1>> BDC BT (y) Tj ET EMC')).toBeNull();
  });

  it('refuses what it does not read (inline images)', () => {
    expect(wrap('BI /W 1 /H 1 ID \x00\xff EI BT (z) Tj ET')).toBeNull();
  });
});

describe('headingsOf', () => {
  it('reads headings with tags as spaces and entities decoded', () => {
    expect(headingsOf('<h1>Panel<span class="date">13 December 2022</span></h1><h2 id="x">Risks &amp; issues</h2><p>no</p>')).toEqual([
      'Panel 13 December 2022',
      'Risks & issues',
    ]);
  });
});

describe('accessiblePdf', () => {
  it('appends to what Chromium printed (an incremental update) and makes every text marked, titled and labelled', async () => {
    const html =
      '<!doctype html><html lang="en-GB"><head><title>T</title><style>@page { size: A4; margin: 20mm; @top-left { content: "RUNNING HEADER" } @bottom-right { content: "Page " counter(page) } } section { break-after: page }</style></head><body>' +
      '<section><h1>First<span style="display:block">heading</span></h1><ul><li>One</li></ul></section><section><h1>Second</h1><p>Body</p></section></body></html>';
    const raw = await renderer.pdf(html);
    const out = await accessiblePdf(raw, { title: 'A test – document', author: 'Tester', html });
    expect(out.subarray(0, raw.length).equals(raw)).toBe(true);
    expect(qpdfCheck(out).status).toBe(0);
    const r = await readPdf(out);
    for (const p of r.pages) {
      expect(p.unmarked).toEqual([]);
      expect(p.artifacts).toContain('RUNNING HEADER');
    }
    expect(r.labels).toEqual(['1', '2']);
    expect(r.info.Title).toBe('A test – document');
    expect(r.xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(r.outline.map((o) => o.title)).toEqual(['First heading', 'Second']);
  });
});
