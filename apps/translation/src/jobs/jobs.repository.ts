import { z } from 'zod';
import { DomainError, ErrorCode, JobSummarySchema, type JobSummary } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import type { OutboxRelay } from '@khao/messaging';
import {
  collectionOf,
  defineCollection,
  isDuplicateKey,
  Locks,
  type Database,
  type DocCollection,
  type OutboxEntry,
} from '@khao/persistence';
import { toSummary } from './job.mapper.js';
import { Jobs, type JobDoc } from './job.schema.js';

export const JobIndex = defineCollection({
  name: 'job_index',
  schema: JobSummarySchema.omit({ id: true }).extend({ _id: z.string() }),
});
type IndexDoc = z.output<typeof JobIndex.schema>;

/** Told of every summary written or removed (the replica's in-memory review list, see JobList). */
export interface JobIndexListener {
  changed(summary: JobSummary): Promise<void>;
  removed(id: string): Promise<void>;
}

/**
 * The only place that touches the jobs collection, and the short per-job lock every read-modify-write of a job
 * holds across replicas (`job_locks`, see Locks: one left by a dead process is taken over after 30 s).
 *
 * The review list reads `job_index`, one small summary per job written after each job write, instead of the jobs
 * with their segments (FerretDB reads a whole collection for such a query). A crash between the two writes leaves a
 * summary behind until that job's next write, or the reconciliation every replica runs at boot.
 */
export class JobsRepository {
  private readonly jobs: DocCollection<typeof Jobs.schema>;
  private readonly locks: Locks;
  private readonly index: DocCollection<typeof JobIndex.schema>;
  private listener?: JobIndexListener;

  constructor(
    db: Database,
    private readonly relay: OutboxRelay,
    private readonly logger?: Logger,
  ) {
    this.jobs = collectionOf(db, Jobs);
    this.locks = new Locks(db, 'job_locks', {
      ttlMs: 30_000,
      waitMs: 10_000,
      busy: (id) => new DomainError(ErrorCode.Unavailable, `translation job ${id} is busy; try again shortly`),
      onOverrun: (id, ms) => this.logger?.warn({ jobId: id, ms }, 'a job lock was held so long it is left to run out'),
    });
    this.index = collectionOf(db, JobIndex);
  }

  /** Tells `listener` of every summary this replica writes from now on. */
  observe(listener: JobIndexListener): void {
    this.listener = listener;
  }

  onApplicationBootstrap(): void {
    void this.reconcileIndex().catch((err: Error) =>
      this.logger?.warn({ err: err.message }, 'job index reconciliation failed; the next boot retries'),
    );
  }

  /** Brings every summary in line with its job (a crash may have left one behind); drops orphans. */
  async reconcileIndex(): Promise<number> {
    const summaries = new Map((await this.index.find({})).map((d) => [d._id, JSON.stringify(d)]));
    let fixed = 0;
    for await (const job of this.jobs.iterate({}, { projection: { skeleton: 0, outbox: 0 } })) {
      const want = indexDoc(job);
      if (summaries.get(job._id) !== JSON.stringify(want)) {
        await this.writeSummary(want);
        fixed++;
      }
      summaries.delete(job._id);
    }
    for (const orphan of summaries.keys()) await this.removeSummary(orphan);
    if (fixed || summaries.size) this.logger?.info({ fixed, orphans: summaries.size }, 'job index reconciled');
    return fixed;
  }

  get(id: string): Promise<JobDoc | null> {
    return this.jobs.findById(id);
  }

  /**
   * Writes the whole job with `events` (the outbox), and its summary in the index before the events go out (a
   * reader that heard them finds the list up to date).
   */
  async save(job: JobDoc, events: OutboxEntry[], isNew = false): Promise<void> {
    const { _id, outbox: _outbox, ...fields } = job; // eslint-disable-line @typescript-eslint/no-unused-vars
    const afterWrite = () => this.writeSummary(indexDoc(job));
    // A new job is inserted: on FerretDB's SQLite backend an insert costs the same at any size, an update does not.
    if (isNew) {
      try {
        await this.relay.insert(this.jobs, job, events, { afterWrite });
        return;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    await this.relay.update(this.jobs, _id, { $set: fields }, events, { upsert: true, afterWrite });
  }

  async delete(id: string): Promise<void> {
    await this.jobs.deleteOne({ _id: id });
    await this.removeSummary(id);
  }

  private async writeSummary(doc: IndexDoc): Promise<void> {
    await this.index.replaceOne({ _id: doc._id }, doc, { upsert: true });
    await this.listener?.changed(fromIndex(doc));
  }

  private async removeSummary(id: string): Promise<void> {
    await this.index.deleteOne({ _id: id });
    await this.listener?.removed(id);
  }

  /** Every summary in the index, streamed (what a replica's review list loads). */
  async *summaries(): AsyncGenerator<JobSummary> {
    for await (const doc of this.index.iterate({})) yield fromIndex(doc);
  }

  /** The summaries of `ids` by `_id`, in that order; those gone are left out. */
  async summariesOf(ids: string[]): Promise<JobSummary[]> {
    const docs = await Promise.all(ids.map((id) => this.index.findById(id)));
    return docs.filter((d) => d !== null).map(fromIndex);
  }

  /** Job summaries for the review list, from the index (a full read on FerretDB: see JobList). */
  async list(filter: Partial<Pick<JobSummary, 'status' | 'targetLanguage' | 'storyId'>>): Promise<JobSummary[]> {
    const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    return (await this.index.find(query)).map(fromIndex);
  }

  /** How many jobs are in each status, from the index. */
  async countByStatus(): Promise<Map<string, number>> {
    const groups = await this.index.aggregate<{ _id: string; n: number }>([
      { $group: { _id: '$status', n: { $sum: 1 } } },
    ]);
    return new Map(groups.map((g) => [g._id, g.n]));
  }

  /** Runs `fn` holding the job's lock. */
  withLock<T>(id: string, fn: () => Promise<T>): Promise<T> {
    return this.locks.withLock(id, fn);
  }
}

export function indexDoc(job: JobDoc): IndexDoc {
  const { id, ...summary } = toSummary(job);
  return { _id: id, ...summary };
}

function fromIndex({ _id, ...rest }: IndexDoc): JobSummary {
  return { id: _id, ...rest };
}
