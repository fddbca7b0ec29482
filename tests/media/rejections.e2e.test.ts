import { DatabaseInspector } from '@khao/persistence';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresignedUpload } from '@khao/contracts';
import { infraEnv } from '@khao/testing';
import { incompleteUploads, listKeys, MediaTestbed, photo, s3, sha256Of, uploadMultipart } from './helpers.js';

// The rejection corpus: each upload refused with the right 4xx, by either path, and nothing of it left behind in
// MinIO (objects or multipart parts) or in the media database.
const MAX = 3_500_000;
const bed = new MediaTestbed({
  env: { media: { MEDIA_MAX_BYTES: String(MAX), MEDIA_PART_BYTES: String(5 * 1024 * 1024) } },
});
const { platform, bucket } = bed;
let token: string;
let mongo: DatabaseInspector;
let bomb: Buffer;
let jpeg: Buffer;

beforeAll(async () => {
  await bed.start();
  token = bed.token;
  mongo = await DatabaseInspector.open(infraEnv().MONGO_URL);
  jpeg = await photo({ width: 1600, height: 1200 });
  // A real 30000×30000 PNG: 900 megapixels in under 3 MB.
  bomb = await sharp({
    create: { width: 30000, height: 30000, channels: 3, background: '#ffffff' },
    limitInputPixels: false,
  })
    .png({ compressionLevel: 9 })
    .toBuffer();
}, 120_000);
afterAll(async () => {
  await bed.stop();
  await mongo?.close();
});

async function nothingLeftBehind() {
  const client = s3();
  expect(await listKeys(client, bucket)).toEqual([]);
  expect(await incompleteUploads(client, bucket)).toEqual([]);
  const db = mongo.db(`media_${platform.suffix}`);
  expect(await db.collection('assets').countDocuments({})).toBe(0);
  expect(await db.collection('hashes').countDocuments({})).toBe(0);
  expect(await db.collection('media_tasks').countDocuments({})).toBe(0);
}

async function direct(bytes: Buffer, declared: Record<string, unknown>, putHeaders: Record<string, string> = {}) {
  const slot = await platform.http('POST', '/api/v1/media/uploads', { token, body: { filename: 'x.jpg' } });
  expect(slot.status).toBe(201);
  const { id, url } = slot.body as PresignedUpload;
  const put = await fetch(url, { method: 'PUT', body: new Uint8Array(bytes), headers: putHeaders });
  expect(put.status).toBe(200);
  return platform.http('POST', `/api/v1/media/${id}/complete`, { token, body: declared });
}

const message = (res: { body: unknown }) => (res.body as { message: string }).message;

describe('uploads refused by content, with nothing left behind', () => {
  it('HTML behind a .jpg name and an image/jpeg type → 415', async () => {
    const html = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script>ข่าว</body></html>');
    const res = await uploadMultipart(platform, token, html, 'IMG_3551.jpg', 'image/jpeg');
    expect(res.status).toBe(415);
    expect(message(res)).toMatch(/HTML or SVG markup.*JPEG, PNG, WebP, AVIF or GIF/);
    expect((await direct(html, { contentType: 'image/jpeg' })).status).toBe(415);
    await nothingLeftBehind();
  });

  it('SVG with a script → 415', async () => {
    const svg = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>fetch("/api/v1/users")</script><rect width="10" height="10"/></svg>',
    );
    const res = await uploadMultipart(platform, token, svg, 'logo.svg', 'image/svg+xml');
    expect(res.status).toBe(415);
    expect((await direct(svg, {})).status).toBe(415);
    await nothingLeftBehind();
  });

  it('zero bytes → 400', async () => {
    const res = await uploadMultipart(platform, token, Buffer.alloc(0), 'empty.jpg');
    expect(res.status).toBe(400);
    expect(message(res)).toMatch(/empty/);
    expect((await direct(Buffer.alloc(0), {})).status).toBe(400);
    await nothingLeftBehind();
  });

  it('a truncated JPEG and a corrupt one → 422', async () => {
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
    const res = await uploadMultipart(platform, token, truncated, 'cut.jpg');
    expect(res.status).toBe(422);
    expect(message(res)).toMatch(/truncated or corrupt/);
    const corrupt = Buffer.concat([jpeg.subarray(0, 600), randomBytes(20_000)]);
    expect((await uploadMultipart(platform, token, corrupt, 'noise.jpg')).status).toBe(422);
    expect((await direct(truncated, {})).status).toBe(422);
    await nothingLeftBehind();
  });

  it('a 30000×30000 PNG (pixel bomb) → 422 before anything decodes it', async () => {
    const res = await uploadMultipart(platform, token, bomb, 'bomb.png', 'image/png');
    expect(res.status).toBe(422);
    expect(message(res)).toMatch(/30000×30000 pixels/);
    await nothingLeftBehind();
  });

  it('content that is not what was declared → 415', async () => {
    const png = await photo({ width: 400, height: 300, format: 'png' });
    const res = await uploadMultipart(platform, token, png, 'photo.jpg', 'image/jpeg');
    expect(res.status).toBe(415);
    expect(message(res)).toMatch(/declared as image\/jpeg but its content is image\/png/);
    expect((await direct(png, { contentType: 'image/webp' })).status).toBe(415);
    await nothingLeftBehind();
  });

  it('a declared size or checksum the bytes do not match → 422', async () => {
    expect((await direct(jpeg, { size: jpeg.length + 1 })).status).toBe(422);
    const other = await sha256Of(Buffer.from('something else'));
    const res = await direct(jpeg, { sha256: other });
    expect(res.status).toBe(422);
    expect(message(res)).toMatch(/SHA-256/);
    await nothingLeftBehind();
  });

  it('oversize → 413: by Content-Length, by declared size, by what was PUT, and while streaming without a length', async () => {
    const big = Buffer.concat([jpeg, randomBytes(MAX)]);
    // Content-Length over the limit: refused before anything is created.
    const early = await uploadMultipart(platform, token, big, 'big.jpg');
    expect(early.status).toBe(413);
    expect(message(early)).toMatch(/limit/);
    // The direct path: a declared size over the limit gets no upload URL…
    const declared = await platform.http('POST', '/api/v1/media/uploads', { token, body: { size: big.length } });
    expect(declared.status).toBe(413);
    // …and bytes over the limit PUT anyway are refused at complete.
    expect((await direct(big, {})).status).toBe(413);
    // Chunked, with no Content-Length: the gateway counts while streaming and stops at the limit.
    const boundary = 'khao-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(head);
        for (let off = 0; off < big.length; off += 256 * 1024) c.enqueue(big.subarray(off, off + 256 * 1024));
        c.enqueue(tail);
        c.close();
      },
    });
    const chunked = await fetch(`${platform.baseUrl}/api/v1/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    });
    expect(chunked.status).toBe(413);
    await nothingLeftBehind();
  });

  it('still accepts a good photo afterwards', async () => {
    const ok = await uploadMultipart(platform, token, await photo({ width: 640, height: 480 }), 'ok.jpg');
    expect(ok.status).toBe(201);
  });
});

describe('multipart elsewhere', () => {
  it('is a 415 on routes that take JSON', async () => {
    // A whole body with its length (not a streamed FormData), so the client is done sending when the answer comes.
    const boundary = 'khao-form';
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="version"\r\n\r\nx\r\n--${boundary}--\r\n`,
    );
    const res = await fetch(`${platform.baseUrl}/api/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      signal: AbortSignal.timeout(15_000),
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { message: string }).message).toMatch(/Content-Type/i);
  });
});
