import { randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineEvent, type Channel } from '@khao/contracts';
import { createLogger } from '@khao/logging';
import { connectNats, ensureStreams, EventConsumer, EventPublisher, Inbox } from '@khao/messaging';
import { connectMongo, type Database } from '@khao/persistence';
import { infraEnv, TEST_ADMIN, TestPlatform, uniqueSuffix, waitFor } from '@khao/testing';
import { z } from 'zod';
import { bearerLogin, createUser } from '../auth/helpers.js';
import {
  BSKY,
  PAGE_ID,
  SECRETS,
  socialEnv,
  startFakes,
  stopFakes,
  TELEGRAM_CHAT,
  X_ERRORS,
  type Fakes,
} from '../social/fakes.js';
import { posts, PUBLIC, publishStory, settled, storyUrl } from '../social/helpers.js';
import { expectAccessible, fontsDrawing, launchChromium, logIn, newPerson, screenshot } from './helpers.js';

// The admins' room and the social desk in Debian's Chromium, against the real platform and the platforms' fakes.
const th = { email: 'อีเมล', password: 'รหัสผ่าน', submit: 'เข้าสู่ระบบ' };
const en = { email: 'E-mail', password: 'Password', submit: 'Log in' };
const run = uniqueSuffix();
const logger = createLogger({ service: 'studio-admin-test', level: 'silent' });
let fakes: Fakes;
let platform: TestPlatform;
let browser: Browser;
let adminToken: string;
let author: { id: string; email: string; password: string };
let nc: NatsConnection;
let mongo: Database;
let publisher: EventPublisher;
let inbox: Inbox;
let jsm: Awaited<ReturnType<typeof ensureStreams>>;

beforeAll(async () => {
  fakes = await startFakes();
  // Stories at a public address, as the platforms count links (X counts a link as 23, a bare IP address as text).
  platform = new TestPlatform({
    env: { articles: { PUBLIC_BASE_URL: PUBLIC }, social: socialEnv(fakes, { PUBLIC_BASE_URL: PUBLIC }) },
  });
  await platform.start();
  adminToken = await platform.adminToken();
  author = await createUser(platform, adminToken, 'author');
  browser = await launchChromium();
  const env = infraEnv();
  nc = await connectNats(env.NATS_URL, 'studio-admin-test', logger);
  mongo = await connectMongo({ url: env.MONGO_URL, dbName: `studio_admin_${run}`, logger });
  jsm = await ensureStreams(nc, { dedupeWindowMs: 120_000 });
  publisher = new EventPublisher(nc);
  inbox = new Inbox(mongo);
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await stopFakes(fakes);
  await mongo?.dropDatabase().catch(() => undefined);
  await mongo?.close();
  await nc?.drain();
});

/** How the admin fills in each platform's own fields, in Thai, against the fakes. */
const CHANNELS: { type: string; label: string; name: string; testable: boolean; fill: (p: Page) => Promise<void> }[] = [
  {
    type: 'webhook',
    label: 'Webhook',
    name: 'เว็บไซต์เครือข่าย (Webhook)',
    testable: false,
    fill: async (p) => {
      await p.getByLabel('ที่อยู่ผู้รับ').fill(`${fakes.webhook.url}/hooks/khao`);
      await p.getByLabel('รหัสลับสำหรับลงลายมือชื่อ').fill(SECRETS.webhook);
    },
  },
  {
    type: 'facebook_page',
    label: 'เพจ Facebook',
    name: 'เพจข่าวชุมชน',
    testable: true,
    fill: async (p) => {
      await p.getByLabel('รหัสเพจ').fill(PAGE_ID);
      await p.getByLabel('โทเค็นเพจ').fill(SECRETS.facebook);
    },
  },
  {
    type: 'x',
    label: 'X (Twitter)',
    name: 'ข่าว Khao บน X',
    testable: false,
    fill: (p) => p.getByLabel('โทเค็น').fill(SECRETS.x),
  },
  {
    type: 'line_oa',
    label: 'LINE Official Account',
    name: 'ไลน์ข่าวชุมชน',
    testable: true,
    fill: (p) => p.getByLabel('Channel access token').fill(SECRETS.line),
  },
  {
    type: 'mastodon',
    label: 'Mastodon',
    name: 'แมสโทดอนข่าวชุมชน',
    testable: true,
    fill: async (p) => {
      await p.getByLabel('ที่อยู่เซิร์ฟเวอร์').fill(fakes.mastodon.url);
      await p.getByLabel('โทเค็น').fill(SECRETS.mastodon);
    },
  },
  {
    type: 'telegram',
    label: 'Telegram',
    name: 'ช่องเทเลแกรมข่าว',
    testable: true,
    fill: async (p) => {
      await p.getByLabel('แชต').fill(TELEGRAM_CHAT);
      await p.getByLabel('โทเค็นบอต').fill(SECRETS.telegram);
    },
  },
  {
    type: 'bluesky',
    label: 'Bluesky',
    name: 'บลูสกายข่าวชุมชน',
    testable: true,
    fill: async (p) => {
      await p.getByLabel('ชื่อบัญชี').fill(BSKY.identifier);
      await p.getByLabel('รหัสผ่านสำหรับแอป').fill(SECRETS.blueskyPassword);
    },
  },
];

