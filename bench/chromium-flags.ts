// Peak PSS and private memory (USS) of Chromium (every process under it) printing one HTML file six times,
// per set of launch flags beside browser-path.ts's: what each flag saves. `VARIANTS='{"name":["--flag"]}'
// npx tsx bench/chromium-flags.ts FILE.html [runs]` (a table on stdout; PURGE=1: the renderer told to give
// memory back after each print, as ours does). PSS moves with every other Chromium on the machine (shared
// pages are divided among all their users); USS does not.
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from '../src/render/browser-path.js';
import { processTree, pssMb } from '../src/render/process-memory.js';

/** Private (unshared) memory of one process in MB: unlike PSS, not moved by other Chromiums on the machine. */
function ussMb(pid: number): number {
  try {
    const t = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return (Number(/^Private_Clean:\s+(\d+)/m.exec(t)?.[1] ?? 0) + Number(/^Private_Dirty:\s+(\d+)/m.exec(t)?.[1] ?? 0)) / 1024;
  } catch {
    return 0;
  }
}

const file = process.argv[2]!;
const runs = Number(process.argv[3] ?? 3);
const html = readFileSync(file, 'utf8');
const base = process.getuid?.() === 0 ? ['--no-sandbox', ...CHROMIUM_ARGS] : [...CHROMIUM_ARGS];

const variants: Record<string, string[]> = JSON.parse(process.env.VARIANTS ?? 'null') ?? { base: [] };

async function measure(extra: string[], reuseFirst: boolean) {
  const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: [...base, ...extra], handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  const root = browser.process()!.pid!;
  let peak = 0;
  let peakUss = 0;
  let peakProcs = 0;
  const sample = () => {
    const pids = processTree(root);
    const t = pids.reduce((n, p) => n + pssMb(p), 0);
    peakUss = Math.max(peakUss, pids.reduce((n, p) => n + ussMb(p), 0));
    if (t > peak) {
      peak = t;
      peakProcs = pids.length;
    }
  };
  const timer = setInterval(sample, 100);
  const page = reuseFirst ? (await browser.pages())[0]! : await browser.newPage();
  await page.setJavaScriptEnabled(false);
  const ms: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
    ms.push(performance.now() - t);
    sample();
    if (process.env.PURGE) {
      await page.goto('about:blank');
      const cdp = await page.createCDPSession();
      await cdp.send('Memory.simulatePressureNotification', { level: 'critical' });
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.detach();
    }
  }
  clearInterval(timer);
  const procs = processTree(root).map((p) => `${(readFileSync(`/proc/${p}/cmdline`, "utf8").match(/--type=([\w-]+)/)?.[1] ?? "browser")}${readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('top-chrome-webui') ? '(webui)' : ''}:${Math.round(pssMb(p))}/${Math.round(ussMb(p))}`);
  await browser.close();
  ms.sort((a, b) => a - b);
  return { peak: Math.round(peak), uss: Math.round(peakUss), peakProcs, medianMs: Math.round(ms[3]!), procs: procs.join(' ') };
}

for (const [name, extra] of Object.entries(variants)) {
  for (const reuse of process.env.REUSE ? [true] : [false]) {
    const rs = [];
    for (let r = 0; r < runs; r++) rs.push(await measure(extra, reuse));
    const peaks = rs.map((r) => r.peak).sort((a, b) => a - b);
    const uss = rs.map((r) => r.uss).sort((a, b) => a - b);
    console.log(`${name.padEnd(24)} USS ${uss[Math.floor(uss.length / 2)]} MB (${uss.join(', ')}), PSS ${peaks[Math.floor(peaks.length / 2)]} MB (${peaks.join(', ')}), procs ${rs[0]!.peakProcs}, ${rs[0]!.medianMs} ms | ${rs[rs.length - 1]!.procs}`);
  }
}
