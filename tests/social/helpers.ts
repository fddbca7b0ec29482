import { DatabaseInspector, type InspectedDatabase } from '@khao/persistence';
import { expect } from 'vitest';
import type { Channel, Post, Story } from '@khao/contracts';
import { infraEnv, waitFor, type TestPlatform } from '@khao/testing';
import { createStory, englishVersion, thaiStory, version } from '../articles/helpers.js';

export const PUBLIC = 'https://news.example.org';

export async function addChannel(platform: TestPlatform, token: string, input: unknown): Promise<Channel> {
  const res = await platform.http('POST', '/api/v1/social/channels', { token, body: input });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Channel;
}

/** A Thai story with an English translation, both published; `title` overrides the Thai title. */
export async function publishStory(
  platform: TestPlatform,
  token: string,
  opts: { th?: Partial<{ title: string; summary: string }>; en?: boolean } = {},
): Promise<Story> {
  const base = thaiStory();
  const story = await createStory(platform, token, { ...base, version: { ...base.version, ...opts.th } });
  if (opts.en !== false) {
    const put = await platform.http('PUT', `/api/v1/articles/${story.id}/versions/en`, { token, body: englishVersion });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  }
  let last = story;
  for (const lang of opts.en === false ? ['th'] : ['th', 'en']) {
    const res = await platform.http('POST', `/api/v1/articles/${story.id}/versions/${lang}/publish`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    last = res.body as Story;
  }
  return last;
}

/** The story URL as the article events carry it (a Thai slug percent-encoded). */
export function storyUrl(story: Story, lang: 'th' | 'en'): string {
  return new URL(`${PUBLIC}/${lang}/news/${version(story, lang).slug}`).href;
}

export async function posts(platform: TestPlatform, token: string, query: Record<string, string>): Promise<Post[]> {
  const res = await platform.http(
    'GET',
    `/api/v1/social/posts?${new URLSearchParams({ limit: '200', ...query }).toString()}`,
    {
      token,
    },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { items: Post[] }).items;
}

/** Waits until the story's posts are `count` and all settled in one of `statuses`. */
export function settled(
  platform: TestPlatform,
  token: string,
  storyId: string,
  count: number,
  statuses: string[] = ['sent'],
  timeoutMs = 20_000,
): Promise<Post[]> {
  return waitFor(
    async () => {
      const items = await posts(platform, token, { storyId });
      return items.length === count && items.every((p) => statuses.includes(p.status)) ? items : undefined;
    },
    { timeoutMs, what: `${count} posts of ${storyId} to be ${statuses.join('/')}` },
  );
}

/** The social service's own database of this platform instance, for checks the API cannot make. */
export async function socialDb<T>(platform: TestPlatform, fn: (db: InspectedDatabase) => Promise<T>): Promise<T> {
  const client = await DatabaseInspector.open(infraEnv().MONGO_URL);
  try {
    return await fn(client.db(`social_${platform.suffix}`));
  } finally {
    await client.close();
  }
}
