import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, CompletedUpload, PreviewItem, Story } from '@khao/contracts';
import { TestPlatform, waitFor } from '@khao/testing';
import { createStory, thaiStory } from '../articles/helpers.js';
import { photo, uploadMultipart } from '../media/helpers.js';
import { allFakes, channelInputs, SECRETS, socialEnv, startFakes, stopFakes, type Fakes } from './fakes.js';
import { addChannel, posts, PUBLIC, settled, storyUrl } from './helpers.js';

// A story with a cover photo, through the real path: the photo uploaded through the gateway and processed by the
// media service, resolved by the social service (media.resolve.v1), and posted with it where the platform takes it.
const bucket = `media-${randomBytes(4).toString('hex')}`;
let fakes: Fakes;
let platform: TestPlatform;
let token: string;
let cover: CompletedUpload;
const ch: Record<string, Channel> = {};
const LINE_USER = `U${'4f'.repeat(16)}`;

const title = 'ชาวบ้านหนองบัวร่วมสร้างบ้านมั่นคงริมหนองประจักษ์ หลังเวทีสองวันที่ศาลากลาง';
// A long Thai summary (within the 1000 characters a version allows): the text no longer fits a 1024-character caption.
const sentences = [
  'เวทีสองวันที่ศาลากลางจังหวัดอุดรธานี ชาวบ้านกว่าสองร้อยคนจากสิบสองชุมชนร่วมกำหนดแผนบ้านมั่นคง',
  'ทีมสำรวจของชุมชนเดินเก็บข้อมูลครัวเรือนทุกหลังคาเรือน ทั้งรายได้ หนี้สิน และสภาพบ้านที่อยู่อาศัย',
  'กลุ่มออมทรัพย์เพื่อที่อยู่อาศัยตั้งขึ้นแล้วในทุกชุมชน สมาชิกออมเงินวันละยี่สิบบาทอย่างสม่ำเสมอ',
  'ผู้แทนชุมชนเสนอแผนต่อผู้ว่าราชการจังหวัด ขอเช่าที่ดินสาธารณะระยะยาวเพื่อสร้างบ้านใหม่ที่มั่นคง',
  'สถาบันพัฒนาองค์กรชุมชนรับจะสนับสนุนงบอุดหนุนสาธารณูปโภคและสินเชื่อดอกเบี้ยต่ำให้กับสหกรณ์',
  'นางสมหมาย ใจงาม ผู้แทนชุมชนกล่าวว่า เราอยากมีบ้านที่มั่นคง ไม่ต้องกลัวถูกไล่ที่อีกต่อไป ลูกหลานจะได้มีอนาคต',
  'เทศบาลนครอุดรธานีจะช่วยออกแบบผังชุมชนใหม่ให้มีทางเดินริมน้ำ สวนสาธารณะ และลานกิจกรรมของผู้สูงอายุ',
  'การก่อสร้างระยะแรกจะเริ่มในต้นปีหน้า สามสิบหลังคาเรือนที่เดือดร้อนที่สุดจะได้ย้ายเข้าก่อน',
  'ชาวบ้านจะร่วมลงแรงสร้างบ้านกันเองเพื่อลดค่าใช้จ่าย และใช้วัสดุในท้องถิ่นให้มากที่สุดเท่าที่ทำได้',
  'ทุกเดือนจะมีเวทีติดตามความคืบหน้า เปิดให้ทุกคนในชุมชนตรวจสอบบัญชีของกลุ่มออมทรัพย์ได้',
  'เครือข่ายบ้านมั่นคงจากจังหวัดใกล้เคียงจะมาเยี่ยมและแลกเปลี่ยนบทเรียนกับชุมชนในเดือนหน้า',
];
const summary = sentences.join(' ').slice(0, 1000);

const upload = async (bytes: Buffer) => {
  const res = await uploadMultipart(platform, token, bytes);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const asset = res.body as CompletedUpload;
  return waitFor(
    async () => {
      const got = await platform.http('GET', `/api/v1/media/${asset.id}`, { token });
      const a = got.body as CompletedUpload;
      return a.status === 'ready' && a.shareImage ? a : undefined;
    },
    { what: 'the photo to be processed' },
  );
};

