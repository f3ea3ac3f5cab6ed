import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { Renderer } from '../../src/render/renderer.js';
import { GatewayTimeoutError, ServiceUnavailableError } from '../../src/shared/errors.js';
import { createTestApp, problem } from '../helpers/app.js';
import { pageCount, pdfText } from '../helpers/pdf.js';

const page = (text: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body><p>${text}</p></body></html>`;
const renderers: Renderer[] = [];
const make = (opts: ConstructorParameters<typeof Renderer>[0]) => {
  const r = new Renderer(opts);
  renderers.push(r);
  return r;
};
afterAll(async () => {
  await Promise.all(renderers.map((r) => r.close()));
});

describe('Renderer', () => {
  it('reuses one browser across renders and prints real PDFs', async () => {
    const r = make({ concurrency: 2 });
    const pdfs = await Promise.all(['one', 'two', 'three'].map((t) => r.pdf(page(t))));
    expect(pdfs.map((p) => pdfText(p).trim())).toEqual(['one', 'two', 'three']);
    expect(r.stats.launches).toBe(1);
    expect(pageCount(pdfs[0]!)).toBe(1);
  });

  it('prints each document on a fresh page and leaves nothing of it behind', async () => {
    const r = make({ concurrency: 1 });
    await r.pdf(page('CONFIDENTIAL-ONE'));
    await r.pdf(page('CONFIDENTIAL-TWO'));
    const browser = (await r.currentBrowser())!;
    for (let i = 0; i < 50; i++) {
      const contents = await Promise.all((await browser.pages()).map((p) => p.content().catch(() => '')));
      if (!contents.some((c) => c.includes('CONFIDENTIAL'))) return;
      await new Promise((ok) => setTimeout(ok, 100)); // pages close in the background
    }
    throw new Error('a printed document is still open in the browser');
  });

  it('refuses every request the page makes and runs no script', async () => {
    let hits = 0;
    let connections = 0;
    const server: Server = createServer((_req, res) => {
      hits++;
      res.end('x');
    });
    server.on('connection', (socket) => {
      connections++; // even a speculative preconnect counts
      socket.destroy();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const r = make({});
    const pdf = await r.pdf(
      `<!doctype html><html><head><link rel="stylesheet" href="${url}/a.css"><style>body{background:url(${url}/bg.png)}</style></head>` +
        `<body><img src="${url}/x.png"><iframe src="${url}/f"></iframe><script>document.body.append('SCRIPT RAN')</script><p>done</p></body></html>`,
    );
    await new Promise<void>((ok) => server.close(() => ok()));
    expect(hits).toBe(0);
    expect(connections).toBe(0);
    expect(r.stats.blockedRequests).toBeGreaterThan(0);
    expect(pdfText(pdf)).toContain('done');
    expect(pdfText(pdf)).not.toContain('SCRIPT RAN');
  });

  it('recovers when the browser dies in the middle of a queue', async () => {
    const r = make({ concurrency: 1, queueLimit: 10 });
    await r.pdf(page('warm up'));
    const browser = await r.currentBrowser();
    const jobs = Array.from({ length: 5 }, (_, i) => r.pdf(page(`job ${i}`)));
    // Kill Chromium hard while the first job is printing and the rest are queued.
    browser!.process()!.kill('SIGKILL');
    const results = await Promise.allSettled(jobs);
    const done = results.filter((x) => x.status === 'fulfilled').map((x) => pdfText((x as PromiseFulfilledResult<Buffer>).value).trim());
    // The queued jobs all succeed on a relaunched browser (an in-flight one is retried once).
    expect(done.length).toBeGreaterThanOrEqual(4);
    expect(r.stats.launches).toBe(2);
    expect(pdfText(await r.pdf(page('after'))).trim()).toBe('after');
  });

  it('stops a render that takes too long, with a clear error', async () => {
    const r = make({ timeoutMs: 1 });
    const big = page('x '.repeat(200_000));
    await expect(r.pdf(big)).rejects.toBeInstanceOf(GatewayTimeoutError);
    await expect(r.pdf(big)).rejects.toThrow(/took longer than/);
  });

  it('refuses work beyond its queue with 503-class errors', async () => {
    const r = make({ concurrency: 1, queueLimit: 1 });
    const results = await Promise.allSettled([1, 2, 3, 4].map((i) => r.pdf(page(`q${i}`))));
    const refused = results.filter((x) => x.status === 'rejected');
    expect(refused.length).toBe(2);
    for (const x of refused) expect((x as PromiseRejectedResult).reason).toBeInstanceOf(ServiceUnavailableError);
  });

  it('answers HTTP with 504 and 503 problems', async () => {
    const t = await createTestApp({ render: { timeoutMs: 1 } });
    try {
      const plan = (await t.admin.post('/api/v1/plans', { title: 'P', kind: 'wsoa', localArea: 'X' })).json();
      const p = problem(await t.admin.get(`/api/v1/plans/${plan.id}/progress-report/pdf`), 504);
      expect(p.detail).toMatch(/took longer than/);
    } finally {
      await t.close();
    }
    const busy = await createTestApp({ render: { concurrency: 1, queueLimit: 0 } });
    try {
      const plan = (await busy.admin.post('/api/v1/plans', { title: 'P', kind: 'wsoa', localArea: 'X' })).json();
      const all = await Promise.all([1, 2, 3].map(() => busy.admin.get(`/api/v1/plans/${plan.id}/progress-report/pdf`)));
      const refused = all.filter((r) => r.statusCode === 503);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(refused[0]!.headers['retry-after']).toBeDefined();
      problem(refused[0]!, 503);
      expect(all.some((r) => r.statusCode === 200)).toBe(true);
    } finally {
      await busy.close();
    }
  });
});
