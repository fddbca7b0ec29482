import { randomUUID } from 'node:crypto';
import type { Collection, Connection } from 'mongoose';
import { DomainError, ErrorCode, type JobSummary } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { isDuplicateKey, type OutboxEntry } from '@khao/persistence';
import { toSummary } from './job.mapper.js';
import type { JobDoc, JobModel } from './job.schema.js';

type IndexDoc = Omit<JobSummary, 'id'> & { _id: string };

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
 *
 * The review list reads `job_index`, one small summary per job written after each job write, instead of the jobs
 * with their segments (FerretDB reads a whole collection for such a query). A crash between the two writes leaves a
 * summary behind until that job's next write, or the reconciliation every replica runs at boot.
 */
export class JobsRepository {
  private readonly jobs: Collection<JobDoc>;
  private readonly locks: Collection<LockDoc>;
  private readonly index: Collection<IndexDoc>;

  constructor(
    readonly model: JobModel,
    conn: Connection,
    private readonly logger?: Logger,
  ) {
    this.jobs = model.collection as unknown as Collection<JobDoc>;
    this.locks = conn.collection<LockDoc>('job_locks');
    this.index = conn.collection<IndexDoc>('job_index');
  }

  onApplicationBootstrap(): void {
    void this.reconcileIndex().catch((err: Error) =>
      this.logger?.warn({ err: err.message }, 'job index reconciliation failed; the next boot retries'),
    );
  }

  /** Brings every summary in line with its job (a crash may have left one behind); drops orphans. */
  async reconcileIndex(): Promise<number> {
    const summaries = new Map((await this.index.find({}).toArray()).map((d) => [d._id, JSON.stringify(d)]));
    let fixed = 0;
    for await (const job of this.jobs.find({}, { projection: { skeleton: 0, outbox: 0 } })) {
      const want = indexDoc(job);
      if (summaries.get(job._id) !== JSON.stringify(want)) {
        await this.index.replaceOne({ _id: job._id }, want, { upsert: true });
        fixed++;
      }
      summaries.delete(job._id);
    }
    for (const orphan of summaries.keys()) await this.index.deleteOne({ _id: orphan });
    if (fixed || summaries.size) this.logger?.info({ fixed, orphans: summaries.size }, 'job index reconciled');
    return fixed;
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
    let inserted = false;
    if (isNew) {
      try {
        await this.jobs.insertOne({ ...job });
        inserted = true;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    if (!inserted) await this.jobs.updateOne({ _id }, { $set: { ...fields, outbox: entries } }, { upsert: true });
    await this.index.replaceOne({ _id }, indexDoc(job), { upsert: true });
    return entries;
  }

  async delete(id: string): Promise<void> {
    await this.jobs.deleteOne({ _id: id });
    await this.index.deleteOne({ _id: id });
  }

  /** Job summaries for the review list, from the index. */
  async list(filter: Partial<Pick<JobSummary, 'status' | 'targetLanguage' | 'storyId'>>): Promise<JobSummary[]> {
    const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    const docs = await this.index.find(query).toArray();
    return docs.map(({ _id, ...rest }) => ({ id: _id, ...rest }));
  }

  /** How many jobs are in each status, from the index. */
  async countByStatus(): Promise<Map<string, number>> {
    const groups = await this.index
      .aggregate<{ _id: string; n: number }>([{ $group: { _id: '$status', n: { $sum: 1 } } }])
      .toArray();
    return new Map(groups.map((g) => [g._id, g.n]));
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

function indexDoc(job: JobDoc): IndexDoc {
  const { id, ...summary } = toSummary(job);
  return { _id: id, ...summary };
}
