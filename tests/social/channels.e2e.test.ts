import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '@khao/contracts';
import { TestPlatform } from '@khao/testing';
import { userToken } from '../articles/helpers.js';
import { ALL_TYPES, channelInputs, SECRETS, socialEnv, startFakes, stopFakes, type Fakes } from './fakes.js';
import { addChannel, socialDb } from './helpers.js';

// Channels through the gateway: admin only, validated per type, credentials encrypted at rest and never returned.
let fakes: Fakes;
let platform: TestPlatform;
let admin: string;

beforeAll(async () => {
  fakes = await startFakes();
  platform = new TestPlatform({ services: ['social'], env: { social: socialEnv(fakes) } });
  await platform.start();
  admin = await platform.adminToken();
});
afterAll(async () => {
  await platform?.stop();
  await stopFakes(fakes);
});

const allSecrets = Object.values(SECRETS);

describe('social channels', () => {
  it('creates one channel of every type; no response carries a credential', async () => {
    const created: Channel[] = [];
    for (const input of Object.values(channelInputs(fakes, 'th')))
      created.push(await addChannel(platform, admin, input));
    expect(created.map((c) => c.type).sort()).toEqual(ALL_TYPES);
    for (const c of created) {
      expect(c).toMatchObject({ hasCredentials: true, needsReauth: false, enabled: true, language: 'th' });
      expect(c).not.toHaveProperty('credentials');
    }
    const list = await platform.http('GET', '/api/v1/social/channels', { token: admin });
    const one = await platform.http('GET', `/api/v1/social/channels/${created[0].id}`, { token: admin });
    const patched = await platform.http('PATCH', `/api/v1/social/channels/${created[5].id}`, {
      token: admin,
      body: { credentials: { botToken: '7000000001:AAHanotherFakeTelegramBotToken9999' }, hashtags: ['#ข่าว'] },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect((patched.body as Channel).hashtags).toEqual(['ข่าว']);
    for (const body of [JSON.stringify(list.body), JSON.stringify(one.body), JSON.stringify(patched.body)]) {
      for (const s of [...allSecrets, 'AAHanotherFakeTelegramBotToken9999']) expect(body).not.toContain(s);
    }
    expect((list.body as { items: Channel[] }).items).toHaveLength(7);
  });

  it('stores credentials encrypted (AES-256-GCM), nothing readable in the database', async () => {
    const docs = await socialDb(platform, (db) => db.collection('channels').find({}));
    expect(docs.length).toBe(7);
    const dump = JSON.stringify(docs);
    for (const s of allSecrets) expect(dump).not.toContain(s);
    for (const d of docs)
      expect(d.credentials).toMatchObject({ v: 1, iv: expect.any(String), tag: expect.any(String) });
  });

  it('refuses bad input with 400s that say what is wrong', async () => {
    const inputs = channelInputs(fakes, 'en');
    const cases: [unknown, RegExp][] = [
      [{ ...inputs.telegram, credentials: { botToken: 'nope' } }, /credentials.botToken: must be a bot token/],
      [{ ...inputs.webhook, options: { url: 'ftp://x' } }, /options.url: must be an http/],
      [{ ...inputs.x, type: 'myspace' }, /type/],
      [{ ...inputs.mastodon, template: '{title} only' }, /template: must contain \{url\}/],
      [{ ...inputs.line_oa, options: { mode: 'push' } }, /push needs 'to'/],
      [{ ...inputs.bluesky, extra: 1 }, /unknown field\(s\) 'extra'/],
      [{ ...inputs.facebook_page, hashtags: ['two words'] }, /hashtags.0: must be one word/],
    ];
    for (const [body, message] of cases) {
      const res = await platform.http('POST', '/api/v1/social/channels', { token: admin, body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect((res.body as { message: string }).message).toMatch(message);
    }
    const list = (await platform.http('GET', '/api/v1/social/channels', { token: admin })).body as { items: Channel[] };
    const tg = list.items.find((c) => c.type === 'telegram')!;
    const wrongType = await platform.http('PATCH', `/api/v1/social/channels/${tg.id}`, {
      token: admin,
      body: { credentials: { accessToken: 'x'.repeat(20) } },
    });
    expect(wrongType.status).toBe(400);
    expect((wrongType.body as { message: string }).message).toMatch(/credentials.*botToken|unknown field/);
    const missing = await platform.http('GET', '/api/v1/social/channels/0123456789abcdef01234567', { token: admin });
    expect(missing.status).toBe(404);
  });

  it('channels are for admins; editors read posts but not channels', async () => {
    const editor = await userToken(platform, admin, 'editor');
    const author = await userToken(platform, admin, 'author');
    expect((await platform.http('GET', '/api/v1/social/channels', { token: editor.token })).status).toBe(403);
    const post = await platform.http('POST', '/api/v1/social/channels', {
      token: editor.token,
      body: channelInputs(fakes, 'th').x,
    });
    expect(post.status).toBe(403);
    expect((await platform.http('GET', '/api/v1/social/posts', { token: editor.token })).status).toBe(200);
    expect((await platform.http('GET', '/api/v1/social/posts', { token: author.token })).status).toBe(403);
    expect((await platform.http('GET', '/api/v1/social/posts')).status).toBe(401);
  });

  it('deletes a channel', async () => {
    const c = await addChannel(platform, admin, channelInputs(fakes, 'en').x);
    expect((await platform.http('DELETE', `/api/v1/social/channels/${c.id}`, { token: admin })).status).toBe(200);
    expect((await platform.http('GET', `/api/v1/social/channels/${c.id}`, { token: admin })).status).toBe(404);
  });
});
