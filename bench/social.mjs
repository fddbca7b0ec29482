#!/usr/bin/env node
// Benchmark: publish → webhook delivered, through the real gateway, articles and social services.
//   npm run bench:social     (RATE=20 PACED=200 BURST=500 by default; KHAO_INFRA_PORT_BASE to move the ports)
// 1. Paced: PACED publishes at RATE per second; latency from the publish request to the webhook's arrival, p50/p99.
// 2. Burst: BURST publishes as fast as the API takes them; deliveries per second until the last one arrived.
// Prints the figures; not a test: nothing is asserted.
import { TestPlatform } from '@khao/testing';
import { median, percentile, pool, startInfra, webhookChannel, webhookReceiver } from './lib.mjs';

const RATE = Number(process.env.RATE ?? 20);
const PACED = Number(process.env.PACED ?? 200);
const BURST = Number(process.env.BURST ?? 500);
const SECRET = 'bench-webhook-secret-0123456789';

async function waitUntil(probe, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const stopInfra = startInfra();
const hook = await webhookReceiver(SECRET);
const platform = new TestPlatform({
  services: ['articles', 'social'],
  // A publish slowed by a busy machine waits rather than failing the run (the gateway's default is 5 s).
  env: {
    articles: { LOG_LEVEL: 'info' },
    social: { LOG_LEVEL: process.env.SOCIAL_LOG_LEVEL ?? 'info' },
    gateway: { LOG_LEVEL: 'info', RPC_TIMEOUT_MS: '30000' },
  },
});
try {
  await platform.start();
  const token = await platform.adminToken();
  await webhookChannel(platform, token, hook.url, SECRET);

  const drafts = [];
  await pool(
    Array.from({ length: PACED + BURST }, (_, i) => i),
    4,
    async (i) => {
      const res = await platform.http('POST', '/api/v1/articles', {
        token,
        body: {
          sourceLanguage: 'th',
          version: { title: `ชุมชนริมคลองร่วมวางแผนบ้านมั่นคง ครั้งที่ ${i}`, summary: 'เวทีประชาคม' },
        },
      });
      if (res.status !== 201) throw new Error(`create: ${res.status}`);
      drafts.push(res.body.id);
    },
  );
  console.log(`created ${drafts.length} draft stories`);
  // A 503 (the articles service shedding load on a busy machine) is retried, as a client would; latency counts
  // from the first try.
  let retried = 0;
  const publish = async (id) => {
    for (let attempt = 1; ; attempt++) {
      const res = await platform.http('POST', `/api/v1/articles/${id}/versions/th/publish`, { token });
      if (res.status === 200) return;
      if (res.status !== 503 || attempt === 10) throw new Error(`publish: ${res.status} ${JSON.stringify(res.body)}`);
      retried++;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  };

  // 1. Paced.
  const paced = drafts.slice(0, PACED);
  const sentAt = new Map();
  const inflight = [];
  const start = performance.now();
  for (let i = 0; i < paced.length; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sentAt.set(paced[i], performance.now());
    // Caught here, so a failure stops the run through `finally` (an unhandled rejection would orphan the services).
    inflight.push(publish(paced[i]).catch((err) => err));
  }
  const failed = (await Promise.all(inflight)).find((r) => r instanceof Error);
  if (failed) throw failed;
  await waitUntil(() => paced.every((id) => hook.arrived.has(id)), 120_000, 'paced deliveries');
  const latencies = paced.map((id) => hook.arrived.get(id) - sentAt.get(id));
  console.log(
    `paced ${RATE}/s × ${PACED}: publish → webhook delivered p50 ${percentile(latencies, 50).toFixed(0)} ms, ` +
      `p99 ${percentile(latencies, 99).toFixed(0)} ms, median ${median(latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms ` +
      `(${retried} publishes retried after a 503)`,
  );

  // 2. Burst.
  retried = 0;
  const burst = drafts.slice(PACED);
  const burstStart = performance.now();
  await pool(burst, 20, publish);
  const accepted = performance.now();
  await waitUntil(() => burst.every((id) => hook.arrived.has(id)), 600_000, 'burst deliveries');
  const last = Math.max(...burst.map((id) => hook.arrived.get(id)));
  const seconds = (last - burstStart) / 1000;
  const burstLat = burst.map((id) => hook.arrived.get(id) - burstStart);
  // The social service's own pace: what was still to deliver when the last publish was accepted, and how fast it went.
  const pending = burst.filter((id) => hook.arrived.get(id) > accepted).length;
  const drain = pending / ((last - accepted) / 1000);
  console.log(
    `burst ${BURST}: publishes accepted in ${((accepted - burstStart) / 1000).toFixed(1)} s ` +
      `(${(BURST / ((accepted - burstStart) / 1000)).toFixed(0)}/s); all delivered in ${seconds.toFixed(1)} s ` +
      `→ ${(BURST / seconds).toFixed(1)} deliveries/s; median time to delivery ${(median(burstLat) / 1000).toFixed(1)} s ` +
      `(${retried} publishes retried after a 503); ${pending} still to deliver when the last publish was accepted, ` +
      `delivered at ${drain.toFixed(1)}/s`,
  );
} finally {
  await platform.stop();
  hook.server.close();
  stopInfra();
}
