#!/usr/bin/env node
// Benchmark: admin list and Thai search through the gateway, 20 connections, over 5,000 stories.
//   npm run bench:articles            (STORIES=5000 DURATION=10 RUNS=3 by default)
// Prints req/s and latency (p50, p99) per run and the median of the runs. Not a test: nothing is asserted.
import autocannon from 'autocannon';
import { TestPlatform } from '@khao/testing';
import { median, seedStories, startInfra } from './lib.mjs';

const STORIES = Number(process.env.STORIES ?? 5000);
const DURATION = Number(process.env.DURATION ?? 10);
const RUNS = Number(process.env.RUNS ?? 3);
const CONNECTIONS = 20;
const SEED_CONCURRENCY = 4;

const queries = ['อุดรธานี', 'ครัวกลาง', 'ป่าชุมชน', 'ผู้สูงอายุ', 'บ้านมั่นคง', 'แนวกันไฟ'];

function run(url, token, requests) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: CONNECTIONS, duration: DURATION, headers: { authorization: `Bearer ${token}` }, requests },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

const stopInfra = startInfra();
// Production log level: the gateway writes one JSON line per request, as it would in service.
const platform = new TestPlatform({
  services: ['articles'],
  env: { articles: { LOG_LEVEL: 'info' }, gateway: { LOG_LEVEL: 'info' } },
});
try {
  await platform.start();
  const token = await platform.adminToken();
  await seedStories(platform, token, STORIES, SEED_CONCURRENCY);

  const cases = {
    'admin list (limit 20)': [{ method: 'GET', path: '/api/v1/articles?limit=20' }],
    'Thai search (6 words, rotating)': queries.map((q) => ({
      method: 'GET',
      path: `/api/v1/articles?limit=20&q=${encodeURIComponent(q)}`,
    })),
  };
  for (const [name, requests] of Object.entries(cases)) {
    const rps = [];
    const p50 = [];
    const p99 = [];
    for (let r = 0; r < RUNS; r++) {
      const result = await run(platform.baseUrl, token, requests);
      if (result.non2xx) throw new Error(`${name}: ${result.non2xx} non-2xx responses`);
      rps.push(result.requests.average);
      p50.push(result.latency.p50);
      p99.push(result.latency.p99);
      console.log(
        `  ${name} run ${r + 1}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
      );
    }
    console.log(
      `${name}: median ${median(rps).toFixed(0)} req/s, p50 ${median(p50)} ms, p99 ${median(p99)} ms (${CONNECTIONS} connections, ${RUNS}×${DURATION} s, ${STORIES} stories)`,
    );
  }
} finally {
  await platform.stop();
  stopInfra();
}
