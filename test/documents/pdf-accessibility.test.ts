// The artifact marking of untagged paint, on hand-written content streams: text objects, painted paths,
// XObjects outside marked content are wrapped; tagged content, clip paths and text objects that hold
// marked content are left alone; strings with parentheses and escapes do not confuse it.
import { describe, expect, it } from 'vitest';
import { headingsOf, wrapUntaggedAsArtifacts } from '../../src/documents/pdf-accessibility.js';

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
