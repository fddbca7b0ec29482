import { randomUUID } from 'node:crypto';
import { z } from 'zod';
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

export const OutboxEntrySchema = z.object({
  id: z.string(),
  type: z.string(),
  version: z.number(),
  subject: z.string(),
  occurredAt: z.date(),
  correlationId: z.string(),
  data: z.unknown(),
});

/** The field to add to an aggregate's schema that carries its pending events. */
export const outboxField = { outbox: z.array(OutboxEntrySchema).default([]) };

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

/** Any aggregate carrying {@link outboxField}; the relay reads and writes only that field. */
export interface OutboxDoc {
  _id: unknown;
  outbox: OutboxEntry[];
}
