import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@khao/testing';

const exec = promisify(execFile);
const script = path.join(repoRoot, 'scripts', 'infra.mjs');

async function infra(args: string[], env: Record<string, string>) {
  const clean = { ...process.env };
  for (const k of ['NATS_URL', 'MONGO_URL', 'S3_ENDPOINT']) delete clean[k];
  try {
    const { stdout, stderr } = await exec(process.execPath, [script, ...args], {
      env: { ...clean, ...env },
      timeout: 60_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('infrastructure launcher', () => {
  it('is idempotent: a second up finds the test servers running and answering', async () => {
    const started = Date.now();
    const r = await infra(['up'], { KHAO_INFRA_PROFILE: 'test' });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/nats: already running/);
    expect(r.out).toMatch(/mongo: already running/);
    expect(r.out).toMatch(/minio: already running/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('refuses a port taken by a process it did not start, and says what to do', async () => {
    // Hold a port the OS picked, and shift the launcher's ports so that NATS lands on it: a fixed port could
    // belong to another launcher on this machine.
    const blocker = net.createServer();
    let port = 0;
    for (;;) {
      await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
      port = (blocker.address() as net.AddressInfo).port;
      // 4222 + shift must be this port, and the highest port (27017 + shift) must still exist.
      if (port - 4222 + 27017 < 65536) break;
      await new Promise<void>((r) => blocker.close(() => r()));
    }
    const env = { KHAO_INFRA_PROFILE: 'port-probe', KHAO_INFRA_PORT_BASE: String(port - 4222) };
    try {
      const r = await infra(['up'], env);
      expect(r.code).toBe(1);
      expect(r.out).toContain(`nats: port ${port} on 127.0.0.1 is taken by a process this launcher did not start`);
      expect(r.out).toContain('NATS_URL');
    } finally {
      blocker.close();
      await infra(['down'], env);
    }
  });

  it('uses servers named in the environment instead of starting its own', async () => {
    const r = await infra(['status'], {
      KHAO_INFRA_PROFILE: 'external-probe',
      NATS_URL: 'nats://nats.internal:4222',
      MONGO_URL: 'mongodb://user:secret@mongo.internal:27017/',
      S3_ENDPOINT: 'https://s3.internal',
    });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('nats: external nats://nats.internal:4222');
    expect(r.out).toContain('mongo: external mongodb://***@mongo.internal:27017/');
    expect(r.out).not.toContain('secret');
  });
});
