import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelType, Post } from '@khao/contracts';
import { EventTap, TestPlatform, waitFor } from '@khao/testing';
import {
  allFakes,
  channelInputs,
  LINE_ERRORS,
  SECRETS,
  socialEnv,
  startFakes,
  stopFakes,
  TELEGRAM_ERRORS,
  X_ERRORS,
  type Fakes,
} from './fakes.js';
import { createStory, thaiStory } from '../articles/helpers.js';
import { addChannel, posts, PUBLIC, publishStory, settled, socialDb, storyUrl } from './helpers.js';

// Platform trouble: retries with backoff, rate limits, refused credentials, lost answers and their reconciliation.
let fakes: Fakes;
let platform: TestPlatform;
let token: string;
let tap: EventTap;
const ch: Partial<Record<ChannelType, Channel>> = {};

beforeAll(async () => {
  fakes = await startFakes();
  platform = new TestPlatform({
    services: ['articles', 'social'],
    env: {
      articles: { PUBLIC_BASE_URL: PUBLIC },
      social: socialEnv(fakes, { SOCIAL_MAX_ATTEMPTS: '3', PUBLIC_BASE_URL: PUBLIC }),
    },
  });
  await platform.start();
  token = await platform.adminToken();
  tap = await EventTap.open();
  for (const [type, input] of Object.entries(channelInputs(fakes, 'th'))) {
    ch[type as ChannelType] = await addChannel(platform, token, input);
  }
});
afterAll(async () => {
  await platform?.stop();
  await tap?.close();
  await stopFakes(fakes);
});
beforeEach(() => {
  for (const f of allFakes(fakes)) f.reset();
});

/** Enables exactly these channels. */
async function only(...types: ChannelType[]): Promise<void> {
  for (const [type, c] of Object.entries(ch)) {
    const res = await platform.http('PATCH', `/api/v1/social/channels/${c.id}`, {
      token,
      body: { enabled: types.includes(type as ChannelType) },
    });
    expect(res.status).toBe(200);
  }
}

async function onePost(storyId: string, statuses: string[]): Promise<Post> {
  const [p] = await settled(platform, token, storyId, 1, statuses);
  return p;
}

