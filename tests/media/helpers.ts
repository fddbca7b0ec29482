import { randomBytes } from 'node:crypto';
import { Client } from 'minio';
import sharp from 'sharp';
import { expect } from 'vitest';
import type { CompletedUpload, PresignedUpload } from '@khao/contracts';
import { infraEnv, type TestPlatform } from '@khao/testing';

/**
 * A photo made for the test: a gradient with a red block in the stored top-left corner (to check orientation) and a
 * random label (so no two photos share bytes unless a test wants them to).
 */
export async function photo(
  opts: { width?: number; height?: number; gps?: boolean; orientation?: number; format?: 'jpeg' | 'png' | 'webp' } = {},
): Promise<Buffer> {
  const { width = 1200, height = 900, format = 'jpeg' } = opts;
  const label = randomBytes(6).toString('hex');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2a6"/><stop offset="1" stop-color="#fc3"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <rect x="0" y="0" width="${Math.round(width / 4)}" height="${Math.round(height / 4)}" fill="#ff0000"/>
    <text x="50%" y="55%" font-size="${Math.round(height / 12)}" text-anchor="middle" fill="#123">${label}</text></svg>`;
  let img = sharp(Buffer.from(svg));
  img = format === 'png' ? img.png() : format === 'webp' ? img.webp() : img.jpeg({ quality: 85 });
  if (opts.gps) {
    img = img.withExif({
      IFD0: { Make: 'KhaoPhone', Model: 'Field 12', Copyright: 'ชุมชนหนองบัว' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '17/1 24/1 30/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '102/1 47/1 15/1',
      },
    });
  }
  if (opts.orientation) img = img.withMetadata({ orientation: opts.orientation });
  return img.toBuffer();
}

export const sha256Of = async (buf: Buffer) =>
  (await import('node:crypto')).createHash('sha256').update(buf).digest('hex');

/** The gateway's multipart route, as a browser form would send it. */
export async function uploadMultipart(
  platform: TestPlatform,
  token: string,
  bytes: Buffer,
  filename = 'IMG_3551.jpg',
  type = 'image/jpeg',
): Promise<{ status: number; body: unknown }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  const res = await fetch(`${platform.baseUrl}/api/v1/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, body };
}

/** The direct path: ask for a slot, PUT to MinIO, complete with what was declared. */
export async function uploadDirect(
  platform: TestPlatform,
  token: string,
  bytes: Buffer,
  declared: { contentType?: string; size?: number; sha256?: string } = {},
): Promise<{ slot: PresignedUpload; status: number; body: unknown }> {
  const created = await platform.http('POST', '/api/v1/media/uploads', {
    token,
    body: { filename: 'IMG_3552.jpg', contentType: declared.contentType, size: bytes.length },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const slot = created.body as PresignedUpload;
  const put = await fetch(slot.url, { method: 'PUT', headers: slot.headers, body: new Uint8Array(bytes) });
  expect(put.status, await put.text()).toBe(200);
  const done = await platform.http('POST', `/api/v1/media/${slot.id}/complete`, { token, body: declared });
  return { slot, ...done };
}

export function expectCreated(res: { status: number; body: unknown }): CompletedUpload {
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as CompletedUpload;
}

/** An S3 client with the test credentials, for looking at what really is in the bucket. */
export function s3(): Client {
  const env = infraEnv();
  const url = new URL(env.S3_ENDPOINT);
  return new Client({
    endPoint: url.hostname,
    port: Number(url.port),
    useSSL: false,
    accessKey: env.S3_ACCESS_KEY,
    secretKey: env.S3_SECRET_KEY,
    region: 'us-east-1',
  });
}

export async function listKeys(client: Client, bucket: string, prefix = ''): Promise<string[]> {
  const keys: string[] = [];
  for await (const o of client.listObjectsV2(bucket, prefix, true)) if (o.name) keys.push(o.name as string);
  return keys;
}

export async function incompleteUploads(client: Client, bucket: string): Promise<string[]> {
  const out: string[] = [];
  for await (const u of client.listIncompleteUploads(bucket, '', true)) out.push((u as { key: string }).key);
  return out;
}

export const bucketFor = (suffix: string) => `media-${suffix}`;
