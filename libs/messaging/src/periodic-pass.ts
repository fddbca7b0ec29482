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
 * `wake()` asks for a pass before the timer's next tick: at once, or right after the one running (never two at once).
 */
export class PeriodicPass {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  /** A wake-up arrived during a pass: the work it announces may have come too late for that pass to see. */
  private rerun = false;
  private stopped = false;

  constructor(private readonly o: PeriodicPassOptions) {}

  /** Runs a pass now, then every `everyMs`; after `stop()` it starts again. */
  start(): void {
    this.stopped = false;
    clearInterval(this.timer);
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
      .finally(() => {
        this.running = undefined;
        if (this.rerun) {
          this.rerun = false;
          void this.run();
        }
      });
    return this.running;
  }

  /** New work may be waiting: a pass now, or one more right after the pass running (however many wake-ups came). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.rerun = true;
    else void this.run();
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** No new pass starts; resolves once the one in flight (if any) has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.rerun = false;
    clearInterval(this.timer);
    await this.running;
  }
}
