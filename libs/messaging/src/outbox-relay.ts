import type { Collection, Connection } from 'mongoose';
import { toEnvelope, type OutboxEntry, type OutboxModel } from '@khao/persistence';
import type { Logger } from '@khao/logging';
import type { EventPublisher } from './publisher.js';

interface PendingDoc {
  _id: unknown;
  outbox?: OutboxEntry[];
}

/** "This document may hold unpublished events": `<collection>:<id>`, with a counter of the writes announced. */
interface Marker {
  _id: string;
  collection: string;
  docId: unknown;
  seq: number;
}

/** Test-only fault injection, named in configuration (`FAILPOINT`), to prove the outbox survives a crash. */
export type Failpoint = 'crash-after-outbox-write' | undefined;

export interface OutboxRelayOptions {
  models: OutboxModel[];
  /** The service's database: the markers live in its `outbox_pending` collection. */
  mongo: Connection;
  publisher: EventPublisher;
  logger: Logger;
  sweepMs: number;
  failpoint?: Failpoint;
}

/**
 * Moves pending events from aggregate documents to JetStream. A write announces itself with a marker
 * ({@link markPending}) before it writes, and calls {@link publishPending} right after (the fast path); a sweep on
 * start and on a timer publishes whatever a crash or an outage left behind. The sweep reads only the markers, a
 * collection as small as the number of writes in flight, and every document by `_id` (the one lookup FerretDB's
 * SQLite backend answers without a scan). A relay may publish an entry twice: JetStream's dedupe on the event id
 * stores it once.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private stopped = false;
  private readonly markers: Collection<Marker>;
  private readonly byCollection: Map<string, OutboxModel>;

  constructor(private readonly opts: OutboxRelayOptions) {
    this.markers = opts.mongo.collection<Marker>('outbox_pending');
    this.byCollection = new Map(opts.models.map((m) => [m.collection.collectionName, m]));
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  start(): void {
    this.stopped = false;
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.opts.sweepMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.sweeping;
  }

  /**
   * Call before a write that adds outbox entries: without a marker a crash could strand them. Returns the marker's
   * counter, for {@link publishPending}.
   */
  async markPending(model: OutboxModel, id: unknown): Promise<number> {
    const collection = model.collection.collectionName;
    const marker = await this.markers.findOneAndUpdate(
      { _id: markerId(collection, id) },
      { $inc: { seq: 1 }, $set: { collection, docId: id } },
      { upsert: true, returnDocument: 'after' },
    );
    return marker?.seq ?? 0;
  }

  /**
   * Publishes the pending events of one document; failures are left for the sweep, never thrown at the caller.
   * A writer that knows the document's whole outbox after its write (it held the only right to write it) passes
   * `known`, which spares reading the document back.
   */
  async publishPending(
    model: OutboxModel,
    id: unknown,
    known?: { entries: OutboxEntry[]; seq: number },
  ): Promise<void> {
    if (this.opts.failpoint === 'crash-after-outbox-write') {
      this.opts.logger.fatal({ failpoint: this.opts.failpoint }, 'failpoint: killing the process before publish');
      process.kill(process.pid, 'SIGKILL');
      await new Promise(() => undefined);
    }
    try {
      if (known) {
        await this.publishAndPull(model, id, known.entries);
        await this.markers.deleteOne({ _id: markerId(model.collection.collectionName, id), seq: known.seq });
        return;
      }
      const marker = await this.markers.findOne({ _id: markerId(model.collection.collectionName, id) });
      await this.relay(model, id, marker?.seq);
    } catch (err) {
      this.opts.logger.warn({ err: (err as Error).message }, 'outbox publish deferred to the sweep');
    }
  }

  /** One pass over the markers; runs one at a time. */
  sweep(): Promise<void> {
    if (this.sweeping || this.stopped) return this.sweeping ?? Promise.resolve();
    this.sweeping = this.sweepMarkers()
      .catch((err: Error) => this.opts.logger.warn({ err: err.message }, 'outbox sweep failed; will retry'))
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepMarkers(): Promise<void> {
    const markers = await this.markers.find({}, { limit: 500 }).toArray();
    for (const m of markers) {
      if (this.stopped) return;
      const model = this.byCollection.get(m.collection);
      if (model) await this.relay(model, m.docId, m.seq);
    }
  }

  /**
   * Publishes the document's entries, removes exactly those (`$pullAll` of the elements as read: FerretDB's `$pull`
   * takes whole elements only), then drops the marker if no write was announced since it was read.
   */
  private async relay(model: OutboxModel, id: unknown, seq: number | undefined): Promise<void> {
    const doc = await model.collection.findOne<PendingDoc>({ _id: id } as never, { projection: { outbox: 1 } });
    const entries = doc?.outbox ?? [];
    await this.publishAndPull(model, id, entries);
    if (seq === undefined) return;
    const after = entries.length
      ? await model.collection.findOne<PendingDoc>({ _id: id } as never, { projection: { outbox: 1 } })
      : doc;
    if (!after?.outbox?.length)
      await this.markers.deleteOne({ _id: markerId(model.collection.collectionName, id), seq });
  }

  /** Publishes `entries` in order, then removes exactly them from the document's outbox. */
  private async publishAndPull(model: OutboxModel, id: unknown, entries: OutboxEntry[]): Promise<void> {
    for (const entry of entries) {
      const res = await this.opts.publisher.publish(toEnvelope(entry), entry.subject);
      this.opts.logger.debug(
        { eventId: entry.id, type: entry.type, seq: res.seq, duplicate: res.duplicate },
        'event published',
      );
    }
    if (entries.length) {
      await model.collection.updateOne({ _id: id } as never, { $pullAll: { outbox: entries } } as never);
    }
  }
}

function markerId(collection: string, id: unknown): string {
  return `${collection}:${String(id)}`;
}
