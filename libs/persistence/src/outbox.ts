import { randomUUID } from 'node:crypto';
import { Schema } from 'mongoose';
import type { EventDefinition, EventData, EventEnvelope } from '@khao/contracts';
import { currentCorrelationId, newCorrelationId } from '@khao/logging';

/**
 * An event waiting in the document whose change it reports. Written in the same single-document update as the
 * change (atomic without multi-document transactions), relayed to JetStream, then pulled.
 */
export interface OutboxEntry {
  id: string;
  type: string;
  version: number;
  subject: string;
  occurredAt: Date;
  correlationId: string;
  data: unknown;
}

export const OutboxEntrySchema = new Schema<OutboxEntry>(
  {
    id: { type: String, required: true },
    type: { type: String, required: true },
    version: { type: Number, required: true },
    subject: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    correlationId: { type: String, required: true },
    data: { type: Schema.Types.Mixed, required: true },
  },
  { _id: false },
);

/** The field to add to an aggregate's schema that carries its pending events. */
export const outboxField = { outbox: { type: [OutboxEntrySchema], default: [] } };

/** Builds an outbox entry for `def`, carrying the current correlation id. */
export function outboxEntry<D extends EventDefinition>(def: D, data: EventData<D>): OutboxEntry {
  return {
    id: randomUUID(),
    type: def.type,
    version: def.version,
    subject: def.subject,
    occurredAt: new Date(),
    correlationId: currentCorrelationId() ?? newCorrelationId(),
    data: def.data.parse(data),
  };
}

export function toEnvelope(entry: OutboxEntry): EventEnvelope {
  return {
    id: entry.id,
    type: entry.type,
    version: entry.version,
    occurredAt: new Date(entry.occurredAt).toISOString(),
    correlationId: entry.correlationId,
    data: entry.data,
  };
}

/** Any aggregate model carrying {@link outboxField}; the relay reads and pulls only that field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OutboxModel = import('mongoose').Model<any>;
