import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineEvent, type EventEnvelope } from '@khao/contracts';
import { createLogger } from '@khao/logging';
import { connectNats, ensureStreams, EventFollower, EventPublisher } from '@khao/messaging';
import { cachedServerBinary, freePort, ServerProcess, waitFor } from '@khao/testing';
import { z } from 'zod';

// EventFollower against a NATS server of this test's own, which the last test stops and starts again.
const logger = createLogger({ service: 'follower-test', level: 'silent' });
const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-follower-'));
let nats: ServerProcess;
let nc: NatsConnection;
let publisher: EventPublisher;

const event = (type: string, data: Record<string, unknown>): EventEnvelope => ({
  id: randomUUID(),
  type,
  version: 1,
  occurredAt: new Date().toISOString(),
  correlationId: 'follower-test',
  data,
});

beforeAll(async () => {
  const port = await freePort();
  nats = new ServerProcess(cachedServerBinary('nats'), ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir]);
  nats.start();
  nc = await connectNats(`nats://127.0.0.1:${port}`, 'follower-test', logger);
  await ensureStreams(nc, { dedupeWindowMs: 120_000 });
  publisher = new EventPublisher(nc);
});

afterAll(async () => {
  await nc?.close();
  await nats?.kill();
  fs.rmSync(storeDir, { recursive: true, force: true });
});

describe('EventFollower', () => {
  it('starts at the time asked, and hands events over one at a time, in order', async () => {
    const type = 'test.follow.happened.v1';
    const before = new Date(Date.now() - 1000);
    await publisher.publish(event(type, { n: 0 }));
    const seen: number[] = [];
    let inside = 0;
    let overlapped = false;
    const follower = new EventFollower({
      nats: nc,
      logger,
      startAt: before,
      onGap: () => undefined,
    }).on(defineEvent(type, z.object({ n: z.number() })), async (e) => {
      if (++inside > 1) overlapped = true;
      await new Promise((r) => setTimeout(r, 20));
      seen.push(e.data.n);
      inside--;
    });
    await follower.start();
    for (const n of [1, 2, 3, 4]) await publisher.publish(event(type, { n }));
    await waitFor(() => seen.length === 5, { what: 'five events' });
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(overlapped).toBe(false);
    await follower.stop();
  });

  it('reports a gap when NATS comes back, and follows the events published after it', async () => {
    const type = 'test.gap.happened.v1';
    const seen: number[] = [];
    let gaps = 0;
    const follower = new EventFollower({
      nats: nc,
      logger,
      onGap: () => {
        gaps++;
      },
    }).on(defineEvent(type, z.object({ n: z.number() })), (e) => {
      seen.push(e.data.n);
    });
    await follower.start();
    await publisher.publish(event(type, { n: 1 }));
    await waitFor(() => seen.length === 1, { what: 'the first event' });
    expect(gaps).toBe(0);

    await nats.kill();
    nats.start();
    await waitFor(() => gaps > 0, { what: 'a gap after the reconnect', timeoutMs: 30_000 });
    await waitFor(
      async () => {
        await publisher.publish(event(type, { n: 2 }));
        return seen.includes(2);
      },
      { what: 'an event after the reconnect', timeoutMs: 30_000, intervalMs: 500 },
    );
    await follower.stop();
  });
});
