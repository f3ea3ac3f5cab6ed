// Summarises a V8 CPU profile (node --cpu-prof): self time by package/file, and the heaviest functions by
// self and by total (inclusive) time. `npx tsx bench/profile-summary.ts FILE.cpuprofile [--top N] [--match TEXT]`
// (--match: only show functions whose name or file contains TEXT in the inclusive list).
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const file = process.argv[2]!;
const top = Number(process.argv[process.argv.indexOf('--top') + 1] || 25) || 25;
const matchAt = process.argv.indexOf('--match');
const match = matchAt > 0 ? process.argv[matchAt + 1] : undefined;
const prof = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// Self time per node from the samples and their time deltas (µs).
const self = new Map<number, number>();
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (url: string) => {
  if (!url) return '(native/V8)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith('node:')) return url;
  const s = /\/work\/(?:main|wt\/[^/]+)\/(.*)$/.exec(url);
  return s ? s[1]! : url;
};
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;

const bucket = new Map<string, number>();
const fnSelf = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  const b = n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)' || n.callFrame.functionName === '(garbage collector)' ? n.callFrame.functionName : where(n.callFrame.url);
  bucket.set(b, (bucket.get(b) ?? 0) + us);
  fnSelf.set(label(n), (fnSelf.get(label(n)) ?? 0) + us);
}
// Inclusive: every distinct function on a sample's stack gets its time once.
const fnTotal = new Map<string, number>();
for (const [id, us] of self) {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    fnTotal.set(l, (fnTotal.get(l) ?? 0) + us);
  }
}

const show = (title: string, m: Map<string, number>, filter?: (k: string) => boolean) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...m].filter(([k]) => !filter || filter(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
};
console.log(`${file}: ${(total / 1e6).toFixed(2)} s sampled`);
show('Self time by package / file', bucket);
show('Self time by function', fnSelf);
show('Total (inclusive) time by function', fnTotal, match ? (k) => k.includes(match) : (k) => !k.startsWith('(root)'));
