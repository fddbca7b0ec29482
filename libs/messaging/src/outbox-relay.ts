import { toEnvelope, type OutboxEntry, type OutboxModel } from '@khao/persistence';
import type { Logger } from '@khao/logging';
import type { EventPublisher } from './publisher.js';

interface PendingDoc {
  _id: unknown;
  outbox: OutboxEntry[];
}

/** Test-only fault injection, named in configuration (`FAILPOINT`), to prove the outbox survives a crash. */
export type Failpoint = 'crash-after-outbox-write' | undefined;

export interface OutboxRelayOptions {
  models: OutboxModel[];
  publisher: EventPublisher;
  logger: Logger;
  sweepMs: number;
  failpoint?: Failpoint;
  batchSize?: number;
}

/**
 * Moves pending events from aggregate documents to JetStream. A write calls {@link publishPending} right after it
 * commits (the fast path); a sweep on start and on a timer publishes whatever a crash or an outage left behind.
 * Both may publish the same entry: JetStream's dedupe on the event id stores it once.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private stopped = false;

  constructor(private readonly opts: OutboxRelayOptions) {}

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

  /** Publishes the pending events of one document; failures are left for the sweep, never thrown at the caller. */
  async publishPending(model: OutboxModel, id: unknown): Promise<void> {
    if (this.opts.failpoint === 'crash-after-outbox-write') {
      this.opts.logger.fatal({ failpoint: this.opts.failpoint }, 'failpoint: killing the process before publish');
      process.kill(process.pid, 'SIGKILL');
      await new Promise(() => undefined);
    }
    try {
      const doc = await model.collection.findOne<PendingDoc>({ _id: id } as never, { projection: { outbox: 1 } });
      if (doc?.outbox?.length) await this.relay(model, doc);
    } catch (err) {
      this.opts.logger.warn({ err: (err as Error).message }, 'outbox publish deferred to the sweep');
    }
  }

  /** One pass over every model; runs one at a time. */
  sweep(): Promise<void> {
    if (this.sweeping || this.stopped) return this.sweeping ?? Promise.resolve();
    this.sweeping = this.sweepAll()
      .catch((err: Error) => this.opts.logger.warn({ err: err.message }, 'outbox sweep failed; will retry'))
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepAll(): Promise<void> {
    for (const model of this.opts.models) {
      const batchSize = this.opts.batchSize ?? 100;
      // Bounded pages per sweep: a backlog drains over several ticks instead of one unbounded loop.
      for (let page = 0; page < 20 && !this.stopped; page++) {
        const docs = await model.collection
          .find<PendingDoc>({ 'outbox.id': { $exists: true } }, { projection: { outbox: 1 }, limit: batchSize })
          .toArray();
        for (const doc of docs) await this.relay(model, doc);
        if (docs.length < batchSize) break;
      }
    }
  }

  private async relay(model: OutboxModel, doc: PendingDoc) {
    const sent: OutboxEntry[] = [];
    for (const entry of doc.outbox) {
      const res = await this.opts.publisher.publish(toEnvelope(entry), entry.subject);
      this.opts.logger.debug(
        { eventId: entry.id, type: entry.type, seq: res.seq, duplicate: res.duplicate },
        'event published',
      );
      sent.push(entry);
    }
    // $pullAll of the entries exactly as read: FerretDB's $pull takes whole elements only, and an entry pushed since
    // the read is a different element, so it stays for the next pass.
    await model.collection.updateOne({ _id: doc._id } as never, { $pullAll: { outbox: sent } } as never);
  }
}
