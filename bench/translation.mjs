#!/usr/bin/env node
// Benchmark: the translation service with a zero-latency LibreTranslate stand-in.
//   npm run bench:translation          (JOBS=200 SAMPLES=20 RUNS=3 by default)
// 1. Throughput: JOBS Thai stories are published while the translation service is stopped, then it starts and
//    drains the backlog (event → story fetched → segments → provider → drafts stored → completed event).
//    Prints jobs/s and segments/s per run and the median of the runs.
// 2. Latency: one story at a time, from the publish call returning to its job's completed event (median, p90).
// Not a test: nothing is asserted.
import { connect } from '@nats-io/transport-node';
import { TestPlatform } from '@khao/testing';
import { median, pool, startInfra, zeroLatencyProvider } from './lib.mjs';

const JOBS = Number(process.env.JOBS ?? 200);
const SAMPLES = Number(process.env.SAMPLES ?? 20);
const RUNS = Number(process.env.RUNS ?? 3);
const SEGMENTS = 9; // title, summary, 7 body blocks

function story(tag, i) {
  // Every story's text is its own, so nothing comes from the translation memory.
  const n = `${tag}-${i}`;
  return {
    sourceLanguage: 'th',
    dateline: { province: 'อุดรธานี' },
    version: {
      title: `สภาองค์กรชุมชนอุดรธานีจัดเวทีบ้านมั่นคง ครั้งที่ ${n}`,
      summary: `ชาวบ้านกว่าสองร้อยคนร่วมวางแผน (${n})`,
      body:
        `<p>อุดรธานี/ เมื่อวันที่ 10 – 11 เมษายน 2560 สภาองค์กรชุมชนร่วมกับ พอช. จัดเวที ${n}</p>` +
        `<blockquote>“เราอยากมีบ้านที่มั่นคง” ผู้แทนชุมชนกล่าว ${n}</blockquote>` +
        `<h2>แผนงาน ${n}</h2>` +
        `<ul><li>สำรวจครัวเรือน ${n}</li><li>ตั้งกลุ่มออมทรัพย์ ${n}</li><li>ขอสนับสนุนงบ ${n}</li></ul>` +
        `<p>หน่วยงานท้องถิ่นรับข้อเสนอไปพิจารณา ${n}</p>`,
    },
  };
}

const stopInfra = startInfra();
const provider = await zeroLatencyProvider();
const platform = new TestPlatform({
  services: ['articles', 'translation'],
  env: {
    articles: { LOG_LEVEL: 'info' },
    gateway: { LOG_LEVEL: 'info' },
    translation: {
      LOG_LEVEL: 'info',
      TRANSLATION_PROVIDER: 'libretranslate',
      LIBRETRANSLATE_URL: provider.url,
      TRANSLATION_TRIGGER: 'publish',
      TRANSLATION_POLL_MS: '200',
    },
  },
});
const nc = await connect({ servers: process.env.NATS_URL });
const completedAt = new Map();
const sub = nc.subscribe('events.translation.job.completed.v1');
void (async () => {
  for await (const m of sub) {
    const e = m.json();
    if (!completedAt.has(e.data.jobId)) completedAt.set(e.data.jobId, performance.now());
  }
})();

async function waitAll(ids, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  while (ids.some((id) => !completedAt.has(id))) {
    if (Date.now() > deadline)
      throw new Error(`only ${ids.filter((id) => completedAt.has(id)).length}/${ids.length} done`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Math.max(...ids.map((id) => completedAt.get(id)));
}

try {
  await platform.start();
  const token = await platform.adminToken();
  const call = async (method, path, body) => {
    const res = await platform.http(method, path, { token, body });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const publishNew = async (tag, i) => {
    const s = await call('POST', '/api/v1/articles', story(tag, i));
    await call('POST', `/api/v1/articles/${s.id}/versions/th/publish`);
    return `${s.id}-en`;
  };

  const jobsPerSecond = [];
  const segmentsPerSecond = [];
  for (let run = 1; run <= RUNS; run++) {
    await platform.proc('translation').stop();
    const ids = [];
    await pool([...Array(JOBS).keys()], 8, async (i) => ids.push(await publishNew(`r${run}`, i)));
    await platform.restart('translation');
    const t0 = performance.now();
    const callsBefore = provider.calls();
    const tEnd = await waitAll(ids);
    const seconds = (tEnd - t0) / 1000;
    jobsPerSecond.push(JOBS / seconds);
    segmentsPerSecond.push((JOBS * SEGMENTS) / seconds);
    console.log(
      `run ${run}: ${JOBS} jobs (${JOBS * SEGMENTS} segments, ${provider.calls() - callsBefore} provider calls) in ` +
        `${seconds.toFixed(2)} s: ${(JOBS / seconds).toFixed(1)} jobs/s, ${((JOBS * SEGMENTS) / seconds).toFixed(0)} segments/s`,
    );
  }

  const latencies = [];
  for (let i = 0; i < SAMPLES; i++) {
    const s = await call('POST', '/api/v1/articles', story('latency', i));
    const t0 = performance.now();
    await call('POST', `/api/v1/articles/${s.id}/versions/th/publish`);
    const t = await waitAll([`${s.id}-en`], 30_000);
    latencies.push(t - t0);
  }
  latencies.sort((a, b) => a - b);
  const p90 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.9))];

  console.log('\nmedians');
  console.log(
    `  throughput: ${median(jobsPerSecond).toFixed(1)} jobs/s, ${median(segmentsPerSecond).toFixed(0)} segments/s`,
  );
  console.log(
    `  publish → machine draft ready: median ${median(latencies).toFixed(0)} ms, p90 ${p90.toFixed(0)} ms ` +
      `(${SAMPLES} stories, one at a time)`,
  );
} finally {
  sub.unsubscribe();
  await nc.close();
  await platform.stop();
  provider.close();
  stopInfra();
}
