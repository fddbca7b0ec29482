import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, TestPlatform, waitFor } from '@khao/testing';
import { channelInputs, socialEnv, startFakes, stopFakes, type Fakes } from './fakes.js';
import { addChannel, publishStory, socialDb } from './helpers.js';

// Rotating SOCIAL_CREDENTIALS_KEY: with the old key kept as a previous one every channel goes on posting; the
// re-seal command rewrites the stored credentials with the new key, after which the old key can go.
const newKey = createHash('sha256').update('rotated-social-credentials-key').digest('base64');
let fakes: Fakes;
let platform: TestPlatform;
let admin: string;
let oldKey: string;

beforeAll(async () => {
  fakes = await startFakes();
  platform = new TestPlatform({ services: ['articles', 'social'], env: { social: socialEnv(fakes) } });
  await platform.start();
  admin = await platform.adminToken();
  oldKey = platform.envFor('social').SOCIAL_CREDENTIALS_KEY!;
  const inputs = channelInputs(fakes, 'th');
  await addChannel(platform, admin, inputs.webhook);
  await addChannel(platform, admin, inputs.telegram);
});
afterAll(async () => {
  await platform?.stop();
  await stopFakes(fakes);
});

/** Publishes a Thai story and waits until both channels delivered it (the webhook checks its HMAC signature). */
async function deliveredOnBoth(title: string): Promise<void> {
  const story = await publishStory(platform, admin, { th: { title }, en: false });
  await waitFor(
    () =>
      fakes.webhook.published(story.id).length === 1 &&
      [...fakes.telegram.messages.values()].filter((m) => m.text?.includes(title)).length === 1,
    {
      what: `"${title}" on the webhook and Telegram`,
      timeoutMs: 20_000,
    },
  );
}

function reseal(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'apps/social/dist/reseal-credentials.js')], {
      env: { PATH: process.env.PATH, ...env },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const kids = () =>
  socialDb(platform, async (db) =>
    (await db.collection('channels').find({})).map((d) => (d.credentials as { kid?: string }).kid),
  );

describe('rotating the credentials key', () => {
  it('keeps every channel posting with the new key and the old one as previous', async () => {
    await deliveredOnBoth('ก่อนเปลี่ยนกุญแจ ชุมชนร่วมเวที');
    const before = await kids();
    await platform.restart('social', { SOCIAL_CREDENTIALS_KEY: newKey, SOCIAL_PREVIOUS_CREDENTIALS_KEYS: oldKey });
    await deliveredOnBoth('ระหว่างเปลี่ยนกุญแจ ชาวบ้านวางแผน');
    expect(await kids()).toEqual(before);
  });

  it('the re-seal command rewrites every credential with the new key; then the old key can go', async () => {
    const env = {
      ...platform.envFor('social'),
      SOCIAL_CREDENTIALS_KEY: newKey,
      SOCIAL_PREVIOUS_CREDENTIALS_KEYS: oldKey,
    };
    const first = await reseal(env);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/re-sealed 2 of 2 channels' credentials with key [\w-]{12}/);
    const after = await kids();
    expect(new Set(after).size).toBe(1);
    const again = await reseal(env);
    expect(again.out).toMatch(/re-sealed 0 of 2/);

    await platform.restart('social', { SOCIAL_CREDENTIALS_KEY: newKey });
    await deliveredOnBoth('หลังเปลี่ยนกุญแจ งานบ้านมั่นคงเดินหน้า');
  });
});
