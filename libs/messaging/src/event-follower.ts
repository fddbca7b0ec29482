import { DeliverPolicy, jetstream, type ConsumerMessages } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Streams, type EventDefinition, type EventEnvelope, type EventFamily } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { EventRoutes, type EventHandler } from './event-routes.js';

export interface EventFollowerOptions {
  nats: NatsConnection;
  /** Whole families of events, given to `onEvent` as they come (each type has its own schema: none is parsed). */
  families?: EventFamily[];
  logger: Logger;
  /** From this moment in the stream (default: events published after `start()`). */
  startAt?: Date;
  /** Called for each event of the `families`, one at a time, in stream order; a rejection counts as a gap. */
  onEvent?: (subject: string, event: EventEnvelope) => void | Promise<void>;
  /**
   * Called once, when the first subscription has delivered what the stream held (of these subjects) at its start:
   * a cache replaying from `startAt` is then as current as a fresh one.
   */
  onCaughtUp?: () => void;
  /** Something may have been missed (the consumer failed, NATS reconnected): drop or reload what the events keep true. */
  onGap: () => void | Promise<void>;
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
  private caughtUp = false;
  private readonly routes = new EventRoutes();

  constructor(private readonly o: EventFollowerOptions) {}

  /**
   * Follows the events of one contract definition too (before {@link start}), their payloads parsed by its schema;
   * one that does not parse counts as a gap, like a rejection.
   */
  on<D extends EventDefinition>(definition: D, handler: EventHandler<D>): this {
    if (this.loop) throw new Error('the follower has started: register its handlers before');
    this.routes.add(definition, handler);
    return this;
  }

  async start(): Promise<void> {
    await this.subscribe(this.o.startAt);
    this.loop = this.follow();
    void this.watchConnection();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.messages?.stop();
    await this.loop;
  }

  private async subscribe(from?: Date): Promise<void> {
    const consumer = await jetstream(this.o.nats).consumers.get(Streams.events.name, {
      filter_subjects: [...(this.o.families ?? []), ...this.routes.subjects()],
      ...(from
        ? { deliver_policy: DeliverPolicy.StartTime, opt_start_time: from.toISOString() }
        : { deliver_policy: DeliverPolicy.New }),
    });
    // A start time before the stream's first message is no error: delivery begins at that first message.
    if (!this.caughtUp && (await consumer.info()).num_pending === 0) this.markCaughtUp();
    this.messages = await consumer.consume();
  }

  private markCaughtUp(): void {
    if (this.caughtUp) return;
    this.caughtUp = true;
    this.o.onCaughtUp?.();
  }

  private async follow(): Promise<void> {
    while (!this.stopped) {
      try {
        for await (const m of this.messages!) {
          if (this.stopped) return;
          const event = m.json<EventEnvelope>();
          if (!(await this.routes.dispatch(event))) await this.o.onEvent?.(m.subject, event);
          if (m.info.pending === 0) this.markCaughtUp();
        }
      } catch (err) {
        this.o.logger.warn({ err: (err as Error).message }, 'event follower failed; resubscribing');
      }
      // Subscribed again first, then the gap: whatever changes after the reload or clear is heard of.
      while (!this.stopped) {
        await new Promise((r) => setTimeout(r, 500));
        try {
          await this.subscribe();
          break;
        } catch (err) {
          this.o.logger.warn({ err: (err as Error).message }, 'resubscribe failed');
        }
      }
      if (!this.stopped) await this.gap();
    }
  }

  private async watchConnection(): Promise<void> {
    for await (const s of this.o.nats.status()) {
      if (this.stopped) return;
      if (s.type === 'reconnect') await this.gap();
    }
  }

  private async gap(): Promise<void> {
    try {
      await this.o.onGap();
    } catch (err) {
      this.o.logger.warn({ err: (err as Error).message }, 'could not recover from a gap in the events');
    }
  }
}
