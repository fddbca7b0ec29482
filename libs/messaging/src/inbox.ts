import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey, modelFor } from '@khao/persistence';

interface ProcessedEvent {
  _id: string;
  consumer: string;
  eventId: string;
  processedAt: Date;
}

const ProcessedEventSchema = new Schema<ProcessedEvent>(
  {
    _id: { type: String, required: true },
    consumer: { type: String, required: true },
    eventId: { type: String, required: true },
    processedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'processed_events' },
);

/**
 * Remembers which events a consumer has handled, in the consuming service's own database, so that a redelivery
 * or a replay of an event already handled is acknowledged without running the handler again.
 */
export class Inbox {
  private readonly model: Model<ProcessedEvent>;

  constructor(conn: Connection) {
    this.model = modelFor(conn, 'ProcessedEvent', ProcessedEventSchema);
  }

  async seen(consumer: string, eventId: string): Promise<boolean> {
    return (await this.model.exists({ _id: `${consumer}:${eventId}` })) !== null;
  }

  async record(consumer: string, eventId: string): Promise<void> {
    try {
      await this.model.create({ _id: `${consumer}:${eventId}`, consumer, eventId, processedAt: new Date() });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
}
