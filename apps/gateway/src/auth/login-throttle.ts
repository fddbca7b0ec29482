import { z } from 'zod';
import { DomainError, ErrorCode } from '@khao/contracts';
import { collectionOf, defineCollection, isDuplicateKey, type Database, type DocCollection } from '@khao/persistence';

/** `<ip>|<e-mail>` → its recent failures (a small collection: keys with failures in the window). */
const LoginAttempts = defineCollection({
  name: 'login_attempts',
  schema: z.object({ _id: z.string(), failures: z.number().int(), windowStart: z.date() }),
});

/**
 * Repeated failed logins for one e-mail from one address are refused for a while (429). Counted in the gateway's
 * database, so every gateway replica sees the same count.
 */
export class LoginThrottle {
  private readonly attempts: DocCollection<typeof LoginAttempts.schema>;

  constructor(
    db: Database,
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {
    this.attempts = collectionOf(db, LoginAttempts);
  }

  /** Throws RATE_LIMITED (with retryAfterSeconds) while the key is blocked. */
  async check(ip: string, email: string): Promise<void> {
    const doc = await this.attempts.findById(key(ip, email));
    if (!doc || doc.failures < this.maxFailures) return;
    const retryAfterMs = new Date(doc.windowStart).getTime() + this.windowMs - Date.now();
    if (retryAfterMs <= 0) return;
    const retryAfterSeconds = Math.ceil(retryAfterMs / 1000);
    throw new DomainError(
      ErrorCode.RateLimited,
      `too many failed logins for this e-mail; try again in ${retryAfterSeconds} s`,
      { retryAfterSeconds },
    );
  }

  async failed(ip: string, email: string): Promise<void> {
    const _id = key(ip, email);
    const now = new Date();
    const expired = new Date(now.getTime() - this.windowMs);
    // A window that ran out starts again at one failure; otherwise count on.
    const reset = await this.attempts.updateOne(
      { _id, windowStart: { $lt: expired } },
      { $set: { failures: 1, windowStart: now } },
    );
    if (reset.matched === 0) {
      const count = () =>
        this.attempts.updateOne(
          { _id },
          { $inc: { failures: 1 }, $setOnInsert: { windowStart: now } },
          { upsert: true },
        );
      // Two failures at once for a new key both try to insert it; the one that loses finds it there and counts on.
      await count().catch((err: unknown) => {
        if (!isDuplicateKey(err)) throw err;
        return count();
      });
    }
  }

  async succeeded(ip: string, email: string): Promise<void> {
    await this.attempts.deleteOne({ _id: key(ip, email) });
  }
}

function key(ip: string, email: string): string {
  return `${ip}|${email.trim().toLowerCase()}`;
}
