import { AckPolicy, DeliverPolicy, jetstream, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  deadLetterSubject,
  EventEnvelopeSchema,
  Streams,
  type DeadLetter,
  type EventDefinition,
  type EventEnvelope,
} from '@khao/contracts';
import { runWithCorrelation, type Logger } from '@khao/logging';
import { EventRoutes, type EventHandler } from './event-routes.js';
import type { Inbox } from './inbox.js';
import type { EventPublisher } from './publisher.js';
import { isNotFound } from './streams.js';

export interface EventConsumerOptions {
  nc: NatsConnection;
  jsm: JetStreamManager;
  publisher: EventPublisher;
  /**
   * Records which events were handled, so a redelivery or a replay is acknowledged without running the handler
   * again. Leave it out only when the handler is its own inbox: its one write is keyed by the event id, so a second
   * run finds it done (the gateway's audit trail): that saves two database operations an event.
   */
  inbox: Inbox | null;
  logger: Logger;
  /** Durable name, shared by every replica of the consuming service: each event goes to one of them. */
  durable: string;
  /**
   * Events this consumer has nothing to do for (an archive's imported stories): the reason, or undefined to handle
   * the event. A skipped event is acknowledged without the inbox's read and write, and without waiting for the
   * server's confirmation: doing nothing again, should it come back, is as good as doing nothing once.
   */
  skip?: (event: EventEnvelope) => string | undefined;
  /** Deliveries before the event is dead-lettered. */
  maxDeliveries: number;
  /** Delay before each redelivery after a failure; the last value repeats. */
  backoffMs: number[];
  ackWaitMs?: number;
  /**
   * Events handled at once by this process (default 1: one at a time, in stream order). Above 1, events with the
   * same {@link keyOf} still run one after another in stream order; others overlap, as they do across replicas.
   */
  concurrency?: number;
  /** Events with the same key (e.g. one story's) never overlap within this process. Default: any two may. */
  keyOf?: (event: EventEnvelope) => string;
}

const ns = (ms: number) => ms * 1_000_000;
const BUFFERED = 8;

/**
 * A durable JetStream pull consumer with idempotent handling (inbox), bounded redelivery with backoff, and a
 * dead-letter subject once the deliveries are used up. It subscribes to the events given handlers with {@link on}.
 */
export class EventConsumer {
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private stopped = false;
  private readonly log: Logger;
  private readonly routes = new EventRoutes();

  constructor(private readonly o: EventConsumerOptions) {
    this.log = o.logger.child({ consumer: o.durable });
  }

  /**
   * Handles the events of one contract definition (before {@link start}): the payload arrives parsed by its schema,
   * and one that does not parse is retried and dead-lettered like a failing handler. An event of a type with no
   * handler is acknowledged and skipped.
   */
  on<D extends EventDefinition>(definition: D, handler: EventHandler<D>): this {
    if (this.loop) throw new Error(`consumer ${this.o.durable} has started: register its handlers before`);
    this.routes.add(definition, handler);
    return this;
  }

  /**
   * Handles the events of these definitions with their payloads as they came, unparsed: for a consumer that records
   * whatever an event says (the audit trail) and must not refuse one that its schema would.
   */
  onRaw(definitions: readonly EventDefinition[], handler: (event: EventEnvelope) => Promise<void>): this {
    if (this.loop) throw new Error(`consumer ${this.o.durable} has started: register its handlers before`);
    for (const d of definitions) this.routes.addRaw(d, handler);
    return this;
  }

  async start(): Promise<void> {
    if (this.routes.size === 0) throw new Error(`consumer ${this.o.durable} has no handlers`);
    this.stopped = false;
    await this.ensureConsumer();
    this.loop = this.run();
  }

