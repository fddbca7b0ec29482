import { DatabaseInspector } from '@khao/persistence';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleEvents, TranslationEvents } from '@khao/contracts';
import { EventTap, infraEnv, TestPlatform, waitFor } from '@khao/testing';
import { fakeLibreTranslate, type Behaviour } from './fake-providers.js';
import { createAndPublish, khonKaenStory, SEGMENTS, waitForJob } from './helpers.js';

// Provider failures, a provider that is down, a service killed mid-job, replayed events: nothing is lost and
// nothing is done twice.
const KEY = 'libre-reliability-key';
const b: Behaviour = { failures: [], delayMs: 0 };
const libre = fakeLibreTranslate(KEY, b);
const platformWith = (url: string) =>
  new TestPlatform({
    services: ['articles', 'translation'],
    env: {
      translation: {
        TRANSLATION_PROVIDER: 'libretranslate',
        LIBRETRANSLATE_URL: url,
        LIBRETRANSLATE_API_KEY: KEY,
        TRANSLATION_TRIGGER: 'publish',
        TRANSLATION_POLL_MS: '100',
        TRANSLATION_RETRY_MS: '300,600',
        TRANSLATION_LEASE_MS: '1500',
      },
    },
  });
let platform: TestPlatform;
let token: string;
let tap: EventTap;
let mongo: DatabaseInspector;
let nc: NatsConnection;

const completed = (jobId: string) =>
  tap.events<{ jobId: string }>([TranslationEvents.jobCompleted.subject], (e) => e.data.jobId === jobId);

beforeAll(async () => {
  await libre.start();
  platform = platformWith(libre.url);
  await platform.start();
  token = await platform.adminToken();
  tap = await EventTap.open();
  mongo = await DatabaseInspector.open(infraEnv().MONGO_URL);
  nc = await connect({ servers: infraEnv().NATS_URL });
});
afterAll(async () => {
  await platform?.stop();
  await libre.stop();
  await tap?.close();
  await mongo?.close();
  await nc?.close();
});

