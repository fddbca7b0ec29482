import type { Logger } from '@khao/logging';
import { PeriodicPass } from '@khao/messaging';

/** A timer further away than this is left to the sweep (the due marker is durable either way). */
const LOCAL_TIMER_MAX_MS = 5 * 60_000;

export interface PostSchedulerOptions {
  /** Steps running at once in this process. */
  concurrency: number;
  sweepEveryMs: number;
  logger: Logger;
  /** Works on one post; never runs twice at once for the same post. */
  step: (id: string, token?: string) => Promise<void>;
  /** The due work markers of every replica, for the sweep. */
  due: () => Promise<{ _id: string; token: string }[]>;
}

/**
 * When posts are worked on, not what happens to them: one step per post at a time (a kick during a step runs
 * another once it ends), at most `concurrency` steps at once, channels paused until a rate limit resets, local timers
 * for what is due soon and a periodic sweep for the rest (and for what a crash left).
 */
export class PostScheduler {
  private readonly inFlight = new Set<string>();
  private readonly again = new Set<string>();
  private readonly pausedUntil = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private readonly sweeps: PeriodicPass;

  constructor(private readonly o: PostSchedulerOptions) {
    this.sweeps = new PeriodicPass({
      what: 'sweep',
      everyMs: o.sweepEveryMs,
      logger: o.logger,
      pass: () => this.sweepDue(),
    });
  }

  start(): void {
    this.sweeps.start();
  }

  /** No new steps, no timers; resolves once the steps in hand are done. */
  async stop(): Promise<void> {
    const sweeping = this.sweeps.stop(); // stops kicks at once, then waits for the sweep in flight
    for (const t of this.timers.values()) clearTimeout(t);
    await sweeping;
    while (this.running > 0) await new Promise((r) => setTimeout(r, 50));
  }

  get stopped(): boolean {
    return this.sweeps.isStopped;
  }

  /** Works on one post now; safe to call any number of times from anywhere. `token`: its work marker's, if known. */
  kick(id: string, token?: string): void {
    if (this.stopped) return;
    if (this.inFlight.has(id)) {
      // Something changed while a step runs (a retry, say): look again once it is done.
      this.again.add(id);
      return;
    }
    this.inFlight.add(id);
    void this.withSlot(() => this.o.step(id, token))
      .catch((err: Error) =>
        this.o.logger.warn({ postId: id, err: err.message }, 'post step failed; the sweep will retry'),
      )
      .finally(() => {
        this.inFlight.delete(id);
        if (this.again.delete(id)) this.kick(id);
      });
  }

  /** Kicks the post at `at` from a local timer when that is soon; later ones wait for a sweep. */
  wakeAt(id: string, at: number, token: string): void {
    const delay = at - Date.now();
    if (delay > LOCAL_TIMER_MAX_MS || this.stopped) return;
    clearTimeout(this.timers.get(id));
    const t = setTimeout(
      () => {
        this.timers.delete(id);
        this.kick(id, token);
      },
      Math.max(0, delay) + 5,
    );
    t.unref();
    this.timers.set(id, t);
  }

  /** Nothing is sent on the channel before `until` (ms), e.g. a platform's rate-limit reset. */
  pause(channelId: string, until: number): void {
    this.pausedUntil.set(channelId, until);
  }

  /** Until when (ms) the channel is paused; 0 when it is not. */
  pausedTill(channelId: string, now = Date.now()): number {
    const until = this.pausedUntil.get(channelId) ?? 0;
    return until > now ? until : 0;
  }

  /** Due work of every replica, including what a crash left (leases run out into the work set). */
  private async sweepDue(): Promise<void> {
    for (const m of await this.o.due()) {
      if (!this.inFlight.has(m._id)) this.kick(m._id, m.token);
    }
  }

  private async withSlot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.o.concurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
