import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot, TestPlatform, waitFor } from '@khao/testing';

// A NATS server of this test's own (real nats-server with JetStream, its own port and store), stopped and
// started again under a running platform: the gateway answers 503 meanwhile and everything reconnects by itself.
const natsBin = execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'infra.mjs'), 'bin', 'nats'], {
  encoding: 'utf8',
})
  .trim()
  .split('\n')
  .at(-1)!;
const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-nats-outage-'));
let port: number;
let nats: ChildProcess | undefined;
let platform: TestPlatform;

function startNats() {
  nats = spawn(natsBin, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' });
}

async function stopNats() {
  if (!nats || nats.exitCode !== null) return;
  const exited = new Promise((r) => nats!.once('exit', r));
  nats.kill('SIGKILL');
  await exited;
}

beforeAll(async () => {
  port = await freePort();
  startNats();
  const env = { NATS_URL: `nats://127.0.0.1:${port}`, RPC_TIMEOUT_MS: '1500' };
  platform = new TestPlatform({ services: ['articles'], env: { gateway: env, articles: env } });
  await platform.start();
});

afterAll(async () => {
  await platform?.stop();
  await stopNats();
  fs.rmSync(storeDir, { recursive: true, force: true });
});

describe('NATS goes down', () => {
  it('answers 503 while it is down; requests and events flow again once it is back', async () => {
    const token = await platform.adminToken();
    await stopNats();

    const during = await platform.http('POST', '/api/v1/articles', {
      token,
      body: { sourceLanguage: 'th', version: { title: 'ข่าวระหว่างระบบข้อความล่ม' } },
    });
    expect(during.status).toBe(503);
    const ready = await platform.http('GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect((ready.body as { checks: { nats: { status: string } } }).checks.nats.status).toBe('down');

    startNats();
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
