import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SocialEvents } from '@khao/contracts';
import { createLogger } from '@khao/logging';
import { connectNats, ensureStreams, EventPublisher, OutboxRelay } from '@khao/messaging';
import {
  collectionOf,
  connectMongo,
  defineCollection,
  outboxEntry,
  outboxField,
  type Database,
  type DocCollection,
} from '@khao/persistence';
import { EventTap, infraEnv, uniqueSuffix } from '@khao/testing';

// The outbox call against the real MongoDB-wire server and JetStream: a write whose document the caller keeps in
// a due-marker set of its own ("marked by the caller") announces nothing, and a publish that fails is the caller's.
const logger = createLogger({ service: 'outbox-relay-test', level: 'silent' });
const Notes = defineCollection({
  name: 'notes',
  schema: z.object({ _id: z.string(), text: z.string(), ...outboxField }),
});
let db: Database;
let nc: NatsConnection;
let tap: EventTap;
let relay: OutboxRelay;
let notes: DocCollection<typeof Notes.schema>;

const sentEvent = (postId: string) =>
  outboxEntry(SocialEvents.postSent, {
    postId,
    storyId: 'story-1',
    language: 'th',
    channelId: 'channel-1',
    channelType: 'webhook',
    attempts: 1,
    externalId: null,
    externalUrl: null,
  });

beforeAll(async () => {
  const env = infraEnv();
  db = await connectMongo({ url: env.MONGO_URL, dbName: `outbox_relay_${uniqueSuffix()}`, logger });
  nc = await connectNats(env.NATS_URL, 'outbox-relay-test', logger);
  await ensureStreams(nc, { dedupeWindowMs: 120_000 });
  tap = await EventTap.open();
  relay = new OutboxRelay({
    mongo: db,
    publisher: new EventPublisher(nc),
    logger,
    sweepMs: 60_000,
    graceMs: 10_000,
  });
  notes = collectionOf(db, Notes);
});
afterAll(async () => {
  await tap?.close();
  await nc?.drain().catch(() => undefined);
  await db?.dropDatabase().catch(() => undefined);
  await db?.close();
});

describe('the outbox call, marked by the caller', () => {
  it('appends the event to the document, publishes it and writes no outbox marker', async () => {
    const first = sentEvent('โพสต์-1');
    await notes.insertOne({ _id: 'โพสต์-1', text: 'ร่าง', outbox: [first] });
    const event = sentEvent('โพสต์-1');
    expect(await relay.update(notes, 'โพสต์-1', { $set: { text: 'ส่งแล้ว' } }, [event], { markedByCaller: true })).toBe(
      true,
    );

    const doc = await notes.findById('โพสต์-1');
    expect(doc?.text).toBe('ส่งแล้ว');
    expect(doc?.outbox.map((e) => e.id)).toEqual([first.id, event.id]);
    const published = await tap.events([SocialEvents.postSent.subject], (e) => e.id === event.id);
    expect(published).toHaveLength(1);
    expect(await db.collection('outbox_pending').countDocuments({})).toBe(0);
  });

  it('throws when the publish fails, the event kept in the document for the caller to publish again', async () => {
    await notes.insertOne({ _id: 'โพสต์-2', text: 'ร่าง' });
    // A subject no stream takes: JetStream refuses the publish.
    const event = { ...sentEvent('โพสต์-2'), subject: `nowhere.${uniqueSuffix()}` };
    await expect(
      relay.update(notes, 'โพสต์-2', { $set: { text: 'ส่งแล้ว' } }, [event], { markedByCaller: true }),
    ).rejects.toThrow();

    const doc = await notes.findById('โพสต์-2');
    expect(doc?.text).toBe('ส่งแล้ว');
    expect(doc?.outbox.map((e) => e.id)).toEqual([event.id]);
    expect(await db.collection('outbox_pending').countDocuments({})).toBe(0);
  });

  it('writes nothing and publishes nothing when no document matches', async () => {
    const event = sentEvent('ไม่มี');
    expect(await relay.update(notes, 'ไม่มี', { $set: { text: 'x' } }, [event], { markedByCaller: true })).toBe(false);
    expect(await notes.findById('ไม่มี')).toBeNull();
    expect(await tap.events([SocialEvents.postSent.subject], (e) => e.id === event.id)).toHaveLength(0);
  });
});
