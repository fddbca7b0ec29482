import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '@khao/logging';
import { PeriodicPass } from './periodic-pass.js';

const lines: string[] = [];
const logger = createLogger({
  service: 'spec',
  level: 'info',
  destination: { write: (l: string) => lines.push(l) } as unknown as NodeJS.WritableStream,
});

/** A pass the test finishes by hand, counting how many ran and how many ran at once. */
function passes() {
  const open: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const s = { started: 0, active: 0, maxActive: 0, open };
  const pass = () =>
    new Promise<void>((resolve, reject) => {
      s.started++;
      s.active++;
      s.maxActive = Math.max(s.maxActive, s.active);
      const done = () => s.active--;
      open.push({
        resolve: () => (done(), resolve()),
        reject: (e) => (done(), reject(e)),
      });
    });
  /** Finishes the oldest pass still running. */
  const finish = async (err?: Error) => {
    const p = open.shift();
    if (!p) throw new Error('no pass is running');
    if (err) p.reject(err);
    else p.resolve();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { s, pass, finish };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('PeriodicPass', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    lines.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('runs a pass on start and then on every tick, never doubling one still running', async () => {
    const { s, pass, finish } = passes();
    const p = new PeriodicPass({ what: 'spec pass', everyMs: 1000, logger, pass });
    p.start();
    await settle();
    expect(s.started).toBe(1);
    await vi.advanceTimersByTimeAsync(3000); // three ticks while the first pass runs
    expect(s.started).toBe(1);
    await finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.started).toBe(2);
    await finish();
    expect(s.maxActive).toBe(1);
    await p.stop();
  });

  it('wake() runs a pass at once when idle, and exactly one more right after a running one', async () => {
    const { s, pass, finish } = passes();
    const p = new PeriodicPass({ what: 'spec pass', everyMs: 60_000, logger, pass });
    p.start();
    await settle();
    await finish();
    expect(s.started).toBe(1);

    p.wake(); // idle: now, not at the next tick
    await settle();
    expect(s.started).toBe(2);
    p.wake();
    p.wake();
    p.wake(); // three wake-ups during a pass ask for one more pass, after it
    await settle();
    expect(s.started).toBe(2);
    await finish();
    expect(s.started).toBe(3);
    await finish();
    expect(s.started).toBe(3); // nothing asked for another
    expect(s.maxActive).toBe(1);
    await p.stop();
  });

  it('logs a failed pass and tries again on the next tick', async () => {
    const { s, pass, finish } = passes();
    const p = new PeriodicPass({ what: 'spec pass', everyMs: 1000, logger, pass });
    p.start();
    await settle();
    await finish(new Error('database went away'));
    expect(lines.some((l) => l.includes('spec pass failed; will retry') && l.includes('database went away'))).toBe(
      true,
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.started).toBe(2);
    await finish();
    await p.stop();
  });

  it('stop() waits for the pass in flight, drops a pending wake-up and starts nothing more', async () => {
    const { s, pass, finish } = passes();
    const p = new PeriodicPass({ what: 'spec pass', everyMs: 1000, logger, pass });
    p.start();
    await settle();
    p.wake(); // would run another pass after this one
    let stopped = false;
    const stopping = p.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    expect(p.isStopped).toBe(true);
    await finish();
    await stopping;
    expect(stopped).toBe(true);
    p.wake();
    await p.run();
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.started).toBe(1);
  });

  it('start() after stop() runs passes again', async () => {
    const { s, pass, finish } = passes();
    const p = new PeriodicPass({ what: 'spec pass', everyMs: 1000, logger, pass });
    p.start();
    await settle();
    await finish();
    await p.stop();
    p.start();
    await settle();
    expect(s.started).toBe(2);
    await finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.started).toBe(3); // one timer, not two
    await finish();
    await p.stop();
  });
});
