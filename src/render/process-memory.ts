// Linux /proc readings of a process tree (Chromium's): its live descendants, each one's resident memory
// (RSS, cheap: statm) and proportional share (PSS, exact but costlier: smaps_rollup), and its kind.
// Elsewhere (no /proc) every reading is empty, and the renderer's memory watch does nothing.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;
const MB = 1024 * 1024;

/** `pid` and every live descendant, found through /proc/<pid>/task/<tid>/children. */
export function processTree(pid: number): number[] {
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0 && out.length < 1000) {
    const p = queue.shift()!;
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      continue; // gone
    }
    out.push(p);
    for (const tid of tasks) {
      try {
        for (const c of readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8').split(' ')) if (c.trim()) queue.push(Number(c));
      } catch {
        // thread or process went away
      }
    }
  }
  return out;
}

/** Resident memory of one process in MB (0 once it is gone). */
export function rssMb(pid: number): number {
  try {
    return (Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES) / MB;
  } catch {
    return 0;
  }
}

/** Proportional set size of one process in MB (shared pages divided among their sharers; 0 once gone). */
export function pssMb(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The summed PSS of a process tree in MB: what it really costs the machine. */
export function treePssMb(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + pssMb(p), 0);
}

/** Whether `pid` is a Chromium renderer process (`--type=renderer`). */
export function isRendererProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
  } catch {
    return false;
  }
}
