import {
  collectionOf,
  defineCollection,
  DueMarkers,
  dueMarkers,
  OutboxEntrySchema,
  toEnvelope,
  type Doc,
  type DocCollection,
  type DocInput,
  type Database,
  type DocSchema,
  type Filter,
  type Marker,
  type OutboxEntry,
  type Update,
} from '@khao/persistence';
import { z } from 'zod';
import type { ServiceConfig } from '@khao/config';
import { DomainError, ErrorCode } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { PeriodicPass } from './periodic-pass.js';
import type { EventPublisher } from './publisher.js';
import type { ServiceInfra } from './runtime.js';

/** "This document may hold unpublished events": `<collection>:<id>`, due for the sweep once the grace is over. */
const OutboxMarkers = dueMarkers('outbox_pending', { collection: z.string(), docId: z.unknown() });
type OutboxMarker = Marker<(typeof OutboxMarkers)['schema']['shape']>;

/** What the sweep reads of any collection whose documents carry an outbox (see `outboxField`). */
const outboxOnly = (name: string) =>
  defineCollection({ name, schema: z.object({ _id: z.unknown(), outbox: z.array(OutboxEntrySchema).default([]) }) });

/** Points a test can stop at (a failpoint kills the process there); none in a real deployment. */
export interface OutboxHooks {
  /** Between the write that recorded the events and their publish. */
  beforePublish?: () => Promise<void>;
}

export interface OutboxRelayOptions {
  /** The service's database: the markers live in its `outbox_pending` collection. */
  mongo: Database;
  publisher: Pick<EventPublisher, 'publish'>;
  logger: Logger;
  sweepMs: number;
  /**
   * The sweep leaves a marker alone this long after its last announcement: a writer between its announcement and
   * its write must not have its marker taken away. Writers give up on a write that would land later than half this.
   */
  graceMs: number;
  hooks?: OutboxHooks;
}

export interface OutboxWriteOptions<T> {
  /** Conditions beside the `_id` (an expected version): when they do not match nothing is written or published. */
  where?: Filter<T>;
  /** Called right before the write; may throw to abandon it (a writer that stalled past its claim). */
  beforeWrite?: () => void;
  /** Called once the write landed, before the publish (a read model this replica must show first). */
  afterWrite?: () => unknown;
  /** Create the document when none matched (with `where` left out). */
  upsert?: boolean;
  /**
   * The document sits in a due-marker set of the caller's that a crash between the write and the publish leaves
   * behind, and the caller publishes the outbox again when it finds the marker ({@link publishOutbox}): no outbox
   * marker is written (two writes fewer per change), the events are appended, and a failed publish is thrown.
   */
  markedByCaller?: boolean;
}

/** How a write was announced: a marker's `seq`, by when the write must land, and whether the outbox was empty. */
interface Announcement {
  seq: number;
  deadline: number;
  /** No marker existed: every entry already in the document was published, so the write replaces the outbox. */
  clean: boolean;
}

/**
 * The outbox: "apply this single-document change and record these events" in one call ({@link update},
 * {@link insert}, {@link insertMany}), then the events to JetStream.
 *
 * Each write is announced with a marker first, the events go into the document's `outbox` in the same
 * single-document write as the change (atomic without multi-document transactions), and are published right after;
 * the marker is then dropped, so "no marker" means "everything in the outbox is out": the next write replaces the
 * outbox rather than appending, and nothing is ever pulled from the document (on FerretDB's SQLite backend every
 * update of a large document costs a scan; this keeps a create to none). A sweep on start and on a timer relays the
 * documents whose markers remain: whatever a crash or an outage left behind. An entry may be published twice:
 * JetStream's dedupe on the event id stores it once, and consumers' inboxes catch what falls outside the window.
 */
export class OutboxRelay {
  private readonly sweeps: PeriodicPass;
  private readonly markers: DueMarkers<(typeof OutboxMarkers)['schema']['shape']>;

  /** A service's outbox: its database, publisher and outbox settings (and the failpoint a test may name). */
  static for(infra: ServiceInfra, config: ServiceConfig): OutboxRelay {
    const logger = infra.logger.child({ component: 'outbox' });
    return new OutboxRelay({
      mongo: infra.mongo,
      publisher: infra.publisher,
      logger,
      sweepMs: config.OUTBOX_SWEEP_MS,
      graceMs: config.OUTBOX_GRACE_MS,
      hooks: config.FAILPOINT === 'crash-after-outbox-write' ? crashBeforePublish(logger) : {},
    });
  }

