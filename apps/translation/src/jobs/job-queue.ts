import type { Collection, Connection } from 'mongoose';

/** "This job has segments for the provider", due at `dueAt`, taken by `owner` until `leaseUntil` (ms epochs). */
export interface QueueEntry {
  _id: string;
  dueAt: number;
  attempts: number;
  owner: string | null;
  leaseUntil: number;
  lastError: string | null;
}

/**
 * The jobs waiting for machine translation, persisted (a small collection: only jobs with work left), so a restart,
 * a crash or an hour-long provider outage loses nothing. A worker takes an entry with a lease it renews while it
 * works; a dead worker's entry is taken over once the lease runs out.
 */
export class JobQueue {
  private readonly entries: Collection<QueueEntry>;

  constructor(conn: Connection) {
    this.entries = conn.collection<QueueEntry>('job_queue');
  }

  /** Due now (a new source revision): keeps a running lease, resets the failure count. */
  async enqueue(id: string): Promise<void> {
    await this.entries.updateOne(
      { _id: id },
      { $set: { dueAt: Date.now(), attempts: 0, lastError: null }, $setOnInsert: { owner: null, leaseUntil: 0 } },
      { upsert: true },
    );
  }

  /** Entries due and not leased. */
  async due(now = Date.now()): Promise<QueueEntry[]> {
    const all = await this.entries.find({ dueAt: { $lte: now } }).toArray();
    return all.filter((e) => e.leaseUntil <= now).sort((a, b) => a.dueAt - b.dueAt);
  }

  /** Takes the entry if nobody took it since it was read. */
  async claim(e: QueueEntry, owner: string, leaseMs: number): Promise<boolean> {
    const res = await this.entries.updateOne(
      { _id: e._id, leaseUntil: e.leaseUntil },
      { $set: { owner, leaseUntil: Date.now() + leaseMs } },
    );
    return res.modifiedCount === 1;
  }

  async renew(id: string, owner: string, leaseMs: number): Promise<boolean> {
    const res = await this.entries.updateOne({ _id: id, owner }, { $set: { leaseUntil: Date.now() + leaseMs } });
    return res.matchedCount === 1;
  }

  /** Gives the entry back after a failure, due again at `dueAt`. */
  async retryLater(id: string, owner: string, dueAt: number, attempts: number, lastError: string): Promise<void> {
    await this.entries.updateOne(
      { _id: id, owner },
      { $set: { dueAt, attempts, lastError, owner: null, leaseUntil: 0 } },
    );
  }

  async get(id: string): Promise<QueueEntry | null> {
    return this.entries.findOne({ _id: id });
  }

  async remove(id: string): Promise<void> {
    await this.entries.deleteOne({ _id: id });
  }
}
