import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelType, Post, Story } from '@khao/contracts';
import { TestPlatform, waitFor } from '@khao/testing';
import { createStory, thaiStory } from '../articles/helpers.js';
import { allFakes, channelInputs, socialEnv, startFakes, stopFakes, type Fakes } from './fakes.js';
import { addChannel, posts, PUBLIC, storyUrl } from './helpers.js';

// The social service is SIGKILLed in the middle of a burst of 200 publishes; after a restart every
// (story, language, channel) is posted exactly once.
const STORIES = 200;
const TYPES: ChannelType[] = ['webhook', 'mastodon', 'bluesky', 'x', 'telegram'];
let fakes: Fakes;
let platform: TestPlatform;
let token: string;

beforeAll(async () => {
  fakes = await startFakes();
  for (const f of allFakes(fakes)) f.delayMs = 30; // slow platforms: calls are in flight when the kill lands
  platform = new TestPlatform({
    services: ['articles', 'social'],
    env: {
      articles: { PUBLIC_BASE_URL: PUBLIC },
      // A longer timeout than the other files: on a busy machine a slow answer must not pass for a lost one.
      social: socialEnv(fakes, { SOCIAL_CONCURRENCY: '16', SOCIAL_HTTP_TIMEOUT_MS: '3000' }),
    },
  });
  await platform.start();
  token = await platform.adminToken();
  const inputs = channelInputs(fakes, 'th');
  for (const t of TYPES) await addChannel(platform, token, inputs[t]);
}, 60_000);
afterAll(async () => {
  await platform?.stop();
  await stopFakes(fakes);
});

async function inParallel<T, R>(items: T[], n: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

describe('SIGKILL during a burst', () => {
  it('posts every (story, language, channel) exactly once across the kill and restart', async () => {
    const drafts = await inParallel(
      Array.from({ length: STORIES }, (_, i) => i),
      8,
      (i) => {
        const base = thaiStory();
        return createStory(platform, token, {
          ...base,
          version: { ...base.version, title: `${base.version.title} ตอนที่ ${i + 1}` },
        });
      },
    );
    // Publish them all; kill the social service once a fifth of the posts reached the platforms.
    const killed = (async () => {
      await waitFor(() => fakes.webhook.seen.length >= STORIES / 5, { timeoutMs: 120_000, intervalMs: 20 });
      await platform.proc('social').kill('SIGKILL');
    })();
    const published: Story[] = await inParallel(drafts, 10, async (s) => {
      const res = await platform.http('POST', `/api/v1/articles/${s.id}/versions/th/publish`, { token });
      expect(res.status).toBe(200);
      return res.body as Story;
    });
    await killed;
    const beforeRestart = fakes.webhook.seen.length;
    expect(beforeRestart).toBeLessThan(STORIES); // the kill landed mid-burst
    await platform.restart('social');

    let lastSeen: Post[] = [];
    const settledPosts = await waitFor(
      async () => {
        const items: Post[] = [];
        lastSeen = items;
        for (let after: string | undefined; ;) {
          const page = await platform.http('GET', `/api/v1/social/posts?limit=200${after ? `&after=${after}` : ''}`, {
            token,
          });
          const body = page.body as { items: Post[]; nextCursor: string | null };
          items.push(...body.items);
          if (!body.nextCursor) break;
          after = body.nextCursor;
        }
        const done = items.filter((p) => p.status === 'sent' || (p.status === 'unconfirmed' && !p.nextAttemptAt));
        return done.length === STORIES * TYPES.length ? items : undefined;
      },
      { timeoutMs: 360_000, intervalMs: 1000, what: 'every post settled after the restart' },
    ).catch((err: Error) => {
      // Say where it stands, so a failure can be read without the service logs.
      const count = new Map<string, number>();
      for (const p of lastSeen) count.set(p.status, (count.get(p.status) ?? 0) + 1);
      const stuck = lastSeen.filter((p) => p.status !== 'sent').slice(0, 5);
      throw new Error(
        `${err.message}; ${lastSeen.length} posts: ${JSON.stringify(Object.fromEntries(count))}; ` +
          `e.g. ${JSON.stringify(stuck.map((p) => ({ id: p.id, status: p.status, attempts: p.attempts, lastError: p.lastError })))}`,
      );
    });

    const statusOf = new Map(settledPosts.map((p) => [`${p.storyId}:${p.channelType}`, p.status]));
    const tweets = [...fakes.x.tweets.values()];
    const toots = [...fakes.mastodon.statuses.values()].map((s) => s.status);
    const records = [...fakes.bluesky.records.values()].map((r) => JSON.stringify(r));
    const messages = [...fakes.telegram.messages.values()].map((m) => m.text ?? '');
    let unconfirmedTelegram = 0;
    for (const s of published) {
      const url = storyUrl(s, 'th');
      // The webhook receiver dedupes on X-Khao-Delivery; the sender must never use a second id for one post.
      const ids = new Set(
        fakes.webhook
          .calls('POST', /./)
          .filter((c) => c.body.storyId === s.id)
          .map((c) => c.headers['x-khao-delivery']),
      );
      expect(ids.size, `webhook delivery ids for ${s.id}`).toBe(1);
      expect(fakes.webhook.published(s.id)).toHaveLength(1);
      // Mastodon dedupes on Idempotency-Key (as the real server does): one status per story.
      expect(
        toots.filter((t) => t.includes(url)),
        `mastodon ${s.id}`,
      ).toHaveLength(1);
      // Bluesky and X have no key: reconciliation looked them up. One record, one tweet, and X never had to refuse a duplicate.
      expect(
        records.filter((r) => r.includes(url)),
        `bluesky ${s.id}`,
      ).toHaveLength(1);
      expect(
        tweets.filter((t) => t.includes(url)),
        `x ${s.id}`,
      ).toHaveLength(1);
      // Telegram cannot be looked up: at most one message; one whose answer was lost stays unconfirmed for a person.
      const tg = messages.filter((m) => m.includes(url)).length;
      expect(tg).toBeLessThanOrEqual(1);
      const tgStatus = statusOf.get(`${s.id}:telegram`);
      if (tgStatus === 'sent') expect(tg).toBe(1);
      else unconfirmedTelegram++;
      for (const t of ['webhook', 'mastodon', 'bluesky', 'x'])
        expect(statusOf.get(`${s.id}:${t}`), `${s.id} ${t}`).toBe('sent');
    }
    expect(fakes.x.duplicatesRefused).toBe(0);
    expect(settledPosts).toHaveLength(STORIES * TYPES.length);
    process.stdout.write(
      `crash test: ${beforeRestart} webhook requests before the kill; ${fakes.webhook.seen.length} in all for ${STORIES} deliveries; ` +
        `${fakes.mastodon.calls('POST', /statuses$/).length} Mastodon creates for ${STORIES} statuses; ` +
        `${fakes.bluesky.calls('GET', /getRecord$/).length} Bluesky lookups; ${unconfirmedTelegram} Telegram posts left unconfirmed\n`,
    );
    for (const f of allFakes(fakes)) expect(f.violations).toEqual([]);
    expect((await posts(platform, token, { status: 'failed' })).length).toBe(0);
  }, 540_000);
});
