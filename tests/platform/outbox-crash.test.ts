import { DatabaseInspector } from '@khao/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleEvents } from '@khao/contracts';
import { EventTap, infraEnv, TestPlatform, waitFor } from '@khao/testing';

// A real articles process killed with SIGKILL between its database write and its publish.
const platform = new TestPlatform({
  services: ['articles'],
  env: { gateway: { RPC_TIMEOUT_MS: '2000' }, articles: { FAILPOINT: 'crash-after-outbox-write' } },
});
let tap: EventTap;
let mongo: DatabaseInspector;

const eventsFor = (storyId: string) =>
  tap.events<{ storyId: string }>([ArticleEvents.versionSaved.subject], (e) => e.data.storyId === storyId);

beforeAll(async () => {
  await platform.start();
  tap = await EventTap.open();
  mongo = await DatabaseInspector.open(infraEnv().MONGO_URL);
});
afterAll(async () => {
  await platform.stop();
  await tap?.close();
  await mongo?.close();
});

describe('outbox', () => {
  it('delivers the event after a crash between the write and the publish', async () => {
    const token = await platform.adminToken();
    const title = 'น้ำท่วมขอนแก่น ชุมชนริมน้ำตั้งศูนย์ช่วยเหลือกันเอง';
    const res = await platform.http('POST', '/api/v1/articles', {
      token,
      body: { sourceLanguage: 'th', version: { title } },
    });
    // The service died mid-request: the caller hears "unavailable", not a 500.
    expect(res.status).toBe(503);
    const exit = await platform.proc('articles').waitForExit();
    expect(exit.signal).toBe('SIGKILL');

    // The write happened, with its event waiting in the same document; nothing reached JetStream.
    const stories = mongo.db(`articles_${platform.suffix}`).collection<{ outbox: { id: string }[] }>('stories');
    const doc = await stories.findOne({ 'versions.title': title });
    expect(doc).not.toBeNull();
    expect(doc!.outbox).toHaveLength(1);
    const storyId = String(doc!._id);
    expect(await eventsFor(storyId)).toHaveLength(0);

    // After a restart (without the failpoint) the relay's sweep publishes it, once.
    await platform.restart('articles', { FAILPOINT: '' });
    const events = await waitFor(
      async () => {
        const e = await eventsFor(storyId);
        return e.length > 0 ? e : undefined;
      },
      { what: 'the event from the outbox' },
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: doc!.outbox[0].id, type: 'article.version.saved.v1' });
    // …and, everything being out, the marker that announced the write is gone.
    const markers = mongo.db(`articles_${platform.suffix}`).collection('outbox_pending');
    await waitFor(async () => (await markers.countDocuments({})) === 0, { what: 'the outbox marker to go' });
  });
});
