import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedServerBinary, freePort, ServerProcess, TestPlatform, waitFor } from '@khao/testing';

// A NATS server of this test's own (real nats-server with JetStream, its own port and store), stopped and
// started again under a running platform: the gateway answers 503 meanwhile and everything reconnects by itself.
const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-nats-outage-'));
let nats: ServerProcess;
let platform: TestPlatform;

beforeAll(async () => {
  const port = await freePort();
  nats = new ServerProcess(cachedServerBinary('nats'), [
    '-a',
    '127.0.0.1',
    '-p',
    String(port),
    '-js',
    '-sd',
    storeDir,
  ]).start();
  const env = { NATS_URL: `nats://127.0.0.1:${port}`, RPC_TIMEOUT_MS: '1500' };
  platform = new TestPlatform({ services: ['articles'], env: { gateway: env, articles: env } });
  await platform.start();
});

afterAll(async () => {
  await platform?.stop();
  await nats?.kill();
  fs.rmSync(storeDir, { recursive: true, force: true });
});

describe('NATS goes down', () => {
  it('answers 503 while it is down; requests and events flow again once it is back', async () => {
    const token = await platform.adminToken();
    await nats.kill();

    const during = await platform.http('POST', '/api/v1/articles', {
      token,
      body: { sourceLanguage: 'th', version: { title: 'ข่าวระหว่างระบบข้อความล่ม' } },
    });
    expect(during.status).toBe(503);
    const ready = await platform.http('GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect((ready.body as { checks: { nats: { status: string } } }).checks.nats.status).toBe('down');

    nats.start();
    const created = await waitFor(
      async () => {
        const r = await platform.http('POST', '/api/v1/articles', {
          token,
          body: { sourceLanguage: 'th', version: { title: 'ข่าวหลังระบบข้อความกลับมา' } },
        });
        return r.status === 201 ? (r.body as { id: string }) : undefined;
      },
      { what: 'creates to work again', timeoutMs: 30_000 },
    );
    // …and the story is searchable.
    await waitFor(
      async () => {
        const r = await platform.http('GET', `/api/v1/articles?q=${encodeURIComponent('กลับมา')}`, { token });
        return (r.body as { items: { id: string }[] }).items.some((s) => s.id === created.id);
      },
      { what: 'the new story in search' },
    );
    expect((await platform.http('GET', '/health/ready')).status).toBe(200);
  });
});