describe('retries', () => {
  it('500 then success: one post, two attempts', async () => {
    await only('webhook');
    fakes.webhook.next({ status: 500, body: { error: 'upstream exploded' } });
    const story = await publishStory(platform, token, { en: false });
    const post = await onePost(story.id, ['sent']);
    expect(post.attempts).toBe(2);
    // The ledger names the story by its title in the post's language; a sent post carries no error.
    expect(post.title).toBe(story.versions.find((v) => v.language === 'th')!.title);
    expect([post.lastError, post.errorKind]).toEqual([null, null]);
    expect(fakes.webhook.seen).toHaveLength(2);
    expect(fakes.webhook.published(story.id)).toHaveLength(1);
    // The same delivery id both times: the receiver could have deduped a repeat.
    expect(new Set(fakes.webhook.seen.map((s) => s.headers['x-khao-delivery'])).size).toBe(1);
  });

  it('gives up after SOCIAL_MAX_ATTEMPTS, reports social.post.failed.v1; a retry from the API then posts', async () => {
    await only('facebook_page');
    const transient = {
      status: 500,
      body: {
        error: {
          message: 'An unknown error has occurred.',
          type: 'OAuthException',
          code: 1,
          is_transient: true,
          fbtrace_id: 'A1',
        },
      },
    };
    fakes.facebook.next(transient, transient, transient);
    const story = await publishStory(platform, token, { en: false });
    const failed = await onePost(story.id, ['failed']);
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toMatch(/gave up after 3 attempts: facebook_page 500: An unknown error has occurred/);
    expect(failed.errorKind).toBe('retryable');
    const events = await waitFor(async () => {
      const e = await tap.events(['events.social.post.failed.v1'], (x) => x.data.postId === failed.id);
      return e.length ? e : undefined;
    });
    expect(events[0].data).toMatchObject({ storyId: story.id, channelType: 'facebook_page', attempts: 3 });

    const retried = await platform.http('POST', `/api/v1/social/posts/${failed.id}/retry`, { token });
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    const sent = await onePost(story.id, ['sent']);
    expect(sent.externalId).toMatch(/^\d+_\d+$/);
    expect(fakes.facebook.byLink(storyUrl(story, 'th'))).toHaveLength(1);
    const again = await platform.http('POST', `/api/v1/social/posts/${failed.id}/retry`, { token });
    expect(again.status).toBe(409);
  });

  it('429 with Retry-After: the next attempt waits that long', async () => {
    await only('mastodon');
    fakes.mastodon.next({ status: 429, headers: { 'retry-after': '2' }, body: { error: 'Too many requests' } });
    const story = await publishStory(platform, token, { en: false });
    await onePost(story.id, ['sent']);
    const [first, second] = fakes.mastodon.calls('POST', /statuses$/);
    const waited = second.at - first.at;
    expect(waited).toBeGreaterThanOrEqual(2000);
    expect(waited).toBeLessThan(3500);
    expect(fakes.mastodon.statuses.size).toBe(1);
  });

  it('429 from Telegram (retry_after in the body) and X (x-rate-limit-reset) are honoured too', async () => {
    await only('telegram', 'x');
    fakes.telegram.next(TELEGRAM_ERRORS.tooMany(2));
    fakes.x.next(X_ERRORS.tooMany(2));
    const story = await publishStory(platform, token, { en: false });
    await settled(platform, token, story.id, 2);
    const [t1, t2] = fakes.telegram.calls('POST', /sendMessage$/);
    expect(t2.at - t1.at).toBeGreaterThanOrEqual(2000);
    const [x1, x2] = fakes.x.calls('POST', /tweets$/);
    expect(x2.at - x1.at).toBeGreaterThanOrEqual(1000); // the reset is a whole second: 1–2 s from the first call
  });

  it("LINE's monthly quota is not retried", async () => {
    await only('line_oa');
    fakes.line.next(LINE_ERRORS.monthlyLimit);
    const story = await publishStory(platform, token, { en: false });
    const post = await onePost(story.id, ['failed']);
    expect(post.attempts).toBe(1);
    expect(post.lastError).toBe('line_oa 429: You have reached your monthly limit.');
    expect(post.errorKind).toBe('permanent');
    await new Promise((r) => setTimeout(r, 800));
    expect(fakes.line.seen).toHaveLength(1);
  });
});

