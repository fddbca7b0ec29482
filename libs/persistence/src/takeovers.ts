import { z } from 'zod';
import { collectionOf, defineCollection, type DocCollection } from './collection.js';
import { isDuplicateKey, type Database } from './mongo.js';

const takeoverShape = { _id: z.string(), at: z.date() };

/** A record is kept this long, far beyond any process still acting on what it read before. */
const KEEP_MS = 60 * 60_000;

/**
 * "I act on the state I saw", decided once: of the processes that saw the same state of something (a lock whose
 * holder died, a claim left by a dead writer) and want to change it, the one that first inserts `key` (naming the
 * thing and that state, e.g. `<id>|<dead owner>`) acts; the others leave it. On FerretDB an update or delete
 * conditioned on a field is not atomic (it reads, then writes by `_id`), so such a change is made by `_id` alone, by
 * the winner only. A state is never seen again once changed (the key names an owner or instant that is gone), so a
 * record only has to outlive the slowest process acting on an old read: records are pruned after an hour, at most
 * hourly. They are as rare as the crashes that leave such states.
 */
export class Takeovers {
  private readonly records: DocCollection<z.ZodObject<typeof takeoverShape>>;
  private prunedAt = 0;

  constructor(db: Database, name: string) {
    this.records = collectionOf(db, defineCollection({ name, schema: z.object(takeoverShape) }));
  }

  /** True for the one caller that records `key` first. */
  async win(key: string): Promise<boolean> {
    try {
      await this.records.insertOne({ _id: key, at: new Date() });
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
    if (Date.now() - this.prunedAt > KEEP_MS) {
      this.prunedAt = Date.now();
      await this.records.deleteMany({ at: { $lt: new Date(Date.now() - KEEP_MS) } });
    }
    return true;
  }
}
