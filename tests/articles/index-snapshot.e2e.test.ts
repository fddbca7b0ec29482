import { DatabaseInspector, type InspectedDatabase } from '@khao/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchItem, Story } from '@khao/contracts';
import { infraEnv, ServiceProcess, TestPlatform, waitFor } from '@khao/testing';
import { createStory, thaiStory } from './helpers.js';

// The story index boots from its snapshot and catches up with the article events since; a snapshot that is missing
// or does not decode falls back to reading every story, and the index answers the same either way.
const platform = new TestPlatform({
  services: ['articles'],
  env: { articles: { INDEX_SNAPSHOT_MS: '0', INDEX_SNAPSHOT_QUIET_MS: '0' } },
});
let token: string;
let mongo: DatabaseInspector;
let db: InspectedDatabase;
const stories: Story[] = [];

const weavers = (i: number) =>
  thaiStory({ version: { title: `กลุ่มทอผ้าไหมบ้านนาข่า รุ่นที่ ${i}`, summary: 'ผ้าไหมมัดหมี่ลายโบราณ' } });

/** Every story the admin search finds for a Thai word, newest first. */
async function found(q: string): Promise<string[]> {
  const res = await platform.http('GET', `/api/v1/articles?q=${encodeURIComponent(q)}&limit=100`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { items: SearchItem[] }).items.map((s) => s.id);
}

/** The last "story index loaded" line of a replica's log. */
function loaded(p: ServiceProcess): { stories: number; source: string } {
  const line = p.logLines().findLast((l) => l.msg === 'story index loaded');
  expect(line, 'the index logs its load').toBeDefined();
  return line as unknown as { stories: number; source: string };
}

const snapshots = () => db.collection<{ _id: string }>('story_index_snapshots');

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
  mongo = await DatabaseInspector.open(infraEnv().MONGO_URL);
  db = mongo.db(platform.envFor('articles').MONGO_DB);
  for (let i = 1; i <= 5; i++) stories.push(await createStory(platform, token, weavers(i)));
  const published = await platform.http('POST', `/api/v1/articles/${stories[4].id}/versions/th/publish`, { token });
  expect(published.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await mongo?.close();
  await platform.stop();
});

describe('the story index snapshot', () => {
  it('is written at a clean stop and read at the next boot', async () => {
    const p = await platform.restart('articles');
    expect(loaded(p)).toMatchObject({ source: 'snapshot', stories: 5 });
    expect(await found('ทอผ้าไหม')).toEqual(stories.map((s) => s.id).reverse());
    const head = await snapshots().findOne({ _id: 'head' });
    expect(head).toMatchObject({ items: 5, chunks: 1 });
  });

  it('catches up at boot with what another replica wrote after it', async () => {
    const second = await new ServiceProcess('articles', platform.envFor('articles'), 'articles-replica').start();
    try {
      // The first replica stops (its snapshot written), then the second one writes and edits stories.
      await platform.proc('articles').stop();
      const later = await createStory(platform, token, weavers(6));
      const edited = await platform.http('PUT', `/api/v1/articles/${stories[1].id}/versions/th`, {
        token,
        body: { title: 'ตลาดนัดชุมชนบ้านนาข่า', summary: 'ของดีประจำตำบล', body: '<p>ตลาดนัดทุกวันเสาร์</p>' },
      });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      const deleted = await platform.http('DELETE', `/api/v1/articles/${stories[2].id}`, { token });
      expect(deleted.status).toBeLessThan(300);
      // The first replica boots from its snapshot, then alone answers: it must know all three changes.
      const first = await platform.restart('articles');
      await second.stop();
      expect(loaded(first)).toMatchObject({ source: 'snapshot', stories: 5 });
      const weaving = await waitFor(
        async () => {
          const ids = await found('ทอผ้าไหม');
          return ids.includes(later.id) ? ids : undefined;
        },
        { what: 'the restarted replica to find the story written while it was down' },
      );
      expect(weaving).toEqual([later.id, stories[4].id, stories[3].id, stories[0].id]);
      expect(await found('ตลาดนัด')).toEqual([stories[1].id]);
      stories.splice(2, 1);
      stories.push(later);
    } finally {
      await second.stop();
    }
  });

  it('falls back to every story when a chunk does not decode, or is missing, or there is no snapshot', async () => {
    const expected = await found('ทอผ้าไหม');
    // Garbage in the chunk: not gzip, not BSON.
    await platform.proc('articles').stop();
    const head = (await snapshots().findOne({ _id: 'head' })) as unknown as { generation: string };
    await snapshots().updateOne({ _id: `${head.generation}:0` }, { $set: { data: Buffer.from('ไม่ใช่ภาพรวม') } });
    let p = await platform.restart('articles');
    expect(loaded(p)).toMatchObject({ source: 'stories', stories: 5 });
    expect(p.output()).toContain('story index snapshot unusable');
    expect(await found('ทอผ้าไหม')).toEqual(expected);

    // A head whose chunk is gone.
    await platform.proc('articles').stop();
    const now = (await snapshots().findOne({ _id: 'head' })) as unknown as { generation: string };
    await snapshots().deleteOne({ _id: `${now.generation}:0` });
    p = await platform.restart('articles');
    expect(loaded(p)).toMatchObject({ source: 'stories', stories: 5 });
    expect(await found('ทอผ้าไหม')).toEqual(expected);

    // No snapshot at all.
    await platform.proc('articles').stop();
    await snapshots().deleteMany({});
    p = await platform.restart('articles');
    expect(loaded(p)).toMatchObject({ source: 'stories', stories: 5 });
    expect(await found('ทอผ้าไหม')).toEqual(expected);

    // A snapshot of a former format (2: its head counted `stories`), which this code would misread.
    await platform.proc('articles').stop();
    expect(await snapshots().findOne({ _id: 'head' }), 'the stop wrote a snapshot').toMatchObject({ format: 3 });
    await snapshots().updateOne({ _id: 'head' }, { $set: { format: 2 } });
    p = await platform.restart('articles');
    expect(loaded(p)).toMatchObject({ source: 'stories', stories: 5 });
    expect(await found('ทอผ้าไหม')).toEqual(expected);
  });
});
