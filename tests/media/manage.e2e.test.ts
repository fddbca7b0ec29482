import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaEvents, MediaRpc, type CompletedUpload, type MediaAsset } from '@khao/contracts';
import { ServiceProcess, waitFor } from '@khao/testing';
import { createStory, thaiStory, userToken } from '../articles/helpers.js';
import { expectCreated, listKeys, photo, s3, uploadMultipart, MediaTestbed } from './helpers.js';

// Metadata, roles and delete, with the articles service answering which stories use an image.
const bed = new MediaTestbed({ services: ['media', 'articles'] });
const { platform, bucket } = bed;
let admin: string;

beforeAll(async () => {
  await bed.start();
  admin = bed.token;
});
afterAll(() => bed.stop());

const upload = async (token: string, name = 'IMG_3551.jpg') =>
  expectCreated(await uploadMultipart(platform, token, await photo({ width: 1600, height: 1200 }), name));

async function pixels(url: string) {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  const { data, info } = await sharp(Buffer.from(await res.arrayBuffer()))
    .raw()
    .toBuffer({ resolveWithObject: true });
  return (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
}

describe('who may do what with images', () => {
  it('authors upload and edit their own; translators read and translate captions and alt only', async () => {
    const author = await userToken(platform, admin, 'author');
    const other = await userToken(platform, admin, 'author');
    const translator = await userToken(platform, admin, 'translator');
    const mine = await upload(author.token, 'author.jpg');
    expect(mine.createdBy).toBe(author.id);

    expect((await uploadMultipart(platform, translator.token, await photo(), 'x.jpg')).status).toBe(403);
    expect((await platform.http('POST', '/api/v1/media/uploads', { token: translator.token, body: {} })).status).toBe(
      403,
    );
    expect((await platform.http('GET', `/api/v1/media/${mine.id}`, { token: translator.token })).status).toBe(200);
    const translated = await platform.http('PATCH', `/api/v1/media/${mine.id}`, {
      token: translator.token,
      body: { captions: { en: 'Savings group meeting in Nong Bua' } },
    });
    expect(translated.status, JSON.stringify(translated.body)).toBe(200);
    const credit = await platform.http('PATCH', `/api/v1/media/${mine.id}`, {
      token: translator.token,
      body: { credit: 'someone else' },
    });
    expect(credit.status).toBe(403);

    const own = await platform.http('PATCH', `/api/v1/media/${mine.id}`, {
      token: author.token,
      body: { captions: { th: 'ประชุมกลุ่มออมทรัพย์บ้านหนองบัว' } },
    });
    expect(own.status).toBe(200);
    expect((own.body as MediaAsset).captions).toEqual({
      th: 'ประชุมกลุ่มออมทรัพย์บ้านหนองบัว',
      en: 'Savings group meeting in Nong Bua',
    });
    expect(
      (await platform.http('PATCH', `/api/v1/media/${mine.id}`, { token: other.token, body: { credit: 'x' } })).status,
    ).toBe(403);
    expect((await platform.http('DELETE', `/api/v1/media/${mine.id}`, { token: author.token })).status).toBe(403);
    expect((await platform.http('GET', `/api/v1/media/${mine.id}`)).status).toBe(401);
  });

  it('bad metadata is a 400 naming the field', async () => {
    const img = await upload(admin);
    const res = await platform.http('PATCH', `/api/v1/media/${img.id}`, {
      token: admin,
      body: { focalPoint: { x: 1.5, y: 0.2 }, colour: 'red' },
    });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toMatch(/focalPoint\.x: must be between 0 and 1/);
    expect((await platform.http('GET', '/api/v1/media/not-an-id', { token: admin })).status).toBe(400);
    expect((await platform.http('GET', '/api/v1/media/0123456789abcdef01234567', { token: admin })).status).toBe(404);
  });
});

describe('editing metadata', () => {
  it('moving the focal point makes a new share image cropped around it, and says so with media.updated.v1', async () => {
    const img: CompletedUpload = await upload(admin);
    // The photo (1600×1200) has a red block in its top-left quarter. Scaled to cover 1200×630 it is 1200×900, so the
    // crop can only move vertically: centred it starts 135 px down and row 100 is below the block; around a focal
    // point near the top it starts at 0 and row 100 is inside it.
    const before = await pixels(img.shareImage!.url);
    expect(before(5, 100)[0]).toBeLessThan(200);
    const res = await platform.http('PATCH', `/api/v1/media/${img.id}`, {
      token: admin,
      body: { focalPoint: { x: 0.05, y: 0.05 }, credit: 'ภาพ: สภาองค์กรชุมชนตำบลหนองบัว' },
    });
    expect(res.status).toBe(200);
    const after = res.body as MediaAsset;
    expect(after.focalPoint).toEqual({ x: 0.05, y: 0.05 });
    expect(after.shareImage!.url).not.toBe(img.shareImage!.url);
    const [r, g, b] = (await pixels(after.shareImage!.url))(5, 100);
    expect(r).toBeGreaterThan(200);
    expect(g + b).toBeLessThan(100);
    expect((await fetch(img.shareImage!.url)).status).not.toBe(200); // the old one is gone
    const resolved = await bed.rpc.request(MediaRpc.resolve, { ids: [img.id], language: 'en' });
    expect(resolved.items[0]).toMatchObject({
      credit: 'ภาพ: สภาองค์กรชุมชนตำบลหนองบัว',
      focalPoint: { x: 0.05, y: 0.05 },
      shareImage: { url: after.shareImage!.url },
    });
    await waitFor(async () => {
      const e = await bed.tap.events<{ mediaId: string }>(
        [MediaEvents.updated.subject],
        (x) => x.data.mediaId === img.id,
      );
      return e.length === 1;
    });
  });
});

describe('deleting an image', () => {
  it('is refused while a published story shows it; drafts do not hold it; force removes every file', async () => {
    const cover = await upload(admin, 'cover.jpg');
    const inDraft = await upload(admin, 'gallery.jpg');
    const live = await createStory(platform, admin, thaiStory({ coverMediaId: cover.id }));
    const published = await platform.http('POST', `/api/v1/articles/${live.id}/versions/th/publish`, {
      token: admin,
      body: {},
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const draft = await createStory(platform, admin, thaiStory({ galleryMediaIds: [inDraft.id, cover.id] }));

    const refused = await platform.http('DELETE', `/api/v1/media/${cover.id}`, { token: admin });
    expect(refused.status).toBe(409);
    expect((refused.body as { message: string }).message).toMatch(/published or scheduled story.*force=true/);
    expect((refused.body as { details: { stories: unknown[] } }).details.stories).toEqual([
      { storyId: live.id, as: ['cover'], live: ['th'] },
    ]);
    expect((await fetch(cover.renditions[0].url)).status).toBe(200); // untouched

    // Only a draft uses this one: it may go.
    const gone = await platform.http('DELETE', `/api/v1/media/${inDraft.id}`, { token: admin });
    expect(gone.status, JSON.stringify(gone.body)).toBe(200);
    expect(draft.galleryMediaIds).toContain(inDraft.id);

    const forced = await platform.http('DELETE', `/api/v1/media/${cover.id}?force=true`, { token: admin });
    expect(forced.status).toBe(200);
    expect(forced.body).toEqual({ id: cover.id, deleted: true });

    for (const img of [cover, inDraft]) {
      expect((await platform.http('GET', `/api/v1/media/${img.id}`, { token: admin })).status).toBe(404);
      expect(await listKeys(s3(), bucket, `public/${img.sha256}/`)).toEqual([]);
      expect(await listKeys(s3(), bucket, `originals/${img.id}`)).toEqual([]);
      expect((await fetch(img.renditions[0].url)).status).not.toBe(200);
    }
    expect((await bed.rpc.request(MediaRpc.resolve, { ids: [cover.id], language: 'th' })).items).toEqual([]);
    const me = (await platform.http('GET', '/api/v1/auth/me', { token: admin })).body as { id: string };
    const deleted = await waitFor(async () => {
      const e = await bed.tap.events<{ mediaId: string; by: string }>([MediaEvents.deleted.subject], (x) =>
        [cover.id, inDraft.id].includes(x.data.mediaId),
      );
      return e.length === 2 ? e : undefined;
    });
    expect(deleted.map((e) => e.data.by)).toEqual([me.id, me.id]);
    // The same bytes may be uploaded again as a new image.
    expect((await platform.http('DELETE', `/api/v1/media/${cover.id}`, { token: admin })).status).toBe(404);
  });

  it('without the articles service it cannot tell who uses the image: 503, nothing deleted', async () => {
    const img = await upload(admin, 'lonely.jpg');
    await platform.proc('articles').stop();
    try {
      const res = await platform.http('DELETE', `/api/v1/media/${img.id}`, { token: admin });
      expect(res.status).toBe(503);
      expect((await platform.http('GET', `/api/v1/media/${img.id}`, { token: admin })).status).toBe(200);
    } finally {
      await platform.restart('articles');
    }
  });
});

describe('two media replicas', () => {
  it('both show a caption change and a delete at once, whichever of them made it', async () => {
    // A second replica in the same queue group: resolve requests go to either, and each keeps its own cache.
    const second = new ServiceProcess('media', platform.envFor('media'), 'media-2');
    await second.start();
    try {
      const img = await upload(admin, 'replicas.jpg');
      const resolveMany = async () => {
        const replies = await Promise.all(
          Array.from({ length: 20 }, () => bed.rpc.request(MediaRpc.resolve, { ids: [img.id], language: 'th' })),
        );
        return replies.map((r) => r.items[0]?.caption ?? null);
      };
      // Warm both replicas' caches: 20 requests reach both but for a chance of one in half a million.
      expect(new Set(await resolveMany())).toEqual(new Set(['']));

      const caption = 'ชาวบ้านหนองบัวประชุมวางแผนบ้านมั่นคง';
      const patched = await platform.http('PATCH', `/api/v1/media/${img.id}`, {
        token: admin,
        body: { captions: { th: caption } },
      });
      expect(patched.status).toBe(200);
      await waitFor(async () => (await resolveMany()).every((c) => c === caption), {
        what: 'the new caption from both replicas',
        timeoutMs: 5000,
        intervalMs: 50,
      });

      const del = await platform.http('DELETE', `/api/v1/media/${img.id}?force=true`, { token: admin });
      expect(del.status, JSON.stringify(del.body)).toBe(200);
      await waitFor(async () => (await resolveMany()).every((c) => c === null), {
        what: 'the image gone from both replicas',
        timeoutMs: 5000,
        intervalMs: 50,
      });
    } finally {
      await second.stop();
    }
  });
});
