// The in-process scheduler of update rounds: on start and then on an interval it asks the service for
// the work that is due (read from the database, so a restart loses nothing; claimed rows, so several
// processes do it once). Runs never overlap; stop() waits for the current one.
import type { UpdateRoundsService } from './service.js';

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
  ) {}

  start(): void {
    if (this.timer || this.stopped) return;
    this.tick();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  private tick(): void {
    if (this.running || this.stopped) return;
    this.running = this.service
      .runDue()
      .catch((err: Error) => this.log.error({ reason: err.message }, 'update-round scheduler run failed'))
      .finally(() => {
        this.running = null;
      });
  }

  /** One run now (after any run in progress): what tests and the CLI call. */
  async runOnce() {
    await this.running;
    return this.service.runDue();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
