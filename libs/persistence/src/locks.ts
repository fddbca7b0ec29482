import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { collectionOf, defineCollection, type DocCollection } from './collection.js';
import { isDuplicateKey, type Database } from './mongo.js';

const lockShape = {
  _id: z.string(),
  owner: z.string(),
  /** ms since the epoch: past it the lock is its holder's no more (it died, or ran too long). */
  until: z.number(),
};

/** One per lock taken over from a dead holder: `<id>|<owner>`. Whoever inserts it may clear that holder's lock. */
const takeoverShape = { _id: z.string(), at: z.date() };

/** A takeover record is kept this long, far beyond any taker still acting on what it read. */
const TAKEOVER_KEEP_MS = 60 * 60_000;

export interface LockOptions {
  /** How long a lock holds before another process may take it over (its holder died or hangs). */
  ttlMs: number;
  /** How long {@link Locks.withLock} waits for a held lock before giving up. */
  waitMs: number;
  /** What a caller that gave up is told (an error to throw). */
  busy: (id: string) => Error;
  /** Told when a holder ran so long that it left its lock to run out rather than delete it. */
  onOverrun?: (id: string, ms: number) => void;
}

/**
 * Short locks across processes, by name: a document `{ _id, owner, until }` in `<name>`, inserted to take the lock
 * (of two inserts of one `_id` exactly one wins) and deleted by `_id` to give it back.
 *
 * On FerretDB a delete conditioned on a field is not atomic (the server reads, then deletes by `_id`), so a holder
 * never checks its ownership in the delete: it gives the lock back only while at least a quarter of its time is left
 * by its own clock, when nobody may take it over (replicas' clocks are assumed within a quarter of `ttlMs`); past
 * that it leaves the lock to run out. A lock run out is taken over by whoever first inserts the takeover record
 * `<id>|<dead owner>` in `<name>_takeovers`: only that process deletes the dead lock, so a slow second taker can
 * never delete the lock the first one took in its place. Takeovers are rare (a holder died); their records are
 * pruned after an hour.
 */
export class Locks {
  private readonly locks: DocCollection<z.ZodObject<typeof lockShape>>;
  private readonly takeovers: DocCollection<z.ZodObject<typeof takeoverShape>>;

  constructor(
    db: Database,
    name: string,
    private readonly o: LockOptions,
  ) {
    this.locks = collectionOf(db, defineCollection({ name, schema: z.object(lockShape) }));
    this.takeovers = collectionOf(db, defineCollection({ name: `${name}_takeovers`, schema: z.object(takeoverShape) }));
  }

  /** Runs `fn` holding the lock `id`; throws `busy(id)` when it stays held longer than `waitMs`. */
  async withLock<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const until = await this.acquire(id);
    try {
      return await fn();
    } finally {
      await this.giveBack(id, until).catch(() => undefined);
    }
  }

  /** Takes the lock; the instant it holds until. */
  private async acquire(id: string): Promise<number> {
    const owner = randomUUID();
    const deadline = Date.now() + this.o.waitMs;
    for (let wait = 5; Date.now() < deadline; wait = Math.min(wait * 2, 200)) {
      const until = Date.now() + this.o.ttlMs;
      try {
        await this.locks.insertOne({ _id: id, owner, until });
        return until;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const held = await this.locks.findById(id);
      if (held && held.until < Date.now() && (await this.takeOver(held))) continue; // and try again at once
      await new Promise((r) => setTimeout(r, wait));
    }
    throw this.o.busy(id);
  }

  /** Clears a dead holder's lock if this process is the one to take it over. */
  private async takeOver(dead: z.output<z.ZodObject<typeof lockShape>>): Promise<boolean> {
    try {
      await this.takeovers.insertOne({ _id: `${dead._id}|${dead.owner}`, at: new Date() });
    } catch (err) {
      if (isDuplicateKey(err)) return false; // another process takes it over
      throw err;
    }
    await this.locks.deleteOne({ _id: dead._id });
    await this.takeovers.deleteMany({ at: { $lt: new Date(Date.now() - TAKEOVER_KEEP_MS) } });
    return true;
  }

  private async giveBack(id: string, until: number): Promise<void> {
    const left = until - Date.now();
    if (left >= this.o.ttlMs / 4) {
      await this.locks.deleteOne({ _id: id });
      return;
    }
    this.o.onOverrun?.(id, this.o.ttlMs - left);
  }
}
