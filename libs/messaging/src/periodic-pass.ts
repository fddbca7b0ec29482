import type { Logger } from '@khao/logging';

export interface PeriodicPassOptions {
  /** Names the pass in the warning logged when one fails. */
  what: string;
  everyMs: number;
  logger: Logger;
  pass: () => Promise<void>;
}

/**
 * Background work that runs now and then every `everyMs`, one pass at a time: a pass still running when the timer
 * fires is not doubled, a failed pass is logged and tried again next time, and `stop()` waits for the pass in flight.
 */
export class PeriodicPass {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(private readonly o: PeriodicPassOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.run(), this.o.everyMs);
    this.timer.unref();
    void this.run();
  }

  /** Runs a pass now unless one is running (then it waits for that one) or the work has stopped. */
  run(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.o
      .pass()
      .catch((err: Error) => this.o.logger.warn({ err: err.message }, `${this.o.what} failed; will retry`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }
}
