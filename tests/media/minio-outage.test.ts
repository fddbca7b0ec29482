import { DatabaseInspector } from '@khao/persistence';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaAsset, PresignedUpload } from '@khao/contracts';
import { cachedServerBinary, freePort, infraEnv, ServerProcess, TestPlatform, waitFor } from '@khao/testing';
import { photo, uploadMultipart } from './helpers.js';

// A MinIO of this test's own, stopped under a running platform: uploads answer 503 and no record is marked ready;
// once it is back, uploads (and the completion of one begun before the outage) work, without restarting anything.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-media-minio-'));
const creds = { MINIO_ROOT_USER: 'media-outage', MINIO_ROOT_PASSWORD: 'media-outage-password' };
let minio: ServerProcess;
let platform: TestPlatform;
let mongo: DatabaseInspector;
let token: string;

beforeAll(async () => {
  const port = await freePort();
  minio = new ServerProcess(
    cachedServerBinary('minio'),
    ['server', dataDir, '--address', `127.0.0.1:${port}`, '--quiet'],
    { ...creds, MINIO_BROWSER: 'off' },
  ).start();
  const s3 = {
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_ACCESS_KEY: creds.MINIO_ROOT_USER,
    S3_SECRET_KEY: creds.MINIO_ROOT_PASSWORD,
  };
  platform = new TestPlatform({ services: ['media'], env: { gateway: s3, media: { ...s3, MEDIA_AVIF: 'false' } } });
  await platform.start();
  await platform.waitReady();
  token = await platform.adminToken();
  mongo = await DatabaseInspector.open(infraEnv().MONGO_URL);
});
afterAll(async () => {
  await platform?.stop();
  await minio?.kill();
  await mongo?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('MinIO down', () => {
  it('uploads answer 503 and nothing is marked ready; when MinIO is back they work again', async () => {
    expect((await uploadMultipart(platform, token, await photo(), 'before.jpg')).status).toBe(201);
    // A direct upload whose bytes reached MinIO before it went down.
    const bytes = await photo({ width: 900, height: 600 });
    const slot = (await platform.http('POST', '/api/v1/media/uploads', { token, body: {} })).body as PresignedUpload;
    expect((await fetch(slot.url, { method: 'PUT', body: new Uint8Array(bytes) })).status).toBe(200);

    await minio.kill();
    const streamed = await uploadMultipart(platform, token, await photo(), 'during.jpg');
    expect(streamed.status).toBe(503);
    expect((streamed.body as { message: string }).message).toMatch(/MinIO/);
    const completed = await platform.http('POST', `/api/v1/media/${slot.id}/complete`, { token, body: {} });
    expect(completed.status).toBe(503);

    const assets = mongo.db(`media_${platform.suffix}`).collection<{ _id: string; status: string }>('assets');
    const statuses = (await assets.find({})).map((a) => a.status);
    expect(statuses.filter((s) => s === 'ready')).toHaveLength(1); // only the upload from before the outage
    expect((await assets.findOne({ _id: slot.id }))?.status).toBe('pending');

    minio.start();
    await waitFor(async () => (await platform.http('GET', '/health/ready')).status === 200, {
      what: 'MinIO back',
      timeoutMs: 30_000,
    });
    const again = await platform.http('POST', `/api/v1/media/${slot.id}/complete`, { token, body: {} });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect((again.body as MediaAsset).status).toBe('ready');
    expect((await uploadMultipart(platform, token, await photo(), 'after.jpg')).status).toBe(201);
  });
});
