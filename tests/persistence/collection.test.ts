import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '@khao/logging';
import {
  collectionOf,
  connectMongo,
  DatabaseInspector,
  defineCollection,
  InvalidWrite,
  type Database,
} from '@khao/persistence';
import { infraEnv, uniqueSuffix } from '@khao/testing';

// A collection defined once (type, defaults, check on write), against the real MongoDB-wire server.
const logger = createLogger({ service: 'collection-test', level: 'silent' });
const Notes = defineCollection({
  name: 'notes',
  schema: z.object({
    _id: z.string(),
    title: z.string().min(1),
    tags: z.array(z.string()).default([]),
    parts: z.array(z.object({ text: z.string(), done: z.boolean().default(false) })).default([]),
    meta: z.object({ province: z.string().optional() }).default({}),
  }),
  indexes: [{ keys: { title: 1 }, unique: true }],
});
let db: Database;
const dbName = `collection_${uniqueSuffix()}`;

beforeAll(async () => {
  db = await connectMongo({ url: infraEnv().MONGO_URL, dbName, logger });
});
afterAll(async () => {
  await db?.dropDatabase().catch(() => undefined);
  await db?.close();
});

describe('a defined collection', () => {
  it('fills defaults on insert and reads back plain objects', async () => {
    const notes = collectionOf(db, Notes);
    const stored = await notes.insertOne({ _id: 'n1', title: 'ประชุมสภาองค์กรชุมชน' });
    expect(stored).toEqual({ _id: 'n1', title: 'ประชุมสภาองค์กรชุมชน', tags: [], parts: [], meta: {} });
    expect(await notes.findById('n1')).toEqual(stored);
  });

  it('checks inserts, $set values (dotted paths too) and $push elements against the schema', async () => {
    const notes = collectionOf(db, Notes);
    await notes.insertOne({ _id: 'n2', title: 'น้ำท่วมขอนแก่น' });
    await expect(notes.insertOne({ _id: 'n3', title: '' })).rejects.toThrow(/invalid write to notes at title/);
    await expect(notes.updateOne({ _id: 'n2' }, { $set: { tags: 'ข่าว' } as never })).rejects.toBeInstanceOf(
      InvalidWrite,
    );
    await expect(notes.updateOne({ _id: 'n2' }, { $set: { 'meta.province': 40 } as never })).rejects.toThrow(
      /at meta.province/,
    );
    await expect(notes.updateOne({ _id: 'n2' }, { $set: { nope: 1 } as never })).rejects.toThrow(/no field nope/);
    await expect(notes.updateOne({ _id: 'n2' }, { $push: { parts: { text: 7 } } as never })).rejects.toThrow(
      /at parts/,
    );
    // The pushed element is checked and gets its defaults (`done`), as an insert does.
    const push = { parts: { text: 'ย่อหน้าแรก' } } as never;
    await notes.updateOne({ _id: 'n2' }, { $set: { 'meta.province': 'ขอนแก่น' }, $push: push });
    expect(await notes.findById('n2')).toMatchObject({
      meta: { province: 'ขอนแก่น' },
      parts: [{ text: 'ย่อหน้าแรก', done: false }],
    });
  });

  it('creates its declared indexes', async () => {
    const notes = collectionOf(db, Notes);
    await notes.ensureIndexes();
    await notes.insertOne({ _id: 'n4', title: 'ข่าวซ้ำ' });
    await expect(notes.insertOne({ _id: 'n5', title: 'ข่าวซ้ำ' })).rejects.toMatchObject({ code: 11000 });
  });

  it('an inspector (a test looking behind a service) reads documents as stored and writes any field unchecked', async () => {
    const notes = collectionOf(db, Notes);
    await notes.insertOne({ _id: 'n6', title: 'ตลาดนัดชุมชน', tags: ['เศรษฐกิจ'] });
    const inspector = await DatabaseInspector.open(infraEnv().MONGO_URL);
    try {
      const seen = inspector.db(dbName).collection<{ title: string; broken?: number }>('notes');
      expect(await seen.findById('n6')).toMatchObject({ title: 'ตลาดนัดชุมชน', tags: ['เศรษฐกิจ'] });
      await seen.updateOne({ _id: 'n6' }, { $set: { broken: 1 }, $push: { tags: 'ชุมชน' } });
      expect(await notes.findById('n6')).toMatchObject({ broken: 1, tags: ['เศรษฐกิจ', 'ชุมชน'] });
    } finally {
      await inspector.close();
    }
  });
});
