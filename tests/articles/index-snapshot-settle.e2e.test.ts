import { DatabaseInspector, type InspectedDatabase } from '@khao/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { infraEnv, TestPlatform, waitFor } from '@khao/testing';
import { createStory, thaiStory } from './helpers.js';

// Besides its timer (here an hour) and a clean stop, a replica snapshots its story index once enough stories
// changed and the index has been quiet a while: an import that just ended is not read again by the next boot, even
// when that stop had no time to write a snapshot.
const QUIET_MS = 1500;
const BATCH = 6;
const platform = new TestPlatform({
  services: ['articles'],
  env: {
    articles: {
      INDEX_SNAPSHOT_MS: '3600000',
      INDEX_SNAPSHOT_QUIET_MS: String(QUIET_MS),
      INDEX_SNAPSHOT_BATCH: String(BATCH),
    },
  },
});
let token: string;
let mongo: DatabaseInspector;
let db: InspectedDatabase;

const head = () =>
  db.collection<{ _id: string; items: number; takenAt: Date }>('story_index_snapshots').findById('head');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const market = (i: number) =>
  thaiStory({ version: { title: `ตลาดนัดชุมชนริมน้ำจันทบูร ครั้งที่ ${i}`, summary: 'ของดีจากสวนผลไม้' } });

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
  mongo = await DatabaseInspector.open(infraEnv().MONGO_URL);
  db = mongo.db(platform.envFor('articles').MONGO_DB);
}, 120_000);

afterAll(async () => {
  await mongo?.close();
  await platform.stop();
});

describe('the story index snapshot, once the index settles', () => {
  it('is not written for fewer changes than the batch, and is written once a batch has settled', async () => {
    // The boot's first pass snapshots the empty index (none was there): that is where this starts from.
    const first = await waitFor(() => head().then((h) => h ?? undefined), { what: 'the boot snapshot' });
    await createStory(platform, token, market(1));
    await sleep(QUIET_MS * 3);
    expect((await head())?.takenAt).toEqual(first.takenAt);

    for (let i = 2; i <= BATCH; i++) await createStory(platform, token, market(i));
    const lastWrite = Date.now();
    const settled = await waitFor(
      () => head().then((h) => (h && h.takenAt.getTime() !== first.takenAt.getTime() ? h : undefined)),
      { what: 'a snapshot after the batch settled', timeoutMs: 20_000 },
    );
    expect(settled.items).toBe(BATCH);
    // Taken once the index was quiet, not on a timer (an hour here).
    expect(settled.takenAt.getTime()).toBeGreaterThanOrEqual(lastWrite + QUIET_MS - 1000);
  });
});
