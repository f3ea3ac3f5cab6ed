// Real files of each uploadable type, made at test time: PNG and JPEG by poppler from a real PDF, XLSX by
// exceljs, DOCX and PPTX as minimal Office packages zipped by archiver.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import archiver from 'archiver';
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export async function pdfWith(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

export async function image(kind: 'png' | 'jpeg', text = 'chart'): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'spt-img-'));
  try {
    execFileSync('pdftoppm', [`-${kind}`, '-r', '12', '-singlefile', '-', join(dir, 'x')], { input: await pdfWith(text) });
    return readFileSync(join(dir, kind === 'png' ? 'x.png' : 'x.jpg'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Data').addRow(['Month', 'EHCPs within 20 weeks']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function zip(entries: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const a = archiver('zip');
    const chunks: Buffer[] = [];
    a.on('data', (c: Buffer) => chunks.push(c));
    a.on('end', () => resolve(Buffer.concat(chunks)));
    a.on('error', reject);
    for (const [name, text] of Object.entries(entries)) a.append(text, { name });
    void a.finalize();
  });
}

const types = (main: string, type: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="${type}"/></Types>`;

export const docx = () =>
  zip({
    '[Content_Types].xml': types('word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'),
    'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>SEND strategy</w:t></w:r></w:p></w:body></w:document>',
  });

export const pptx = () =>
  zip({
    '[Content_Types].xml': types('ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'),
    'ppt/presentation.xml': '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
  });

export const MEDIA = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  csv: 'text/csv',
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const;
