import { Inject, Injectable } from '@nestjs/common';
import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import { EventFamilies, Streams, type EventEnvelope } from '@khao/contracts';
import { EventFollower, INFRA, PeriodicPass, type ServiceInfra } from '@khao/messaging';
import type { ArticlesConfig } from '../config.js';
import { CONFIG } from '../tokens.js';
import { StoryIndex } from './story-index.js';
import { SnapshotTooSlow, StoryIndexSnapshots, type SnapshotEntry, type SnapshotHead } from './story-index.snapshot.js';
import { StoryRepository } from './story.repository.js';

/** Replays start this much before a watermark: clocks of replicas and NATS may differ a little. */
const CLOCK_MARGIN_MS = 5000;
/** What a stop keeps of its grace period for closing the connections after the snapshot. */
const SHUTDOWN_MARGIN_MS = 2000;
/** Stories read by `_id` at once while catching up after a snapshot. */
const CATCH_UP_READS = 8;

interface ChangedStory {
  storyId?: string;
  revision?: number;
}

/**
 * Keeps this replica's StoryIndex in step with every replica's writes: it follows the article events from a little
 * before what the index was loaded from, so nothing falls in between (events wait until the load is done); each event
 * reloads its story by `_id`. Should an event slip past, the whole index is reloaded. Searches wait until the
 * initial load is done; the service joins its NATS queue group only after it (Nest awaits this bootstrap hook).
 *
 * The load reads the latest snapshot (StoryIndexSnapshots) when one is there and the events stream still reaches
 * back to its watermark, then reads the stories that the events since then changed; otherwise (no snapshot, one that
 * does not decode, or older than the stream) it reads every live story. A snapshot is written every
 * `INDEX_SNAPSHOT_MS` when the index changed and no replica wrote one meanwhile; once `INDEX_SNAPSHOT_BATCH` stories
 * changed and the index was quiet for `INDEX_SNAPSHOT_QUIET_MS` (an import ended, a boot caught up: a restart would
 * read them all again, and a stop may not have the time to write one); and on a clean shutdown.
 */
@Injectable()
export class StoryIndexSync {
  private follower?: EventFollower;
  private snapshotPass?: PeriodicPass;
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private isReady = false;
  /** What the follower has applied: every event stored before this instant (less the margin) is in the index. */
  private appliedUpTo = new Date();
  /** The oldest event whose story could not be read: a snapshot must not claim it. */
  private failedAt?: Date;
  /** The index's change count when the last snapshot was taken (-1: none), and when that was (ms). */
  private changesAtSnapshot = -1;
  private snapshotAt = 0;
  /** The change count as the last pass saw it, and since when it has not moved. */
  private seen = { changes: -1, since: 0 };

