#!/usr/bin/env node
// Benchmark: the public read path through the gateway at 50 connections: one story's JSON by slug and its HTML
// page (a cover and two gallery photos) in three modes (MODES below): from the gateway's response cache, built for
// every request with the images from the gateway's image cache, and cold (every request asks articles and media).
// Each gateway run is interleaved with a run against a bare Fastify server returning the same bytes
// (bench/bare-fastify.mjs), so every figure has its same-run reference: prints req/s and p50/p99 of both per run,
// the medians, the gateway/bare ratios and the gateway's RSS.
//   npm run bench:public              (STORIES=100 DURATION=10 RUNS=3 by default)
// Not a test: nothing is asserted.
import { Blob, Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import sharp from 'sharp';
import { TestPlatform } from '@khao/testing';
import { bareReference, median, pool, startInfra } from './lib.mjs';

const STORIES = Number(process.env.STORIES ?? 100);
const DURATION = Number(process.env.DURATION ?? 10);
const RUNS = Number(process.env.RUNS ?? 3);
const CONNECTIONS = 50;
const ROTATE = 20; // requests rotate over this many stories
// cached: the response cache answers; uncached: every response is built (images from the gateway's image cache,
// what a reader meets on a miss); cold: no cache at all, every request asks articles and media.
const MODES = { cached: null, uncached: { PUBLIC_RESPONSE_CACHE: 'false' }, cold: { PUBLIC_CACHE: 'false' } };
// PROFILE=DIR: the services run with --cpu-prof into DIR/<app> (the gateway writes one profile per mode),
// summarised at the end by bench/cpu-profile-summary.mjs.
const PROFILE = process.env.PROFILE ? path.resolve(process.env.PROFILE) : undefined;
const appEnv = (app, extra = {}) => ({
  LOG_LEVEL: 'info',
  ...(PROFILE ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.join(PROFILE, app)}` } : {}),
  ...extra,
});

const provinces = ['อุดรธานี', 'ขอนแก่น', 'เชียงใหม่', 'นครศรีธรรมราช', 'สงขลา'];
const paragraph =
  '<p>อุดรธานี/ เมื่อวันที่ 10 – 11 เมษายน 2560 สภาองค์กรชุมชนตำบลหนองบัวร่วมกับสถาบันพัฒนาองค์กรชุมชน (พอช.) ' +
  'จัดเวทีแลกเปลี่ยนเรื่องที่อยู่อาศัย ชาวบ้านกว่าสองร้อยคนร่วมกำหนดแผนบ้านมั่นคง</p>' +
  '<blockquote>“เราอยากมีบ้านที่มั่นคง ไม่ต้องกลัวถูกไล่ที่อีก” ผู้แทนชุมชนกล่าว</blockquote>';

/** A generated photo (gradient and a label), uploaded through the gateway's multipart route. */
async function uploadPhoto(platform, token, label) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="1333"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2a6"/><stop offset="1" stop-color="#fc3"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><text x="50%" y="50%" font-size="120" text-anchor="middle">${label}</text></svg>`;
  const bytes = await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
  const form = new globalThis.FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), `IMG_${label}.jpg`);
  const res = await fetch(`${platform.baseUrl}/api/v1/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  return (await res.json()).id;
}

function story(i, images) {
  const province = provinces[i % provinces.length];
  return {
    sourceLanguage: 'th',
    dateline: { province },
    eventDate: { start: '2017-04-10T09:00:00+07:00', end: '2017-04-11T16:00:00+07:00' },
    categories: ['บ้านมั่นคง'],
    tags: ['สภาองค์กรชุมชน', province],
    byline: 'กองบรรณาธิการ',
    coverMediaId: images[0],
    galleryMediaIds: images.slice(1),
    version: {
      title: `${province}: สภาองค์กรชุมชนร่วมวางแผนพัฒนาที่อยู่อาศัย ครั้งที่ ${i}`,
      summary: 'เวทีสองวันที่ศาลากลางจังหวัด ชาวบ้านกว่าสองร้อยคนร่วมกำหนดแผนบ้านมั่นคง',
      body: paragraph.repeat(6),
    },
  };
}

function run(url, requests) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION, requests }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

async function measure(url, requests, name) {
  const result = await run(url, requests);
  if (result.non2xx || result.errors) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result;
}

const pct = (ratio) => `${(ratio * 100).toFixed(0)}%`;

/**
 * The bare Fastify reference (bench/bare-fastify.mjs) in a process of its own, serving the bytes and headers the
 * gateway sends for each path, captured from the gateway's cache.
 */
async function startReference(baseUrl, requests) {
  const captured = {};
  for (const { path: p } of requests) {
    const res = await fetch(baseUrl + p);
    const headers = {};
    for (const h of ['content-type', 'cache-control', 'etag', 'last-modified', 'x-correlation-id']) {
      const v = res.headers.get(h);
      if (v) headers[h] = v;
    }
    captured[p] = { headers, body: await res.text() };
  }
  const reference = await bareReference(captured);
  const bytes = Object.values(captured).map((c) => Buffer.byteLength(c.body));
  console.log(
    `bare Fastify reference on port ${reference.port}: ${bytes.length} captured responses, ${Math.min(...bytes)}–${Math.max(...bytes)} bytes`,
  );
  return reference;
}

function rssMiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const stopInfra = startInfra();
const platform = new TestPlatform({
  services: ['articles', 'media'],
  env: {
    articles: appEnv('articles'),
    gateway: appEnv('gateway'),
    media: appEnv('media', { S3_BUCKET: `bench-${Date.now()}`, MEDIA_AVIF: 'false' }),
  },
});
const results = {};
try {
  await platform.start();
  const token = await platform.adminToken();
  // Every story shows a cover and two gallery photos, so each uncached page also resolves its images.
  const images = [
    await uploadPhoto(platform, token, 'cover'),
    await uploadPhoto(platform, token, 'IMG3551'),
    await uploadPhoto(platform, token, 'IMG3552'),
  ];
  const slugs = [];
  await pool(
    Array.from({ length: STORIES }, (_, i) => i),
    4,
    async (i) => {
      const created = await platform.http('POST', '/api/v1/articles', { token, body: story(i, images) });
      if (created.status !== 201) throw new Error(`seeding failed: ${created.status} ${JSON.stringify(created.body)}`);
      const id = created.body.id;
      const pub = await platform.http('POST', `/api/v1/articles/${id}/versions/th/publish`, { token });
      if (pub.status !== 200) throw new Error(`publish failed: ${pub.status}`);
      slugs.push(pub.body.versions.find((v) => v.language === 'th').slug);
    },
  );
  console.log(`seeded and published ${STORIES} Thai stories, each with a cover and two gallery photos`);
  const rotate = slugs.slice(0, ROTATE).map(encodeURIComponent);
  const cases = {
    'story JSON by slug': rotate.map((s) => ({ method: 'GET', path: `/api/v1/public/articles/th/${s}` })),
    'article HTML page': rotate.map((s) => ({ method: 'GET', path: `/th/news/${s}` })),
  };

  const reference = await startReference(platform.baseUrl, Object.values(cases).flat());
  try {
    for (const [mode, env] of Object.entries(MODES)) {
      if (env) await platform.restart('gateway', appEnv('gateway', env));
      const pid = platform.proc('gateway').pid;
      for (const [name, requests] of Object.entries(cases)) {
        // one pass to warm the cache (and the JIT) of both servers
        for (const r of requests) await fetch(platform.baseUrl + r.path);
        for (const r of requests) await fetch(reference.url + r.path);
        const gw = { rps: [], p50: [], p99: [] };
        const bare = { rps: [], p50: [], p99: [] };
        const ratios = [];
        // Interleaved: each gateway run has a reference run beside it, so a noisy minute hits both.
        for (let r = 0; r < RUNS; r++) {
          const g = await measure(platform.baseUrl, requests, name);
          const b = await measure(reference.url, requests, `${name} (bare)`);
          for (const [acc, res] of [
            [gw, g],
            [bare, b],
          ]) {
            acc.rps.push(res.requests.average);
            acc.p50.push(res.latency.p50);
            acc.p99.push(res.latency.p99);
          }
          ratios.push(g.requests.average / b.requests.average);
          console.log(
            `  ${mode} ${name} run ${r + 1}: gateway ${g.requests.average.toFixed(0)} req/s p50 ${g.latency.p50} p99 ${g.latency.p99} ms | bare ${b.requests.average.toFixed(0)} req/s p99 ${b.latency.p99} ms | ratio ${pct(ratios.at(-1))}`,
          );
        }
        const rss = rssMiB(pid);
        const row = {
          rps: median(gw.rps),
          p50: median(gw.p50),
          p99: median(gw.p99),
          bareRps: median(bare.rps),
          bareP99: median(bare.p99),
          ratio: median(ratios),
          rss,
        };
        results[`${mode} ${name}`] = row;
        console.log(
          `${mode} ${name}: median ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms; bare ${row.bareRps.toFixed(0)} req/s; gateway/bare ${pct(row.ratio)}; gateway RSS ${rss.toFixed(0)} MiB (${CONNECTIONS} connections, ${RUNS}×${DURATION} s each)`,
        );
      }
    }
  } finally {
    reference.stop();
  }
  console.log(
    '\nsummary (medians of interleaved runs; goals: cached ≥ 60% of bare with p99 ≤ 15 ms, uncached JSON ≥ 1,500 req/s and ≥ 10% of bare with p99 ≤ 60 ms):',
  );
  for (const name of Object.keys(cases)) {
    const c = results[`cached ${name}`];
    const parts = Object.keys(MODES).map((mode) => {
      const r = results[`${mode} ${name}`];
      return `${mode} ${r.rps.toFixed(0)} req/s p99 ${r.p99} ms (${pct(r.ratio)} of bare ${r.bareRps.toFixed(0)})`;
    });
    console.log(
      `  ${name}: ${parts.join(' | ')} | cached/uncached ${(c.rps / results[`uncached ${name}`].rps).toFixed(1)}×`,
    );
  }
  console.log(
    `  cores: ${(await import('node:os')).availableParallelism()}, load average at the end: ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await platform.stop();
  stopInfra();
}
if (PROFILE) {
  const { summarise } = await import('./cpu-profile-summary.mjs');
  const profiles = (app) =>
    fs
      .readdirSync(path.join(PROFILE, app))
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => path.join(PROFILE, app, f))
      .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs);
  // The gateway wrote one profile per mode (it restarts in between); articles and media one for the whole run.
  for (const [i, f] of profiles('gateway').entries())
    console.log(`\ngateway, ${Object.keys(MODES)[i]}: ${summarise(f, 20)}`);
  for (const app of ['articles', 'media']) console.log(`\n${app}, whole run: ${summarise(profiles(app)[0], 15)}`);
}
