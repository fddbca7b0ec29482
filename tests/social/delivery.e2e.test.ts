import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import twitter from 'twitter-text';
import type { Channel, PreviewItem, Story } from '@khao/contracts';
import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { ArticleEvents, eventSubject } from '@khao/contracts';
import { EventTap, infraEnv, TestPlatform, waitFor } from '@khao/testing';
import { englishVersion, importedThaiStory, importStories } from '../articles/helpers.js';
import { ALL_TYPES, allFakes, channelInputs, SECRETS, socialEnv, startFakes, stopFakes, type Fakes } from './fakes.js';
import { addChannel, posts, socialDb, PUBLIC, publishStory, settled, storyUrl } from './helpers.js';

// Publishing a Thai and an English version posts each to the channels of its language, once, with the right text.
let fakes: Fakes;
let platform: TestPlatform;
let token: string;
let tap: EventTap;
const th: Record<string, Channel> = {};
const en: Record<string, Channel> = {};

const thTitle = 'สภาองค์กรชุมชนอุดรธานีร่วมวางแผนพัฒนาที่อยู่อาศัยริมหนองประจักษ์ ผู้ว่าฯ รับข้อเสนอ';
const thSummary =
  'เวทีสองวันที่ศาลากลางจังหวัด ชาวบ้านกว่าสองร้อยคนร่วมกำหนดแผนบ้านมั่นคง สำรวจข้อมูลครัวเรือน ตั้งกลุ่มออมทรัพย์ ' +
  'และเสนอแผนต่อจังหวัดเพื่อให้ชุมชนริมหนองประจักษ์มีที่อยู่อาศัยที่มั่นคงโดยไม่ต้องกลัวถูกไล่ที่อีกต่อไป';

beforeAll(async () => {
  fakes = await startFakes();
  platform = new TestPlatform({
    services: ['articles', 'social'],
    env: { articles: { PUBLIC_BASE_URL: PUBLIC }, social: socialEnv(fakes, { PUBLIC_BASE_URL: PUBLIC }) },
  });
  await platform.start();
  token = await platform.adminToken();
  tap = await EventTap.open();
  const thInputs = channelInputs(fakes, 'th');
  for (const [type, input] of Object.entries(thInputs)) {
    // X gets a template of title and link only, so its weighted length can be checked exactly.
    th[type] = await addChannel(platform, token, type === 'x' ? { ...input, template: '{title} {url}' } : input);
  }
  const enInputs = channelInputs(fakes, 'en');
  for (const type of ['webhook', 'x', 'mastodon', 'bluesky'] as const)
    en[type] = await addChannel(platform, token, enInputs[type]);
  // A disabled channel gets nothing.
  await addChannel(platform, token, {
    ...thInputs.webhook,
    name: 'disabled',
    enabled: false,
    options: { url: `${fakes.webhook.url}/disabled` },
  });
});
afterAll(async () => {
  await platform?.stop();
  await tap?.close();
  await stopFakes(fakes);
});

/** Publishes the story's original `published` event again under a new id (what a replay past the dedupe window is). */
async function replayPublished(storyId: string, language: string): Promise<void> {
  const [original] = await tap.events(
    ['events.article.version.published.v1'],
    (e) => e.data.storyId === storyId && e.data.language === language,
  );
  const replay = { ...original, id: randomUUID() };
  const nc = await connect({ servers: infraEnv().NATS_URL });
  try {
    await jetstream(nc).publish(eventSubject(replay.type), JSON.stringify(replay), { msgID: replay.id });
  } finally {
    await nc.close();
  }
  // The consumer handled it: its inbox records it.
  const inboxId = `social-${platform.suffix}:${replay.id}`;
  await socialDb(platform, (db) =>
    waitFor(async () => (await db.collection('processed_events').findOne({ _id: inboxId })) !== null, {
      what: 'the replay to be handled',
    }),
  );
}

let story: Story;