  constructor(
    private readonly index: StoryIndex,
    private readonly stories: StoryRepository,
    private readonly snapshots: StoryIndexSnapshots,
    @Inject(INFRA) private readonly infra: ServiceInfra,
    @Inject(CONFIG)
    private readonly config: Pick<
      ArticlesConfig,
      'INDEX_SNAPSHOT_MS' | 'INDEX_SNAPSHOT_QUIET_MS' | 'INDEX_SNAPSHOT_BATCH' | 'SHUTDOWN_GRACE_MS'
    >,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  private get logger() {
    return this.infra.logger;
  }

  async onApplicationBootstrap(): Promise<void> {
    const started = Date.now();
    const head = await this.usableHead();
    const from = head ? new Date(head.watermark.getTime() - CLOCK_MARGIN_MS) : new Date(Date.now() - CLOCK_MARGIN_MS);
    this.appliedUpTo = from;
    this.follower = new EventFollower({
      nats: this.infra.nats,
      families: [EventFamilies.article],
      logger: this.logger.child({ component: 'story-index' }),
      startAt: from,
      onEvent: (_subject, event) => this.apply(event),
      onGap: () => this.reload(),
    });
    await this.follower.start();
    let source = 'stories';
    if (head) {
      try {
        const loaded = await this.loadSnapshot(head);
        // What the snapshot holds; what catching up brings in counts as changed since.
        [this.changesAtSnapshot, this.snapshotAt] = [this.index.changes, head.takenAt.getTime()];
        const caughtUp = await this.catchUp(from);
        source = 'snapshot';
        this.logger.info(
          { stories: this.index.size, snapshot: loaded, caughtUp, takenAt: head.takenAt },
          'story index snapshot loaded',
        );
      } catch (err) {
        this.logger.warn({ err: (err as Error).message }, 'story index snapshot unusable; loading every story');
        this.index.clear();
      }
    }
    if (source === 'stories') for await (const doc of this.stories.scanLive()) this.index.put(doc);
    this.index.loaded();
    this.logger.info({ stories: this.index.size, ms: Date.now() - started, source }, 'story index loaded');
    this.isReady = true;
    this.markReady();
    const { INDEX_SNAPSHOT_MS: every, INDEX_SNAPSHOT_QUIET_MS: quiet } = this.config;
    if (every > 0 || quiet > 0) {
      this.snapshotPass = new PeriodicPass({
        what: 'story index snapshot',
        // Often enough to see a quiet spell end, and to keep to the interval.
        everyMs: Math.min(...[every, quiet > 0 ? Math.max(1000, quiet / 2) : 0].filter((ms) => ms > 0)),
        logger: this.logger,
        pass: () => this.snapshotIfDue(),
      });
      this.snapshotPass.start();
    }
  }

  async onModuleDestroy(): Promise<void> {
    const stopping = Date.now();
    await this.snapshotPass?.stop();
    await this.follower?.stop();
    // A clean stop leaves a fresh snapshot behind, so that the next boot catches up only from here; only while it
    // fits in the shutdown grace with room to close the connections after it, else the stop would be killed midway
    // (the next boot then catches up from the last snapshot).
    if (this.isReady && this.index.changes !== this.changesAtSnapshot) {
      const grace = this.config.SHUTDOWN_GRACE_MS;
      await this.snapshot(stopping + Math.max(grace / 2, grace - SHUTDOWN_MARGIN_MS)).catch((err: Error) =>
        this.logger.warn(
          { err: err.message },
          err instanceof SnapshotTooSlow
            ? 'story index snapshot at shutdown skipped: it did not fit in the grace period'
            : 'story index snapshot at shutdown failed',
        ),
      );
    }
  }

  /** Writes a snapshot of the index as it is now, stamped with what the events have brought in. */
  async snapshot(deadline = Infinity): Promise<void> {
    const started = Date.now();
    const changes = this.index.changes;
    const watermark = this.failedAt && this.failedAt < this.appliedUpTo ? this.failedAt : this.appliedUpTo;
    const { items: stories, bytes } = await this.snapshots.write(this.index.indexed(), watermark, deadline);
    [this.changesAtSnapshot, this.snapshotAt] = [changes, started];
    this.logger.info({ stories, bytes, ms: Date.now() - started }, 'story index snapshot written');
  }

  private async snapshotIfDue(): Promise<void> {
    const { INDEX_SNAPSHOT_MS: every, INDEX_SNAPSHOT_QUIET_MS: quiet, INDEX_SNAPSHOT_BATCH: batch } = this.config;
    const [now, changes] = [Date.now(), this.index.changes];
    if (changes !== this.seen.changes) this.seen = { changes, since: now };
    if (changes === this.changesAtSnapshot) return;
    const settled = quiet > 0 && changes - this.changesAtSnapshot >= batch && now - this.seen.since >= quiet;
    const due = every > 0 && now - this.snapshotAt >= every;
    if (!settled && !due) return;
    // Another replica's snapshot serves a boot as well as ours would: a recent one, or one since the last change.
    const head = await this.snapshots.head();
    const taken = head?.takenAt.getTime() ?? 0;
    if (settled ? taken > this.seen.since : now - taken < every / 2) return;
    await this.snapshot();
  }

  /** The snapshot head to boot from: there, readable, and not older than what the events stream still holds. */
  private async usableHead(): Promise<SnapshotHead | null> {
    try {
      const head = await this.snapshots.head();
      if (!head) return null;
      const stream = await this.infra.jsm.streams.info(Streams.events.name);
      // The stream holds every event since the watermark if it never dropped one, or its first is older.
      const whole = stream.state.first_seq <= 1;
      if (!whole && new Date(stream.state.first_ts).getTime() > head.watermark.getTime() - CLOCK_MARGIN_MS) {
        this.logger.warn(
          { watermark: head.watermark, streamFrom: stream.state.first_ts },
          'story index snapshot older than the events stream; loading every story',
        );
        return null;
      }
      return head;
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'story index snapshot head unreadable; loading every story');
      return null;
    }
  }

