#!/usr/bin/env node
// Benchmark: the public read path through the gateway at 50 connections: one story's JSON by slug and its HTML
// page (a cover and two gallery photos), served from the gateway's cache and uncached (PUBLIC_CACHE=false: every
// request asks the articles and media services and renders). Prints req/s, p50/p99 per run, the medians, the cached/uncached ratios and the gateway's RSS.
//   npm run bench:public              (STORIES=100 DURATION=10 RUNS=3 by default)
// Not a test: nothing is asserted.
import { Blob, Buffer } from 'node:buffer';
import fs from 'node:fs';
import autocannon from 'autocannon';
import sharp from 'sharp';
import { TestPlatform } from '@khao/testing';
import { median, pool, startInfra } from './lib.mjs';

const STORIES = Number(process.env.STORIES ?? 100);
const DURATION = Number(process.env.DURATION ?? 10);
const RUNS = Number(process.env.RUNS ?? 3);
const CONNECTIONS = 50;
const ROTATE = 20; // requests rotate over this many stories

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

function rssMiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const stopInfra = startInfra();
const platform = new TestPlatform({
  services: ['articles', 'media'],
  env: {
    articles: { LOG_LEVEL: 'info' },
    gateway: { LOG_LEVEL: 'info' },
    media: { LOG_LEVEL: 'info', S3_BUCKET: `bench-${Date.now()}`, MEDIA_AVIF: 'false' },
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

  for (const mode of ['cached', 'uncached']) {
    if (mode === 'uncached') await platform.restart('gateway', { LOG_LEVEL: 'info', PUBLIC_CACHE: 'false' });
    const pid = platform.proc('gateway').pid;
    for (const [name, requests] of Object.entries(cases)) {
      // one pass to warm the cache (and the JIT)
      for (const r of requests) await fetch(platform.baseUrl + r.path);
      const rps = [];
      const p50 = [];
      const p99 = [];
      for (let r = 0; r < RUNS; r++) {
        const result = await run(platform.baseUrl, requests);
        if (result.non2xx || result.errors)
          throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
        rps.push(result.requests.average);
        p50.push(result.latency.p50);
        p99.push(result.latency.p99);
        console.log(
          `  ${mode} ${name} run ${r + 1}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
        );
      }
      const rss = rssMiB(pid);
      results[`${mode} ${name}`] = { rps: median(rps), p50: median(p50), p99: median(p99), rss };
      console.log(
        `${mode} ${name}: median ${median(rps).toFixed(0)} req/s, p50 ${median(p50)} ms, p99 ${median(p99)} ms; gateway RSS ${rss.toFixed(0)} MiB (${CONNECTIONS} connections, ${RUNS}×${DURATION} s)`,
      );
    }
  }
  console.log('\nsummary (medians):');
  for (const name of Object.keys(cases)) {
    const c = results[`cached ${name}`];
    const u = results[`uncached ${name}`];
    console.log(
      `  ${name}: cached ${c.rps.toFixed(0)} req/s p99 ${c.p99} ms | uncached ${u.rps.toFixed(0)} req/s p99 ${u.p99} ms | cached/uncached ${(c.rps / u.rps).toFixed(1)}×`,
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
