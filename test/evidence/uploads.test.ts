// Evidence files through POST /uploads: each accepted type with real files, content checked against the
// Content-Type, 25 MB ceiling, one file stored once, only PDFs as meeting documents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problem, type TestApp } from '../helpers/app.js';
import { docx, image, MEDIA, pdfWith, pptx, xlsx, zip } from '../helpers/files.js';

let t: TestApp;
const send = (type: string, payload: Buffer | string, filename?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/uploads${filename ? `?filename=${encodeURIComponent(filename)}` : ''}`,
    headers: { authorization: `Bearer ${'test-admin-token-0123456789'}`, 'content-type': type },
    payload,
  });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('POST /uploads for evidence files', () => {
  it('accepts DOCX, XLSX, PPTX, CSV, PNG, JPEG and PDF → 201 {id, pages|null, mediaType, bytes, sha256}', async () => {
    const files: [string, Buffer][] = [
      [MEDIA.docx, await docx()],
      [MEDIA.xlsx, await xlsx()],
      [MEDIA.pptx, await pptx()],
      [MEDIA.csv, Buffer.from('month,value\n2022-10,57.3\n')],
      [MEDIA.png, await image('png')],
      [MEDIA.jpeg, await image('jpeg')],
      [MEDIA.pdf, await pdfWith('evidence')],
    ];
    for (const [type, bytes] of files) {
      const res = await send(type, bytes);
      expect(res.statusCode, `${type}: ${res.body}`).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({ id: expect.any(String), mediaType: type, bytes: bytes.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(body.pages).toBe(type === MEDIA.pdf ? 1 : null);
      expect(res.headers.location).toBe(`/api/v1/uploads/${body.id}`);
      const file = await t.admin.get(`/api/v1/uploads/${body.id}/file`);
      expect(file.headers['content-type']).toContain(type);
      expect(file.rawPayload.equals(bytes)).toBe(true);
    }
    // CSV with a charset parameter is CSV too.
    expect((await send('text/csv; charset=utf-8', 'a,b\n1,2\n')).statusCode).toBe(201);
  });

  it('refuses content that does not match its Content-Type → 400 problem', async () => {
    const png = await image('png');
    const cases: [string, Buffer | string][] = [
      [MEDIA.png, await image('jpeg')],
      [MEDIA.jpeg, png],
      [MEDIA.docx, await xlsx()],
      [MEDIA.xlsx, await docx()],
      [MEDIA.pptx, await zip({ 'ppt/presentation.xml': '<p/>' })],
      [MEDIA.docx, Buffer.from('PK\u0003\u0004 not really a zip')],
      [MEDIA.csv, Buffer.from([0x61, 0x2c, 0x00, 0x62])],
      [MEDIA.csv, Buffer.from([0x61, 0xff, 0xfe, 0x0a])],
      [MEDIA.png, Buffer.concat([png.subarray(0, 16), Buffer.alloc(8), png.subarray(24)])],
      [MEDIA.pdf, png],
      [MEDIA.csv, Buffer.alloc(0)],
    ];
    for (const [type, bytes] of cases) {
      const body = problem(await send(type, bytes), 400);
      expect(body.errors?.[0]?.in).toBe('body');
    }
    // A macro-enabled document declaring another main type is not a DOCX.
    const docm = await zip({
      '[Content_Types].xml': '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
      'word/document.xml': '<w:document/>',
    });
    expect(problem(await send(MEDIA.docx, docm), 400).detail).toContain('[Content_Types].xml');
    // Other types: 415.
    problem(await send('image/gif', Buffer.from('GIF89a')), 415);
  });

  it('refuses more than 25 MB → 413', async () => {
    problem(await send(MEDIA.csv, Buffer.alloc(25 * 1024 * 1024 + 1, 0x61)), 413);
  });

  it('stores one file once: the same bytes again answer with the same upload', async () => {
    const bytes = await docx();
    const a = (await send(MEDIA.docx, bytes, 'strategy.docx')).json();
    const b = (await send(MEDIA.docx, bytes, 'strategy-copy.docx')).json();
    expect(b.id).toBe(a.id);
    const [rows] = await t.query<{ n: number }>('select count(*) as n from uploads where sha256 = ?', [a.sha256]);
    expect(rows!.n).toBe(1);
  });

  it('only PDF uploads can be meeting documents', async () => {
    const png = (await send(MEDIA.png, await image('png', 'other'))).json();
    const pdf = (await send(MEDIA.pdf, await pdfWith('meeting doc'))).json();
    const meeting = (d: string) => ({
      committee: 'SEND Scrutiny Review Group',
      startsAt: '2022-12-13T18:00:00Z',
      items: [{ number: 1, title: 'Report', document: { type: 'upload', id: d } }],
    });
    expect(problem(await t.admin.post('/api/v1/meetings', meeting(png.id)), 400).errors?.[0]?.path).toBe('items.0.document.id');
    expect((await t.admin.post('/api/v1/meetings', meeting(pdf.id))).statusCode).toBe(201);
    problem(await t.admin.get(`/api/v1/uploads/${png.id}/pdf`), 404);
  });
});
