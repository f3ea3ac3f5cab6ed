import puppeteer from 'puppeteer-core';
import { readFileSync, readdirSync } from 'node:fs';
import { CHROMIUM_ARGS } from './src/render/browser-path.js';
const b = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, pipe: true, headless: true });
const root = b.process()!.pid!;
function tree(pid: number): number[] { const out=[pid]; for (const t of readdirSync(`/proc/${pid}/task`)) { try { for (const c of readFileSync(`/proc/${pid}/task/${t}/children`,'utf8').trim().split(/\s+/).filter(Boolean)) out.push(...tree(Number(c))); } catch {} } return out; }
const rss = (pid: number) => { try { return Number(readFileSync(`/proc/${pid}/statm`,'utf8').split(' ')[1]) * 4096 / 2**20; } catch { return 0; } };
const page = await b.newPage(); await page.setJavaScriptEnabled(false);
const rows = Number(process.argv[2] ?? 20000);
const row = (i: number) => `<tr><td>${i}</td><td>${'Lorem ipsum dolor sit amet consectetur '.repeat(3)}</td><td>Green</td></tr>`;
const html = `<!doctype html><html><body><table>${Array.from({length: rows}, (_, i) => row(i)).join('')}</table></body></html>`;
console.log('html MB', (html.length/2**20).toFixed(1));
let peak = 0; const t0 = Date.now();
const iv = setInterval(() => { const ps = tree(root); const per = ps.map(p => [p, rss(p)] as const); const tot = per.reduce((a, x) => a + x[1], 0); const mx = Math.max(...per.slice(1).map(x=>x[1])); peak = Math.max(peak, tot); if ((Date.now()-t0) % 1000 < 200) console.log(((Date.now()-t0)/1000).toFixed(1), 'total', tot.toFixed(0), 'max child', mx.toFixed(0)); }, 200);
try { await page.setContent(html, { timeout: 60000 }); console.log('loaded', (Date.now()-t0)/1000); const pdf = await page.pdf({ timeout: 120000, tagged: true }); console.log('pdf MB', (pdf.length/2**20).toFixed(1), (Date.now()-t0)/1000); } catch (e) { console.log('err', String(e)); }
clearInterval(iv); console.log('peak', peak.toFixed(0)); await b.close();
