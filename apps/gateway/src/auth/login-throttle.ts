import { z } from 'zod';
import { DomainError, ErrorCode } from '@khao/contracts';
import { collectionOf, defineCollection, isDuplicateKey, type Database, type DocCollection } from '@khao/persistence';

/**
 * One per login attempt: `<ip>|<e-mail>#<n>`, the key's n-th; `next` on `<ip>|<e-mail>` is a hint where the numbers
 * go on. A small collection: attempts of the last window, pruned hourly.
 */
const LoginAttempts = defineCollection({
  name: 'login_attempts',
  schema: z.object({ _id: z.string(), key: z.string(), at: z.date(), next: z.number().int().optional() }),
});

/** At most one prune of old attempts an hour per process, started by an attempt. */
const PRUNE_EVERY_MS = 3600 * 1000;

/**
 * Logins for one e-mail from one address are limited to `maxFailures` attempts in any `windowMs` (then 429, even for
 * the right password: guessing cannot go on by getting it right); a success clears the key's attempts. Each attempt
 * takes a numbered slot by inserting a unique `_id` *before* the password is checked, so a burst of attempts at once
 * gets no more checks than the limit (a count read first would let them all through, and FerretDB's `$inc` is not
 * atomic). A refused attempt counts too: a key that keeps trying while blocked stays blocked. Counted in the
 * gateway's database, so every replica sees the same attempts.
 */
export class LoginThrottle {
  private readonly attempts: DocCollection<typeof LoginAttempts.schema>;
  private nextPruneAt = 0;

  constructor(
    db: Database,
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {
    this.attempts = collectionOf(db, LoginAttempts);
  }

  /**
   * Takes a slot for one attempt; throws RATE_LIMITED (with retryAfterSeconds) when this key made `maxFailures`
   * attempts in the last window. The slot counts as a failure unless {@link succeeded} follows.
   */
  async reserve(ip: string, email: string): Promise<void> {
    this.pruneNow();
    const k = key(ip, email);
    const now = new Date();
    const hint = await this.attempts.findById(k);
    let n = hint?.next ?? 0;
    for (; ; n++) {
      try {
        await this.attempts.insertOne({ _id: `${k}#${n}`, key: k, at: now });
        break;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    // Only a hint: two first attempts at once both upsert it, and the one that loses on the `_id` leaves it be.
    await this.attempts
      .replaceOne({ _id: k }, { _id: k, key: k, at: now, next: n + 1 }, { upsert: true })
      .catch((err: unknown) => {
        if (!isDuplicateKey(err)) throw err;
      });
    // The attempt `maxFailures` before this one: inside the window, this one is over the limit. Slots are only ever
    // deleted when older than the window (or all at once by a success), so a missing one is an old one.
    const earlier = n >= this.maxFailures ? await this.attempts.findById(`${k}#${n - this.maxFailures}`) : null;
    const retryAfterMs = earlier ? earlier.at.getTime() + this.windowMs - now.getTime() : 0;
    if (retryAfterMs > 0) {
      const retryAfterSeconds = Math.ceil(retryAfterMs / 1000);
      throw new DomainError(
        ErrorCode.RateLimited,
        `too many failed logins for this e-mail; try again in ${retryAfterSeconds} s`,
        { retryAfterSeconds },
      );
    }
  }

  /** A good password: the key's attempts are forgotten. */
  async succeeded(ip: string, email: string): Promise<void> {
    await this.attempts.deleteMany({ key: key(ip, email) });
  }

  /** Deletes attempts (and hints) older than the window, at most hourly, in the background. */
  private pruneNow(): void {
    if (Date.now() < this.nextPruneAt) return;
    this.nextPruneAt = Date.now() + PRUNE_EVERY_MS;
    const before = new Date(Date.now() - this.windowMs);
    this.attempts.deleteMany({ at: { $lt: before } }).catch(() => undefined);
  }
}

function key(ip: string, email: string): string {
  return `${ip}|${email.trim().toLowerCase()}`;
}
