import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedMongoCommand, freePort, ServerProcess, TestPlatform, waitFor } from '@khao/testing';

// A MongoDB-wire server of this test's own (the embedded server the launcher runs, its own port and data), stopped and started again
// under a running platform: requests that need it answer 503 with a readable message, never 500, and the
// platform works again on its own once it is back.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-mongo-outage-'));
let mongoServer: ServerProcess;
let platform: TestPlatform;

beforeAll(async () => {
  const port = await freePort();
  const debugPort = await freePort();
  const [bin, args] = embeddedMongoCommand(port, dataDir, debugPort);
  mongoServer = new ServerProcess(bin, args, {}, dataDir).start();
  const mongo = { MONGO_URL: `mongodb://127.0.0.1:${port}/` };
  platform = new TestPlatform({ services: ['articles'], env: { gateway: mongo, articles: mongo } });
  await platform.start();
});

afterAll(async () => {
  await platform?.stop();
  await mongoServer?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('MongoDB goes down', () => {
  it('answers 503 while it is down and recovers by itself when it returns', async () => {
    const token = await platform.adminToken();
    const created = await platform.http('POST', '/api/v1/articles', {
      token,
      body: { sourceLanguage: 'th', version: { title: 'ข่าวก่อนฐานข้อมูลล่ม' } },
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;

    await mongoServer.kill();
    const ready = await platform.http('GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect((ready.body as { checks: { mongodb: { status: string } } }).checks.mongodb.status).toBe('down');

    const read = await platform.http('GET', `/api/v1/articles/${id}`, { token });
    expect(read.status).toBe(503);
    expect((read.body as { message: string }).message).toMatch(/database is unavailable/);
    const login = await platform.http('POST', '/api/v1/auth/login', { body: { email: 'x@khao.test', password: 'y' } });
    expect(login.status).toBe(503);

    mongoServer.start();
    await waitFor(async () => (await platform.http('GET', `/api/v1/articles/${id}`, { token })).status === 200, {
      what: 'reads to work again',
      timeoutMs: 30_000,
    });
    expect((await platform.http('GET', '/health/ready')).status).toBe(200);
  });
});
