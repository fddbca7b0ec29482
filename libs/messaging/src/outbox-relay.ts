import type { Provider } from '@nestjs/common';
import type { Collection, Connection } from 'mongoose';
import type { ServiceConfig } from '@khao/config';
import { toEnvelope, type OutboxEntry, type OutboxModel } from '@khao/persistence';
import type { Logger } from '@khao/logging';
import { PeriodicPass } from './periodic-pass.js';
import type { EventPublisher } from './publisher.js';
import type { ServiceInfra } from './runtime.js';

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
  /** When the last write was announced. */
  at: Date;
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
  /**
   * The sweep leaves a marker alone this long after its last announcement: a writer between its announcement and
   * its write must not have its marker taken away. Writers give up on a write that would land later than half this.
   */
  graceMs: number;
  failpoint?: Failpoint;
}

/** What a writer learns from {@link OutboxRelay.markPending}. */
export interface PendingWrite {
  seq: number;
  /** Write by then, or abandon the write (see OutboxRelayOptions.graceMs). */
  deadline: number;
  /**
   * No marker existed: every entry already in the document was published, so the write may replace the outbox
   * with its own events instead of appending to it.
   */
  clean: boolean;
}

/**
 * Moves pending events from aggregate documents to JetStream.
 *
 * A writer announces itself with a marker before it writes ({@link markPending}), writes its events into the
 * document's `outbox` in the same single-document update as the change, and calls {@link publishPending} right
 * after. The marker is deleted once the events are published, so "no marker" means "everything in the outbox is
 * out": the next clean write replaces the outbox rather than appending, and nothing ever has to be pulled from
 * the document (on FerretDB's SQLite backend every update of a large document costs a scan; this keeps a create
 * to none). A sweep on start and on a timer relays the documents whose markers remain: whatever a crash or an
 * outage left behind. A relay may publish an entry twice: JetStream's dedupe on the event id stores it once, and
 * consumers' inboxes catch what falls outside the dedupe window.
 */
export class OutboxRelay {
  private readonly sweeps: PeriodicPass;
  private readonly markers: Collection<Marker>;
  private readonly byCollection: Map<string, OutboxModel>;

  /** The relay of a service's aggregates, as its module provides it: its database, publisher and outbox settings. */
  static provider(infra: ServiceInfra, config: ServiceConfig, models: OutboxModel[]): Provider {
    return {
      provide: OutboxRelay,
      useValue: new OutboxRelay({
        models,
        mongo: infra.mongo,
        publisher: infra.publisher,
        logger: infra.logger.child({ component: 'outbox' }),
        sweepMs: config.OUTBOX_SWEEP_MS,
        graceMs: config.OUTBOX_GRACE_MS,
        failpoint: config.FAILPOINT,
      }),
    };
  }

  constructor(private readonly opts: OutboxRelayOptions) {
    this.markers = opts.mongo.collection<Marker>('outbox_pending');
    this.byCollection = new Map(opts.models.map((m) => [m.collection.collectionName, m]));
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

  /** Call before a write that adds outbox entries: without a marker a crash could strand them. */
  async markPending(model: OutboxModel, id: unknown): Promise<PendingWrite> {
    const collection = model.collection.collectionName;
    const marker = await this.markers.findOneAndUpdate(
      { _id: markerId(collection, id) },
      { $inc: { seq: 1 }, $set: { collection, docId: id, at: new Date() } },
      { upsert: true, returnDocument: 'after' },
    );
    const seq = marker?.seq ?? 1;
    return { seq, clean: seq === 1, deadline: Date.now() + this.opts.graceMs / 2 };
  }

  /**
   * Publishes the outbox of one document as the writer left it (`entries`: what it wrote, plus what was pending
   * before if its write was not clean); failures are left for the sweep, never thrown at the caller.
   */
  async publishPending(model: OutboxModel, id: unknown, entries: OutboxEntry[], write: PendingWrite): Promise<void> {
    if (this.opts.failpoint === 'crash-after-outbox-write') {
      this.opts.logger.fatal({ failpoint: this.opts.failpoint }, 'failpoint: killing the process before publish');
      process.kill(process.pid, 'SIGKILL');
      await new Promise(() => undefined);
    }
    try {
      await this.publishAll(entries);
      await this.markers.deleteOne({ _id: markerId(model.collection.collectionName, id), seq: write.seq });
    } catch (err) {
      this.opts.logger.warn({ err: (err as Error).message }, 'outbox publish deferred to the sweep');
    }
  }

  /**
   * {@link markPending} for documents about to be created together (an import batch): one marker each, written in
   * one call. The ids must be new, so every write is clean.
   */
  async markPendingMany(model: OutboxModel, ids: unknown[]): Promise<PendingWrite> {
    const collection = model.collection.collectionName;
    const at = new Date();
    await this.markers.insertMany(
      ids.map((docId) => ({ _id: markerId(collection, docId), collection, docId, seq: 1, at })),
    );
    return { seq: 1, clean: true, deadline: Date.now() + this.opts.graceMs / 2 };
  }

  /** {@link publishPending} for the documents of one {@link markPendingMany}: published concurrently. */
  async publishPendingMany(
    model: OutboxModel,
    docs: { id: unknown; entries: OutboxEntry[] }[],
    write: PendingWrite,
  ): Promise<void> {
    const collection = model.collection.collectionName;
    try {
      await Promise.all(docs.map((d) => this.publishAll(d.entries)));
      // A filter other than `_id` alone reads the whole collection: fine for the markers, a few hundred at most.
      await this.markers.deleteMany({ _id: { $in: docs.map((d) => markerId(collection, d.id)) }, seq: write.seq });
    } catch (err) {
      this.opts.logger.warn({ err: (err as Error).message }, 'outbox publish deferred to the sweep');
    }
  }

  /** One pass over the markers now (or the one already running); runs one at a time. */
  sweep(): Promise<void> {
    return this.sweeps.run();
  }

  private async sweepMarkers(): Promise<void> {
    const settled = new Date(Date.now() - this.opts.graceMs);
    const markers = await this.markers.find({ at: { $lt: settled } }, { limit: 500 }).toArray();
    for (const m of markers) {
      if (this.sweeps.isStopped) return;
      const model = this.byCollection.get(m.collection);
      if (!model) continue;
      const doc = await model.collection.findOne<PendingDoc>({ _id: m.docId } as never, { projection: { outbox: 1 } });
      await this.publishAll(doc?.outbox ?? []);
      // Unless a write was announced since we read the marker, everything in the outbox is out now.
      await this.markers.deleteOne({ _id: m._id, seq: m.seq });
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

function markerId(collection: string, id: unknown): string {
  return `${collection}:${String(id)}`;
}
