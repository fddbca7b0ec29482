import { z } from 'zod';
import type { OutboxRelay } from '@khao/messaging';
import {
  collectionOf,
  defineCollection,
  DueMarkers,
  dueMarkers,
  isDuplicateKey,
  type Database,
  type DocCollection,
  type OutboxEntry,
} from '@khao/persistence';
import type { PostRow } from './post-list.js';
import { Posts, type PostDoc } from './post.schema.js';

/** One per attempt: `<postId>#<n>`. */
const PostClaims = defineCollection({ name: 'post_claims', schema: z.object({ _id: z.string(), at: z.date() }) });

/** Posts read by `_id` at once for a page. */
const READS_AT_ONCE = 8;

/** At most one prune of old claims an hour per process, started by a claim. */
const PRUNE_EVERY_MS = 3600 * 1000;

/** "This post has work due at `dueAt`": the small set the dispatcher sweeps (sent and failed posts leave it). */
const PostWork = dueMarkers('post_work', { since: z.date() });

export interface WorkMarker {
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
  private readonly posts: DocCollection<typeof Posts.schema>;
  private readonly claims: DocCollection<typeof PostClaims.schema>;
  private readonly work: DueMarkers<(typeof PostWork)['schema']['shape']>;
  private nextPruneAt = 0;
  /** Told of every new post and status change this replica writes (its in-memory list, see PostList). */
  private listener?: (row: PostRow) => Promise<void>;
  /** Told of every write of a post by this replica, whatever it changed (the posts PostList keeps for its pages). */
  private written?: (id: string) => void;

  constructor(
    db: Database,
    private readonly relay: OutboxRelay,
    /** A claim this old that never reached its post was abandoned (its process died between the two writes). */
    private readonly staleClaimMs: number,
  ) {
    this.posts = collectionOf(db, Posts);
    this.claims = collectionOf(db, PostClaims);
    this.work = new DueMarkers(db, PostWork);
  }

  /** `written` hears every write of a post; `listener` the rows: new posts and status changes. */
  observe(listener: (row: PostRow) => Promise<void>, written?: (id: string) => void): void {
    this.written = written;
    this.listener = listener;
  }

  get(id: string): Promise<PostDoc | null> {
    return this.posts.findById(id, { projection: { outbox: 0 } });
  }

