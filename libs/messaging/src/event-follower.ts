import { DeliverPolicy, jetstream, type ConsumerMessages } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Streams, type EventEnvelope } from '@khao/contracts';
import type { Logger } from '@khao/logging';

export interface EventFollowerOptions {
  nats: NatsConnection;
  /** Event subjects, e.g. `events.media.>`. */
  subjects: string[];
  logger: Logger;
  onEvent: (subject: string, event: EventEnvelope) => void;
  /** Something may have been missed (the consumer failed, NATS reconnected): drop whatever the events keep true. */
  onGap: () => void;
}

/**
 * Every event as it happens, to every replica: an ordered, non-durable consumer from the moment of `start()`, for
 * the in-memory caches a replica keeps (which start empty, so nothing before then matters). Unlike `EventConsumer`
 * nothing is acknowledged or retried; instead, whenever an event may have slipped past — the consumer failed and is
 * being recreated, or the connection to NATS came back — `onGap` is called and the cache starts over.
 */
export class EventFollower {
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private stopped = false;

  constructor(private readonly o: EventFollowerOptions) {}

  async start(): Promise<void> {
    await this.subscribe();
    this.loop = this.follow();
    void this.watchConnection();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.messages?.stop();
    await this.loop;
  }

  private async subscribe(): Promise<void> {
    const consumer = await jetstream(this.o.nats).consumers.get(Streams.events.name, {
      filter_subjects: this.o.subjects,
      deliver_policy: DeliverPolicy.New,
    });
    this.messages = await consumer.consume();
  }

  private async follow(): Promise<void> {
    while (!this.stopped) {
      try {
        for await (const m of this.messages!) {
          if (this.stopped) return;
          this.o.onEvent(m.subject, m.json<EventEnvelope>());
        }
      } catch (err) {
        this.o.logger.warn({ err: (err as Error).message }, 'event follower failed; resubscribing');
      }
      if (this.stopped) return;
      this.o.onGap();
      await new Promise((r) => setTimeout(r, 500));
      await this.subscribe().catch((err: Error) => this.o.logger.warn({ err: err.message }, 'resubscribe failed'));
    }
  }

  private async watchConnection(): Promise<void> {
    for await (const s of this.o.nats.status()) {
      if (this.stopped) return;
      if (s.type === 'reconnect') this.o.onGap();
    }
  }
}
