// The renderer's bounds with real Chromium: HTML over the size limit refused before printing; a generated
// document that drives its renderer past the memory limit stopped with a 422 problem while the processes
// (this one + Chromium, PSS) stay under 1.5 GB, and the next render still works; Chromium closed after
// the idle period and started again on demand; anonymous renders never take the last slot.
import { afterAll, describe, expect, it } from 'vitest';
import { renderingFor } from '../../src/render/audience.js';
import { chromiumArgs } from '../../src/render/browser-path.js';
import { processTree, treePssMb } from '../../src/render/process-memory.js';
import { DocumentTooLargeError } from '../../src/render/render-errors.js';
import { Renderer } from '../../src/render/renderer.js';
import { ServiceUnavailableError } from '../../src/shared/errors.js';
import { createTestApp, problem } from '../helpers/app.js';
import { pdfText } from '../helpers/pdf.js';

const page = (text: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body><p>${text}</p></body></html>`;
/** A plain table of `rows` rows: ~160 bytes each; measured, 20,000 rows (3 MB) took a renderer past 4 GB. */
const hugeTable = (rows: number) =>
  `<!doctype html><html lang="en"><head><title>huge</title></head><body><table>${Array.from(
    { length: rows },
    (_, i) => `<tr><td>${i}</td><td>${'Lorem ipsum dolor sit amet consectetur '.repeat(3)}</td><td>Green</td></tr>`,
  ).join('')}</table></body></html>`;

const renderers: Renderer[] = [];
const make = (opts: ConstructorParameters<typeof Renderer>[0]) => {
  const r = new Renderer(opts);
  renderers.push(r);
  return r;
};
afterAll(async () => {
  await Promise.all(renderers.map((r) => r.close()));
});

/** Samples the summed PSS of this process and Chromium's tree every 200 ms until stopped; returns the peak. */
function watchPss(renderer: Renderer) {
  let peak = 0;
  const sample = async () => {
    const browserPid = (await renderer.currentBrowser())?.process()?.pid;
    const mb = treePssMb(process.pid) + (browserPid && !processTree(process.pid).includes(browserPid) ? treePssMb(browserPid) : 0);
    peak = Math.max(peak, mb);
  };
  const timer = setInterval(() => void sample(), 200);
  return {
    stop: async () => {
      clearInterval(timer);
      await sample();
      return peak;
    },
  };
}

describe('Renderer limits', () => {
  it('refuses HTML over the size limit before starting Chromium', async () => {
    const r = make({ maxHtmlBytes: 100_000 });
    const err = await r.pdf(page('x'.repeat(100_001))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentTooLargeError);
    expect((err as DocumentTooLargeError).status).toBe(422);
    expect((err as Error).message).toMatch(/MB of HTML; at most 0\.1 MB/);
    expect(r.stats.launches).toBe(0);
    // Counted in bytes, not characters: 40,000 three-byte characters are 120,000 bytes.
    await expect(r.pdf(page('€'.repeat(40_000)))).rejects.toBeInstanceOf(DocumentTooLargeError);
  });

  it('stops a render whose renderer goes over the memory limit, and prints the next one', { timeout: 180_000 }, async () => {
    // 400 MB, well below what the document needs: the memory is sampled every 200 ms, and on a loaded
    // machine a renderer can grow far past the limit before the next sample sees it.
    const r = make({ memoryLimitMb: 400, timeoutMs: 120_000, concurrency: 2 });
    expect(pdfText(await r.pdf(page('warm up'))).trim()).toBe('warm up');
    const watch = watchPss(r);
    // Under the size limit, but printing it tagged needs ~0.7 GB in one renderer (measured with the flags of
    // browser-path.ts; 3,500 rows needed only ~0.45 GB once those cut the renderer's memory): well past the limit, and
    // small enough that however late a sample sees it (a loaded machine), the whole stays under 1.5 GB.
    const big = hugeTable(5_000);
    expect(big.length).toBeLessThan(r.maxHtmlBytes);
    let settled = false;
    const bigOne = r.pdf(big).catch((e: unknown) => e).finally(() => (settled = true));
    // Meanwhile, in the other slot, other documents print as usual: only the render over the limit stops.
    const others: string[] = [];
    while (!settled) others.push(pdfText(await r.pdf(page(`beside ${others.length}`))).trim());
    const err = await bigOne;
    const peak = await watch.stop();
    expect(others.length).toBeGreaterThan(0);
    expect(others).toEqual(others.map((_, i) => `beside ${i}`));
    expect(err).toBeInstanceOf(DocumentTooLargeError);
    expect((err as Error).message).toMatch(/more than 400 MB of memory/);
    expect(r.stats.memoryKills).toBeGreaterThanOrEqual(1);
    expect(peak).toBeLessThan(1536);
    // The next document prints (in the same browser when the renderer process was the one killed, in a
    // new one when the browser process itself had grown past the limit while printing).
    expect(pdfText(await r.pdf(page('after the big one'))).trim()).toBe('after the big one');
    expect(r.stats.launches).toBeLessThanOrEqual(2);
    console.log(`memory limit test: peak PSS (test process + Chromium) ${Math.round(peak)} MB, peak process RSS ${r.stats.peakProcessMb} MB`);
  });

  it('closes Chromium after the idle period and starts it again on demand', { timeout: 60_000 }, async () => {
    const r = make({ idleCloseMs: 300 });
    expect(pdfText(await r.pdf(page('one'))).trim()).toBe('one');
    const pid = (await r.currentBrowser())!.process()!.pid!;
    const deadline = Date.now() + 20_000;
    while ((await r.currentBrowser()) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
    expect(await r.currentBrowser()).toBeNull();
    expect(r.stats.idleCloses).toBe(1);
    while (processTree(pid).length > 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
    expect(processTree(pid)).toEqual([]);
    expect(pdfText(await r.pdf(page('two'))).trim()).toBe('two');
    expect(r.stats.launches).toBe(2);
  });

  it('keeps a slot for staff: public renders never take the last one, and wait in a small queue of their own', { timeout: 120_000 }, async () => {
    const r = make({ concurrency: 2, publicQueueLimit: 2 });
    await r.pdf(page('warm up'));
    const slow = page('slow '.repeat(60_000));
    const publics = Array.from({ length: 6 }, () => renderingFor('public', () => r.pdf(slow)));
    const settling = Promise.allSettled(publics);
    // One public render runs, two wait; the other three are refused at once (503 with a Retry-After).
    expect(r.load).toEqual({ staff: 0, public: 1, waiting: 2 });
    // A staff render starts at once in the slot public renders may not take.
    const staff = r.pdf(page('for a signed-in user'));
    expect(r.load.staff).toBe(1);
    expect(pdfText(await staff).trim()).toBe('for a signed-in user');
    const settled = await settling;
    const refused = settled.filter((s) => s.status === 'rejected').map((s) => (s as PromiseRejectedResult).reason);
    expect(refused).toHaveLength(3);
    for (const e of refused) {
      expect(e).toBeInstanceOf(ServiceUnavailableError);
      expect((e as ServiceUnavailableError).retryAfterSeconds).toBeGreaterThan(0);
    }
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(3);
  });

  it('with a concurrency of 1, staff still get a slot beside a public render', { timeout: 60_000 }, async () => {
    const r = make({ concurrency: 1, publicQueueLimit: 1 });
    const pub = [renderingFor('public', () => r.pdf(page('public one'))), renderingFor('public', () => r.pdf(page('public two')))];
    expect(r.load).toEqual({ staff: 0, public: 1, waiting: 1 });
    const staff = r.pdf(page('staff'));
    expect(r.load.staff).toBe(1);
    expect(pdfText(await staff).trim()).toBe('staff');
    expect((await Promise.all(pub)).map((p) => pdfText(p).trim())).toEqual(['public one', 'public two']);
  });
});

describe('Chromium flags', () => {
  it('keeps the sandbox on unless running as root, and the quiet-browser flags always', () => {
    const quiet = ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
    expect(chromiumArgs(0)).toContain('--no-sandbox');
    expect(chromiumArgs(1000)).not.toContain('--no-sandbox');
    for (const uid of [0, 1000]) for (const flag of quiet) expect(chromiumArgs(uid)).toContain(flag);
  });
});

describe('Renderer limits over HTTP', () => {
  it('answers 422 document-too-large problems: over the HTML size limit, and over the memory limit', { timeout: 180_000 }, async () => {
    const t = await createTestApp({ render: { memoryLimitMb: 400, timeoutMs: 120_000 } });
    try {
      // A route of the test's own that prints what it is given, so the document can be generated here.
      t.app.get('/test-print/:rows', { config: { public: true } }, async (req, reply) => {
        const pdf = await t.app.renderer.pdf(hugeTable(Number((req.params as { rows: string }).rows)));
        return reply.type('application/pdf').send(pdf);
      });
      const tooLong = problem(await t.app.inject({ url: '/test-print/40000' }), 422);
      expect(tooLong.type).toMatch(/document-too-large/);
      expect(tooLong.title).toBe('Document too large to print');
      expect((tooLong as unknown as { limit: { name: string } }).limit.name).toBe('RENDER_MAX_HTML_MB');
      const watch = watchPss(t.app.renderer);
      const tooBig = problem(await t.app.inject({ url: '/test-print/5000' }), 422);
      const peak = await watch.stop();
      expect(tooBig.detail).toMatch(/more than 400 MB of memory/);
      expect(peak).toBeLessThan(1536);
      const ok = await t.app.inject({ url: '/test-print/10' });
      expect(ok.statusCode).toBe(200);
      expect(pdfText(ok.rawPayload)).toContain('Lorem ipsum');
    } finally {
      await t.close();
    }
  });

  it('keeps printing for signed-in users while 12 anonymous clients saturate public printing', { timeout: 180_000 }, async () => {
    const t = await createTestApp({ render: { concurrency: 2, publicQueueLimit: 2 } });
    try {
      // Stands in for the public pack: an anonymous route whose renders are counted as public.
      const slow = page('public '.repeat(60_000));
      t.app.get('/test-public-print', { config: { public: true } }, (_req, reply) =>
        renderingFor('public', async () => reply.type('application/pdf').send(await t.app.renderer.pdf(slow))),
      );
      const plan = (await t.admin.post('/api/v1/plans', { title: 'Plan', kind: 'wsoa', localArea: 'Wolverhampton' })).json();
      let publicPrinted = 0;
      const anonymous = Array.from({ length: 12 }, () =>
        t.app.inject({ url: '/test-public-print' }).then((r) => {
          if (r.statusCode === 200) publicPrinted++;
          return r;
        }),
      );
      await new Promise((res) => setTimeout(res, 50));
      const staff = [];
      for (let i = 0; i < 3; i++) staff.push(await t.admin.get(`/api/v1/plans/${plan.id}/progress-report/pdf`));
      for (const res of staff) expect(res.statusCode).toBe(200);
      // The staff documents did not wait behind the public queue: it had not drained when they were done.
      const printedBeforeStaffDone = publicPrinted;
      const publicAnswers = await Promise.all(anonymous);
      expect(printedBeforeStaffDone).toBeLessThan(publicAnswers.filter((r) => r.statusCode === 200).length);
      const busy = publicAnswers.filter((r) => r.statusCode === 503);
      expect(busy.length).toBeGreaterThan(0);
      for (const r of busy) {
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
        problem(r, 503);
      }
      expect(publicAnswers.filter((r) => r.statusCode === 200).length).toBeGreaterThanOrEqual(3);
      expect(publicAnswers.every((r) => r.statusCode === 200 || r.statusCode === 503)).toBe(true);
    } finally {
      await t.close();
    }
  });
});