  /** Inserts the post; false when it exists already (a redelivery, another replica). */
  async insert(doc: PostDoc): Promise<boolean> {
    try {
      await this.posts.insertOne(doc);
      this.written?.(doc._id);
      await this.listener?.({ id: doc._id, status: doc.status, updatedAt: doc.updatedAt.getTime() });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** Changes a post by `_id`. */
  async set(id: string, fields: Partial<PostDoc>): Promise<void> {
    const updatedAt = new Date();
    await this.relay.update(this.posts, id, { $set: { ...fields, updatedAt } }, []);
    await this.tell(id, fields, updatedAt);
  }

  /**
   * Settles a post in the work set: `fields` and `events` in one single-document write, the events published. Its
   * work marker is the outbox marker (a failed publish throws and the marker stays, see {@link republish}).
   */
  async settle(id: string, fields: Partial<PostDoc>, events: OutboxEntry[]): Promise<void> {
    const updatedAt = new Date();
    const update = { $set: { ...fields, updatedAt } };
    await this.relay.update(this.posts, id, update, events, {
      markedByCaller: true,
      afterWrite: () => this.tell(id, fields, updatedAt),
    });
  }

  /** A status change reaches the lists (only the status of a listed row changes). */
  private async tell(id: string, fields: Partial<PostDoc>, updatedAt: Date): Promise<void> {
    this.written?.(id);
    if (fields.status) await this.listener?.({ id, status: fields.status, updatedAt: updatedAt.getTime() });
  }

  /** Publishes what the post's outbox holds (a settled post still in the work set: its process died). */
  republish(id: string): Promise<void> {
    return this.relay.publishOutbox(this.posts.name, id);
  }

  /** The work marker's token (see {@link done}), if the post is in the work set. */
  async workToken(id: string): Promise<string | undefined> {
    const marker = await this.work.get(id);
    return marker ? String(marker.seq) : undefined;
  }

  /**
   * Takes the next attempt of a post whose ledger says `claims` were taken; returns the claim number, or null when
   * someone else holds it. A claim older than `staleMs` that never made it into the post (its holder died between
   * the two writes, before anything was sent) is stepped over; a holder that stalled that long gives up before
   * sending (see Dispatcher).
   */
  async claimNext(id: string, claims: number): Promise<number | null> {
    // However many were abandoned in a row: each abandoned claim was once a stalled or killed holder, and one post can
    // meet several (a machine slow for minutes). The walk ends at the first free number or a live holder.
    for (let n = claims + 1; ; n++) {
      if (await this.claim(id, n)) return n;
      const held = await this.claims.findById(`${id}#${n}`);
      if (!held || Date.now() - held.at.getTime() < this.staleClaimMs) return null;
    }
  }

  private async claim(id: string, n: number): Promise<boolean> {
    if (Date.now() >= this.nextPruneAt) {
      this.nextPruneAt = Date.now() + PRUNE_EVERY_MS;
      // In the background; a failed prune is tried again an hour later.
      this.pruneClaims(new Date(Date.now() - this.claimKeepMs)).catch(() => undefined);
    }
    try {
      await this.claims.insertOne({ _id: `${id}#${n}`, at: new Date() });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /**
   * Deletes the claims taken before `before` (kept {@link claimKeepMs}: an hour, and at least ten claim lives). A
   * claim that old is either recorded in its post (the post's `claims` is past it, and every walk starts after the
   * post's count) or abandoned, which {@link claimNext} steps over anyway; deleting it differs only for a walker that
   * read the post before that attempt and stalled for the whole hour before claiming, and such a stall past one
   * claim's life already makes it step over the claim today. So the claims stay as many as an hour of attempts.
   */
  async pruneClaims(before: Date): Promise<number> {
    return this.claims.deleteMany({ at: { $lt: before } });
  }

  private get claimKeepMs(): number {
    return Math.max(3600 * 1000, 10 * this.staleClaimMs);
  }

  /** Marks the post due at `dueAt`; returns the marker's new token. */
  async schedule(id: string, dueAt: Date): Promise<string> {
    return String((await this.work.schedule(id, dueAt, {}, { since: new Date() })).seq);
  }

  /** Removes the post from the work set; with `token`, only if nobody rescheduled it since (a retry, say). */
  async done(id: string, token?: string): Promise<void> {
    await this.work.done(token ? { _id: id, seq: Number(token) } : id);
  }

  /** Work due now, oldest first (a small collection: only posts not yet settled). */
  async due(now: Date, limit: number): Promise<WorkMarker[]> {
    return (await this.work.due(now, limit)).map((m) => ({ ...m, token: String(m.seq) }));
  }

  /** How many posts are in each status. */
  async countByStatus(): Promise<Map<string, number>> {
    const groups = await this.posts.aggregate<{ _id: string; n: number }>([
      { $group: { _id: '$status', n: { $sum: 1 } } },
    ]);
    return new Map(groups.map((g) => [g._id, g.n]));
  }

  /** What the post list keeps of every post, streamed (what a replica's list loads). */
  listed(): AsyncGenerator<Pick<PostDoc, '_id' | 'status' | 'updatedAt'>> {
    return this.posts.iterate({}, { projection: { _id: 1, status: 1, updatedAt: 1 } });
  }

  /**
   * The posts of `ids` by `_id`, in that order; those gone are left out. A few reads at a time: on a loaded FerretDB
   * fifty at once take longer at the tail than eight at a time (see BENCHMARKS.md, bench:admin-lists).
   */
  async getMany(ids: string[]): Promise<PostDoc[]> {
    const out: (PostDoc | null)[] = new Array<PostDoc | null>(ids.length).fill(null);
    const next = ids.entries();
    const reader = async () => {
      for (const [i, id] of next) out[i] = await this.get(id);
    };
    await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, ids.length) }, reader));
    return out.filter((d) => d !== null);
  }

  /** Filtered listing for the admin API (a full read on FerretDB: see PostList; used while it loads). */
  async list(
    filter: Partial<Pick<PostDoc, 'storyId' | 'channelId' | 'language' | 'status'>>,
    after: string | undefined,
    limit: number,
  ) {
    const query: Record<string, unknown> = { ...filter };
    if (after) query._id = { $gt: after };
    return this.posts.find(query, { sort: { _id: 1 }, limit, projection: { outbox: 0 } });
  }
}
