import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleEvents, type Story, type VersionEvent } from '@khao/contracts';
import { EventTap, TestPlatform, waitFor } from '@khao/testing';
import { createStory, version } from './helpers.js';

// A version scheduled for a time publishes once at that time, even when the articles service was down then.
const platform = new TestPlatform({ services: ['articles'], env: { articles: { SCHEDULER_INTERVAL_MS: '200' } } });
let token: string;
let tap: EventTap;

const publishedEvents = (storyId: string) =>
  tap.events<VersionEvent>([ArticleEvents.versionPublished.subject], (e) => e.data.storyId === storyId);

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
  tap = await EventTap.open();
});
afterAll(async () => {
  await platform.stop();
  await tap?.close();
});

describe('scheduled publish', () => {
  it('fires once at its time across a restart of the articles service', async () => {
    const story = await createStory(platform, token);
    const at = new Date(Date.now() + 3000);
    const res = await platform.http('POST', `/api/v1/articles/${story.id}/versions/th/publish`, {
      token,
      body: { at: at.toISOString() },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(version(res.body as Story, 'th')).toMatchObject({ status: 'scheduled', scheduledAt: at.toISOString() });

    // The service dies before the time comes and is down when it passes.
    await platform.proc('articles').kill('SIGKILL');
    await new Promise((r) => setTimeout(r, at.getTime() - Date.now() + 500));
    expect(await publishedEvents(story.id)).toHaveLength(0);

    await platform.restart('articles');
    const published = await waitFor(
      async () => {
        const s = (await platform.http('GET', `/api/v1/articles/${story.id}`, { token })).body as Story;
        return version(s, 'th').status === 'published' ? s : undefined;
      },
      { what: 'the scheduled publish' },
    );
    expect(new Date(version(published, 'th').publishedAt!).getTime()).toBeGreaterThanOrEqual(at.getTime());

    // Once: a second replica and more scheduler passes change nothing.
    await platform.restart('articles');
    await new Promise((r) => setTimeout(r, 1000));
    const events = await waitFor(async () => {
      const e = await publishedEvents(story.id);
      return e.length ? e : undefined;
    });
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ language: 'th', status: 'published', by: 'system:scheduler' });
    const revisions = (await platform.http('GET', `/api/v1/articles/${story.id}/revisions`, { token })).body as {
      action: string;
    }[];
    expect(revisions.filter((r) => r.action === 'scheduled-publish')).toHaveLength(1);
  });

  it('a schedule can be cancelled, and a time in the past publishes at once', async () => {
    const story = await createStory(platform, token);
    const later = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    await platform.http('POST', `/api/v1/articles/${story.id}/versions/th/publish`, { token, body: { at: later } });
    const cancelled = await platform.http('POST', `/api/v1/articles/${story.id}/versions/th/unpublish`, { token });
    expect(version(cancelled.body as Story, 'th')).toMatchObject({ status: 'draft', scheduledAt: null });

    const past = await platform.http('POST', `/api/v1/articles/${story.id}/versions/th/publish`, {
      token,
      body: { at: '2020-01-01T00:00:00+07:00' },
    });
    expect(version(past.body as Story, 'th').status).toBe('published');
  });
});