describe('refused credentials', () => {
  it('401 → failed, the channel flagged with a message naming it; new credentials clear it and a retry posts', async () => {
    await only('x');
    fakes.x.next(X_ERRORS.unauthorized);
    const story = await publishStory(platform, token, { en: false });
    const post = await onePost(story.id, ['failed']);
    expect(post.attempts).toBe(1);
    expect(post.lastError).toMatch(/channel "X th" \(x, [0-9a-f]{24}\) needs re-authorisation: x 401: Unauthorized/);
    expect(post.errorKind).toBe('auth');
    const flagged = (await platform.http('GET', `/api/v1/social/channels/${ch.x!.id}`, { token })).body as Channel;
    expect(flagged).toMatchObject({ needsReauth: true, reauthMessage: expect.stringContaining('"X th"') });

    // Other posts to the channel fail at once without calling X.
    const second = await publishStory(platform, token, { en: false });
    const blocked = await onePost(second.id, ['failed']);
    expect(blocked.attempts).toBe(0);
    expect(fakes.x.calls('POST', /tweets$/)).toHaveLength(1);

    const refused = await platform.http('POST', `/api/v1/social/posts/${post.id}/retry`, { token });
    expect(refused.status).toBe(409);
    expect((refused.body as { message: string }).message).toMatch(
      /needs re-authorisation.*update its credentials first/,
    );
    const patched = await platform.http('PATCH', `/api/v1/social/channels/${ch.x!.id}`, {
      token,
      body: { credentials: { accessToken: SECRETS.x } },
    });
    expect(patched.body).toMatchObject({ needsReauth: false, reauthMessage: null });
    expect((await platform.http('POST', `/api/v1/social/posts/${post.id}/retry`, { token })).status).toBe(200);
    await onePost(story.id, ['sent']);
    expect(fakes.x.containing(storyUrl(story, 'th'))).toHaveLength(1);
  });

  it('Bluesky refusing the app password flags the channel too', async () => {
    await only('bluesky');
    const res = await platform.http('PATCH', `/api/v1/social/channels/${ch.bluesky!.id}`, {
      token,
      body: { credentials: { identifier: 'khao.bsky.social', appPassword: 'wrong-wrong-wrong' } },
    });
    expect(res.status).toBe(200);
    const story = await publishStory(platform, token, { en: false });
    const post = await onePost(story.id, ['failed']);
    expect(post.lastError).toMatch(/"Bluesky th".*AuthenticationRequired: Invalid identifier or password/);
    expect(post.errorKind).toBe('auth');
    await platform.http('PATCH', `/api/v1/social/channels/${ch.bluesky!.id}`, {
      token,
      body: { credentials: { identifier: 'khao.bsky.social', appPassword: SECRETS.blueskyPassword } },
    });
  });
});