describe('publishing', () => {
  it('posts the Thai version to the 7 Thai channels and the English one to the 4 English ones, once each', async () => {
    story = await publishStory(platform, token, { th: { title: thTitle, summary: thSummary } });
    const sent = await settled(platform, token, story.id, 11);
    expect(sent.filter((p) => p.language === 'th')).toHaveLength(7);
    expect(sent.filter((p) => p.language === 'en')).toHaveLength(4);
    for (const p of sent) {
      expect(p.attempts).toBe(1);
      expect(p.externalId).toBeTruthy();
    }
    const thUrl = storyUrl(story, 'th'); // percent-encoded Thai slug
    const enUrl = storyUrl(story, 'en');
    const tags = '#ข่าวชุมชน #พอช';

    // Full texts where they fit: LINE, Telegram, Facebook, the webhook.
    const full = `${thTitle}\n\n${thSummary}\n\n${thUrl}\n${tags}`;
    expect(fakes.line.texts().filter((t) => t.includes(thUrl))).toEqual([full]);
    expect([...fakes.telegram.messages.values()].filter((m) => m.text?.includes(thUrl))).toEqual([{ text: full }]);
    expect(fakes.facebook.byLink(thUrl)).toEqual([{ message: full, link: thUrl }]);
    const hooks = fakes.webhook.published(story.id);
    expect(hooks.map((h) => h.language).sort()).toEqual(['en', 'th']);
    expect(hooks.find((h) => h.language === 'th')).toMatchObject({
      title: thTitle,
      url: storyUrl(story, 'th'),
      text: full,
      image: null,
    });

    // X: title + link, counted exactly (Thai one per code point, the URL 23).
    const [tweet] = fakes.x.containing(thUrl);
    expect(tweet).toBe(`${thTitle} ${thUrl}`);
    expect(twitter.parseTweet(tweet).weightedLength).toBe([...thTitle].length + 1 + 23);
    expect(fakes.x.containing(enUrl)).toHaveLength(1);

    // Mastodon: within 500 as Mastodon counts; one status per language.
    const toots = [...fakes.mastodon.statuses.values()];
    expect(toots.filter((s) => s.status.includes(thUrl)).map((s) => s.language)).toEqual(['th']);
    expect(toots.filter((s) => s.status.includes(enUrl)).map((s) => s.language)).toEqual(['en']);

    // Bluesky: cut to 300 graphemes; the fake checked every facet's byte range against the text.
    const records = [...fakes.bluesky.records.values()] as {
      text: string;
      facets: { index: { byteStart: number; byteEnd: number } }[];
    }[];
    const thRecord = records.find((r) => r.text.startsWith(thTitle.slice(0, 10)))!;
    const buf = Buffer.from(thRecord.text, 'utf8');
    const link = thRecord.facets[0].index;
    // Bluesky shows the readable URL (Thai slug in Thai) and links the encoded one.
    const readable = decodeURI(thUrl);
    expect(buf.subarray(link.byteStart, link.byteEnd).toString('utf8')).toBe(readable);
    expect(link.byteStart).toBeGreaterThan(thRecord.text.indexOf(readable)); // bytes, not UTF-16 units
    expect(fakes.bluesky.sessions).toBe(2); // one login per Bluesky channel

    for (const f of allFakes(fakes)) expect(f.violations).toEqual([]);
  });

  it('reports each post with social.post.sent.v1', async () => {
    const events = await waitFor(async () => {
      const e = await tap.events(['events.social.post.sent.v1'], (x) => x.data.storyId === story.id);
      return e.length >= 11 ? e : undefined;
    });
    expect(events).toHaveLength(11);
    expect(new Set(events.map((e) => e.data.postId)).size).toBe(11);
    expect(events[0].data).toMatchObject({ storyId: story.id, attempts: 1, externalId: expect.any(String) });
  });

  it('a second story reuses the Bluesky sessions; an expired token is refreshed, not logged in again', async () => {
    fakes.bluesky.expireAccessTokens();
    const second = await publishStory(platform, token, { en: false });
    await settled(platform, token, second.id, 7);
    expect(fakes.bluesky.sessions).toBe(3); // one refreshSession for the Thai channel; no createSession
    expect(fakes.bluesky.calls('POST', /createSession/)).toHaveLength(2);
    expect(fakes.bluesky.calls('POST', /refreshSession/)).toHaveLength(1);
  });

  it('previews each channel’s final text and its counted length', async () => {
    const res = await platform.http('POST', '/api/v1/social/preview', {
      token,
      body: { storyId: story.id, language: 'th' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const items = (res.body as { items: PreviewItem[] }).items;
    expect(items.map((i) => i.type).sort()).toEqual(ALL_TYPES);
    const x = items.find((i) => i.type === 'x')!;
    expect(x).toMatchObject({ unit: 'x-weighted', limit: 280, length: [...thTitle].length + 1 + 23, truncated: false });
    expect(x.text).toBe(fakes.x.containing(storyUrl(story, 'th'))[0]);
    const bsky = items.find((i) => i.type === 'bluesky')!;
    expect(bsky).toMatchObject({ unit: 'graphemes', limit: 300, truncated: true });
    expect(bsky.length).toBeLessThanOrEqual(300);
    const one = await platform.http('POST', '/api/v1/social/preview', {
      token,
      body: { storyId: story.id, language: 'en', channelId: en.mastodon.id },
    });
    expect((one.body as { items: PreviewItem[] }).items).toHaveLength(1);
    const bad = await platform.http('POST', '/api/v1/social/preview', {
      token,
      body: { storyId: 'nope', language: 'th' },
    });
    expect(bad.status).toBe(400);
  });

  it('the same publish arriving again (a new event id, past any dedupe) posts nothing more', async () => {
    await replayPublished(story.id, 'th');
    await new Promise((r) => setTimeout(r, 500));
    // …and the ledger kept one post per channel.
    expect(fakes.x.containing(storyUrl(story, 'th'))).toHaveLength(1);
    expect(fakes.webhook.published(story.id)).toHaveLength(2);
    expect(fakes.line.texts().filter((t) => t.includes(storyUrl(story, 'th')))).toHaveLength(1);
    // Platforms without an idempotency key would show a second post: they saw one request each.
    expect(
      fakes.facebook.calls('POST', /\/feed$/).filter((c) => c.raw.includes(encodeURIComponent(storyUrl(story, 'th')))),
    ).toHaveLength(1);
    expect(
      fakes.telegram.calls('POST', /sendMessage$/).filter((c) => c.raw.includes(storyUrl(story, 'th'))),
    ).toHaveLength(1);
    expect(await posts(platform, token, { storyId: story.id })).toHaveLength(11);
  });
});

describe('an imported archive', () => {
  it('posts nothing for an imported story, on any channel, and the consumer acknowledges its events', async () => {
    const base = importedThaiStory('2019-06-05T09:30:00+07:00', 'ชาวบ้านน่านร่วมกันดูแลป่าชุมชนต้นน้ำ');
    const [item] = await importStories(platform, token, [
      {
        ...base,
        versions: [...base.versions, { language: 'en', ...englishVersion, publishedAt: '2019-06-06T10:00:00Z' }],
      },
    ]);
    const events = await waitFor(
      async () => {
        const out = await tap.events([ArticleEvents.versionPublishedV2.subject], (e) => e.data.storyId === item.id);
        return out.length === 2 ? out : undefined;
      },
      { what: 'the imported events' },
    );
    // Both events were acknowledged (skipped before the inbox: nothing is done for them), and nothing was posted.
    expect(events.map((e) => e.data.imported)).toEqual([true, true]);
    await waitFor(() => tap.acknowledgedBy(`social-${platform.suffix}`), { what: 'the imported events to be handled' });
    expect(await posts(platform, token, { storyId: item.id })).toEqual([]);
    expect(fakes.webhook.published(item.id)).toEqual([]);
    for (const v of item.versions) {
      expect(fakes.x.containing(`/${v.language}/news/${encodeURIComponent(v.slug)}`)).toEqual([]);
    }
  });
});

describe('follow-through', () => {
  it('a correction edits the posts where the platform allows', async () => {
    const put = await platform.http('PUT', `/api/v1/articles/${story.id}/versions/en`, {
      token,
      body: { ...englishVersion, title: 'Udon Thani councils plan secure housing (corrected)' },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    await waitFor(() => fakes.mastodon.edits.length === 1, { what: 'the Mastodon edit' });
    const [edited] = fakes.mastodon.edits;
    expect(fakes.mastodon.statuses.get(edited)?.status).toContain('(corrected)');
    await waitFor(() => [...fakes.webhook.deliveries.values()].some((d) => d.event === 'story.updated'), {
      what: 'the webhook update',
    });
    // The ledger records the new text once the platform has answered the edit, which may be after the fake saw it.
    const mastodonPost = await waitFor(
      async () => {
        const enPosts = await posts(platform, token, { storyId: story.id, language: 'en' });
        const post = enPosts.find((p) => p.channelType === 'mastodon');
        return post?.text?.includes('(corrected)') && post;
      },
      { what: 'the Mastodon post record with the corrected text' },
    );
    expect(mastodonPost.text).toContain('(corrected)');
  });

  it('unpublishing deletes the posts where the platform allows (LINE cannot)', async () => {
    const res = await platform.http('POST', `/api/v1/articles/${story.id}/versions/th/unpublish`, { token });
    expect(res.status).toBe(200);
    const thPosts = await waitFor(
      async () => {
        const items = await posts(platform, token, { storyId: story.id, language: 'th' });
        return items.filter((p) => p.status === 'deleted').length === 6 ? items : undefined;
      },
      { what: 'six deletions' },
    );
    expect(thPosts.find((p) => p.status !== 'deleted')?.channelType).toBe('line_oa');
    expect(fakes.facebook.deleted).toHaveLength(1);
    // Graph's documented way for the token: the access_token parameter (a DELETE has no body: the query).
    const [del] = fakes.facebook.calls('DELETE', /^\/\d+_\d+$/);
    expect(del.query.get('access_token')).toBe(SECRETS.facebook);
    expect(del.headers.authorization).toBeUndefined();
    expect(fakes.x.deleted).toHaveLength(1);
    expect(fakes.mastodon.deleted).toHaveLength(1);
    expect(fakes.telegram.deleted).toHaveLength(1);
    expect(fakes.bluesky.deleted).toHaveLength(1);
    expect(
      [...fakes.webhook.deliveries.values()].filter((d) => d.event === 'story.unpublished' && d.storyId === story.id),
    ).toHaveLength(1);
    // The English posts stay.
    expect(
      (await posts(platform, token, { storyId: story.id, language: 'en' })).every((p) => p.status === 'sent'),
    ).toBe(true);
    // The publish arriving late (handled after the take-down, as can happen across replicas) posts nothing.
    await replayPublished(story.id, 'th');
    await new Promise((r) => setTimeout(r, 800));
    const after = await posts(platform, token, { storyId: story.id, language: 'th' });
    expect(after.filter((p) => p.status === 'deleted')).toHaveLength(6);
    expect(fakes.x.containing(storyUrl(story, 'th'))).toHaveLength(0);
    for (const f of allFakes(fakes)) expect(f.violations).toEqual([]);
  });
});

describe('secrets', () => {
  it('no credential appears in any log line of the social service or the gateway', () => {
    const logs = platform.proc('social').output() + platform.proc('gateway').output();
    expect(logs.length).toBeGreaterThan(1000);
    for (const s of Object.values(SECRETS)) expect(logs).not.toContain(s);
  });
});
