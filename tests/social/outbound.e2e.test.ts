import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '@khao/contracts';
import { TestPlatform } from '@khao/testing';
import { channelInputs, socialEnv, startFakes, stopFakes, type Fakes } from './fakes.js';
import { addChannel, publishStory, settled } from './helpers.js';

// The outbound-URL guard with nothing allowed (a deployment's default): addresses inside the platform's own network
// are refused when a channel is saved (400 naming the rule) and when a connection is made (even to a configured
// platform base), so nothing reaches them.
let fakes: Fakes;
let platform: TestPlatform;
let admin: string;

beforeAll(async () => {
  fakes = await startFakes();
  platform = new TestPlatform({
    services: ['articles', 'social'],
    env: { social: socialEnv(fakes, { OUTBOUND_ALLOW: '' }) },
  });
  await platform.start();
  admin = await platform.adminToken();
});
afterAll(async () => {
  await platform?.stop();
  await stopFakes(fakes);
});

function webhook(url: string) {
  return { ...channelInputs(fakes, 'th').webhook, name: 'ปลายทางทดสอบ', options: { url } };
}

async function refusedWith(body: unknown, rule: RegExp) {
  const res = await platform.http('POST', '/api/v1/social/channels', { token: admin, body });
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect((res.body as { message: string }).message).toMatch(rule);
}

describe('saving a channel', () => {
  it('refuses the cloud metadata address, naming the rule', async () => {
    await refusedWith(
      webhook('http://169.254.169.254/latest/meta-data/'),
      /^options\.url: refused to connect to 169\.254\.169\.254: link-local addresses .* OUTBOUND_ALLOW$/,
    );
  });

  it('refuses loopback (by address and by name), private and shared ranges, IPv6 included', async () => {
    await refusedWith(webhook(`${fakes.webhook.url}/hooks/khao`), /loopback/);
    await refusedWith(webhook('http://localhost:9000/'), /localhost \((127\.0\.0\.1|::1)\): loopback/);
    await refusedWith(webhook('http://[::1]/hook'), /loopback/);
    await refusedWith(webhook('https://10.20.30.40/hook'), /private addresses \(10\.0\.0\.0\/8/);
    await refusedWith(webhook('https://192.168.1.1/hook'), /private/);
    await refusedWith(webhook('https://[fd00:ec2::254]/'), /fc00::\/7/);
    await refusedWith(webhook('http://100.100.100.200/latest/meta-data/'), /shared addresses/);
    await refusedWith(
      { ...channelInputs(fakes, 'th').mastodon, name: 'มาสโตดอนภายใน' },
      /options\.instanceUrl: .*loopback/,
    );
  });

  it('accepts a public address, and refuses a PATCH that points it inside', async () => {
    const channel: Channel = await addChannel(platform, admin, webhook('https://93.184.216.34/hooks/khao'));
    const res = await platform.http('PATCH', `/api/v1/social/channels/${channel.id}`, {
      token: admin,
      body: { options: { url: 'http://169.254.169.254/latest/api/token' } },
    });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toMatch(/link-local/);
    const after = await platform.http('GET', `/api/v1/social/channels/${channel.id}`, { token: admin });
    expect((after.body as Channel).options).toEqual({ url: 'https://93.184.216.34/hooks/khao' });
    await platform.http('DELETE', `/api/v1/social/channels/${channel.id}`, { token: admin });
  });
});

describe('connecting', () => {
  it('a platform base on loopback is refused at connect time: the post fails naming the rule, nothing arrives', async () => {
    await addChannel(platform, admin, { ...channelInputs(fakes, 'th').telegram, name: 'เทเลแกรมทดสอบ' });
    const story = await publishStory(platform, admin, { en: false });
    const [post] = await settled(platform, admin, story.id, 1, ['failed']);
    expect(post.lastError).toMatch(/^telegram: refused to connect to 127\.0\.0\.1: loopback/);
    expect(post.attempts).toBe(1);
    expect(fakes.telegram.requests).toHaveLength(0);
  });
});
