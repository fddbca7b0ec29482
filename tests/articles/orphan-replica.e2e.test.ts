import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, testDataDir, TestPlatform, waitFor } from '@khao/testing';

// A service started by a harness that then dies (a test run killed at its timeout) must not live on: it would keep
// reconnecting to NATS, join the next run's queue groups on the same port and answer that run's requests from its own
// old database (reads by id of stories it never saw: "not found" on every other request).
const platform = new TestPlatform({ services: ['articles'] });

beforeAll(() => platform.start(), 120_000);
afterAll(() => platform.stop());

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a service whose parent died', () => {
  it('stops by itself', async () => {
    const log = path.join(testDataDir, 'logs', `orphan-articles-${Date.now()}.log`);
    const env = { ...process.env, ...platform.envFor('articles'), STOP_WITH_PARENT: 'true', LOG_FILE_FOR_TEST: log };
    // The harness: starts the service with its output in a file, then only waits.
    const harness = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('node:fs');
         const out = fs.openSync(process.env.LOG_FILE_FOR_TEST, 'a');
         const child = require('node:child_process').spawn(process.execPath, [${JSON.stringify(
           path.join(repoRoot, 'apps', 'articles', 'dist', 'main.js'),
         )}], { stdio: ['ignore', out, out] });
         console.log(child.pid);
         setInterval(() => {}, 1000);`,
      ],
      { env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const pid = await new Promise<number>((resolve) => harness.stdout.once('data', (d: Buffer) => resolve(Number(d))));
    try {
      await waitFor(() => fs.existsSync(log) && fs.readFileSync(log, 'utf8').includes('"event":"service.ready"'), {
        timeoutMs: 60_000,
        what: 'the harness-started articles replica to be ready',
      });
      harness.kill('SIGKILL');
      await waitFor(() => !alive(pid), { timeoutMs: 20_000, what: 'the orphaned replica to stop' });
      expect(fs.readFileSync(log, 'utf8')).toContain('"signal":"parent gone"');
    } finally {
      harness.kill('SIGKILL');
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  }, 120_000);
});
