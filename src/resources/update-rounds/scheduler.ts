// The in-process scheduler of update rounds: on start and then on an interval it asks the service for
// the work that is due (read from the database, so a restart loses nothing; claimed rows, so several
// processes do it once). Runs never overlap; stop() waits for the current one. Across processes, `exclusive`
// (an advisory lock on PostgreSQL) lets one process scan at a time: the others skip that tick.
import type { Exclusive } from '../../db/advisory-locks.js';
import type { UpdateRoundsService } from './service.js';

export type RunResult = { opened: number; reminded: number; escalated: number; skipped?: true };
type Run = Awaited<ReturnType<UpdateRoundsService['runDue']>>;

export interface SchedulerLog {
  error(obj: object, msg: string): void;
}

export class UpdateRoundScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly service: UpdateRoundsService,
    private readonly intervalMs: number,
    private readonly log: SchedulerLog,
    private readonly exclusive: (fn: () => Promise<Run>) => Promise<Exclusive<Run>> = async (fn) => ({ ran: true, value: await fn() }),
  ) {}

  start(): void {
    if (this.timer || this.stopped) return;
    this.tick();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  private tick(): void {
    if (this.running || this.stopped) return;
    this.running = this.run()
      .catch((err: Error) => this.log.error({ reason: err.message }, 'update-round scheduler run failed'))
      .finally(() => {
        this.running = null;
      });
  }

  /** One run now (after any run in progress): what tests and the CLI call. `skipped` when another process was running. */
  async runOnce(): Promise<RunResult> {
    await this.running;
    return this.run();
  }

  private async run(): Promise<RunResult> {
    const done = await this.exclusive(() => this.service.runDue());
    return done.ran ? done.value : { opened: 0, reminded: 0, escalated: 0, skipped: true };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
