// The "what changed" benchmark: on a copy of the dataset, three years of monthly action history are added
// through the service (progress, re-dating, completions, each at its own simulated date), then the
// changes of one month are computed through the service, as GET /plans/:planId/changes does.
import { SYSTEM_ACTOR } from '../src/db/store.js';
import type { DatasetInfo } from './dataset.js';
import { mulberry32 } from './dataset.js';

const ACTOR = { ...SYSTEM_ACTOR, name: 'bench history' };
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');
/** Day `day` of the month `m` months after November 2023. */
const monthDay = (m: number, day: number) => `${2023 + Math.floor((10 + m) / 12)}-${pad(((10 + m) % 12) + 1)}-${pad(day)}`;

export async function changesPhase(dbPath: string, info: DatasetInfo, opts: { quick: boolean; log: (m: string) => void }) {
  const { buildApp } = await import('../src/app.js');
  let clock = new Date('2023-11-01T09:00:00Z');
  const app = await buildApp({ databasePath: dbPath, now: () => clock, authFailureLimit: false });
  try {
    app.database.sqlite!.writer.pragma('synchronous = OFF');
    const r = mulberry32(info.seed + 16);
    const ids = (await app.repos.actions.inPlan(info.planId)).map((a) => a.id);
    const months = 36;
    const perMonth = 150;
    const t0 = performance.now();
    for (let m = 0; m < months; m++) {
      for (let k = 0; k < perMonth; k++) {
        clock = new Date(`${monthDay(m, 1 + (k % 27))}T10:00:00Z`);
        const id = ids[Math.floor(r() * ids.length)]!;
        const a = await app.repos.actions.get(id);
        if (!a || a.status === 'complete' || a.status === 'cancelled') continue;
        const roll = r();
        const body =
          roll < 0.4
            ? { percentComplete: Math.min(99, a.percentComplete + 10) }
            : roll < 0.75
              ? { revisedDueDate: addDays(a.revisedDueDate ?? a.dueDate, 14 + Math.floor(r() * 120)), delayReason: 'Recruitment slower than planned', mitigation: 'Interim capacity agreed' }
              : roll < 0.9
                ? { status: 'complete' as const, percentComplete: 100 }
                : { ragOverride: 'at-risk' as const, ragOverrideReason: 'Dependency on the case management system' };
        await app.services.actions.update(id, body, undefined, ACTOR);
      }
    }
    opts.log(`  changes: ${months} months of action history added in ${Math.round(performance.now() - t0)} ms`);
    clock = new Date('2026-11-20T09:00:00Z');
    const samples = opts.quick ? 3 : 7;
    const ms: number[] = [];
    const cpuMs: number[] = [];
    let result: Awaited<ReturnType<typeof app.services.changes.forPlan>> | undefined;
    for (let i = 0; i < samples; i++) {
      const s = performance.now();
      const c = process.cpuUsage();
      result = await app.services.changes.forPlan(info.planId, '2026-09-30', '2026-10-31');
      const used = process.cpuUsage(c);
      ms.push(performance.now() - s);
      cpuMs.push((used.user + used.system) / 1000);
    }
    ms.sort((a, b) => a - b);
    cpuMs.sort((a, b) => a - b);
    const events = (app.database.sqlite!.reader.prepare("select count(*) as n from audit_events where resource_type in ('action','risk','issue')").get() as { n: number }).n;
    return {
      events,
      historyMonths: months,
      samples,
      medianMs: Math.round(ms[Math.floor(ms.length / 2)]!),
      maxMs: Math.round(ms[ms.length - 1]!),
      // CPU time of this process (SQLite runs in it): on a shared machine wall time also counts waiting.
      medianCpuMs: Math.round(cpuMs[Math.floor(cpuMs.length / 2)]!),
      loadAverage: (await import('node:os')).loadavg()[0],
      found: {
        ragChanged: result!.actions.ragChanged.length,
        redated: result!.actions.redated.length,
        completed: result!.actions.completed.length,
        risksOpened: result!.risks.opened.length,
      },
    };
  } finally {
    await app.close();
  }
}
