import { Streams, type EventData, type EventDefinition } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { outboxEntry, toEnvelope, type SnapshotHead } from '@khao/persistence';
import type { JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { EventFollower } from './event-follower.js';
import { ListSnapshots } from './list-snapshots.js';
import { PeriodicPass } from './periodic-pass.js';
import { sameRow, SortedRows, type MirrorRow } from './sorted-rows.js';
import type { ServiceInfra } from './runtime.js';
import type { EventPublisher } from './publisher.js';

/** Replays start this much before a load or a watermark: clocks of replicas and NATS may differ a little. */
const CLOCK_MARGIN_MS = 5000;
/** How long a boot from a snapshot waits for the notices since it to be replayed before it answers anyway. */
const REPLAY_WAIT_MS = 10_000;

/** What a notice says of one row: its new state, or that it is gone. */
export type MirrorChange<R extends MirrorRow> = { row: R } | { removed: string };

export interface ListMirrorSnapshotOptions<R extends MirrorRow> {
  store: ListSnapshots<R>;
  /** For the events stream's first message: a snapshot older than it cannot be caught up by notices. */
  jsm: JetStreamManager;
  /** A row as read back from a snapshot, checked (undefined: malformed, the snapshot is not used). */
  revive: (row: unknown) => R | undefined;
  /** How often a snapshot is written while the rows change (0: only at a clean stop). */
  everyMs: number;
}

export interface ListMirrorOptions<R extends MirrorRow, D extends EventDefinition> {
  /** For the logs: "translation jobs". */
  what: string;
  nats: NatsConnection;
  publisher: Pick<EventPublisher, 'publish'>;
  logger: Logger;
  /** The notice every writer publishes after each write, carrying the row (see {@link ListMirror.changed}). */
  notice: D;
  toNotice: (change: MirrorChange<R>) => EventData<D>;
  fromNotice: (data: EventData<D>) => MirrorChange<R>;
  /** The list's order, a total one (ties broken by id). */
  compare: (a: R, b: R) => number;
  /** Whether `incoming` may replace `current` (the same row: notices of two writers can cross). */
  supersedes: (incoming: R, current: R) => boolean;
  /** Every row as the database has it, streamed. */
  load: () => AsyncIterable<R>;
  /** Where the rows are saved, for a boot to start from them instead of the whole collection. */
  snapshots?: ListMirrorSnapshotOptions<R>;
}

/** The snapshot a boot starts from, and whether the notices since its watermark are all still in the stream. */
interface Usable {
  head: SnapshotHead;
  replayable: boolean;
}

/**
 * A replica's in-memory copy of one admin list: compact rows kept in the list's order, so a filtered page is a walk
 * from the cursor, never a query (FerretDB reads a whole collection for any filter but `_id`). Kept current by this
 * replica's writes ({@link changed}, {@link removed}) and by the notices every replica publishes after each write.
 * Should a notice slip past (the follower saw a gap), the rows are loaded again while the old ones keep answering.
 * Until the first load is done {@link ready} is false and callers answer from the database as before.
 *
 * At boot the rows come from the newest snapshot when there is one (see ListSnapshots), the notices followed from a
 * little before its watermark and replayed before the list answers; else, or when it does not read whole, from the
 * database, streamed, the notices followed from a little before the load began. A snapshot older than the events
 * stream's first message (the notices since it may be gone) answers while a full load runs in the background. Any
 * replica writes one every `everyMs` while its rows change (unless another replica's is recent) and at a clean stop.
 *
 * A writer that dies between its write and its notice leaves the other replicas' row behind until that row's next
 * write or their next load; the page shown is read by `_id` and {@link confirm}ed, so what it says is the stored state.
 */
export class ListMirror<R extends MirrorRow, D extends EventDefinition> {
  private rows: SortedRows<R>;
  private follower?: EventFollower;
  private snapshotPass?: PeriodicPass;
  private loading?: Promise<void>;
  /** Changes heard while a load runs (and any before the first), applied over what it read. */
  private heard?: Map<string, MirrorChange<R>> = new Map();
  private isReady = false;
  /** The rows hold every change up to `appliedUpTo` (false while a too-old snapshot answers): a snapshot may be taken. */
  private whole = false;
  /** Every notice stored before this instant (less the clock margin) is in the rows. */
  private appliedUpTo = new Date();
  private changes = 0;
  private changesAtSnapshot = -1;
  private stopped = false;

  constructor(private readonly o: ListMirrorOptions<R, D>) {
    this.rows = new SortedRows(o.compare);
  }

  get ready(): boolean {
    return this.isReady;
  }

  get size(): number {
    return this.rows.size;
  }

  /** Starts following the notices, then loads in the background (a boot does not wait for it). */
  async start(): Promise<void> {
    const started = Date.now();
    const usable = await this.usableSnapshot();
    const from = new Date((usable?.replayable ? usable.head.watermark.getTime() : Date.now()) - CLOCK_MARGIN_MS);
    this.appliedUpTo = from;
    let caughtUp!: () => void;
    const replayed = new Promise<void>((resolve) => (caughtUp = resolve));
    this.follower = new EventFollower({
      nats: this.o.nats,
      logger: this.o.logger,
      startAt: from,
      onCaughtUp: () => caughtUp(),
      onGap: () => {
        // A notice may have slipped past: no snapshot until the rows are loaded again.
        this.whole = false;
        void this.reload();
      },
    }).on(this.o.notice, (event) => {
      this.apply(this.o.fromNotice(event.data));
      const at = new Date(event.occurredAt);
      if (at > this.appliedUpTo) this.appliedUpTo = at;
    });
    await this.follower.start();
    if (usable) void this.queue(() => this.boot(usable, replayed, started));
    else void this.reload();
    const every = this.o.snapshots?.everyMs ?? 0;
    if (every > 0) {
      this.snapshotPass = new PeriodicPass({
        what: `${this.o.what} list snapshot`,
        everyMs: every,
        logger: this.o.logger,
        pass: () => this.snapshotIfDue(every),
      });
      this.snapshotPass.start();
    }
  }

  /** Stops following; a clean stop leaves a snapshot of the rows behind if they changed since the last one. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.snapshotPass?.stop();
    await this.follower?.stop();
    await this.loading?.catch(() => undefined);
    if (this.changes !== this.changesAtSnapshot) {
      await this.snapshot().catch((err: Error) =>
        this.o.logger.warn({ err: err.message }, `${this.o.what} list snapshot at shutdown failed`),
      );
    }
  }

  /** Writes the rows as the current snapshot, if they are whole; false when there was nothing to write. */
  async snapshot(): Promise<boolean> {
    if (!this.o.snapshots || !this.isReady || !this.whole) return false;
    const started = Date.now();
    const changes = this.changes;
    const { items: rows, bytes } = await this.o.snapshots.store.write(this.rows.all(), this.appliedUpTo);
    this.changesAtSnapshot = changes;
    this.o.logger.info({ rows, bytes, ms: Date.now() - started }, `${this.o.what} list snapshot written`);
    return true;
  }

  /** Loads every row again (one load at a time; a load asked for during one runs after it). */
  reload(): Promise<void> {
    return this.queue(async () => {
      const started = Date.now();
      this.heard ??= new Map();
      const fresh: R[] = [];
      for await (const row of this.o.load()) {
        if (this.stopped) return;
        fresh.push(row);
      }
      this.takeUp(fresh);
      this.whole = true;
      this.o.logger.info(
        { rows: this.rows.size, ms: Date.now() - started, source: 'database' },
        `${this.o.what} list loaded`,
      );
    });
  }

  /** A row this replica wrote: here at once, and to every other replica by a notice (a failed notice is logged). */
  changed(row: R): Promise<void> {
    return this.tell({ row });
  }

  removed(id: string): Promise<void> {
    return this.tell({ removed: id });
  }

  /**
   * The documents read by `_id` for a page's `rows`, checked against them (a page trusts its documents): a row whose
   * document is gone is forgotten, one that differs from its document's row takes the document's word (a notice was
   * lost or crossed another) unless the row is newer (the read crossed a write), and only the documents whose row
   * passes `keep` (the page's filter) are shown.
   */
  confirm<T>(rows: readonly R[], read: readonly T[], rowOf: (doc: T) => R, keep: (r: R) => boolean): T[] {
    const fresh = read.map(rowOf);
    const found = new Set(fresh.map((r) => r.id));
    for (const r of rows) {
      if (!found.has(r.id) && this.rows.get(r.id)) {
        this.changes++;
        this.rows.remove(r.id);
      }
    }
    return read.filter((_, i) => {
      const row = fresh[i];
      const current = this.rows.get(row.id);
      // A read that started before a write whose notice is in already must not take the row back.
      if (!sameRow(current, row) && (!current || this.o.supersedes(row, current))) {
        this.changes++;
        this.rows.put(row);
      }
      return keep(row);
    });
  }

  get(id: string): R | undefined {
    return this.rows.get(id);
  }

  /**
   * Up to `limit` rows that `keep`, in the list's order, after those that are `past` (a cursor: true for a prefix of
   * the order; from the start when undefined).
   */
  page(past: ((r: R) => boolean) | undefined, keep: (r: R) => boolean, limit: number): R[] {
    return this.rows.page(past, keep, limit);
  }

  /** How many rows have each key. */
  countBy(key: (r: R) => string): Map<string, number> {
    const out = new Map<string, number>();
    for (const r of this.rows.all()) out.set(key(r), (out.get(key(r)) ?? 0) + 1);
    return out;
  }

  /** One load at a time: a failed one is logged and the rows loaded again a little later. */
  private queue(run: () => Promise<void>): Promise<void> {
    const next = (this.loading ?? Promise.resolve()).then(run).catch((err: Error) => {
      this.heard = undefined;
      this.o.logger.warn({ err: err.message }, `${this.o.what} list load failed; trying again`);
      if (!this.stopped) setTimeout(() => void this.reload(), 2000).unref();
    });
    this.loading = next;
    return next;
  }

  /** Rows read whole (a load, a snapshot) become the list, with the changes heard meanwhile over them. */
  private takeUp(read: R[]): void {
    const rows = SortedRows.of(read, this.o.compare);
    for (const change of this.heard?.values() ?? []) applyTo(rows, change, this.o.supersedes);
    this.heard = undefined;
    this.rows = rows;
    this.changes++;
    this.isReady = true;
  }

  /** Boots from a snapshot: its rows, then the notices since its watermark, or a full load if they may be gone. */
  private async boot(usable: Usable, replayed: Promise<void>, started: number): Promise<void> {
    const { store, revive } = this.o.snapshots!;
    let read: R[];
    try {
      read = await store.read(usable.head, revive);
    } catch (err) {
      this.o.logger.warn({ err: (err as Error).message }, `${this.o.what} list snapshot unusable; loading every row`);
      void this.reload();
      return;
    }
    if (usable.replayable) {
      const timeout = new Promise<void>((r) => setTimeout(r, REPLAY_WAIT_MS).unref());
      // The rows answer once the notices stored since the snapshot are in (those heard meanwhile go over them).
      this.heard ??= new Map();
      await Promise.race([replayed, timeout]);
    }
    this.takeUp(read);
    this.whole = usable.replayable;
    // Nothing new since the snapshot: the next one waits for a change.
    if (this.changes === 1) this.changesAtSnapshot = this.changes;
    this.o.logger.info(
      { rows: this.rows.size, ms: Date.now() - started, source: 'snapshot', takenAt: usable.head.takenAt },
      `${this.o.what} list loaded`,
    );
    if (!usable.replayable) void this.reload();
  }

  /** The snapshot head to boot from, if there is one of this format, and whether the stream reaches back to it. */
  private async usableSnapshot(): Promise<Usable | null> {
    if (!this.o.snapshots) return null;
    try {
      const head = await this.o.snapshots.store.head();
      if (!head) return null;
      const stream = await this.o.snapshots.jsm.streams.info(Streams.events.name);
      // The stream holds every notice since the watermark if it never dropped a message, or its first is older.
      // An emptied stream has no first message: then its last one, dropped too, must be older than the watermark.
      const { first_seq, first_ts, last_ts, messages } = stream.state;
      const oldest = new Date(messages > 0 ? first_ts : last_ts).getTime();
      const replayable = first_seq <= 1 || oldest <= head.watermark.getTime() - CLOCK_MARGIN_MS;
      if (!replayable) {
        this.o.logger.warn(
          { watermark: head.watermark, streamFrom: stream.state.first_ts },
          `${this.o.what} list snapshot older than the events stream; it answers while every row loads`,
        );
      }
      return { head, replayable };
    } catch (err) {
      this.o.logger.warn({ err: (err as Error).message }, `${this.o.what} list snapshot head unreadable`);
      return null;
    }
  }

  private async snapshotIfDue(everyMs: number): Promise<void> {
    if (this.changes === this.changesAtSnapshot || !this.whole) return;
    // Another replica's recent snapshot serves a boot as well as ours would.
    const head = await this.o.snapshots!.store.head();
    if (head && Date.now() - head.takenAt.getTime() < everyMs / 2) return;
    await this.snapshot();
  }

  private async tell(change: MirrorChange<R>): Promise<void> {
    this.apply(change);
    try {
      await this.o.publisher.publish(toEnvelope(outboxEntry(this.o.notice, this.o.toNotice(change))));
    } catch (err) {
      this.o.logger.warn({ err: (err as Error).message }, `${this.o.what} list notice not published`);
    }
  }

  private apply(change: MirrorChange<R>): void {
    this.changes++;
    if (this.heard) {
      const id = 'row' in change ? change.row.id : change.removed;
      const before = this.heard.get(id);
      if (!before || !('row' in before) || !('row' in change) || this.o.supersedes(change.row, before.row)) {
        this.heard.set(id, change);
      }
    }
    applyTo(this.rows, change, this.o.supersedes);
  }
}

export type { MirrorRow };

function applyTo<R extends MirrorRow>(
  rows: SortedRows<R>,
  change: MirrorChange<R>,
  supersedes: (incoming: R, current: R) => boolean,
): void {
  if (!('row' in change)) {
    rows.remove(change.removed);
    return;
  }
  const current = rows.get(change.row.id);
  if (!current || supersedes(change.row, current)) rows.put(change.row);
}

/** How often a replica writes its list's snapshot while the rows change: what a crash leaves to replay. */
const SNAPSHOT_EVERY_MS = 5 * 60 * 1000;

export interface MirroredListSnapshot<R extends MirrorRow> {
  /** The service database's collection for the head and chunks. */
  collection: string;
  /** Bumped whenever the row's shape changes: a snapshot of another format is not read. */
  format: number;
  revive: (row: unknown) => R | undefined;
}

/**
 * A service's admin list kept as a {@link ListMirror}: the mirror wired to the service's NATS, publisher, logger and
 * database (for its snapshots), loaded when the application has started and stopped with it. Subclasses give the
 * list's rows and rules.
 */
export abstract class MirroredList<R extends MirrorRow, D extends EventDefinition> {
  protected readonly mirror: ListMirror<R, D>;

  protected constructor(
    infra: Pick<ServiceInfra, 'nats' | 'publisher' | 'logger' | 'mongo' | 'jsm'>,
    component: string,
    options: Omit<ListMirrorOptions<R, D>, 'nats' | 'publisher' | 'logger' | 'snapshots'>,
    snapshot: MirroredListSnapshot<R>,
  ) {
    const logger = infra.logger.child({ component });
    this.mirror = new ListMirror<R, D>({
      ...options,
      nats: infra.nats,
      publisher: infra.publisher,
      logger,
      snapshots: {
        store: new ListSnapshots<R>(infra.mongo, snapshot.collection, snapshot.format),
        jsm: infra.jsm,
        revive: snapshot.revive,
        everyMs: SNAPSHOT_EVERY_MS,
      },
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.mirror.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.mirror.stop();
  }

  /** Until the first load is done the list is read from the database instead. */
  get ready(): boolean {
    return this.mirror.ready;
  }
}
