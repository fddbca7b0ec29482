import { z } from 'zod';
import { collectionOf, defineCollection, isDuplicateKey, type Database, type DocCollection } from '@khao/persistence';
import { EVENTS_MAX_AGE_MS } from './streams.js';

/** A record is kept a day past the stream's own life for its message (see {@link Inbox}). */
const KEEP_MS = EVENTS_MAX_AGE_MS + 24 * 3600 * 1000;
/** At most one prune an hour per process, started by a record. */
const PRUNE_EVERY_MS = 3600 * 1000;

const ProcessedEvents = defineCollection({
  name: 'processed_events',
  schema: z.object({
    _id: z.string(), // `<consumer>:<eventId>`
    consumer: z.string(),
    eventId: z.string(),
    processedAt: z.date(),
  }),
});

/**
 * Remembers which events a consumer has handled, in the consuming service's own database, so that a redelivery
 * or a replay of an event already handled is acknowledged without running the handler again.
 *
 * Records older than the events stream's max age (plus a day) are deleted, at most once an hour: JetStream no
 * longer holds their messages, so no delivery, redelivery or replay of the stream can bring them again, and a
 * re-publish by an outbox falls in the stream's dedupe window (minutes to days), long before. What remains is the
 * replay of a dead letter kept longer than that: it reruns the handler, which must be idempotent in any case (the
 * crash between handling and recording does the same). So the collection stays as large as a month of events.
 */
export class Inbox {
  private readonly records: DocCollection<typeof ProcessedEvents.schema>;
  private nextPruneAt = 0;

  constructor(conn: Database) {
    this.records = collectionOf(conn, ProcessedEvents);
  }

  async seen(consumer: string, eventId: string): Promise<boolean> {
    return (await this.records.findById(`${consumer}:${eventId}`, { projection: { _id: 1 } })) !== null;
  }

  async record(consumer: string, eventId: string): Promise<void> {
    try {
      await this.records.insertOne({ _id: `${consumer}:${eventId}`, consumer, eventId, processedAt: new Date() });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    if (Date.now() >= this.nextPruneAt) {
      this.nextPruneAt = Date.now() + PRUNE_EVERY_MS;
      // In the background: a failed prune is tried again an hour later, and costs no event anything.
      this.prune(new Date(Date.now() - KEEP_MS)).catch(() => undefined);
    }
  }

  /** Deletes the records made before `before`; returns how many. */
  async prune(before: Date): Promise<number> {
    return this.records.deleteMany({ processedAt: { $lt: before } });
  }
}