let storyId = '';
let storyTitle = '';
let xChannel: Channel;

async function channels(): Promise<Channel[]> {
  const res = await platform.http('GET', '/api/v1/social/channels', { token: adminToken });
  return (res.body as { items: Channel[] }).items;
}

async function audit(query: Record<string, string>): Promise<{ action: string; storyId?: string }[]> {
  const res = await platform.http('GET', `/api/v1/ops/audit?${new URLSearchParams(query).toString()}`, {
    token: adminToken,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { items: { action: string; storyId?: string }[] }).items;
}

describe("The admins' room and the social desk in Chromium", () => {
  it('an admin creates a channel of each of the seven types in Thai; test connection passes for each that has one', async () => {
    const { ctx, page, problems } = await newPerson(browser, 'th-TH');
    await logIn(page, platform.baseUrl, TEST_ADMIN, th);
    await page.getByRole('link', { name: 'ช่องทางโซเชียล' }).click();
    await page.waitForURL(/\/studio\/social\/channels$/);
    for (const [i, c] of CHANNELS.entries()) {
      await page.goto(`${platform.baseUrl}/studio/social/channels/new`);
      await page.getByRole('combobox', { name: 'แพลตฟอร์ม' }).click();
      await page.getByRole('option', { name: c.label, exact: true }).click();
      await expect.poll(() => page.getByTestId('type-help').innerText()).not.toBe('');
      await page.getByRole('textbox', { name: /^ชื่อ/ }).first().fill(c.name);
      await c.fill(page);
      if (i === 4) {
        await expectAccessible(page, `new ${c.type} channel (th)`);
        await screenshot(page, 'channel-new-th');
      }
      await page.getByRole('button', { name: 'เพิ่มช่องทาง' }).click();
      await page.waitForURL(/\/studio\/social\/channels\/[0-9a-f]{24}$/);
      expect(await page.getByTestId('credentials-state').innerText()).toBe('ตั้งแล้ว');
      const testButton = page.getByRole('button', { name: `ทดสอบการเชื่อมต่อ: ${c.name}` });
      if (c.testable) {
        await testButton.click();
        const result = page.locator('[data-result]');
        await expect.poll(() => result.getAttribute('data-result'), { timeout: 10_000 }).toBe('ok');
        expect(await result.innerText()).toMatch(/^เชื่อมต่อได้: /);
      } else {
        expect(await testButton.count()).toBe(0);
      }
    }
    const all = await channels();
    expect(all.map((c) => c.type).sort()).toEqual(CHANNELS.map((c) => c.type).sort());
    expect(all.every((c) => c.language === 'th' && c.hasCredentials && !c.needsReauth)).toBe(true);
    // Each platform got exactly its harmless call, and nothing was posted.
    expect(fakes.telegram.calls('POST', /\/getMe$/)).toHaveLength(1);
    expect(fakes.mastodon.calls('GET', /verify_credentials$/)).toHaveLength(1);
    expect(fakes.bluesky.calls('POST', /createSession$/)).toHaveLength(1);
    expect(fakes.line.calls('GET', /\/v2\/bot\/info$/)).toHaveLength(1);
    expect(fakes.facebook.calls('GET', new RegExp(`^/${PAGE_ID}$`))).toHaveLength(1);
    expect(fakes.x.seen).toHaveLength(0);
    for (const f of [fakes.telegram, fakes.mastodon, fakes.bluesky, fakes.line, fakes.facebook]) {
      expect(f.violations).toEqual([]);
    }

    await page.goto(`${platform.baseUrl}/studio/social/channels`);
    await expect.poll(() => page.locator('tr[data-channel]').count()).toBe(7);
    await expectAccessible(page, 'channels (th)');
    await screenshot(page, 'channels-th');
    expect(problems).toEqual([]);
    await ctx.close();

    // The API behind the button: a refused token says so in the platform's words, masked; a webhook has no test.
    const telegram = all.find((c) => c.type === 'telegram')!;
    const wrong = '7000000001:AAHwrongTelegramBotTokenForKhao0009';
    const patched = await platform.http('PATCH', `/api/v1/social/channels/${telegram.id}`, {
      token: adminToken,
      body: { credentials: { botToken: wrong } },
    });
    expect(patched.status).toBe(200);
    const refused = await platform.http('POST', `/api/v1/social/channels/${telegram.id}/test`, { token: adminToken });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ supported: true, ok: false, account: null });
    expect(JSON.stringify(refused.body)).not.toContain(wrong);
    expect(
      (
        await platform.http('PATCH', `/api/v1/social/channels/${telegram.id}`, {
          token: adminToken,
          body: { credentials: { botToken: SECRETS.telegram } },
        })
      ).status,
    ).toBe(200);
    const webhook = all.find((c) => c.type === 'webhook')!;
    const none = await platform.http('POST', `/api/v1/social/channels/${webhook.id}/test`, { token: adminToken });
    expect(none.body).toEqual({ supported: false, ok: false, account: null, error: null });
    const missing = await platform.http('POST', `/api/v1/social/channels/${'0'.repeat(24)}/test`, {
      token: adminToken,
    });
    expect(missing.status).toBe(404);
    xChannel = all.find((c) => c.type === 'x')!;
  });

  it('a post refused with 401 shows the re-authorisation banner; new credentials and a retry post it once', async () => {
    fakes.x.next(X_ERRORS.unauthorized);
    const story = await publishStory(platform, adminToken, { en: false });
    storyId = story.id;
    storyTitle = story.versions.find((v) => v.language === 'th')!.title;
    const settledPosts = await settled(platform, adminToken, storyId, 7, ['sent', 'failed']);
    expect(settledPosts.filter((p) => p.status === 'failed').map((p) => p.channelType)).toEqual(['x']);

    const { ctx, page, problems } = await newPerson(browser, 'th-TH');
    await logIn(page, platform.baseUrl, TEST_ADMIN, th);
    await page.getByRole('link', { name: 'โพสต์โซเชียล' }).click();
    await page.getByRole('combobox', { name: 'ข่าว', exact: true }).fill(storyId);
    await page.getByRole('combobox', { name: 'ข่าว', exact: true }).press('Enter');
    await page.waitForURL(/storyId=/);
    // The pasted id chose the story: no list is left open over the ledger.
    await expect.poll(() => page.getByRole('listbox').isVisible()).toBe(false);
    const banner = page.locator(`[data-reauth="${xChannel.id}"]`);
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.innerText()).toContain(`${xChannel.name} ต้องยืนยันตัวตนใหม่`);
    const xRow = page.locator(`tr[data-post="${storyId}:th:${xChannel.id}"]`);
    expect(await xRow.getAttribute('data-status')).toBe('failed');
    expect(await xRow.getByTestId('error-words').innerText()).toBe('แพลตฟอร์มไม่ยอมรับข้อมูลยืนยันตัวตน ช่องทางต้องยืนยันตัวตนใหม่');
    // The story by its Thai title, linked to the editor; the platform's own words only behind "details", masked.
    const storyLink = xRow.getByTestId('post-story');
    expect(await storyLink.innerText()).toBe(story.versions.find((v) => v.language === 'th')!.title);
    expect(await storyLink.getAttribute('href')).toBe(`/studio/stories/${storyId}`);
    const raw = xRow.getByText('x 401: Unauthorized', { exact: false });
    expect(await raw.isVisible()).toBe(false);
    expect(await banner.innerText()).not.toContain('401');
    await expect.poll(() => page.locator('tr[data-status="sent"]').count()).toBe(6);
    await expectAccessible(page, 'posts with a re-authorisation banner (th)');
    await screenshot(page, 'posts-reauth-th');
    // Whoever needs the platform's own words opens them.
    await xRow.getByText('รายละเอียด', { exact: true }).click();
    expect(await raw.isVisible()).toBe(true);
    expect(await raw.innerText()).not.toContain(SECRETS.x);

    // Retrying before the credentials are replaced is refused with the API's reason.
    await xRow.getByRole('button', { name: 'ลองใหม่' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'update its credentials first' }).count())
      .toBe(1);

    await banner.getByRole('link').click();
    await page.waitForURL(new RegExp(`/studio/social/channels/${xChannel.id}$`));
    await page.getByRole('button', { name: 'เปลี่ยนใหม่' }).click();
    await page.getByLabel('โทเค็น').fill(SECRETS.x);
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await expect.poll(() => page.locator('[data-reauth]').count()).toBe(0);
    expect((await channels()).find((c) => c.id === xChannel.id)?.needsReauth).toBe(false);

    await page.goBack();
    await page.waitForURL(/\/studio\/social\/posts\?storyId=/);
    // The ledger refetches the channels it shows banners for (the save invalidated them): slow on a loaded machine.
    await expect.poll(() => page.locator('[data-reauth]').count(), { timeout: 15_000 }).toBe(0);
    await xRow.getByRole('button', { name: 'ลองใหม่' }).click();
    // Sent, shown without a reload (the live event stream).
    await expect.poll(() => xRow.getAttribute('data-status'), { timeout: 15_000 }).toBe('sent');
    expect(await xRow.getByRole('link', { name: 'เปิด' }).getAttribute('href')).toMatch(/^https:\/\/x\.com\//);
    expect(fakes.x.containing(storyUrl(story, 'th'))).toHaveLength(1);
    expect(fakes.x.duplicatesRefused).toBe(0);

    // The same ledger in English.
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => xRow.locator('td').nth(3).innerText()).toMatch(/^sent$/i);
    // The Thai confirmations shown before the switch do not stay on an English page.
    expect(await page.getByText('เข้าคิวส่งใหม่แล้ว').count()).toBe(0);
    await expectAccessible(page, 'posts (en)');
    await screenshot(page, 'posts-en');
    expect(problems).toEqual([]);
    await ctx.close();

    // The audit trail records the story's events as the gateway's consumer gets them: shortly after.
    const actions = await waitFor(
      async () => {
        const a = (await audit({ storyId })).map((e) => e.action);
        return a.filter((x) => x === 'post.sent').length === 7 ? a : undefined;
      },
      { what: "the story's seven posts in the audit trail" },
    );
    expect(actions).toContain('story.published');
    expect(actions).toContain('post.failed');
    expect(actions).toContain('post.retried');
    expect(actions.filter((a) => a === 'post.sent')).toHaveLength(7);
    expect((await audit({ actorId: (await me()).id })).map((e) => e.action)).toContain('channel.credentials-replaced');
  });

  it('an unconfirmed post is sent again only after the person says they checked the platform', async () => {
    // Telegram takes the message but its answer never arrives: the post is unconfirmed (the Bot API cannot look).
    fakes.telegram.next({ lose: true });
    const story = await publishStory(platform, adminToken, { en: false });
    const all = await settled(platform, adminToken, story.id, 7, ['sent', 'unconfirmed'], 30_000);
    const telegramPost = all.find((p) => p.channelType === 'telegram')!;
    expect(telegramPost.status).toBe('unconfirmed');
    // Someone removed it from the channel by hand: checking, the person does not find it.
    const url = storyUrl(story, 'th');
    for (const [id, m] of fakes.telegram.messages) if (m.text?.includes(url)) fakes.telegram.messages.delete(id);

    const { ctx, page, problems } = await newPerson(browser, 'th-TH');
    await logIn(page, platform.baseUrl, TEST_ADMIN, th);
    await page.goto(`${platform.baseUrl}/studio/social/posts?storyId=${story.id}&status=unconfirmed`);
    const row = page.locator(`tr[data-post="${telegramPost.id}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('error-words').innerText()).toBe('ไม่ได้รับคำตอบ โปรดตรวจที่แพลตฟอร์มก่อนส่งใหม่');
    await row.getByRole('button', { name: 'ตรวจสอบแล้วจัดการ' }).click();
    const dialog = page.getByRole('dialog', { name: 'โพสต์ไปถึง ช่องเทเลแกรมข่าว หรือยัง' });
    const resend = dialog.getByRole('button', { name: 'ส่งใหม่' });
    expect(await resend.isDisabled()).toBe(true);
    await expectAccessible(page, 'resolve an unconfirmed post (th)');
    await screenshot(page, 'post-resolve-th');
    await dialog.getByRole('checkbox', { name: 'ฉันตรวจดูที่ ช่องเทเลแกรมข่าว แล้ว ไม่มีโพสต์นี้' }).check();
    await resend.click();
    await expect.poll(() => dialog.count()).toBe(0);
    await settled(platform, adminToken, story.id, 7, ['sent']);
    expect([...fakes.telegram.messages.values()].filter((m) => m.text?.includes(url))).toHaveLength(1);
    expect(problems).toEqual([]);
    await ctx.close();
    const actions = (await audit({ storyId: story.id })).map((e) => e.action);
    expect(actions).toContain('post.resent-after-check');
  });

  it('a dead letter made by a failing consumer is inspected and replayed from the browser', async () => {
    const type = `test.studio-${run}.happened.v1`;
    const durable = `studio-poison-${run}`;
    let healthy = false;
    const handled: string[] = [];
    const thaiNote = 'ข่าวชุมชนบ้านดุง';
    const consumer = new EventConsumer({
      nc,
      jsm,
      publisher,
      inbox,
      logger,
      durable,
      maxDeliveries: 2,
      backoffMs: [100],
    }).on(defineEvent(type, z.unknown()), (e) => {
      if (!healthy) return Promise.reject(new Error('ปลายทางปฏิเสธเหตุการณ์: downstream refused'));
      handled.push(e.id);
      return Promise.resolve();
    });
    await consumer.start();
    const event = {
      id: randomUUID(),
      type,
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: `corr-${run}`,
      data: { storyId: '0123456789abcdef01234567', note: thaiNote },
    };
    await publisher.publish(event);
    await waitFor(
      async () => {
        const res = await platform.http('GET', `/api/v1/ops/dead-letters?consumer=${durable}`, { token: adminToken });
        return (res.body as { items: unknown[] }).items.length === 1;
      },
      { what: 'the dead letter' },
    );

    const { ctx, page, problems } = await newPerson(browser, 'th-TH');
    await logIn(page, platform.baseUrl, TEST_ADMIN, th);
    await page.getByRole('link', { name: 'เหตุการณ์ที่ค้าง' }).click();
    await page.getByLabel('ผู้รับ').fill(durable);
    await page.getByLabel('ผู้รับ').press('Enter');
    await page.waitForURL(/consumer=/);
    const row = page.locator('tr[data-seq]');
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('button', { name: 'ดูรายละเอียด' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('dead-letter-error').innerText()).toBe('ปลายทางปฏิเสธเหตุการณ์: downstream refused');
    const payload = await dialog.getByTestId('dead-letter-payload').innerText();
    expect(JSON.parse(payload)).toEqual(event);
    // The payload's Thai is drawn in Thai letters, not boxes: monospace fonts have none, Sarabun stands in.
    const drawn = await fontsDrawing(page, '[data-testid="dead-letter-payload"]');
    expect(drawn.Sarabun ?? 0, JSON.stringify(drawn)).toBeGreaterThanOrEqual(
      [...thaiNote].filter((c) => /\p{L}/u.test(c)).length,
    );
    await expectAccessible(page, 'dead letter (th)');
    await screenshot(page, 'dead-letter-th');

    healthy = true;
    await dialog.getByRole('button', { name: 'ส่งกลับ' }).click();
    await page.getByRole('dialog', { name: 'ส่งกลับ 1 เหตุการณ์หรือไม่' }).getByRole('button', { name: 'ยืนยัน' }).click();
    await waitFor(() => handled.length === 1, { what: 'the replayed event handled' });
    expect(handled).toEqual([event.id]);
    await expect.poll(() => page.getByText('ไม่มีเหตุการณ์ค้าง').count()).toBe(1);
    await expectAccessible(page, 'dead letters (th)');
    await consumer.stop();
    await jsm.consumers.delete('KHAO_EVENTS', durable);
    expect(problems).toEqual([]);
    await ctx.close();

    const replays = (await audit({ actorId: (await me()).id })).filter((e) => e.action === 'dead-letter.replayed');
    expect(replays).toHaveLength(1);
    expect(replays[0].storyId).toBe('0123456789abcdef01234567');
  });

  it('an admin adds a user, sets the role, resets the password and disables the account; the last admin stays', async () => {
    const { ctx, page, problems } = await newPerson(browser, 'en-US');
    await logIn(page, platform.baseUrl, TEST_ADMIN, en);
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'Add a user' }).click();
    const add = page.getByRole('dialog', { name: 'Add a user' });
    const email = `somsri-${run}@khao.test`;
    await add.getByLabel('E-mail').fill(email);
    await add.getByLabel('Name').fill('สมศรี รักชุมชน');
    await add.getByLabel('Role').click();
    await page.getByRole('option', { name: 'Editor' }).click();
    await add.getByLabel('Initial password').fill('รหัสผ่านเริ่มต้นของสมศรี');
    await expectAccessible(page, 'add a user (en)');
    await add.getByRole('button', { name: 'Add' }).click();
    const row = page.locator(`tr[data-user="${email}"]`);
    await expect.poll(() => row.count()).toBe(1);

    await row.getByLabel('Role of สมศรี รักชุมชน').click();
    await page.getByRole('option', { name: 'Translator' }).click();
    await expect.poll(async () => (await userByEmail(email))?.role).toBe('translator');

    await row.getByRole('button', { name: 'Reset password' }).click();
    const reset = page.getByRole('dialog', { name: 'A new password for สมศรี รักชุมชน' });
    await reset.getByLabel('New password').fill('รหัสผ่านใหม่ที่ยาวพอสำหรับสมศรี');
    await reset.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => reset.count()).toBe(0);
    await bearerLogin(platform, { email, password: 'รหัสผ่านใหม่ที่ยาวพอสำหรับสมศรี' });

    await row.getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('dialog', { name: 'Disable สมศรี รักชุมชน?' }).getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => row.innerText()).toMatch(/disabled/i);
    expect((await userByEmail(email))?.disabled).toBe(true);
    const login = await platform.http('POST', '/api/v1/auth/login', {
      body: { email, password: 'รหัสผ่านใหม่ที่ยาวพอสำหรับสมศรี' },
    });
    expect(login.status).toBe(401);

    // The only active admin cannot disable their own account: the API's reason is shown.
    const adminRow = page.locator(`tr[data-user="${TEST_ADMIN.email}"]`);
    await adminRow.getByRole('button', { name: 'Disable' }).click();
    const confirm = page.getByRole('dialog', { name: /^Disable / });
    await confirm.getByRole('button', { name: 'Disable' }).click();
    await expect
      .poll(() => confirm.getByRole('alert').innerText())
      .toContain('the last active admin cannot be disabled or lose the admin role');
    await expectAccessible(page, 'the last admin refused (en)');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expectAccessible(page, 'users (en)');
    await screenshot(page, 'users-en');

    await page.getByText('ไทย', { exact: true }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('ผู้ใช้');
    await expectAccessible(page, 'users (th)');
    await screenshot(page, 'users-th');
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('the health page shows every dependency and service with the live figures, in Thai and English', async () => {
    const { ctx, page, problems } = await newPerson(browser, 'th-TH');
    await logIn(page, platform.baseUrl, TEST_ADMIN, th);
    await page.getByRole('link', { name: 'สถานะระบบ' }).click();
    for (const dep of ['nats', 'mongodb', 'minio']) {
      await expect
        .poll(() => page.locator(`[data-dependency="${dep}"] [data-state]`).getAttribute('data-state'))
        .toBe('up');
    }
    for (const svc of ['articles', 'media', 'translation', 'social']) {
      expect(await page.locator(`[data-service="${svc}"] [data-state]`).getAttribute('data-state')).toBe('up');
    }
    const gatewayConsumer = page.locator(`[data-consumer="gateway-${platform.suffix}"]`);
    await expect.poll(() => gatewayConsumer.count()).toBe(1);
    // The ledger's figures are the API's: the two stories' fourteen posts sent, none failed any more.
    const counts = page.getByTestId('post-counts');
    expect(await counts.locator('tr', { hasText: 'ส่งแล้ว' }).locator('td').innerText()).toBe('14');
    expect(await counts.locator('tr', { hasText: 'ไม่สำเร็จ' }).locator('td').innerText()).toBe('0');
    expect(await page.getByTestId('job-counts').locator('tr').count()).toBe(6);
    await expectAccessible(page, 'health (th)');
    await screenshot(page, 'health-th');
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Health');
    await expectAccessible(page, 'health (en)');
    await screenshot(page, 'health-en');
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('the audit trail shows who did what to a story, filtered by story and by person', async () => {
    const { ctx, page, problems } = await newPerson(browser, 'th-TH');
    await logIn(page, platform.baseUrl, TEST_ADMIN, th);
    await page.goto(`${platform.baseUrl}/studio/admin/audit?storyId=${storyId}`);
    const table = page.getByTestId('audit');
    await expect.poll(() => table.locator('tr[data-action="story.published"]').count()).toBe(1);
    expect(await table.locator('tr[data-action="post.sent"]').count()).toBe(7);
    expect(await table.locator('tr[data-action="post.retried"]').innerText()).toContain('ลองโพสต์ใหม่');
    // Each row names the story by its title, linked to it, not by its id.
    const about = table.locator('tr[data-action="post.sent"] td').nth(3).first();
    expect(await about.innerText()).toBe(storyTitle);
    expect(await about.getByRole('link').getAttribute('href')).toBe(`/studio/stories/${storyId}`);
    // A failed post says what went wrong in the ledger's words, the platform's text folded behind "details", and
    // names the platform and the language, never a raw key or the channel's id.
    const failed = table.locator('tr[data-action="post.failed"]').first();
    expect(await failed.getByTestId('audit-error-words').innerText()).toBe(
      'แพลตฟอร์มไม่ยอมรับข้อมูลยืนยันตัวตน ช่องทางต้องยืนยันตัวตนใหม่',
    );
    expect(await failed.getByTestId('audit-details').innerText()).toMatch(/ภาษาไทย\s*·\s*X/);
    expect(await failed.innerText()).not.toMatch(/channelType|error:|401/);
    expect(await failed.innerText()).not.toContain(xChannel.id);
    const admin = (await me()) as { id: string; name: string; email: string };
    expect(await table.locator('tr[data-action="story.published"] td').nth(1).innerText()).toBe(
      admin.name || admin.email,
    );
    await expectAccessible(page, 'audit by story (th)');
    await screenshot(page, 'audit-th');
    // The story filter shows the story's title, and finds another by a few words of its title.
    expect(await page.getByRole('combobox', { name: 'ข่าว', exact: true }).inputValue()).toBe(storyTitle);
    const riceBank = await publishStory(platform, adminToken, {
      th: { title: 'ธนาคารข้าวชุมชนบ้านนาคูณเปิดรับสมาชิกใหม่' },
      en: false,
    });
    await page.getByRole('combobox', { name: 'ข่าว', exact: true }).fill('ธนาคารข้าว');
    await page.getByRole('option', { name: 'ธนาคารข้าวชุมชนบ้านนาคูณเปิดรับสมาชิกใหม่' }).click();
    await page.waitForURL(new RegExp(`storyId=${riceBank.id}`));
    await expect.poll(() => table.locator('tr[data-action="story.published"]').count()).toBe(1);

    await page.goto(`${platform.baseUrl}/studio/admin/audit`);
    await page.getByRole('combobox', { name: 'ผู้ใช้' }).click();
    await page.getByRole('option', { name: new RegExp(`^ผู้ใช้ author`) }).click();
    await page.waitForURL(/actorId=/);
    // The author has only logged in (the browser test below has not run yet): nothing of the admin's shows.
    await expect.poll(() => page.getByText('ไม่มีบันทึกที่ตรงกับเงื่อนไข').count()).toBe(1);
    await page.getByText('English', { exact: true }).click();
    await page.goto(`${platform.baseUrl}/studio/admin/audit?actorId=${(await me()).id}`);
    await expect.poll(() => page.getByTestId('audit').locator('tr[data-action="channel.created"]').count()).toBe(7);
    await expectAccessible(page, 'audit by person (en)');
    await screenshot(page, 'audit-en');
    // A date range that ends before today leaves nothing; a malformed one is a 400, not a 500.
    expect(await audit({ to: '2017-04-11' })).toEqual([]);
    const bad = await platform.http('GET', '/api/v1/ops/audit?from=10-04-2017', { token: adminToken });
    expect(bad.status).toBe(400);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('an author sees no admin room and no social desk; forced requests get 403', async () => {
    const { ctx, page, problems } = await newPerson(browser, 'en-US');
    await logIn(page, platform.baseUrl, author, en);
    const menu = page.getByRole('navigation', { name: 'Main menu' });
    expect(await menu.getByRole('link').allInnerTexts()).toEqual(['Stories', 'Photos']);
    await page.goto(`${platform.baseUrl}/studio/admin/users`);
    await expect.poll(() => page.getByTestId('forbidden').count()).toBe(1);
    await expectAccessible(page, 'forbidden (en)');
    await screenshot(page, 'forbidden-author-en');
    const statuses = await page.evaluate(`(async () => {
      const s = await (await fetch('/api/v1/auth/session')).json();
      const h = { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken };
      const codes = {};
      for (const [method, path] of [
        ['GET', '/api/v1/users'],
        ['GET', '/api/v1/ops/status'],
        ['GET', '/api/v1/ops/audit'],
        ['GET', '/api/v1/ops/dead-letters'],
        ['POST', '/api/v1/ops/dead-letters/1/replay'],
        ['GET', '/api/v1/social/channels'],
        ['POST', '/api/v1/social/channels/${xChannel.id}/test'],
        ['GET', '/api/v1/social/posts'],
      ]) {
        const res = await fetch(path, { method, headers: h, body: method === 'POST' ? '{}' : undefined });
        codes[method + ' ' + path] = res.status;
      }
      return codes;
    })()`);
    expect(Object.values(statuses as Record<string, number>)).toEqual(Array(8).fill(403));
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('the ledger stays live across a session that ended: the stream reopens, fetches what it missed, hears the next', async () => {
    fakes.webhook.next({ status: 422, body: { error: 'the receiver refused the payload' } });
    fakes.mastodon.next({ status: 422, body: { error: 'Validation failed: ข้อความไม่ผ่านการตรวจ' } });
    const story = await publishStory(platform, adminToken, { en: false });
    const all = await settled(platform, adminToken, story.id, 7, ['sent', 'failed']);
    const failedOf = (type: string) => all.find((p) => p.channelType === type && p.status === 'failed')!;
    const [webhookPost, mastodonPost] = [failedOf('webhook'), failedOf('mastodon')];
    const retry = async (id: string) =>
      expect((await platform.http('POST', `/api/v1/social/posts/${id}/retry`, { token: adminToken })).status).toBe(200);
    const sentOnApi = (id: string) =>
      waitFor(
        async () =>
          (await posts(platform, adminToken, { storyId: story.id })).find((p) => p.id === id)?.status === 'sent'
            ? true
            : undefined,
        { what: `post ${id} sent` },
      );

    const { ctx, page, problems } = await newPerson(browser, 'th-TH');
    await logIn(page, platform.baseUrl, TEST_ADMIN, th);
    await page.goto(`${platform.baseUrl}/studio/social/posts?storyId=${story.id}`);
    const status = (id: string) => page.locator(`tr[data-post="${id}"]`).getAttribute('data-status');
    await expect.poll(() => status(webhookPost.id)).toBe('failed');
    expect(await page.locator(`tr[data-post="${webhookPost.id}"]`).getByTestId('error-words').innerText()).toBe(
      'แพลตฟอร์มไม่รับโพสต์นี้',
    );

    // The person's session ends (logged out in another tab); the page's stream is refused from then on (401).
    const session = `${platform.baseUrl}/api/v1/auth/session`;
    const { csrfToken } = (await (await ctx.request.get(session)).json()) as { csrfToken: string };
    expect((await ctx.request.delete(session, { headers: { 'x-csrf-token': csrfToken } })).status()).toBe(204);
    // Meanwhile the webhook post is sent again: an event that page never hears. Its stream ends at that event, and
    // the browser's own reconnection is refused (no session): the EventSource is closed for good.
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/events/stream') && r.status() === 401, {
      timeout: 30_000,
    });
    await retry(webhookPost.id);
    await sentOnApi(webhookPost.id);
    await refused;
    expect(await status(webhookPost.id)).toBe('failed');

    // A new log-in (in the other tab): the page, never reloaded, opens its stream again and fetches what it missed…
    const login = await ctx.request.post(session, { data: { email: TEST_ADMIN.email, password: TEST_ADMIN.password } });
    expect(login.status()).toBe(200);
    await expect.poll(() => status(webhookPost.id), { timeout: 45_000 }).toBe('sent');
    // …and hears the next event as it happens.
    await retry(mastodonPost.id);
    await expect.poll(() => status(mastodonPost.id), { timeout: 15_000 }).toBe('sent');
    expect(problems).toEqual([]);
    await ctx.close();
  });
});

async function me(): Promise<{ id: string }> {
  return (await platform.http('GET', '/api/v1/auth/me', { token: adminToken })).body as { id: string };
}

async function userByEmail(email: string): Promise<{ role: string; disabled: boolean } | undefined> {
  const res = await platform.http('GET', '/api/v1/users', { token: adminToken });
  return (res.body as { email: string; role: string; disabled: boolean }[]).find((u) => u.email === email);
}
