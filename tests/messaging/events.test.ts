import { randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineEvent, Streams, type EventEnvelope } from '@khao/contracts';
import { createLogger } from '@khao/logging';
import {
  connectNats,
  DeadLetters,
  ensureStreams,
  EventConsumer,
  EventPublisher,
  Inbox,
  type EventConsumerOptions,
  type EventHandler,
} from '@khao/messaging';
import { connectMongo, type Database } from '@khao/persistence';
import { infraEnv, uniqueSuffix, waitFor } from '@khao/testing';
import { z } from 'zod';

// The messaging library against the real NATS JetStream and MongoDB-wire server, in this process.
const logger = createLogger({ service: 'events-test', level: 'silent' });
let nc: NatsConnection;
let mongo: Database;
let jsm: Awaited<ReturnType<typeof ensureStreams>>;
let publisher: EventPublisher;
let inbox: Inbox;
const run = uniqueSuffix();

function event(type: string, data: unknown = {}): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId: `corr-${run}`,
    data,
  };
}

function consumer(
  durable: string,
  type: string,
  handler: EventHandler,
  maxDeliveries = 3,
  backoffMs = [200, 400],
  ackWaitMs?: number,
) {
  return consumerWith(durable, { maxDeliveries, backoffMs, ackWaitMs }).on(defineEvent(type, z.unknown()), handler);
}

/** A consumer on this file's connections and inbox, with the options a test is about. */
function consumerWith(
  durable: string,
  options: Omit<EventConsumerOptions, 'nc' | 'jsm' | 'publisher' | 'inbox' | 'logger' | 'durable'>,
) {
  return new EventConsumer({ nc, jsm, publisher, inbox, logger, durable, ...options });
}

beforeAll(async () => {
  const env = infraEnv();
  nc = await connectNats(env.NATS_URL, 'events-test', logger);
  mongo = await connectMongo({ url: env.MONGO_URL, dbName: `events_${run}`, logger });
  jsm = await ensureStreams(nc, { dedupeWindowMs: 120_000 });
  publisher = new EventPublisher(nc);
  inbox = new Inbox(mongo);
});

afterAll(async () => {
  await mongo?.dropDatabase().catch(() => undefined);
  await mongo?.close();
  await nc?.drain();
});