  private async loadSnapshot(head: SnapshotHead): Promise<number> {
    let n = 0;
    for await (const chunk of this.snapshots.chunks(head)) {
      for (const { story, analyzed } of chunk as Partial<SnapshotEntry>[]) {
        if (typeof story?._id !== 'string' || !Array.isArray(analyzed))
          throw new Error('a snapshot entry is malformed');
        this.index.putIndexed(story, analyzed);
        n++;
      }
    }
    if (n !== head.items) throw new Error(`the snapshot holds ${n} stories, its head says ${head.items}`);
    return n;
  }

  /**
   * The stories changed by the article events stored since `from` (as many as the stream held when this began; the
   * follower brings the rest), each read once by `_id` unless the snapshot has that revision already.
   */
  private async catchUp(from: Date): Promise<number> {
    const consumer = await jetstream(this.infra.nats).consumers.get(Streams.events.name, {
      filter_subjects: [EventFamilies.article],
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: from.toISOString(),
    });
    let left = (await consumer.info()).num_pending;
    const latest = new Map<string, number>();
    if (left > 0) {
      const messages = await consumer.consume();
      for await (const m of messages) {
        const { storyId, revision } = (m.json<EventEnvelope>().data ?? {}) as ChangedStory;
        if (storyId) latest.set(storyId, Math.max(latest.get(storyId) ?? -1, revision ?? Infinity));
        if (--left <= 0 || m.info.pending === 0) break;
      }
      messages.stop();
    }
    const stale = [...latest]
      .filter(([id, revision]) => (this.index.revisionOf(id) ?? -1) < revision)
      .map(([id]) => id);
    const next = stale.values();
    const read = async () => {
      for (let id = next.next(); !id.done; id = next.next()) {
        const doc = await this.stories.findLive(id.value);
        if (doc) this.index.put(doc);
        else this.index.remove(id.value);
      }
    };
    await Promise.all(Array.from({ length: CATCH_UP_READS }, read));
    return stale.length;
  }

  private async apply(event: EventEnvelope): Promise<void> {
    await this.ready;
    const { storyId, revision } = (event.data ?? {}) as ChangedStory;
    const at = new Date(event.occurredAt);
    if (!storyId) return;
    try {
      // This replica's own writes are in the index already.
      if (revision === undefined || (this.index.revisionOf(storyId) ?? 0) < revision) {
        const doc = await this.stories.findLive(storyId);
        if (doc) this.index.put(doc);
        else this.index.remove(storyId);
      }
      // An event is stored in the stream after it occurred: whatever is stored after this one, from here on.
      if (at > this.appliedUpTo) this.appliedUpTo = at;
    } catch (err) {
      if (!this.failedAt || at < this.failedAt) this.failedAt = at;
      this.logger.warn({ err: (err as Error).message }, 'story index update failed; the next event retries');
    }
  }

  /** Every live story read again; what is no longer live goes, unless an event changed it meanwhile. */
  private async reload(): Promise<void> {
    await this.ready;
    const before = new Map(this.index.ids().map((id) => [id, this.index.revisionOf(id)]));
    const live = new Set<string>();
    for await (const doc of this.stories.scanLive()) {
      live.add(doc._id);
      if ((this.index.revisionOf(doc._id) ?? -1) <= doc.revision) this.index.put(doc);
    }
    for (const [id, revision] of before) {
      if (!live.has(id) && this.index.revisionOf(id) === revision) this.index.remove(id);
    }
    this.failedAt = undefined;
    this.index.loaded();
    this.infra.logger.info({ stories: this.index.size }, 'story index reloaded after a gap in the events');
  }
}
