import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, Post, Story } from '@khao/contracts';
import { ServiceProcess, TestPlatform, waitFor } from '@khao/testing';
import { channelInputs, socialEnv, startFakes, stopFakes, type Fakes } from './fakes.js';
import { addChannel, posts, PUBLIC, publishStory, settled } from './helpers.js';

// The post list each social replica keeps in memory (PostList): two replicas share the consumer and the sends, and
// each answers lists from its own copy, which the other's inserts and status changes must reach.
let fakes: Fakes;
let platform: TestPlatform;
let token: string;
let second: ServiceProcess | undefined;
const channels: Channel[] = [];
const stories: Story[] = [];

const loaded = (p: ServiceProcess) => p.output().includes('social posts list loaded');

async function page(query: string): Promise<{ items: Post[]; nextCursor: string | null }> {
  const res = await platform.http('GET', `/api/v1/social/posts${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: Post[]; nextCursor: string | null };
}

/** Every page, `limit` at a time, following the cursors. */
async function allPages(limit: number): Promise<Post[]> {
  const out: Post[] = [];
  let after: string | null = null;
  do {
    const p = await page(`?limit=${limit}${after ? `&after=${after}` : ''}`);
    expect(p.items.length).toBeLessThanOrEqual(limit);
    out.push(...p.items);
    after = p.nextCursor;
  } while (after);
  return out;
}

beforeAll(async () => {
  fakes = await startFakes();
  platform = new TestPlatform({
    services: ['articles', 'social'],
    env: { articles: { PUBLIC_BASE_URL: PUBLIC }, social: socialEnv(fakes, { PUBLIC_BASE_URL: PUBLIC }) },
  });
  await platform.start();
  token = await platform.adminToken();
  second = await new ServiceProcess('social', platform.envFor('social'), 'social-replica').start();
  await waitFor(() => loaded(platform.proc('social')) && loaded(second!), { what: 'both lists to load' });
  const th = channelInputs(fakes, 'th');
  channels.push(await addChannel(platform, token, th.webhook), await addChannel(platform, token, th.mastodon));
  channels.push(await addChannel(platform, token, channelInputs(fakes, 'en').webhook));
  for (const title of ['ชาวบ้านริมคลองเปรมประชากรร่วมวางแผนบ้านมั่นคง', 'กองทุนสวัสดิการชุมชนน่านดูแลผู้สูงอายุ']) {
    const story = await publishStory(platform, token, { th: { title } });
    stories.push(story);
    await settled(platform, token, story.id, 3);
  }
}, 180_000);
afterAll(async () => {
  await second?.stop();
  await platform?.stop();
  await stopFakes(fakes);
});

describe('the post list at two replicas', () => {
  it('filters and pages as before: in id order, every post once across pages', async () => {
    const every = await allPages(2);
    expect(every).toHaveLength(6);
    const ids = every.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
    const [a, b] = stories;
    expect((await posts(platform, token, { storyId: a.id })).map((p) => p.storyId)).toEqual([a.id, a.id, a.id]);
    const mastodon = await posts(platform, token, { channelId: channels[1].id });
    expect(mastodon.map((p) => p.storyId).sort()).toEqual([a.id, b.id].sort());
    expect(mastodon.every((p) => p.channelType === 'mastodon' && p.language === 'th')).toBe(true);
    const english = await posts(platform, token, { language: 'en', status: 'sent' });
    expect(english.map((p) => p.channelId)).toEqual([channels[2].id, channels[2].id]);
    expect(await posts(platform, token, { status: 'failed' })).toEqual([]);
    expect(await posts(platform, token, { storyId: b.id, language: 'en', channelId: channels[0].id })).toEqual([]);
    const first = await page('?limit=4');
    expect(first.nextCursor).toBe(first.items[3].id);
    expect((await page(`?limit=4&after=${first.nextCursor}`)).items.map((p) => p.id)).toEqual(ids.slice(4));
  });

  it("shows each replica's posts and sends at the other: every read agrees", async () => {
    // The consumer and the sends are shared by the two replicas (a story's three posts all on one: 1 in 4).
    const story = await publishStory(platform, token, { th: { title: 'สภาองค์กรชุมชนตรังจัดเวทีเรื่องการจัดการน้ำ' } });
    await settled(platform, token, story.id, 3);
    for (let i = 0; i < 12; i++) {
      const sent = await posts(platform, token, { storyId: story.id, status: 'sent' });
      expect(sent.map((p) => p.channelId).sort()).toEqual(channels.map((c) => c.id).sort());
    }
    // Only the second replica left: it has every post, those the first wrote too.
    await platform.proc('social').stop();
    expect(await posts(platform, token, { status: 'sent' })).toHaveLength(9);
  }, 60_000);

  it('a restarted replica loads the list again', async () => {
    const before = await allPages(200);
    const again = await platform.restart('social');
    await second!.stop();
    second = undefined;
    await waitFor(() => loaded(again), { what: 'the restarted replica to load its list' });
    expect(await allPages(4)).toEqual(before);
    expect(again.output()).toMatch(/"rows":9[^\n]*social posts list loaded/);
  }, 60_000);
});