/** Enables exactly these channels. */
async function only(...names: string[]): Promise<void> {
  for (const [name, c] of Object.entries(ch)) {
    const res = await platform.http('PATCH', `/api/v1/social/channels/${c.id}`, {
      token,
      body: { enabled: names.includes(name) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}

async function publishWithCover(th: Record<string, string> = {}): Promise<Story> {
  const created = await createStory(
    platform,
    token,
    thaiStory({ coverMediaId: cover.id, version: { ...thaiStory().version, title, summary, ...th } }),
  );
  const res = await platform.http('POST', `/api/v1/articles/${created.id}/versions/th/publish`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Story;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  fakes = await startFakes();
  platform = new TestPlatform({
    services: ['articles', 'media', 'social'],
    env: {
      articles: { PUBLIC_BASE_URL: PUBLIC },
      media: { S3_BUCKET: bucket, MEDIA_AVIF: 'false' },
      social: socialEnv(fakes, { PUBLIC_BASE_URL: PUBLIC, SOCIAL_MEDIA_TIMEOUT_MS: '10000' }),
    },
  });
  await platform.start();
  token = await platform.adminToken();
  cover = await upload(await photo({ width: 2400, height: 1600 }));
  const inputs = channelInputs(fakes, 'th');
  ch.telegramPhoto = await addChannel(platform, token, inputs.telegram);
  ch.telegramText = await addChannel(platform, token, {
    ...inputs.telegram,
    name: 'Telegram th (text only)',
    options: { chatId: inputs.telegram.options.chatId, sendPhoto: false },
  });
  ch.bluesky = await addChannel(platform, token, inputs.bluesky);
  ch.lineBroadcast = await addChannel(platform, token, inputs.line_oa);
  ch.linePush = await addChannel(platform, token, {
    ...inputs.line_oa,
    name: 'LINE th (push to the editors group)',
    options: { mode: 'push', to: LINE_USER },
  });
});
afterAll(async () => {
  await platform?.stop();
  await stopFakes(fakes);
});

describe('a story with a cover photo', () => {
  let story: Story;
  let url: string;

  it('posts to every channel once', async () => {
    story = await publishWithCover();
    url = storyUrl(story, 'th');
    const sent = await settled(platform, token, story.id, 5);
    for (const p of sent) expect(p.attempts, p.channelType).toBe(1);
    for (const f of allFakes(fakes)) expect(f.violations).toEqual([]);
  });

  it('Telegram: sendPhoto with the 1200×630 share image and the text cut to the 1024-character caption limit', async () => {
    const [call, ...more] = fakes.telegram.calls('POST', /\/sendPhoto$/);
    expect(more).toHaveLength(0);
    expect(call.path).toBe(`/bot${SECRETS.telegram}/sendPhoto`);
    expect(Object.keys(call.body).sort()).toEqual(['caption', 'chat_id', 'photo']);
    expect(call.body.photo).toBe(cover.shareImage!.url);
    const caption = String(call.body.caption);
    expect(caption.length).toBeLessThanOrEqual(1024);
    expect(caption.startsWith(`${title}\n\n${sentences[0]}`)).toBe(true);
    expect(caption).toContain(`…\n\n${url}`); // the summary was cut (on a word boundary), the link kept whole
    expect(caption).not.toContain(summary);
    // Telegram fetched the photo from the URL: a real 1200×630 JPEG.
    const [message] = [...fakes.telegram.messages.values()].filter((m) => m.photo);
    const meta = await sharp(message.photoBytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
    // The ledger keeps the caption as posted; the preview counts it against 1024.
    const ledger = (await posts(platform, token, { storyId: story.id })).find(
      (p) => p.channelId === ch.telegramPhoto.id,
    );
    expect(ledger?.text).toBe(caption);
    const preview = await platform.http('POST', '/api/v1/social/preview', {
      token,
      body: { storyId: story.id, language: 'th', channelId: ch.telegramPhoto.id },
    });
    expect((preview.body as { items: PreviewItem[] }).items[0]).toMatchObject({ limit: 1024, truncated: true });
  });

  it('Telegram with sendPhoto: false sends the whole text with sendMessage', async () => {
    const texts = fakes.telegram.calls('POST', /\/sendMessage$/).map((c) => String(c.body.text));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain(summary);
    expect(texts[0]).toContain(url);
    expect(texts[0].length).toBeGreaterThan(1024);
    expect(texts[0].length).toBeLessThanOrEqual(4096);
  });

  it('Bluesky: the share image uploaded with uploadBlob, its blob ref the card’s thumb', async () => {
    const shareBytes = Buffer.from(await (await fetch(cover.shareImage!.url)).arrayBuffer());
    const [upload, ...more] = fakes.bluesky.calls('POST', /uploadBlob$/);
    expect(more).toHaveLength(0);
    expect(upload.headers['content-type']).toBe('image/jpeg');
    expect(sha256(upload.bytes)).toBe(sha256(shareBytes));
    const [create] = fakes.bluesky.calls('POST', /createRecord$/);
    // Both with the session's access token (the fake refuses any other).
    expect(upload.headers.authorization).toMatch(/^Bearer access-\d+-/);
    expect(create.headers.authorization).toBe(upload.headers.authorization);
    const record = (create.body as { record: { embed: { $type: string; external: Record<string, unknown> } } }).record;
    const [[cid, blob]] = [...fakes.bluesky.blobs];
    expect(record.embed).toEqual({
      $type: 'app.bsky.embed.external',
      external: {
        uri: url,
        title,
        description: summary,
        thumb: { $type: 'blob', ref: { $link: cid }, mimeType: 'image/jpeg', size: shareBytes.length },
      },
    });
    expect(cid).toMatch(/^bafkrei[a-z2-7]{52}$/);
    expect(sha256(blob.bytes)).toBe(sha256(shareBytes));
  });

  it('LINE: the test media URLs are http, which LINE refuses: the text goes alone and the log says why', async () => {
    const [broadcast] = fakes.line.calls('POST', /\/broadcast$/);
    expect((broadcast.body as { messages: unknown[] }).messages).toEqual([
      { type: 'text', text: expect.stringContaining(url) as string },
    ]);
    const logs = platform.proc('social').output();
    expect(logs).toContain('LINE: cover image left out: LINE takes only https image URLs');
  });

  it('LINE push: one POST /v2/bot/message/push to the configured id, with a retry key', async () => {
    const pushes = fakes.line.calls('POST', /\/push$/);
    expect(pushes).toHaveLength(1);
    const [push] = pushes;
    expect(push.path).toBe('/v2/bot/message/push');
    expect(push.headers.authorization).toBe(`Bearer ${SECRETS.line}`);
    expect(push.headers['x-line-retry-key']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(push.body).toEqual({
      to: LINE_USER,
      messages: [{ type: 'text', text: expect.stringContaining(url) as string }],
    });
    // Its own key, not the broadcast channel's: each (story, language, channel) is one post.
    const [broadcast] = fakes.line.calls('POST', /\/broadcast$/);
    expect(broadcast.headers['x-line-retry-key']).not.toBe(push.headers['x-line-retry-key']);
    const post = (await posts(platform, token, { storyId: story.id })).find((p) => p.channelId === ch.linePush.id);
    expect(post).toMatchObject({ status: 'sent', attempts: 1, externalId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    // Nothing more arrives later (no second push for the same post).
    await new Promise((r) => setTimeout(r, 1000));
    expect(fakes.line.calls('POST', /\/push$/)).toHaveLength(1);
    expect(fakes.line.accepted.get(String(push.headers['x-line-retry-key']))).toMatchObject({
      mode: 'push',
      to: LINE_USER,
    });
  });
});

describe('when Telegram cannot use the photo', () => {
  it('it answers 400 "failed to get HTTP URL content": nothing was posted, so the text goes with sendMessage', async () => {
    await only('telegramPhoto');
    for (const f of allFakes(fakes)) f.reset();
    fakes.telegram.next({
      status: 400,
      body: { ok: false, error_code: 400, description: 'Bad Request: failed to get HTTP URL content' },
    });
    const story = await publishWithCover({ title: 'ภาพจากเวทีหนองบัวส่งไม่ได้ ข่าวยังต้องไปถึงผู้อ่าน' });
    const [post] = await settled(platform, token, story.id, 1);
    expect(post.attempts).toBe(1);
    expect(fakes.telegram.calls('POST', /\/sendPhoto$/)).toHaveLength(1);
    const texts = fakes.telegram.calls('POST', /\/sendMessage$/);
    expect(texts).toHaveLength(1);
    expect(String(texts[0].body.text)).toContain(storyUrl(story, 'th'));
    expect(post.externalId).toBe(String([...fakes.telegram.messages.keys()].at(-1)));
    expect(fakes.telegram.violations).toEqual([]);
  });
});

describe('media served over https (a CDN in front of the public prefix)', () => {
  it('LINE gets an image message: the share image, the smallest JPEG rendition as the preview', async () => {
    const httpBase = cover.shareImage!.url.slice(0, cover.shareImage!.url.indexOf('/public/') + '/public'.length);
    const cdn = `https://cdn.example.org/${bucket}/public`;
    await platform.restart('media', { MEDIA_PUBLIC_BASE_URL: cdn });
    await only('lineBroadcast');
    for (const f of allFakes(fakes)) f.reset();
    const story = await publishWithCover({ title: 'ภาพปกผ่าน https ไปถึงผู้ติดตาม LINE' });
    await settled(platform, token, story.id, 1);
    const [accepted] = fakes.line.containing(storyUrl(story, 'th'));
    const smallest = cover.renditions.filter((r) => r.format === 'jpeg').sort((a, b) => a.width - b.width)[0];
    expect(smallest.bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(accepted.messages).toEqual([
      { type: 'text', text: expect.stringContaining(storyUrl(story, 'th')) as string },
      {
        type: 'image',
        originalContentUrl: cover.shareImage!.url.replace(httpBase, cdn),
        previewImageUrl: smallest.url.replace(httpBase, cdn),
      },
    ]);
    expect(fakes.line.violations).toEqual([]);
  });
});
