import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defer } from 'rxjs';
import { z } from 'zod';
import { defineRpc } from '@khao/contracts';
import { DrainingNatsServer, RpcClient } from '@khao/messaging';
import { cachedServerBinary, freePort, ServerProcess, waitFor } from '@khao/testing';

// A service's RPC server stopping while requests reach it, against a NATS server of this test's own: a replica that
// is told to stop must answer everything routed to it, so that its callers never wait out a timeout.
const Echo = defineRpc(
  'shutdown-test.echo.v1',
  z.object({ n: z.number(), ms: z.number() }),
  z.object({ n: z.number() }),
);
const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-rpc-shutdown-'));
let nats: ServerProcess;
let url: string;
let client: RpcClient;

async function replica(name: string, started: number[] = []): Promise<DrainingNatsServer> {
  const server = new DrainingNatsServer({ servers: url, queue: 'shutdown-test', name });
  // Shaped like a Nest controller behind interceptors: a lazy stream, whose work starts once the server subscribes.
  server.addHandler(Echo.subject, ({ n, ms }: { n: number; ms: number }) =>
    Promise.resolve(
      defer(async () => {
        started.push(n);
        await new Promise((r) => setTimeout(r, ms));
        return { n };
      }),
    ),
  );
  let failed: unknown;
  await server.listen((err?: unknown) => (failed = err));
  if (failed) throw failed instanceof Error ? failed : new Error("the test's RPC server did not start");
  await server.subscribed();
  return server;
}

beforeAll(async () => {
  const port = await freePort();
  url = `nats://127.0.0.1:${port}`;
  nats = new ServerProcess(cachedServerBinary('nats'), ['-a', '127.0.0.1', '-p', String(port), '-sd', storeDir]);
  nats.start();
  client = new RpcClient(url, 3000);
  await waitFor(() => client.connect().then(() => true), { what: 'the NATS server' });
});

afterAll(async () => {
  await client?.close();
  await nats?.kill();
  fs.rmSync(storeDir, { recursive: true, force: true });
});

describe('an RPC server told to stop', () => {
  it('answers a request it is still working on, however long it takes', async () => {
    const started: number[] = [];
    const server = await replica('slow', started);
    // 1.5 s of work: longer than any fixed grace period a stop would wait.
    const reply = client.request(Echo, { n: 1, ms: 1500 });
    await waitFor(() => started.length === 1, { what: 'the handler to start' });
    const stopped = server.close();
    expect(await reply).toEqual({ n: 1 });
    await stopped;
  });

  it('loses no request of a steady stream while one replica of two stops', async () => {
    const a = await replica('a');
    const b = await replica('b');
    const results: (number | string)[] = [];
    let n = 0;
    const caller = async () => {
      while (n < 400) {
        const mine = n++;
        results.push(
          await client.request(Echo, { n: mine, ms: 5 }).then(
            (r) => r.n,
            (err: Error) => `${mine}: ${err.message}`,
          ),
        );
      }
    };
    const callers = Array.from({ length: 8 }, caller);
    await waitFor(() => n > 100, { what: 'the first hundred requests' });
    await a.close();
    await Promise.all(callers);
    await b.close();
    expect(results.filter((r) => typeof r === 'string')).toEqual([]);
    expect(results).toHaveLength(400);
  });
});