describe('JetStream events', () => {
  it('delivers an event published while its consumer was stopped, once the consumer starts', async () => {
    const type = `test.late-${run}.happened.v1`;
    const seen: string[] = [];
    const c = consumer(`late-${run}`, type, async (e) => {
      seen.push(e.id);
    });
    await c.start();
    await c.stop();

    const e = event(type, { n: 1 });
    await publisher.publish(e);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toEqual([]);

    const again = consumer(`late-${run}`, type, async (ev) => {
      seen.push(ev.id);
    });
    await again.start();
    await waitFor(() => seen.length === 1, { what: 'the late event' });
    expect(seen).toEqual([e.id]);
    await again.stop();
  });

  it('stores an event id once and handles it once, even when re-published under another message id', async () => {
    const type = `test.dup-${run}.happened.v1`;
    const e = event(type);
    const first = await publisher.publish(e);
    const second = await publisher.publish(e);
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect(second.seq).toBe(first.seq);

    const stored = await jsm.streams.info(Streams.events.name, { subjects_filter: `events.${type}` });
    expect(stored.state.subjects?.[`events.${type}`]).toBe(1);

    // Past the dedupe window a relay may publish again under a new message id: the inbox still says "handled".
    await publisher.publish(e, undefined, `${e.id}:late-republish`);
    const handled: string[] = [];
    const c = consumer(`dup-${run}`, type, async (ev) => {
      handled.push(ev.id);
    });
    await c.start();
    // The handler first: right after the consumer is made, its info can still count nothing pending (seen once).
    await waitFor(
      async () =>
        handled.length > 0 &&
        (await jsm.consumers.info(Streams.events.name, `dup-${run}`)).num_ack_pending === 0 &&
        (await jsm.consumers.info(Streams.events.name, `dup-${run}`)).num_pending === 0,
      { what: 'both copies acknowledged' },
    );
    await c.stop();
    expect(handled).toEqual([e.id]);
  });

  it('retries a failing handler with backoff and dead-letters it after N deliveries; replay delivers it again', async () => {
    const type = `test.poison-${run}.happened.v1`;
    const durable = `poison-${run}`;
    const attempts: number[] = [];
    let healthy = false;
    const c = consumer(
      durable,
      type,
      async () => {
        attempts.push(Date.now());
        if (!healthy) throw new Error('downstream refused the event');
      },
      3,
      [300, 600],
    );
    await c.start();
    const e = event(type, { story: 'ข่าว' });
    await publisher.publish(e);

    const deadLetters = new DeadLetters(jsm, publisher);
    const letters = await waitFor(
      async () => {
        const l = await deadLetters.list(10, 0, durable);
        return l.length > 0 ? l : undefined;
      },
      { what: 'the dead letter' },
    );
    expect(attempts).toHaveLength(3);
    // Backoff: the second delivery waited ~300 ms, the third ~600 ms.
    expect(attempts[1] - attempts[0]).toBeGreaterThanOrEqual(280);
    expect(attempts[2] - attempts[1]).toBeGreaterThanOrEqual(580);
    expect(letters[0]).toMatchObject({ consumer: durable, deliveries: 3, error: 'downstream refused the event' });
    expect(letters[0].event).toEqual(e);

    // No fourth delivery on its own.
    await new Promise((r) => setTimeout(r, 1000));
    expect(attempts).toHaveLength(3);

    healthy = true;
    await deadLetters.replay(letters[0].seq);
    await waitFor(() => attempts.length === 4, { what: 'the replayed delivery' });
    expect(await deadLetters.list(10, 0, durable)).toEqual([]);
    await c.stop();
  });

  it('carries the correlation id of the event into the handler', async () => {
    const type = `test.corr-${run}.happened.v1`;
    const { currentCorrelationId } = await import('@khao/logging');
    let seen: string | undefined;
    const c = consumer(`corr-${run}`, type, async () => {
      seen = currentCorrelationId();
    });
    await c.start();
    await publisher.publish(event(type));
    await waitFor(() => seen, { what: 'handler' });
    expect(seen).toBe(`corr-${run}`);
    await c.stop();
  });

  it('does not lose a message whose handler is in flight during stop', async () => {
    const type = `test.drain-${run}.happened.v1`;
    let started = 0;
    let finished = 0;
    const c = consumer(`drain-${run}`, type, async () => {
      started++;
      await new Promise((r) => setTimeout(r, 500));
      finished++;
    });
    await c.start();
    await publisher.publish(event(type));
    // The handler itself must be running: the server counts a message as pending as soon as it is sent, which
    // can be before this process has read it off the socket.
    await waitFor(() => started === 1, { what: 'the handler in flight' });
    await c.stop();
    expect(finished).toBe(1);
    const info = await jsm.consumers.info(Streams.events.name, `drain-${run}`);
    expect(info.num_ack_pending + info.num_pending).toBe(0);
  });

  it('buffers few enough that a slow handler does not see its queue redelivered behind its back', async () => {
    // 20 messages of 300 ms each against a 5 s ack wait: a buffer of 64 holds the later ones past the ack wait (the
    // server redelivers them while they are still queued here); a buffer of 8 never holds one longer than ~2.5 s.
    const type = `test.slow-${run}.happened.v1`;
    const durable = `slow-${run}`;
    let handled = 0;
    const c = consumer(
      durable,
      type,
      async () => {
        await new Promise((r) => setTimeout(r, 300));
        handled++;
      },
      3,
      [200],
      5000,
    );
    await c.start();
    for (let n = 0; n < 20; n++) await publisher.publish(event(type, { n }));
    await waitFor(() => handled === 20, { what: 'all twenty handled', timeoutMs: 30_000 });
    // Every delivery, redeliveries included, takes a consumer sequence number: twenty means each went out once.
    const info = await jsm.consumers.info(Streams.events.name, durable);
    expect(info.delivered.consumer_seq).toBe(20);
    await c.stop();
  });

  it('gives back the messages buffered behind the one in hand, so the next consumer has them at once', async () => {
    const type = `test.handback-${run}.happened.v1`;
    const durable = `handback-${run}`;
    const firstRun: number[] = [];
    const c = consumer(durable, type, async (e) => {
      firstRun.push((e.data as { n: number }).n);
      await new Promise((r) => setTimeout(r, 1500));
    });
    await c.start();
    for (const n of [1, 2, 3]) await publisher.publish(event(type, { n }));
    await waitFor(() => firstRun.length === 1, { what: 'the first handler' });
    // Let the other two reach this process's buffer while the first is still being handled.
    await waitFor(async () => (await jsm.consumers.info(Streams.events.name, durable)).num_ack_pending === 3, {
      what: 'all three delivered',
    });
    await new Promise((r) => setTimeout(r, 300));
    await c.stop();
    expect(firstRun).toEqual([1]);

    // The ack wait is 30 s: had they not been handed back, the next consumer would not see them for that long.
    const secondRun: number[] = [];
    const next = consumer(durable, type, async (e) => {
      secondRun.push((e.data as { n: number }).n);
    });
    const t0 = Date.now();
    await next.start();
    await waitFor(() => secondRun.length === 2, { what: 'the two handed back', timeoutMs: 10_000 });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(secondRun.sort()).toEqual([2, 3]);
    await next.stop();
  });

  it('with concurrency handles that many events at once, the events of one key one after another in stream order', async () => {
    const type = `test.overlap-${run}.happened.v1`;
    const durable = `overlap-${run}`;
    let running = 0;
    let most = 0;
    const order: string[] = [];
    const busy = new Set<string>();
    let overlappedWithinKey = false;
    const c = consumerWith(durable, {
      concurrency: 3,
      keyOf: (e) => (e.data as { story: string }).story,
      maxDeliveries: 3,
      backoffMs: [200],
    }).on(defineEvent(type, z.object({ story: z.string(), n: z.number() })), async (e) => {
      const { story, n } = e.data;
      if (busy.has(story)) overlappedWithinKey = true;
      busy.add(story);
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 300));
      order.push(`${story}${n}`);
      running--;
      busy.delete(story);
    });
    // ข่าว ก has three events, ข two, ค one: six of 300 ms each, three taken at a time (one waiting for its story's
    // earlier event counts as taken).
    const stories = ['ก', 'ข', 'ค', 'ก', 'ข', 'ก'];
    for (const [n, story] of stories.entries()) await publisher.publish(event(type, { story, n }));
    const t0 = Date.now();
    await c.start();
    await waitFor(() => order.length === 6, { what: 'all six handled', timeoutMs: 20_000 });
    const took = Date.now() - t0;
    await c.stop();
    expect(most).toBe(3);
    expect(overlappedWithinKey).toBe(false);
    expect(order.filter((x) => x.startsWith('ก'))).toEqual(['ก0', 'ก3', 'ก5']);
    expect(order.filter((x) => x.startsWith('ข'))).toEqual(['ข1', 'ข4']);
    // One at a time would take 1.8 s; ก's three in a row take 0.9 s.
    expect(took).toBeLessThan(1800);
    // Each handled once, and recorded in the inbox.
    const info = await jsm.consumers.info(Streams.events.name, durable);
    expect(info.delivered.consumer_seq).toBe(6);
    expect(info.num_ack_pending + info.num_pending).toBe(0);
  });

  it('with concurrency, stop() waits for every event in hand, not only the last one taken', async () => {
    const type = `test.overlap-stop-${run}.happened.v1`;
    const durable = `overlap-stop-${run}`;
    let started = 0;
    let finished = 0;
    const c = consumerWith(durable, {
      concurrency: 4,
      maxDeliveries: 3,
      backoffMs: [200],
    }).on(defineEvent(type, z.unknown()), async () => {
      started++;
      await new Promise((r) => setTimeout(r, 500));
      finished++;
    });
    await c.start();
    for (let n = 0; n < 3; n++) await publisher.publish(event(type, { n }));
    await waitFor(() => started === 3, { what: 'three handlers in flight' });
    await c.stop();
    expect(finished).toBe(3);
    const info = await jsm.consumers.info(Streams.events.name, durable);
    expect(info.num_ack_pending + info.num_pending).toBe(0);
  });

  it('acknowledges an event its skip rule names without running the handler or touching the inbox', async () => {
    const type = `test.skip-${run}.happened.v1`;
    const durable = `skip-${run}`;
    const handled: unknown[] = [];
    const c = consumerWith(durable, {
      skip: (e) => ((e.data as { imported?: boolean }).imported ? 'imported' : undefined),
      maxDeliveries: 3,
      backoffMs: [200],
    }).on(defineEvent(type, z.unknown()), async (e) => {
      handled.push(e.data);
    });
    await c.start();
    const imported = event(type, { title: 'ชาวบ้านน่านร่วมกันดูแลป่าชุมชน', imported: true });
    const fresh = event(type, { title: 'ชุมชนริมคลองสร้างบ้านมั่นคง', imported: false });
    await publisher.publish(imported);
    await publisher.publish(fresh);
    await waitFor(
      async () => {
        const info = await jsm.consumers.info(Streams.events.name, durable);
        return handled.length === 1 && info.num_pending === 0 && info.num_ack_pending === 0;
      },
      { what: 'both events acknowledged' },
    );
    await c.stop();
    expect(handled).toEqual([fresh.data]);
    expect(await inbox.seen(durable, fresh.id)).toBe(true);
    expect(await inbox.seen(durable, imported.id)).toBe(false);
  });

  it('prunes the inbox records made before a time, and only those', async () => {
    const durable = `prune-${run}`;
    const [old, recent] = [randomUUID(), randomUUID()];
    await inbox.record(durable, old);
    const between = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await inbox.record(durable, recent);
    expect(await inbox.prune(between)).toBeGreaterThanOrEqual(1);
    expect(await inbox.seen(durable, old)).toBe(false);
    expect(await inbox.seen(durable, recent)).toBe(true);
  });
});
