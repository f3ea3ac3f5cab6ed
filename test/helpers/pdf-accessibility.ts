// Reads a PDF the way assistive technology does, with pdf.js: per page, its structure tree and whether
// each text item sits inside marked content (tagged content or an artifact); plus page labels, XMP, the
// fonts poppler sees and qpdf's verdict.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PageReport {
  /** Text outside every marked-content sequence (should be none). */
  unmarked: string[];
  /** Text inside tagged (non-artifact) marked content. */
  tagged: string;
  /** Text inside artifacts. */
  artifacts: string;
  structure: boolean;
}

interface StructNode {
  role?: string;
  type?: string;
  children?: StructNode[];
}

const hasContent = (n: StructNode | null | undefined): boolean => !!n && (n.type === 'content' || (n.children ?? []).some(hasContent));

export async function readPdf(pdf: Buffer) {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: PageReport[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const stack: string[] = [];
      const report: PageReport = { unmarked: [], tagged: '', artifacts: '', structure: hasContent((await page.getStructTree()) as StructNode | null) };
      for (const item of content.items as ({ type: string; tag?: string } | { str: string })[]) {
        if ('type' in item) {
          if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') stack.push(item.tag ?? '');
          else if (item.type === 'endMarkedContent') stack.pop();
          continue;
        }
        if (!item.str.trim()) continue;
        if (!stack.length) report.unmarked.push(item.str);
        else if (stack.includes('Artifact')) report.artifacts += `${item.str} `;
        else report.tagged += `${item.str} `;
      }
      pages.push(report);
    }
    const labels = (await doc.getPageLabels()) ?? [];
    const meta = await doc.getMetadata();
    const xmp = (meta.metadata as unknown as { getRaw?: () => string } | null)?.getRaw?.() ?? '';
    const outline = ((await doc.getOutline()) ?? []).map((o) => ({ title: o.title, children: o.items.map((i) => i.title) }));
    return { pages, labels, xmp, info: meta.info as Record<string, unknown>, outline };
  } finally {
    await doc.destroy();
  }
}

/** Each font poppler finds, and whether it is embedded. */
export function fonts(pdf: Buffer): { name: string; embedded: boolean }[] {
  const out = execFileSync('pdffonts', ['-'], { input: pdf }).toString('utf8').split('\n').slice(2).filter(Boolean);
  return out.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name … emb sub uni object ID: emb is the 5th column from the end.
    return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
  });
}

/** qpdf --check (through a temporary file: qpdf reads no stdin): its exit status and output. */
export function qpdfCheck(pdf: Buffer): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'spt-qpdf-'));
  try {
    const file = join(dir, 'check.pdf');
    writeFileSync(file, pdf);
    const r = spawnSync('qpdf', ['--check', file]);
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