  /**
   * Stops taking new messages, waits for the one in hand and gives back the ones buffered behind it: graceful
   * shutdown loses nothing. A message still on the wire when the pull ends is redelivered after the ack wait.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    // stop() ends the iterator after the message in hand; close() would wait for an iteration that never comes.
    this.messages?.stop();
    await this.loop;
  }

  private async ensureConsumer(): Promise<void> {
    const config = {
      durable_name: this.o.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subjects: this.routes.subjects(),
      ack_wait: ns(this.o.ackWaitMs ?? 30_000),
      // One more than ours: the server's cap is only a backstop should a replica die while dead-lettering.
      max_deliver: this.o.maxDeliveries + 1,
      max_ack_pending: 1000,
    };
    try {
      await this.o.jsm.consumers.info(Streams.events.name, this.o.durable);
      await this.o.jsm.consumers.update(Streams.events.name, this.o.durable, config);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      await this.o.jsm.consumers.add(Streams.events.name, config).catch((addErr: Error) => {
        if (!/already in use|exists/i.test(addErr.message)) throw addErr;
      });
    }
  }

  private async run(): Promise<void> {
    const js = jetstream(this.o.nc);
    while (!this.stopped) {
      try {
        const consumer = await js.consumers.get(Streams.events.name, this.o.durable);
        // A small buffer: messages wait in it without a heartbeat, and one that waits longer than the ack wait is
        // redelivered (to another replica, perhaps) while still queued here. Eight keeps the pulls ahead of a
        // handler of a few milliseconds, and leaves a slow one (up to ack wait / 8 each) clear of that.
        this.messages = await consumer.consume({ max_messages: BUFFERED });
        // stop() may have run while consume() was being set up, before there was anything to close.
        if (this.stopped) {
          this.messages.stop();
          break;
        }
        const limit = this.o.concurrency ?? 1;
        const inFlight = new Set<Promise<void>>();
        /** The last event taken of each key: the next one of that key starts after it. */
        const tails = new Map<string, Promise<void>>();
        try {
          for await (const msg of this.messages) {
            // After stop() the iterator still yields what it had buffered: hand those back at once, so another
            // replica (or this one after a restart) takes them now rather than after the ack wait.
            if (this.stopped) {
              msg.nak();
              continue;
            }
            const event = this.parse(msg);
            if (limit === 1) {
              await this.handle(msg, event);
              continue;
            }
            while (inFlight.size >= limit) await Promise.race(inFlight);
            if (this.stopped) {
              msg.nak();
              continue;
            }
            const key = event instanceof Error || !this.o.keyOf ? undefined : this.o.keyOf(event);
            const after = key === undefined ? undefined : tails.get(key);
            const handle = () =>
              this.handle(msg, event).catch((err: Error) => this.log.error({ err: err.message }, 'handling failed'));
            const done = after ? after.then(handle) : handle();
            if (key !== undefined) tails.set(key, done);
            inFlight.add(done);
            void done.finally(() => {
              inFlight.delete(done);
              if (key !== undefined && tails.get(key) === done) tails.delete(key);
            });
          }
        } finally {
          // stop() waits for every event in hand, not only the last one taken.
          await Promise.all(inFlight);
        }
      } catch (err) {
        if (this.stopped) break;
        this.log.warn({ err: (err as Error).message }, 'consumer interrupted; resuming');
        await new Promise((r) => setTimeout(r, 1000));
        await this.ensureConsumer().catch(() => undefined);
      }
    }
  }

  private parse(msg: JsMsg): EventEnvelope | Error {
    try {
      return EventEnvelopeSchema.parse(msg.json());
    } catch (err) {
      return err as Error;
    }
  }

  /** Never rejects: a failure is retried or dead-lettered. */
  private async handle(msg: JsMsg, event: EventEnvelope | Error): Promise<void> {
    if (event instanceof Error) {
      await this.deadLetter(msg, undefined, `not an event envelope: ${event.message}`);
      return;
    }
    const skipped = this.o.skip?.(event);
    if (skipped) {
      this.log.debug({ eventId: event.id, type: event.type, reason: skipped }, 'nothing to do; acknowledging');
      msg.ack();
      return;
    }
    await runWithCorrelation(event.correlationId, async () => {
      const deliveries = msg.info.deliveryCount;
      try {
        if (await this.o.inbox?.seen(this.o.durable, event.id)) {
          this.log.debug({ eventId: event.id }, 'already handled; acknowledging');
          await msg.ackAck();
          return;
        }
        const heartbeat = setInterval(() => msg.working(), Math.max(1000, (this.o.ackWaitMs ?? 30_000) / 3));
        try {
          if (!(await this.routes.dispatch(event))) this.log.debug({ eventId: event.id, type: event.type }, 'skipped');
        } finally {
          clearInterval(heartbeat);
        }
        await this.o.inbox?.record(this.o.durable, event.id);
        // Wait for the server to confirm: a stop right after must not leave the ack in flight.
        await msg.ackAck();
      } catch (err) {
        const reason = (err as Error).message ?? String(err);
        if (deliveries >= this.o.maxDeliveries) {
          await this.deadLetter(msg, event, reason);
          return;
        }
        const delay = this.o.backoffMs[Math.min(deliveries - 1, this.o.backoffMs.length - 1)] ?? 1000;
        this.log.warn(
          { eventId: event.id, type: event.type, deliveries, retryInMs: delay, err: reason },
          'handler failed',
        );
        msg.nak(delay);
      }
    });
  }

  private async deadLetter(msg: JsMsg, event: EventEnvelope | undefined, error: string): Promise<void> {
    const envelope: EventEnvelope = event ?? {
      id: `seq-${msg.seq}`,
      type: 'invalid',
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: 'none',
      data: msg.string(),
    };
    const letter: DeadLetter = {
      consumer: this.o.durable,
      subject: msg.subject,
      event: envelope,
      error,
      deliveries: msg.info.deliveryCount,
      failedAt: new Date().toISOString(),
    };
    try {
      await this.o.publisher.publishRaw(
        deadLetterSubject(this.o.durable, envelope.type),
        letter,
        `dlq:${this.o.durable}:${envelope.id}:${msg.info.streamSequence}`,
        envelope.correlationId,
      );
      this.log.error(
        { eventId: envelope.id, type: envelope.type, deliveries: letter.deliveries, err: error },
        'dead-lettered',
      );
      msg.term(error.slice(0, 200));
    } catch (err) {
      // Not acknowledged: JetStream redelivers and we try the dead-letter stream again.
      this.log.error({ err: (err as Error).message }, 'could not dead-letter; leaving for redelivery');
      msg.nak(this.o.backoffMs.at(-1) ?? 1000);
    }
  }
}
