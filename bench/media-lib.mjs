// Shared by the media benchmarks: a platform (gateway + media) on the bench infrastructure, an admin token, and
// the upload paths the tests use.
import { TestPlatform } from '@khao/testing';

export async function mediaPlatform(mediaEnv = {}) {
  const platform = new TestPlatform({ services: ['media'], env: { media: { MEDIA_AVIF: 'false', ...mediaEnv } } });
  await platform.start();
  await platform.waitReady();
  return { platform, token: await platform.adminToken() };
}

/** Asks for a presigned PUT and uploads `bytes` straight to MinIO; returns the slot. */
export async function putDirect(platform, token, bytes) {
  const res = await platform.http('POST', '/api/v1/media/uploads', { token, body: {} });
  if (res.status !== 201) throw new Error(`upload slot: ${res.status} ${JSON.stringify(res.body)}`);
  const slot = res.body;
  const put = await fetch(slot.url, { method: 'PUT', body: bytes });
  if (put.status !== 200) throw new Error(`PUT: ${put.status} ${await put.text()}`);
  return slot;
}

export const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
export const fmt = (n, d = 0) => n.toFixed(d);