  constructor(private readonly opts: OutboxRelayOptions) {
    this.markers = new DueMarkers(opts.mongo, OutboxMarkers);
    this.sweeps = new PeriodicPass({
      what: 'outbox sweep',
      everyMs: opts.sweepMs,
      logger: opts.logger,
      pass: () => this.sweepMarkers(),
    });
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  start(): void {
    this.sweeps.start();
  }

  /** Waits for the sweep in flight. */
  stop(): Promise<void> {
    return this.sweeps.stop();
  }

  /**
   * Applies `update` to document `id` and records `events` in its outbox in the same single-document write, then
   * publishes them (a failed publish is left to the sweep, never thrown, unless `markedByCaller`). False when no
   * document matched.
   */
  async update<S extends DocSchema>(
    coll: DocCollection<S>,
    id: Doc<S>['_id'],
    update: Update<Doc<S>>,
    events: OutboxEntry[],
    o: OutboxWriteOptions<Doc<S>> = {},
  ): Promise<boolean> {
    return (await this.write(coll, id, update, events, o, false)) !== null;
  }

  /** {@link update}, returning the whole document after the write, or null when none matched. */
  updateAndGet<S extends DocSchema>(
    coll: DocCollection<S>,
    id: Doc<S>['_id'],
    update: Update<Doc<S>>,
    events: OutboxEntry[],
    o: OutboxWriteOptions<Doc<S>> = {},
  ): Promise<Doc<S> | null> {
    return this.write(coll, id, update, events, o, true);
  }

  /** Inserts `doc` with `events` as its outbox, then publishes them. Throws the driver's duplicate-key error. */
  async insert<S extends DocSchema>(
    coll: DocCollection<S>,
    doc: DocInput<S>,
    events: OutboxEntry[],
    o: Pick<OutboxWriteOptions<Doc<S>>, 'afterWrite'> = {},
  ): Promise<Doc<S>> {
    const id = (doc as { _id: unknown })._id;
    const announced = await this.announce(coll.name, id);
    this.checkDeadline(announced);
    const stored = await coll.insertOne({ ...doc, outbox: events });
    await o.afterWrite?.();
    await this.publishAnnounced(coll.name, id, events, announced);
    return stored;
  }

  /**
   * {@link insert} for documents created together (an import batch): one marker each, written in one call, the
   * documents in one ordered insert, the events published concurrently. The ids must be new.
   */
  async insertMany<S extends DocSchema>(
    coll: DocCollection<S>,
    docs: { doc: DocInput<S>; events: OutboxEntry[] }[],
    o: Pick<OutboxWriteOptions<Doc<S>>, 'afterWrite'> = {},
  ): Promise<Doc<S>[]> {
    const ids = docs.map((d) => (d.doc as { _id: unknown })._id);
    const dueAt = new Date(Date.now() + this.opts.graceMs);
    await this.markers.scheduleNew(
      ids.map((docId) => ({ id: markerId(coll.name, docId), dueAt, fields: { collection: coll.name, docId } })),
    );
    this.checkDeadline({ seq: 1, clean: true, deadline: Date.now() + this.opts.graceMs / 2 });
    const stored = await coll.insertMany(
      docs.map((d) => ({ ...d.doc, outbox: d.events })),
      { ordered: true },
    );
    await o.afterWrite?.();
    try {
      await Promise.all(docs.map((d) => this.publishAll(d.events)));
      await this.markers.doneMany(ids.map((docId) => ({ _id: markerId(coll.name, docId), seq: 1 })));
    } catch (err) {
      this.opts.logger.warn({ err: (err as Error).message }, 'outbox publish deferred to the sweep');
    }
    return stored;
  }

  /**
   * The write behind {@link update}: a clean write replaces the outbox and publishes `events`; otherwise the events
   * are appended and the whole outbox read back (FerretDB's findAndModify takes no projection) is published. A write
   * {@link OutboxWriteOptions.markedByCaller} appends and publishes `events`, announcing nothing.
   */
  private async write<S extends DocSchema>(
    coll: DocCollection<S>,
    id: Doc<S>['_id'],
    update: Update<Doc<S>>,
    events: OutboxEntry[],
    o: OutboxWriteOptions<Doc<S>>,
    returnDocument: boolean,
  ): Promise<Doc<S> | null> {
    const filter = { ...o.where, _id: id } as Filter<Doc<S>>;
    const announced = events.length && !o.markedByCaller ? await this.announce(coll.name, id) : undefined;
    o.beforeWrite?.();
    if (announced) this.checkDeadline(announced);
    const recorded = !events.length
      ? update
      : announced?.clean
        ? { ...update, $set: { ...update.$set, outbox: events } }
        : { ...update, $push: { ...update.$push, outbox: { $each: events } } };
    let doc: Doc<S> | null;
    if (returnDocument || (announced && !announced.clean)) {
      doc = await coll.findOneAndUpdate(filter, recorded as unknown as Update<Doc<S>>, { upsert: o.upsert });
    } else {
      const res = await coll.updateOne(filter, recorded as unknown as Update<Doc<S>>, { upsert: o.upsert });
      doc = res.matched + res.upserted > 0 ? ({} as Doc<S>) : null;
    }
    if (!doc) return null;
    await o.afterWrite?.();
    if (announced) await this.publishAnnounced(coll.name, id, announced.clean ? events : outboxOf(doc), announced);
    else if (events.length) await this.publishMarkedByCaller(events);
    return doc;
  }

  /** Publishes what the outbox of document `id` holds (a writer that finds a write of its own left unpublished). */
  async publishOutbox(collection: string, id: unknown): Promise<void> {
    const doc = await collectionOf(this.opts.mongo, outboxOnly(collection)).findById(id, { projection: { outbox: 1 } });
    await this.publishAll(doc?.outbox ?? []);
  }

  /** One pass over the markers now (or the one already running); runs one at a time. */
  sweep(): Promise<void> {
    return this.sweeps.run();
  }

  /** A marker due once the grace is over: the sweep must not take it from a writer between announce and write. */
  private async announce(collection: string, docId: unknown): Promise<Announcement> {
    const dueAt = new Date(Date.now() + this.opts.graceMs);
    const { seq, created } = await this.markers.schedule(markerId(collection, docId), dueAt, { collection, docId });
    return { seq, clean: created, deadline: Date.now() + this.opts.graceMs / 2 };
  }

  private checkDeadline(announced: Announcement): void {
    if (Date.now() > announced.deadline) {
      throw new DomainError(ErrorCode.Unavailable, 'the save took too long and was abandoned; try again');
    }
  }

  private async publishAnnounced(
    collection: string,
    docId: unknown,
    entries: OutboxEntry[],
    announced: Announcement,
  ): Promise<void> {
    await this.opts.hooks?.beforePublish?.();
    try {
      await this.publishAll(entries);
      // Unless another write was announced since ours, everything in the outbox is out now.
      await this.markers.done({ _id: markerId(collection, docId), seq: announced.seq });
    } catch (err) {
      this.opts.logger.warn({ err: (err as Error).message }, 'outbox publish deferred to the sweep');
    }
  }

  /** A failed publish is thrown: the caller keeps its marker and publishes the outbox again ({@link publishOutbox}). */
  private async publishMarkedByCaller(entries: OutboxEntry[]): Promise<void> {
    await this.opts.hooks?.beforePublish?.();
    await this.publishAll(entries);
  }

  private async sweepMarkers(): Promise<void> {
    const markers: OutboxMarker[] = await this.markers.due(new Date(), 500);
    for (const m of markers) {
      if (this.sweeps.isStopped) return;
      await this.publishOutbox(m.collection, m.docId);
      await this.markers.done(m);
    }
  }

  private async publishAll(entries: OutboxEntry[]): Promise<void> {
    for (const entry of entries) {
      const res = await this.opts.publisher.publish(toEnvelope(entry), entry.subject);
      this.opts.logger.debug(
        { eventId: entry.id, type: entry.type, seq: res.seq, duplicate: res.duplicate },
        'event published',
      );
    }
  }
}

/** The failpoint `crash-after-outbox-write`: the process dies between the write and the publish. */
function crashBeforePublish(logger: Logger): OutboxHooks {
  return {
    beforePublish: async () => {
      logger.fatal({ failpoint: 'crash-after-outbox-write' }, 'failpoint: killing the process before publish');
      process.kill(process.pid, 'SIGKILL');
      await new Promise(() => undefined);
    },
  };
}

function outboxOf(doc: unknown): OutboxEntry[] {
  return (doc as { outbox?: OutboxEntry[] }).outbox ?? [];
}

function markerId(collection: string, id: unknown): string {
  return `${collection}:${String(id)}`;
}
