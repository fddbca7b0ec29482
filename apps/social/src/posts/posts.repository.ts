import { randomUUID } from 'node:crypto';
import type { Collection, Connection, Model } from 'mongoose';
import { isDuplicateKey, type OutboxEntry } from '@khao/persistence';
import type { PostDoc } from './post.schema.js';

interface Claim {
  _id: string;
  at: Date;
}

/** "This post has work due at `dueAt`": the small set the dispatcher sweeps (sent and failed posts leave it). */
interface WorkMarker {
  _id: string;
  dueAt: Date;
  since: Date;
  /** Changes on every schedule: a step that settles removes the marker only if nobody rescheduled it since. */
  token: string;
}

/**
 * The post ledger. Every read and write of a post is by `_id` (FerretDB reads the whole collection for any other
 * filter); concurrency is decided by inserting unique `_id`s: the post itself ("queued once") and one claim per
 * attempt (`<postId>#<n>`: of two replicas taking attempt n, exactly one inserts it). Due work lives in a small
 * marker collection written before the post, so a crash never leaves a post nobody will look at.
 */
export class PostsRepository {
  private readonly posts: Collection<PostDoc>;
  private readonly claims: Collection<Claim>;
  private readonly work: Collection<WorkMarker>;

  constructor(
    readonly model: Model<PostDoc>,
    conn: Connection,
  ) {
    this.posts = model.collection as unknown as Collection<PostDoc>;
    this.claims = conn.collection<Claim>('post_claims');
    this.work = conn.collection<WorkMarker>('post_work');
  }

  get(id: string): Promise<PostDoc | null> {
    return this.posts.findOne({ _id: id }, { projection: { outbox: 0 } });
  }

  /** Inserts the post; false when it exists already (a redelivery, another replica). */
  async insert(doc: PostDoc): Promise<boolean> {
    try {
      await this.posts.insertOne(doc);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async set(id: string, fields: Partial<PostDoc>, events: OutboxEntry[] = [], outbox: 'replace' | 'append' = 'append') {
    const update =
      events.length && outbox === 'replace'
        ? { $set: { ...fields, outbox: events, updatedAt: new Date() } }
        : {
            $set: { ...fields, updatedAt: new Date() },
            ...(events.length ? { $push: { outbox: { $each: events } } } : {}),
          };
    await this.posts.updateOne({ _id: id }, update);
  }

  /** Takes attempt `n` of a post; false when someone else has it. */
  async claim(id: string, n: number): Promise<boolean> {
    try {
      await this.claims.insertOne({ _id: `${id}#${n}`, at: new Date() });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** Marks the post due at `dueAt`; returns the marker's new token. */
  async schedule(id: string, dueAt: Date): Promise<string> {
    const token = randomUUID();
    await this.work.updateOne(
      { _id: id },
      { $set: { dueAt, token }, $setOnInsert: { since: new Date() } },
      { upsert: true },
    );
    return token;
  }

  /** Removes the post from the work set; with `token`, only if nobody rescheduled it since (a retry, say). */
  async done(id: string, token?: string): Promise<void> {
    await this.work.deleteOne(token ? { _id: id, token } : { _id: id });
  }

  /** Work due now, oldest first (a small collection: only posts not yet settled). */
  async due(now: Date, limit: number): Promise<WorkMarker[]> {
    return this.work.find({ dueAt: { $lte: now } }, { sort: { dueAt: 1 }, limit }).toArray();
  }

  /** Filtered listing for the admin API (a full read on FerretDB; the ledger of a newsroom stays modest). */
  async list(
    filter: Partial<Pick<PostDoc, 'storyId' | 'channelId' | 'language' | 'status'>>,
    after: string | undefined,
    limit: number,
  ) {
    const query: Record<string, unknown> = { ...filter };
    if (after) query._id = { $gt: after };
    return this.posts.find(query, { sort: { _id: 1 }, limit, projection: { outbox: 0 } }).toArray();
  }
}
