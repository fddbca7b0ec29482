import { randomUUID } from 'node:crypto';
import type { Collection, Connection } from 'mongoose';
import { DomainError, ErrorCode } from '@khao/contracts';
import { isDuplicateKey, type OutboxEntry } from '@khao/persistence';
import type { JobDoc, JobModel } from './job.schema.js';

interface LockDoc {
  _id: string;
  owner: string;
  until: number;
}

const LOCK_TTL_MS = 30_000;
const LOCK_WAIT_MS = 10_000;

/**
 * The only place that touches the jobs collection, and the short per-job lock every read-modify-write of a job
 * holds (across replicas): a document `{ _id: jobId }` in `job_locks`, inserted to take it (the unique `_id` lets
 * one writer win), deleted to give it back; one left by a dead process is taken over after LOCK_TTL_MS.
 */
export class JobsRepository {
  private readonly jobs: Collection<JobDoc>;
  private readonly locks: Collection<LockDoc>;

  constructor(
    readonly model: JobModel,
    conn: Connection,
  ) {
    this.jobs = model.collection as unknown as Collection<JobDoc>;
    this.locks = conn.collection<LockDoc>('job_locks');
  }

  get(id: string): Promise<JobDoc | null> {
    return this.jobs.findOne({ _id: id });
  }

  /** Writes the whole job with `events` in its outbox (replacing it when every earlier entry is out). */
  async save(job: JobDoc, events: OutboxEntry[], outbox: 'replace' | 'append', isNew = false): Promise<OutboxEntry[]> {
    const { _id, outbox: previous, ...fields } = job;
    const entries = outbox === 'replace' ? events : [...(previous ?? []), ...events];
    job.outbox = entries;
    // A new job is inserted: on FerretDB's SQLite backend an insert costs the same at any size, an update does not.
    if (isNew) {
      try {
        await this.jobs.insertOne({ ...job });
        return entries;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    await this.jobs.updateOne({ _id }, { $set: { ...fields, outbox: entries } }, { upsert: true });
    return entries;
  }

  async delete(id: string): Promise<void> {
    await this.jobs.deleteOne({ _id: id });
  }

  /** Job summaries (without segments) for the review list: the one read of the whole collection. */
  async list(filter: Partial<Pick<JobDoc, 'status' | 'targetLanguage' | 'storyId'>>): Promise<JobDoc[]> {
    const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    return this.jobs.find(query, { projection: { skeleton: 0, outbox: 0 } }).toArray();
  }

  /** Runs `fn` holding the job's lock. */
  async withLock<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const owner = randomUUID();
    await this.acquire(id, owner);
    try {
      return await fn();
    } finally {
      await this.locks.deleteOne({ _id: id, owner }).catch(() => undefined);
    }
  }

  private async acquire(id: string, owner: string): Promise<void> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (let wait = 5; Date.now() < deadline; wait = Math.min(wait * 2, 200)) {
      try {
        await this.locks.insertOne({ _id: id, owner, until: Date.now() + LOCK_TTL_MS });
        return;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const held = await this.locks.findOne({ _id: id });
      if (held && held.until < Date.now()) {
        // Its holder died: free it (only if it is still that holder's) and try again at once.
        await this.locks.deleteOne({ _id: id, owner: held.owner });
        continue;
      }
      await new Promise((r) => setTimeout(r, wait));
    }
    throw new DomainError(ErrorCode.Unavailable, `translation job ${id} is busy; try again shortly`);
  }
}
