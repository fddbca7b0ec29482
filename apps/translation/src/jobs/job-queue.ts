import { z } from 'zod';
import { DueMarkers, dueMarkers, type Claim, type Database, type Marker } from '@khao/persistence';

/** "This job has segments for the provider", due at `dueAt` (`_id` = job id). */
const Queue = dueMarkers('job_queue', { attempts: z.number().int().default(0), lastError: z.string().nullable() });
type QueueShape = (typeof Queue)['schema']['shape'];
export type QueueEntry = Marker<QueueShape>;
export type QueueClaim = Claim<QueueShape>;

/**
 * The jobs waiting for machine translation, persisted (a small collection: only jobs with work left), so a restart,
 * a crash or an hour-long provider outage loses nothing. A worker takes an entry with a lease it renews while it
 * works; a dead worker's entry is taken over once the lease runs out.
 */
export class JobQueue {
  private readonly entries: DueMarkers<QueueShape>;

  constructor(db: Database) {
    this.entries = new DueMarkers(db, Queue);
  }

  /** Due now (a new source revision): keeps a running lease, resets the failure count. */
  async enqueue(id: string): Promise<void> {
    await this.entries.schedule(id, new Date(), { attempts: 0, lastError: null });
  }

  /** Entries due and not leased. */
  due(now = new Date()): Promise<QueueEntry[]> {
    return this.entries.due(now, Infinity);
  }

  /** Takes the entry if nobody took it since it was read. */
  claim(e: QueueEntry, leaseMs: number): Promise<QueueClaim | null> {
    return this.entries.claim(e, leaseMs);
  }

  renew(claim: QueueClaim, leaseMs: number): Promise<boolean> {
    return this.entries.renew(claim, leaseMs);
  }

  /** Gives the entry back after a failure, due again at `dueAt`. */
  async retryLater(claim: QueueClaim, dueAt: Date, attempts: number, lastError: string): Promise<void> {
    await this.entries.release(claim, dueAt, { attempts, lastError });
  }

  get(id: string): Promise<QueueEntry | null> {
    return this.entries.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.entries.done(id);
  }
}