describe('reliability', () => {
  it('provider 500 twice, then success: the job stays pending with backoff, then completes', async () => {
    const internal = { status: 500, body: { error: 'Internal Server Error' } };
    b.failures.push(internal, internal);
    libre.reset();
    const story = await createAndPublish(platform, token, khonKaenStory(' (500)'));
    const id = `${story.id}-en`;
    const pending = await waitForJob(platform, token, id, (j) => j.attempts >= 1, 'a failed attempt');
    expect(pending).toMatchObject({ status: 'pending', lastError: 'libretranslate: HTTP 500: Internal Server Error' });
    expect(Date.parse(pending.nextAttemptAt!)).toBeGreaterThan(Date.parse(pending.updatedAt) - 1);
    const done = await waitForJob(platform, token, id, (j) => j.status === 'machine_translated');
    expect(done.segments.every((s) => s.status === 'machine')).toBe(true);
    expect(libre.callsTo('/translate')).toHaveLength(3);
    expect(await completed(id)).toHaveLength(1);
  });

  it('a provider down across a restart of the service loses nothing; it completes once the provider is back', async () => {
    const port = libre.port;
    await libre.stop();
    const story = await createAndPublish(platform, token, khonKaenStory(' (down)'));
    const id = `${story.id}-en`;
    const waiting = await waitForJob(platform, token, id, (j) => j.attempts >= 2, 'failed attempts');
    expect(waiting.status).toBe('pending');
    expect(waiting.lastError).toMatch(/^libretranslate: unreachable/);
    // The queue entry is in the database, not in the process: a restart picks it up.
    await platform.restart('translation', { LIBRETRANSLATE_URL: `http://127.0.0.1:${port}` });
    await libre.start(port);
    libre.reset();
    const done = await waitForJob(platform, token, id, (j) => j.status === 'machine_translated', 'recovery', 30_000);
    expect(done.segments).toHaveLength(SEGMENTS);
    expect(libre.callsTo('/translate')).toHaveLength(1);
  });

  it('the service killed mid-job resumes it after a restart and completes it exactly once', async () => {
    b.delayMs = 4000;
    libre.reset();
    const story = await createAndPublish(platform, token, khonKaenStory(' (kill)'));
    const id = `${story.id}-en`;
    await waitFor(() => libre.callsTo('/translate').length === 1, { what: 'the slow provider call' });
    const killed = await platform.proc('translation').kill('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    b.delayMs = 0;
    await platform.restart('translation', { LIBRETRANSLATE_URL: libre.url });
    const done = await waitForJob(platform, token, id, (j) => j.status === 'machine_translated', 'resumed job', 30_000);
    expect(done.segments.every((s) => s.target && s.status === 'machine')).toBe(true);
    // The call the kill cut off, and the one after the restart: nothing more.
    expect(libre.callsTo('/translate')).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await completed(id)).toHaveLength(1);
    const list = await platform.http('GET', `/api/v1/translation-jobs?storyId=${story.id}`, { token });
    expect((list.body as { items: unknown[] }).items).toHaveLength(1);
  });

  it('a replayed article event for the same source revision changes nothing (no second job, no provider call)', async () => {
    libre.reset();
    const story = await createAndPublish(platform, token, khonKaenStory(' (replay)'));
    const id = `${story.id}-en`;
    const done = await waitForJob(platform, token, id, (j) => j.status === 'machine_translated');
    const [published] = await tap.events<{ storyId: string }>(
      [ArticleEvents.versionPublished.subject],
      (e) => e.data.storyId === story.id,
    );
    // The same fact again under a new event id (as a replay from the dead letters would send it).
    const replay = { ...published, id: `${published.id}:replay:test` };
    await jetstream(nc).publish(ArticleEvents.versionPublished.subject, JSON.stringify(replay), { msgID: replay.id });
    const inbox = mongo.db(`translation_${platform.suffix}`).collection('processed_events');
    await waitFor(
      async () => (await inbox.findOne({ _id: `translation-${platform.suffix}:${replay.id}` as never })) !== null,
      {
        what: 'the replay to be handled',
      },
    );
    const after = await waitForJob(platform, token, id, () => true);
    expect(after.updatedAt).toBe(done.updatedAt);
    expect(libre.callsTo('/translate')).toHaveLength(1);
    expect(await completed(id)).toHaveLength(1);
  });

  it('an event for a story this platform does not have is acknowledged and ignored (no job, no dead letter)', async () => {
    const ghost = '0123456789abcdef0123abcd';
    const event = {
      id: `ghost-${Date.now()}`,
      type: ArticleEvents.versionPublished.type,
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: 'ghost-test',
      data: {
        storyId: ghost,
        language: 'th',
        sourceLanguage: 'th',
        translationOf: null,
        slug: 'ghost',
        title: 'เรื่องที่ไม่มีอยู่',
        summary: '',
        url: 'https://example.org/th/news/ghost',
        coverMediaId: null,
        revision: 3,
        status: 'published',
        publishedAt: new Date().toISOString(),
        by: 'someone',
      },
    };
    await jetstream(nc).publish(ArticleEvents.versionPublished.subject, JSON.stringify(event), { msgID: event.id });
    const inbox = mongo.db(`translation_${platform.suffix}`).collection('processed_events');
    await waitFor(
      async () => (await inbox.findOne({ _id: `translation-${platform.suffix}:${event.id}` as never })) !== null,
      { what: 'the event to be handled' },
    );
    expect((await platform.http('GET', `/api/v1/translation-jobs/${ghost}-en`, { token })).status).toBe(404);
  });

  it('the review list is repaired at boot when a crash left its summary behind', async () => {
    const story = await createAndPublish(platform, token, khonKaenStory(' (index)'));
    const id = `${story.id}-en`;
    await waitForJob(platform, token, id, (j) => j.status === 'machine_translated');
    const index = mongo.db(`translation_${platform.suffix}`).collection('job_index');
    // As if the process died between the job's write and its summary's.
    await index.updateOne({ _id: id }, { $set: { status: 'pending' } });
    const listed = async (status: string) => {
      const res = await platform.http('GET', `/api/v1/translation-jobs?storyId=${story.id}&status=${status}`, {
        token,
      });
      return (res.body as { items: { id: string }[] }).items.map((i) => i.id);
    };
    // The list is kept in memory: a summary changed behind its back shows once a page has read it.
    const page = await platform.http('GET', `/api/v1/translation-jobs?storyId=${story.id}`, { token });
    expect((page.body as { items: { status: string }[] }).items.map((i) => i.status)).toEqual(['pending']);
    expect(await listed('pending')).toEqual([id]);
    await platform.restart('translation', { LIBRETRANSLATE_URL: libre.url });
    await waitFor(async () => (await listed('machine_translated')).includes(id), { what: 'the repaired summary' });
    expect(await listed('pending')).toEqual([]);
  });

  it('an event that arrives while the articles service is down is kept and handled once it is back', async () => {
    const created = await platform.http('POST', '/api/v1/articles', { token, body: khonKaenStory(' (articles down)') });
    const storyId = (created.body as { id: string }).id;
    await platform.proc('translation').stop();
    expect((await platform.http('POST', `/api/v1/articles/${storyId}/versions/th/publish`, { token })).status).toBe(
      200,
    );
    await platform.proc('articles').stop();
    // Few, quick redeliveries: were the event retried and not kept, it would be dead-lettered in well under a second.
    await platform.restart('translation', {
      LIBRETRANSLATE_URL: libre.url,
      EVENT_MAX_DELIVERIES: '2',
      EVENT_BACKOFF_MS: '50',
      TRANSLATION_RETRY_MS: '200,400',
    });
    const fetches = mongo
      .db(`translation_${platform.suffix}`)
      .collection<{ attempts: number; lastError: string }>('story_fetches');
    const kept = await waitFor(async () => (await fetches.findOne({ _id: storyId })) ?? undefined, {
      what: 'the story to be kept for later',
    });
    expect(kept.lastError).toMatch(/articles service/);
    await waitFor(async () => ((await fetches.findOne({ _id: storyId }))?.attempts ?? 0) >= 3, {
      what: 'more attempts while it is down',
    });
    await platform.restart('articles');
    const done = await waitForJob(platform, token, `${storyId}-en`, (j) => j.status === 'machine_translated');
    expect(done.segments).toHaveLength(SEGMENTS);
    expect(await fetches.findOne({ _id: storyId })).toBeNull();
  });
});
