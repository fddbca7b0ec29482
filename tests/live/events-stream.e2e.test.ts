import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { infraEnv, TestPlatform, waitFor } from '@khao/testing';
import { createStory, englishVersion, thaiStory, userToken } from '../articles/helpers.js';

// Live status for the studio: server-sent events fed by JetStream, filtered by role, resumed with Last-Event-ID.
const platform = new TestPlatform({ services: ['articles'] });
let admin: string;
let nc: NatsConnection;

interface Received {
  id: string;
  event: string;
  data: Record<string, unknown>;
}

/** An EventSource as a browser would hold it: reads the stream as it arrives and parses each event. */
async function openStream(token: string | undefined, lastEventId?: string) {
  const abort = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (lastEventId) headers['last-event-id'] = lastEventId;
  const res = await fetch(`${platform.baseUrl}/api/v1/events/stream`, { headers, signal: abort.signal });
  const events: Received[] = [];
  let ended = false;
  if (res.status === 200 && res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            ended = true;
            return;
          }
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const field = (name: string) =>
              block
                .split('\n')
                .find((l) => l.startsWith(`${name}: `))
                ?.slice(name.length + 2);
            const data = field('data');
            if (data) events.push({ id: field('id')!, event: field('event')!, data: JSON.parse(data) });
          }
        }
      } catch {
        // aborted by close()
      }
    })();
  }
  const next = (where: (e: Received) => boolean) =>
    waitFor(() => events.find(where), { what: 'a live event', timeoutMs: 10_000 });
  return { res, events, next, ended: () => ended, close: () => abort.abort() };
}

beforeAll(async () => {
  await platform.start();
  admin = await platform.adminToken();
  nc = await connect({ servers: infraEnv().NATS_URL });
});
afterAll(async () => {
  await nc?.close();
  await platform.stop();
});

describe('GET /api/v1/events/stream', () => {
  it('streams a story change as it happens, without the story text', async () => {
    const editor = await userToken(platform, admin, 'editor');
    const stream = await openStream(editor.token);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const story = await createStory(platform, admin, thaiStory());
    const saved = await stream.next((e) => e.data.storyId === story.id);
    expect(saved).toMatchObject({ event: 'article.version.saved.v1', data: { language: 'th', status: 'draft' } });
    expect(saved.id).toMatch(/^\d+$/);
    expect(JSON.stringify(saved.data)).not.toContain('อุดรธานี');
    stream.close();
  });

  it('resumes after Last-Event-ID: what happened while disconnected arrives first', async () => {
    const first = await openStream(admin);
    const story = await createStory(platform, admin, thaiStory());
    const created = await first.next((e) => e.data.storyId === story.id);
    first.close();
    // While nobody listens, the English version is written.
    const put = await platform.http('PUT', `/api/v1/articles/${story.id}/versions/en`, {
      token: admin,
      body: englishVersion,
    });
    expect(put.status).toBe(200);
    const again = await openStream(admin, created.id);
    const missed = await again.next((e) => e.data.storyId === story.id);
    expect(missed).toMatchObject({ event: 'article.version.saved.v1', data: { language: 'en' } });
    expect(Number(missed.id)).toBeGreaterThan(Number(created.id));
    again.close();
  });

  it('filters by role: social posts reach editors, not authors; both hear of story changes', async () => {
    const author = await userToken(platform, admin, 'author');
    const editor = await userToken(platform, admin, 'editor');
    const authorStream = await openStream(author.token);
    const editorStream = await openStream(editor.token);
    const postId = randomUUID();
    const envelope = {
      id: randomUUID(),
      type: 'social.post.sent.v1',
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      data: { postId, storyId: '0123456789abcdef01234567', language: 'th', channelId: 'c1', channelType: 'webhook' },
    };
    await jetstream(nc).publish('events.social.post.sent.v1', JSON.stringify(envelope), { msgID: envelope.id });
    // Published after the social event: once the author has it, the social event has gone by (one stream, in order).
    const story = await createStory(platform, author.token, thaiStory());
    await authorStream.next((e) => e.data.storyId === story.id);
    expect(authorStream.events.some((e) => e.data.postId === postId)).toBe(false);
    expect(await editorStream.next((e) => e.data.postId === postId)).toMatchObject({ event: 'social.post.sent.v1' });
    await editorStream.next((e) => e.data.storyId === story.id);
    authorStream.close();
    editorStream.close();
  });

  it('refuses a request without a token (401) and a Last-Event-ID it did not send (400)', async () => {
    expect((await openStream(undefined)).res.status).toBe(401);
    const bad = await openStream(admin, 'yesterday');
    expect(bad.res.status).toBe(400);
    expect(((await bad.res.json()) as { message: string }).message).toBe(
      'Last-Event-ID: must be the id of an event this stream sent',
    );
  });

  it('ends a stream whose token was revoked after it opened, before it hears anything more', async () => {
    const editor = await userToken(platform, admin, 'editor');
    const stream = await openStream(editor.token);
    expect(stream.res.status).toBe(200);
    const before = await createStory(platform, admin, thaiStory());
    await stream.next((e) => e.data.storyId === before.id);

    // A role change revokes the editor's tokens; once this gateway refuses the token, the next event ends the stream.
    const changed = await platform.http('PATCH', `/api/v1/users/${editor.id}`, {
      token: admin,
      body: { role: 'author' },
    });
    expect(changed.status).toBe(200);
    await waitFor(async () => (await platform.http('GET', '/api/v1/auth/me', { token: editor.token })).status === 401, {
      what: 'the old token refused',
    });
    const after = await createStory(platform, admin, thaiStory());
    await waitFor(() => stream.ended(), { what: 'the revoked stream ended', timeoutMs: 10_000 });
    expect(stream.events.some((e) => e.data.storyId === after.id)).toBe(false);
    stream.close();
  });

  it('ends the open streams at shutdown, so the gateway stops cleanly and at once', async () => {
    const open = await openStream(admin);
    expect(open.res.status).toBe(200);
    const started = Date.now();
    // It exits by itself (no SIGKILL after a hang) well within its grace period; the exit code is the gateway's own
    // shutdown matter, not the stream's.
    expect((await platform.proc('gateway').stop())?.signal).toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);
    await platform.restart('gateway');
  });
});
