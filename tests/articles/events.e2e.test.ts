import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '@khao/contracts';
import { EventTap, TestPlatform, waitFor } from '@khao/testing';
import { createStory, englishVersion, version } from './helpers.js';

// The article events carry what consumers need, through the outbox, in order of the edits.
const platform = new TestPlatform({
  services: ['articles'],
  env: { articles: { PUBLIC_BASE_URL: 'https://news.example.org' } },
});
let token: string;
let tap: EventTap;

async function eventsOf(storyId: string, count: number) {
  return waitFor(
    async () => {
      const out = await tap.events(['events.article.>'], (e) => e.data.storyId === storyId);
      return out.length >= count ? out : undefined;
    },
    { what: `${count} events` },
  );
}

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
  tap = await EventTap.open();
});
afterAll(async () => {
  await platform.stop();
  await tap?.close();
});

describe('article events', () => {
  it('saved → published → updated → unpublished → deleted, each with the consumer payload', async () => {
    const s = await createStory(platform, token, undefined);
    await platform.http('PUT', `/api/v1/articles/${s.id}/versions/en`, { token, body: englishVersion });
    await platform.http('POST', `/api/v1/articles/${s.id}/versions/en/publish`, { token });
    await platform.http('PATCH', `/api/v1/articles/${s.id}`, {
      token,
      body: { coverMediaId: '0123456789abcdef01234567' },
    });
    const down = await platform.http('POST', `/api/v1/articles/${s.id}/versions/en/unpublish`, { token });
    const en = version(down.body as Story, 'en');
    await platform.http('DELETE', `/api/v1/articles/${s.id}`, { token });

    const events = await eventsOf(s.id, 7);
    const summary = events.map((e) => `${e.type}:${(e.data.language as string | undefined) ?? '*'}`);
    expect(summary).toEqual([
      'article.version.saved.v1:th',
      'article.version.saved.v1:en',
      'article.version.published.v1:en',
      'article.version.saved.v1:th', // the shared cover changed; th is still a draft
      'article.version.updated.v1:en', // …and en is live: a correction
      'article.version.unpublished.v1:en',
      'article.deleted.v1:*',
    ]);
    const published = events[2];
    expect(published).toMatchObject({ version: 1, correlationId: expect.any(String) });
    expect(published.data).toMatchObject({
      storyId: s.id,
      language: 'en',
      sourceLanguage: 'th',
      translationOf: 'th',
      slug: en.slug,
      title: englishVersion.title,
      summary: englishVersion.summary,
      url: `https://news.example.org/en/news/${en.slug}`,
      coverMediaId: null,
      status: 'published',
    });
    expect(events[4].data.coverMediaId).toBe('0123456789abcdef01234567');
    expect(events[6].data).toMatchObject({
      storyId: s.id,
      versions: expect.arrayContaining([expect.objectContaining({ language: 'th' })]),
    });
    const revisions = events.map((e) => e.data.revision as number);
    expect([...revisions].sort((a, b) => a - b)).toEqual(revisions);
  });
});
