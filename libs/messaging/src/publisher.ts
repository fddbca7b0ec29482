import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { eventSubject, type EventEnvelope } from '@khao/contracts';
import { correlationHeaders } from './nats.js';

export interface PublishResult {
  seq: number;
  /** True when JetStream already had this event id within its dedupe window and stored nothing. */
  duplicate: boolean;
}

/** Publishes event envelopes to JetStream with `Nats-Msg-Id` = event id, so a re-publish is stored once. */
export class EventPublisher {
  private readonly js: JetStreamClient;

  constructor(nc: NatsConnection) {
    this.js = jetstream(nc);
  }

  publish(event: EventEnvelope, subject = eventSubject(event.type), msgId = event.id): Promise<PublishResult> {
    return this.publishRaw(subject, event, msgId, event.correlationId);
  }

  /** Any JSON body under a message id of the caller's choosing (dead letters, replays). */
  async publishRaw(subject: string, body: unknown, msgId: string, correlationId?: string): Promise<PublishResult> {
    const ack = await this.js.publish(subject, JSON.stringify(body), {
      msgID: msgId,
      headers: correlationHeaders(correlationId),
      timeout: 5000,
    });
    return { seq: ack.seq, duplicate: ack.duplicate };
  }
}
