import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaEvents, MediaRpc, type CompletedUpload, type MediaAsset } from '@khao/contracts';
import { DatabaseInspector } from '@khao/persistence';
import { infraEnv, waitFor } from '@khao/testing';
import {
  expectCreated,
  listKeys,
  photo,
  s3,
  sha256Of,
  uploadDirect,
  uploadMultipart,
  MediaTestbed,
} from './helpers.js';

const bed = new MediaTestbed();
const { platform, bucket } = bed;
const publicBase = `${infraEnv().S3_ENDPOINT}/${bucket}/public/`;
let token: string;

beforeAll(async () => {
  await bed.start();
  token = bed.token;
});
afterAll(() => bed.stop());

/** Reads a URL the way an anonymous reader would. */
async function anonymous(url: string) {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('uploading photos', () => {
  let fromPhone: CompletedUpload;

  it('multipart through the gateway: JPEG and WebP renditions at every width up to the original, none enlarged', async () => {
    const original = await photo({ width: 2400, height: 1600, gps: true });
    expect((await exifr.gps(original))?.latitude).toBeCloseTo(17.408, 2); // the test photo does carry GPS
    fromPhone = expectCreated(await uploadMultipart(platform, token, original));
    expect(fromPhone).toMatchObject({
      status: 'ready',
      format: 'jpeg',
      width: 2400,
      height: 1600,
      bytes: original.length,
      sha256: await sha256Of(original),
      deduplicated: false,
      filename: 'IMG_3551.jpg',
    });
    const got = fromPhone.renditions.map((r) => `${r.format}:${r.width}x${r.height}`).sort();
    const want = [320, 640, 1024, 1600, 2048].flatMap((w) =>
      ['jpeg', 'webp'].map((f) => `${f}:${w}x${Math.round((w * 2) / 3)}`),
    );
    expect(got, JSON.stringify(got)).toEqual(want.sort());
    expect(fromPhone.blurhash).toMatch(/^[0-9A-Za-z#$%*+,-.:;=?@[\]^_{|}~]{20,}$/);
    expect(fromPhone.shareImage).toMatchObject({ width: 1200, height: 630 });
  });

  it('every rendition is public at an absolute, content-addressed URL, cached for a year, without EXIF or GPS', async () => {
    for (const r of [...fromPhone.renditions, { ...fromPhone.shareImage!, format: 'jpeg' as const }]) {
      expect(r.url.startsWith(publicBase), r.url).toBe(true);
      expect(r.url).toContain(fromPhone.sha256!);
      const res = await anonymous(r.url);
      expect(res.status, r.url).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type')).toBe(`image/${r.format}`);
      const meta = await sharp(res.bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual([r.format, r.width, r.height]);
      expect(meta.exif, r.url).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      if (r.format === 'jpeg')
        expect(await exifr.parse(res.bytes, { gps: true, xmp: true, iptc: true })).toBeUndefined();
    }
  });

  it('the original stays private: an anonymous GET is refused', async () => {
    const keys = await listKeys(s3(), bucket, 'originals/');
    expect(keys).toContain(`originals/${fromPhone.id}`);
    const res = await anonymous(`${infraEnv().S3_ENDPOINT}/${bucket}/originals/${fromPhone.id}`);
    expect(res.status).toBe(403);
    // …and so is listing the bucket.
    expect((await anonymous(`${infraEnv().S3_ENDPOINT}/${bucket}/`)).status).toBe(403);
  });

  it('applies the EXIF orientation: a photo stored sideways comes out upright', async () => {
    // Stored 800×600 with "rotate 90° clockwise": upright it is 600×800, and the red block stored top-left is top-right.
    const sideways = await photo({ width: 800, height: 600, orientation: 6, gps: true });
    const up = expectCreated(await uploadMultipart(platform, token, sideways, 'IMG_0001.jpg'));
    expect([up.width, up.height]).toEqual([600, 800]);
    const small = up.renditions.find((r) => r.format === 'jpeg' && r.width === 320)!;
    expect(small.height).toBe(427);
    const img = await anonymous(small.url);
    const { data, info } = await sharp(img.bytes).raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
    ];
    const [r1, g1, b1] = px(info.width - 5, 5); // top right: the red block
    expect(r1).toBeGreaterThan(200);
    expect(g1 + b1).toBeLessThan(120);
    const [r2] = px(5, 5); // top left: gradient, not red
    expect(r2).toBeLessThan(150);
    expect(await exifr.parse(img.bytes)).toBeUndefined();
    // The widest renditions are the original's own width, never more.
    expect(Math.max(...up.renditions.map((r) => r.width))).toBe(600);
  });

  it('direct path: presigned PUT to MinIO, then complete checks the declared size, type and SHA-256', async () => {
    const png = await photo({ width: 1000, height: 700, format: 'png' });
    const res = await uploadDirect(platform, token, png, {
      contentType: 'image/png',
      size: png.length,
      sha256: await sha256Of(png),
    });
    expect(res.slot.url.startsWith(infraEnv().S3_ENDPOINT)).toBe(true);
    expect(Date.parse(res.slot.expiresAt)).toBeGreaterThan(Date.now());
    const done = expectCreated(res);
    expect(done).toMatchObject({ status: 'ready', format: 'png', width: 1000, height: 700 });
    expect(done.renditions.map((r) => r.width).sort((a, b) => a - b)).toEqual([320, 320, 640, 640, 1000, 1000]);
    // The upload URL is still valid, but what is PUT to it now cannot replace the accepted original.
    const swap = Buffer.from('<html>not the photo</html>');
    expect((await fetch(res.slot.url, { method: 'PUT', body: new Uint8Array(swap) })).status).toBe(200);
    const kept = await s3().getObject(bucket, `originals/${done.id}`);
    const chunks: Buffer[] = [];
    for await (const c of kept) chunks.push(c as Buffer);
    expect(await sha256Of(Buffer.concat(chunks))).toBe(done.sha256);
    // complete again: the same answer, nothing made twice.
    const again = await platform.http('POST', `/api/v1/media/${done.id}/complete`, { token, body: {} });
    expect(again.status).toBe(201);
    expect((again.body as MediaAsset).id).toBe(done.id);
  });

  it('dedupes: the same bytes again (by either path) give the same image, and no second original is kept', async () => {
    const bytes = await photo({ width: 900, height: 600 });
    const first = expectCreated(await uploadMultipart(platform, token, bytes, 'first.jpg'));
    const second = await uploadMultipart(platform, token, bytes, 'second-copy.jpg');
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.id, deduplicated: true });
    const third = await uploadDirect(platform, token, bytes, { contentType: 'image/jpeg' });
    expect(third.status).toBe(200);
    expect(third.body).toMatchObject({ id: first.id, deduplicated: true });
    const originals = await listKeys(s3(), bucket, 'originals/');
    expect(originals).toContain(`originals/${first.id}`);
    expect(originals).not.toContain(`originals/${third.slot.id}`);
    expect((await platform.http('GET', `/api/v1/media/${third.slot.id}`, { token })).status).toBe(404);
  });

  it('a hash whose owner vanished goes to exactly one of the uploads racing for it', async () => {
    // As an upload that died after claiming the hash leaves it: held by an image that does not exist.
    const mongo = await DatabaseInspector.open(infraEnv().MONGO_URL);
    try {
      const hashes = mongo.db(`media_${platform.suffix}`).collection<{ assetId: string }>('hashes');
      for (let round = 0; round < 4; round++) {
        const bytes = await photo({ width: 640 + round * 16, height: 480 });
        const sha256 = await sha256Of(bytes);
        await hashes.insertOne({ _id: sha256, assetId: `00000000000000000000dea${round}` });
        const answers = await Promise.all(
          ['ศาลากลาง-1.jpg', 'ศาลากลาง-2.jpg', 'ศาลากลาง-3.jpg'].map((name) =>
            uploadMultipart(platform, token, bytes, name),
          ),
        );
        const made = answers.filter((a) => a.status === 201);
        // The others were told to try again (or, once the winner was done, given its image).
        expect(answers.map((a) => a.status).filter((s) => s !== 201 && s !== 409 && s !== 200)).toEqual([]);
        expect(made).toHaveLength(1);
        const winner = (made[0].body as MediaAsset).id;
        expect((await hashes.findById(sha256))?.assetId).toBe(winner);
        const again = await uploadMultipart(platform, token, bytes, 'อีกครั้ง.jpg');
        expect(again.body).toMatchObject({ id: winner, deduplicated: true });
      }
    } finally {
      await mongo.close();
    }
  });

  it('captions and alt text per language; resolve gives page-ready srcsets in the asked language, with fallback', async () => {
    const patched = await platform.http('PATCH', `/api/v1/media/${fromPhone.id}`, {
      token,
      body: {
        captions: {
          th: 'ชาวบ้านร่วมเวทีประชาคมที่ศาลากลางจังหวัดอุดรธานี วันที่ 10 เมษายน 2560',
          en: 'Residents at the community forum, Udon Thani provincial hall',
        },
        alt: { th: 'ชาวบ้านนั่งฟังในห้องประชุมศาลากลาง' },
        credit: 'สถาบันพัฒนาองค์กรชุมชน (พอช.)',
      },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const unknown = '0123456789abcdef01234567';
    const th = await bed.rpc.request(MediaRpc.resolve, { ids: [unknown, fromPhone.id], language: 'th' });
    expect(th.items).toHaveLength(1);
    const img = th.items[0];
    expect(img).toMatchObject({
      id: fromPhone.id,
      width: 2400,
      height: 1600,
      caption: 'ชาวบ้านร่วมเวทีประชาคมที่ศาลากลางจังหวัดอุดรธานี วันที่ 10 เมษายน 2560',
      alt: 'ชาวบ้านนั่งฟังในห้องประชุมศาลากลาง',
      credit: 'สถาบันพัฒนาองค์กรชุมชน (พอช.)',
      focalPoint: { x: 0.5, y: 0.5 },
      shareImage: { width: 1200, height: 630 },
    });
    expect(img.src).toBe(fromPhone.renditions.find((r) => r.format === 'jpeg' && r.width === 1024)!.url);
    const webp = img.srcset.webp.split(', ');
    expect(webp).toHaveLength(5);
    expect(webp[0]).toMatch(/^https?:\/\/\S+\.webp 320w$/);
    expect(webp.at(-1)).toMatch(/\.webp 2048w$/);
    expect(img.srcset.jpeg.split(', ').at(-1)).toMatch(/\.jpg 2048w$/);
    const en = await bed.rpc.request(MediaRpc.resolve, { ids: [fromPhone.id], language: 'en' });
    expect(en.items[0].caption).toBe('Residents at the community forum, Udon Thani provincial hall');
    expect(en.items[0].alt).toBe('ชาวบ้านนั่งฟังในห้องประชุมศาลากลาง'); // no English alt yet: the Thai one
  });

  it('AVIF follows off the request path, announced by a second media.processed.v1', async () => {
    const done = await waitFor(
      async () => {
        const r = await platform.http('GET', `/api/v1/media/${fromPhone.id}`, { token });
        const a = r.body as MediaAsset;
        return a.renditions.some((x) => x.format === 'avif') ? a : undefined;
      },
      { what: 'AVIF renditions', timeoutMs: 60_000 },
    );
    const avif = done.renditions.filter((r) => r.format === 'avif');
    expect(avif.map((r) => r.width).sort((a, b) => a - b)).toEqual([320, 640, 1024, 1600, 2048]);
    const file = await anonymous(avif[0].url);
    expect(file.status).toBe(200);
    expect((await sharp(file.bytes).metadata()).format).toBe('heif');
    const resolved = await bed.rpc.request(MediaRpc.resolve, { ids: [fromPhone.id], language: 'th' });
    expect(resolved.items[0].srcset.avif).toMatch(/\.avif 2048w$/);
    const events = await waitFor(async () => {
      const e = await bed.tap.events<{ mediaId: string; formats: string[] }>(
        [MediaEvents.processed.subject],
        (x) => x.data.mediaId === fromPhone.id,
      );
      return e.length === 2 ? e : undefined;
    });
    expect(events.map((e) => [...e.data.formats].sort())).toEqual([
      ['jpeg', 'webp'],
      ['avif', 'jpeg', 'webp'],
    ]);
  });

  it('the media routes are in the OpenAPI document', async () => {
    const doc = (await platform.http('GET', '/api/docs/openapi.json')).body as { paths: Record<string, object> };
    expect(Object.keys(doc.paths['/api/v1/media']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/media/uploads'])).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/media/{id}/complete'])).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/media/{id}']).sort()).toEqual(['delete', 'get', 'patch']);
  });

  it('lists images newest first and gets one by id', async () => {
    const list = await platform.http('GET', '/api/v1/media?limit=2', { token });
    expect(list.status).toBe(200);
    const page = list.body as { items: MediaAsset[]; nextCursor: string | null };
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toBe(page.items[1].id);
    const next = await platform.http('GET', `/api/v1/media?limit=100&cursor=${page.nextCursor}`, { token });
    const ids = [...page.items, ...(next.body as { items: MediaAsset[] }).items].map((a) => a.id);
    expect(ids).toContain(fromPhone.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort().reverse()).toEqual(ids);
  });
});
