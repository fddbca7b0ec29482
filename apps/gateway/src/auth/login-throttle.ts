import { Schema, type Connection, type Model } from 'mongoose';
import { DomainError, ErrorCode } from '@khao/contracts';
import { isDuplicateKey, modelFor } from '@khao/persistence';

interface AttemptDoc {
  _id: string;
  failures: number;
  windowStart: Date;
}

const AttemptSchema = new Schema<AttemptDoc>(
  { _id: String, failures: Number, windowStart: Date },
  { versionKey: false, collection: 'login_attempts' },
);

/**
 * Repeated failed logins for one e-mail from one address are refused for a while (429). Counted in the gateway's
 * database, so every gateway replica sees the same count.
 */
export class LoginThrottle {
  private readonly model: Model<AttemptDoc>;

  constructor(
    conn: Connection,
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {
    this.model = modelFor(conn, 'LoginAttempt', AttemptSchema);
  }

  /** Throws RATE_LIMITED (with retryAfterSeconds) while the key is blocked. */
  async check(ip: string, email: string): Promise<void> {
    const doc = await this.model.findById(key(ip, email)).lean<AttemptDoc>().exec();
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
    const reset = await this.model.updateOne(
      { _id, windowStart: { $lt: expired } },
      { $set: { failures: 1, windowStart: now } },
    );
    if (reset.matchedCount === 0) {
      const count = () =>
        this.model.updateOne({ _id }, { $inc: { failures: 1 }, $setOnInsert: { windowStart: now } }, { upsert: true });
      // Two failures at once for a new key both try to insert it; the one that loses finds it there and counts on.
      await count().catch((err: unknown) => {
        if (!isDuplicateKey(err)) throw err;
        return count();
      });
    }
  }

  async succeeded(ip: string, email: string): Promise<void> {
    await this.model.deleteOne({ _id: key(ip, email) });
  }
}

function key(ip: string, email: string): string {
  return `${ip}|${email.trim().toLowerCase()}`;
}
