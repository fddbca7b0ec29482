#!/usr/bin/env node
// Benchmark: admin list and Thai search through the gateway, 20 connections, over 5,000 stories.
//   npm run bench:articles            (STORIES=5000 DURATION=10 RUNS=3 by default)
// Prints req/s and latency (p50, p99) per run and the median of the runs. Not a test: nothing is asserted.
import autocannon from 'autocannon';
import { TestPlatform } from '@khao/testing';
import { median, pool, prng, sentences, startInfra } from './lib.mjs';

const STORIES = Number(process.env.STORIES ?? 5000);
const DURATION = Number(process.env.DURATION ?? 10);
const RUNS = Number(process.env.RUNS ?? 3);
const CONNECTIONS = 20;
const SEED_CONCURRENCY = 4;

const provinces = [
  'อุดรธานี',
  'ขอนแก่น',
  'เชียงใหม่',
  'นครศรีธรรมราช',
  'สงขลา',
  'อุบลราชธานี',
  'นครราชสีมา',
  'ลำปาง',
  'ตรัง',
  'น่าน',
];
const topics = [
  ['บ้านมั่นคง', 'ชาวบ้านร่วมวางแผนพัฒนาที่อยู่อาศัยริมคลอง'],
  ['สภาองค์กรชุมชน', 'สภาองค์กรชุมชนตำบลจัดเวทีแลกเปลี่ยนเรื่องการจัดการน้ำ'],
  ['ภัยพิบัติ', 'ชุมชนตั้งครัวกลางช่วยเหลือผู้ประสบอุทกภัย'],
  ['ป่าชุมชน', 'อาสาสมัครทำแนวกันไฟปกป้องป่าชุมชน'],
  ['สวัสดิการชุมชน', 'กองทุนสวัสดิการชุมชนดูแลผู้สูงอายุในหมู่บ้าน'],
  ['เกษตรกรรม', 'กลุ่มเกษตรกรปลูกผักปลอดสารส่งโรงพยาบาลอำเภอ'],
];
const queries = ['อุดรธานี', 'ครัวกลาง', 'ป่าชุมชน', 'ผู้สูงอายุ', 'บ้านมั่นคง', 'แนวกันไฟ'];

function story(i, rnd) {
  const [category, headline] = topics[Math.floor(rnd() * topics.length)];
  const province = provinces[Math.floor(rnd() * provinces.length)];
  const body = Array.from({ length: 6 }, () => `<p>${sentences[Math.floor(rnd() * sentences.length)]}</p>`).join('');
  const day = 1 + Math.floor(rnd() * 27);
  return {
    sourceLanguage: 'th',
    dateline: { province },
    eventDate: {
      start: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}T09:00:00+07:00`,
    },
    categories: [category],
    tags: [category, province],
    version: { title: `${province}: ${headline} ครั้งที่ ${i}`, summary: sentences[i % sentences.length], body },
  };
}

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
  const rnd = prng(2560);
  const started = Date.now();
  let done = 0;
  let lap = Date.now();
  await pool(
    Array.from({ length: STORIES }, (_, i) => i),
    SEED_CONCURRENCY,
    async (i) => {
      const res = await platform.http('POST', '/api/v1/articles', { token, body: story(i, rnd) });
      if (res.status !== 201) throw new Error(`seeding failed: ${res.status} ${JSON.stringify(res.body)}`);
      if (++done % 250 === 0) {
        console.log(`  seeded ${done} (${(250 / ((Date.now() - lap) / 1000)).toFixed(0)} creates/s over the last 250)`);
        lap = Date.now();
      }
    },
  );
  const seedSeconds = (Date.now() - started) / 1000;
  console.log(
    `seeded ${STORIES} stories in ${seedSeconds.toFixed(1)} s (${(STORIES / seedSeconds).toFixed(0)} creates/s, ${SEED_CONCURRENCY} in flight)`,
  );

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