describe('abandoned claims', () => {
  it('a post whose attempts were claimed by senders that died or stalled is still sent, however many', async () => {
    await only('webhook');
    const base = thaiStory();
    const story = await createStory(platform, token, {
      ...base,
      version: { ...base.version, title: 'สภาองค์กรชุมชนตำบลหนองบัวเปิดเวทีแผนบ้านมั่นคง' },
    });
    // Three attempts claimed a minute ago by senders that never wrote them into the ledger (killed, or stalled past
    // the claim's life): the dispatcher must step over all three, not stop at the second.
    const postId = `${story.id}:th:${ch.webhook!.id}`;
    const minuteAgo = new Date(Date.now() - 60_000);
    await socialDb(platform, (db) =>
      db
        .collection<{ _id: string; at: Date }>('post_claims')
        .insertMany([1, 2, 3].map((n) => ({ _id: `${postId}#${n}`, at: minuteAgo }))),
    );
    const res = await platform.http('POST', `/api/v1/articles/${story.id}/versions/th/publish`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const post = await onePost(story.id, ['sent']);
    expect(post.attempts).toBe(1);
    expect(fakes.webhook.published(story.id)).toHaveLength(1);
  });
});

describe('lost answers', () => {
  it('a timeout makes the post unconfirmed; reconciliation finds it, and nothing is posted twice', async () => {
    await only('webhook', 'facebook_page', 'x', 'line_oa', 'mastodon', 'bluesky', 'telegram');
    for (const f of allFakes(fakes)) f.next({ lose: true });
    const story = await publishStory(platform, token, { en: false });
    const all = await waitFor(
      async () => {
        const items = await posts(platform, token, { storyId: story.id });
        const done = items.filter((p) => p.status === 'sent' || (p.status === 'unconfirmed' && !p.nextAttemptAt));
        return done.length === 7 ? items : undefined;
      },
      { timeoutMs: 30_000, what: 'every post sent or left unconfirmed' },
    );
    const by = Object.fromEntries(all.map((p) => [p.channelType, p]));
    for (const t of ['webhook', 'facebook_page', 'x', 'line_oa', 'mastodon', 'bluesky'] as const) {
      expect(by[t].status, `${t}: ${by[t].lastError}`).toBe('sent');
      expect(by[t].attempts, t).toBe(1); // reconciliation is not a second send attempt
    }
    const url = storyUrl(story, 'th');
    // Exactly one post on every platform.
    expect(fakes.facebook.byLink(url)).toHaveLength(1);
    expect(fakes.x.containing(url)).toHaveLength(1);
    expect(fakes.line.texts().filter((t) => t.includes(url))).toHaveLength(1);
    expect([...fakes.mastodon.statuses.values()].filter((s) => s.status.includes(url))).toHaveLength(1);
    expect([...fakes.bluesky.records.values()].filter((r) => JSON.stringify(r).includes(url))).toHaveLength(1);
    expect(fakes.webhook.published(story.id)).toHaveLength(1);
    // How: looked up (Facebook, X, Bluesky by record key) or re-sent with the same key (Mastodon, LINE, webhook).
    expect(fakes.facebook.calls('POST', /feed$/)).toHaveLength(1);
    expect(fakes.x.calls('POST', /tweets$/)).toHaveLength(1);
    expect(fakes.bluesky.calls('POST', /createRecord$/)).toHaveLength(1);
    expect(fakes.bluesky.calls('GET', /getRecord$/)).toHaveLength(1);
    const keys = fakes.mastodon.calls('POST', /statuses$/).map((s) => s.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    const lineKeys = fakes.line.calls('POST', /broadcast$/).map((s) => s.headers['x-line-retry-key']);
    expect(lineKeys).toHaveLength(2);
    expect(lineKeys[0]).toBe(lineKeys[1]);
    expect(by.line_oa.externalId).toBeTruthy();

    // Telegram cannot be looked up: it stays unconfirmed for a person, who must say it is not there to re-send.
    expect(by.telegram.status).toBe('unconfirmed');
    expect(by.telegram.lastError).toMatch(/Telegram Bot API cannot read the channel/);
    expect(by.telegram.errorKind).toBe('unconfirmed');
    expect([...fakes.telegram.messages.values()].filter((m) => m.text?.includes(url))).toHaveLength(1);
    const blind = await platform.http('POST', `/api/v1/social/posts/${by.telegram.id}/retry`, { token });
    expect(blind.status).toBe(409);
    expect((blind.body as { message: string }).message).toMatch(/confirmNotPosted/);
    for (const f of allFakes(fakes)) expect(f.violations).toEqual([]);
  });

  it('X answering "duplicate content" is reconciled to the post already there, not failed', async () => {
    await only('x');
    const story = await createStory(platform, token);
    // The tweet exists already (say, posted by hand before), so X refuses the same text as a duplicate.
    const preview = await platform.http('POST', '/api/v1/social/preview', {
      token,
      body: { storyId: story.id, language: 'th', channelId: ch.x!.id },
    });
    const text = (preview.body as { items: { text: string }[] }).items[0].text;
    expect(text).toContain(storyUrl(story, 'th'));
    fakes.x.tweets.set('1860000000000000999', text);
    expect((await platform.http('POST', `/api/v1/articles/${story.id}/versions/th/publish`, { token })).status).toBe(
      200,
    );
    const p = await onePost(story.id, ['sent']);
    expect(p.externalId).toBe('1860000000000000999');
    expect(p.attempts).toBe(1);
    expect(fakes.x.containing(storyUrl(story, 'th'))).toHaveLength(1);
  });
});

describe('the ledger API', () => {
  it('filters posts and refuses bad queries', async () => {
    const sent = await posts(platform, token, { status: 'sent', channelId: ch.webhook!.id });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((p) => p.status === 'sent' && p.channelId === ch.webhook!.id)).toBe(true);
    const bad = await platform.http('GET', '/api/v1/social/posts?status=lost', { token });
    expect(bad.status).toBe(400);
    const badId = await platform.http('POST', '/api/v1/social/posts/nope/retry', { token });
    expect(badId.status).toBe(400);
    const missing = await platform.http('POST', `/api/v1/social/posts/${'a'.repeat(24)}:th:${'b'.repeat(24)}/retry`, {
      token,
    });
    expect(missing.status).toBe(404);
  });
});
