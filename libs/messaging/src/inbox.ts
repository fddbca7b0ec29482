import { z } from 'zod';
import { collectionOf, defineCollection, isDuplicateKey, type Database, type DocCollection } from '@khao/persistence';

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
 */
export class Inbox {
  private readonly records: DocCollection<typeof ProcessedEvents.schema>;

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
  }
}
