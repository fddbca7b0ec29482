import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedServerBinary, freePort, ServerProcess, TestPlatform, waitFor } from '@khao/testing';

// A MinIO of this test's own (the real server, on its own port and data), stopped and started again under a
// running platform: readiness reports it down with 503, and recovers by itself when it returns.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-minio-outage-'));
const creds = { MINIO_ROOT_USER: 'outage-test', MINIO_ROOT_PASSWORD: 'outage-test-password' };
let minio: ServerProcess;
let platform: TestPlatform;

type Ready = { status: string; checks: Record<string, { status: string; error?: string }> };

beforeAll(async () => {
  const port = await freePort();
  minio = new ServerProcess(
    cachedServerBinary('minio'),
    ['server', dataDir, '--address', `127.0.0.1:${port}`, '--quiet'],
    {
      ...creds,
      MINIO_BROWSER: 'off',
    },
  ).start();
  const s3 = {
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_ACCESS_KEY: creds.MINIO_ROOT_USER,
    S3_SECRET_KEY: creds.MINIO_ROOT_PASSWORD,
  };
  platform = new TestPlatform({ services: ['media'], env: { gateway: s3, media: s3 } });
  await platform.start();
});

afterAll(async () => {
  await platform?.stop();
  await minio?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a dependency that goes down', () => {
  it('MinIO down → /health/ready answers 503 naming it; back → ready again without a restart', async () => {
    await waitFor(async () => (await platform.http('GET', '/health/ready')).status === 200, { what: 'ready' });

    await minio.kill();
    const down = await platform.http('GET', '/health/ready');
    expect(down.status).toBe(503);
    const body = down.body as Ready & { services: Record<string, Ready> };
    expect(body.status).toBe('down');
    expect(body.checks.minio.status).toBe('down');
    expect(body.checks.nats.status).toBe('up');
    expect(body.checks.mongodb.status).toBe('up');
    expect(body.services.media.checks.minio.status).toBe('down');

    minio.start();
    const back = await waitFor(
      async () => {
        const r = await platform.http('GET', '/health/ready');
        return r.status === 200 ? (r.body as Ready & { services: Record<string, Ready> }) : undefined;
      },
      { what: 'readiness after MinIO returned', timeoutMs: 30_000 },
    );
    expect(back.checks.minio.status).toBe('up');
    expect(back.services.media.status).toBe('up');
  });
});
