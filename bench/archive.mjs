#!/usr/bin/env node
// Benchmark: what the size of the archive costs. Imports published Thai stories through the admin import path
// (POST /api/v1/articles/import, the services' own write path) up to each size, waits for every durable consumer
// to drain, then measures: the articles service's ready time after a restart and its RSS, the gateway's RSS, and
// (median of RUNS runs, each after one create + publish that drops the public caches) the sitemap index, a month's
// sitemap, the RSS feed, the front page, the admin Thai search, the public list (first and cached), the create +
// publish itself and every admin list. The first size is the ratio reference.
//   npm run -s build && npm run bench:archive          (ARCHIVE_SIZES=1000,10000,50000 RUNS=5 by default)
//   ARCHIVE_SIZES=1000,5000 RUNS=3 npm run bench:archive   (a quick run)
// Its infrastructure runs on its own ports (KHAO_INFRA_PORT_BASE, 12000 by default). Not a test.
import fs from 'node:fs';
import os from 'node:os';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { ServiceProcess, TestPlatform, waitFor } from '@khao/testing';
import { bareReference, median, pool, prng, sentences, startInfra } from './lib.mjs';

process.env.KHAO_INFRA_PORT_BASE ??= '12000';
const SIZES = (process.env.ARCHIVE_SIZES ?? '1000,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 5);
const BATCH = Number(process.env.IMPORT_BATCH ?? 100);
const IN_FLIGHT = Number(process.env.IMPORT_IN_FLIGHT ?? 4);
const STREAM = 'KHAO_EVENTS';

const provinces = ['อุดรธานี', 'ขอนแก่น', 'เชียงใหม่', 'นครศรีธรรมราช', 'สงขลา', 'อุบลราชธานี', 'น่าน'];
const rnd = prng(2560);
// One story every 45 minutes from the start of 2020: 50,000 stories reach into 2024, all in the past.
const publishedAt = (i) => new Date(Date.UTC(2020, 0, 1) + i * 45 * 60_000).toISOString();

function archived(i) {
  const province = provinces[Math.floor(rnd() * provinces.length)];
  const body = Array.from({ length: 6 }, () => `<p>${sentences[Math.floor(rnd() * sentences.length)]}</p>`).join('');
  return {
    sourceLanguage: 'th',
    dateline: { province },
    categories: ['บ้านมั่นคง'],
    tags: [province],
    byline: 'กองบรรณาธิการ',
    versions: [
      {
        language: 'th',
        title: `${province}: ชาวบ้านร่วมวางแผนพัฒนาที่อยู่อาศัย ฉบับที่ ${i}`,
        summary: 'สภาองค์กรชุมชนร่วมกับ พอช. จัดเวทีวางแผนบ้านมั่นคง',
        body,
        publishedAt: publishedAt(i),
      },
    ],
  };
}

/** CPU seconds a process has used (user + system), from /proc. */
const cpuSeconds = (pid) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

const rss = (pid) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};

async function timed(platform, token, method, url, body) {
  const started = performance.now();
  const res = await platform.http(method, url, { token, body });
  const ms = performance.now() - started;
  if (res.status >= 300 && res.status !== 302)
    throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return { ms, res };
}

/** Every durable consumer of the events stream: messages not yet delivered plus delivered but not acknowledged. */
async function backlog(jsm) {
  let total = 0;
  const each = [];
  for await (const c of jsm.consumers.list(STREAM)) {
    // Durables only: a stopped replica's ordered consumer lingers with its pending count until JetStream drops it.
    if (!c.config.durable_name) continue;
    const n = c.num_pending + c.num_ack_pending;
    total += n;
    if (n) each.push(`${c.config.durable_name}: ${n}`);
  }
  return { total, each };
}

async function importUpTo(platform, token, from, to) {
  const batches = [];
  for (let i = from; i < to; i += BATCH) batches.push([i, Math.min(to, i + BATCH)]);
  const started = performance.now();
  await pool(batches, IN_FLIGHT, async ([a, b]) => {
    const stories = Array.from({ length: b - a }, (_, k) => archived(a + k));
    const res = await platform.http('POST', '/api/v1/articles/import', { token, body: { stories } });
    if (res.status !== 201) throw new Error(`import ${a}–${b}: ${res.status} ${JSON.stringify(res.body)}`);
  });
  return ((to - from) / (performance.now() - started)) * 1000;
}

/** One create + publish through the admin API, as an editor does it. */
async function createAndPublish(platform, token, n) {
  const started = performance.now();
  const created = await platform.http('POST', '/api/v1/articles', {
    token,
    body: {
      sourceLanguage: 'th',
      tags: ['ข่าวใหม่'],
      version: { title: `ข่าวใหม่วันนี้ ชุมชนริมน้ำ ครั้งที่ ${n}`, body: `<p>${sentences[n % sentences.length]}</p>` },
    },
  });
  if (created.status !== 201) throw new Error(`create: ${created.status}`);
  const published = await platform.http('POST', `/api/v1/articles/${created.body.id}/versions/th/publish`, { token });
  if (published.status !== 200) throw new Error(`publish: ${published.status}`);
  return performance.now() - started;
}

/**
 * The same-run reference: a bare Fastify server (bench/bare-fastify.mjs, a process of its own) answering a fixed
 * 1.7 KB JSON, requested once in every run like the paths, so a figure can be read against what the machine gave then.
 */
async function startReference() {
  const body = JSON.stringify({
    items: Array.from({ length: 12 }, (_, i) => ({ id: i, title: `ข่าวชุมชน ${i}`, summary: 'x'.repeat(80) })),
  });
  const ref = await bareReference({ '/reference': { headers: { 'content-type': 'application/json' }, body } });
  return { url: `${ref.url}/reference`, stop: ref.stop };
}

const REFERENCE = 'bare Fastify reference';
const PATHS = {
  [REFERENCE]: null,
  'create + publish': null,
  'sitemap.xml (index)': '/sitemap.xml',
  'sitemap of a month': '/sitemaps/th/2020-01.xml',
  'RSS feed': '/feeds/th/rss.xml',
  'front page': '/th',
  'admin Thai search': `/api/v1/articles?q=${encodeURIComponent('ที่อยู่อาศัย ขอนแก่น')}`,
  'public list (first)': '/api/v1/public/articles?lang=th',
  'public list (cached)': '/api/v1/public/articles?lang=th',
  'admin: translation jobs': '/api/v1/translation-jobs',
  'admin: social posts': '/api/v1/social/posts',
  'admin: media': '/api/v1/media',
  'admin: users': '/api/v1/users',
  'admin: dead letters': '/api/v1/ops/dead-letters',
};

async function measure(platform, token, run, reference) {
  const out = {};
  for (const [name, url] of Object.entries(PATHS)) {
    if (name === REFERENCE) {
      const started = performance.now();
      await (await fetch(reference.url)).text();
      out[name] = performance.now() - started;
    } else if (url === null) out[name] = await createAndPublish(platform, token, run);
    else out[name] = (await timed(platform, token, 'GET', url)).ms;
  }
  return out;
}

const stopInfra = startInfra();
// Info logs: the platform knows a service is up by its "service.ready" line.
const platform = new TestPlatform();
const nc = await connect({ servers: process.env.NATS_URL });
const rows = [];
const reference = await startReference();
try {
  // On a loaded machine a service may take longer than the platform's 30 s to come up: try again.
  for (let attempt = 1; ; attempt++) {
    try {
      await platform.start();
      break;
    } catch (err) {
      await platform.stop();
      if (attempt === 3) throw err;
      console.log(`platform start failed (${err.message.slice(0, 80)}…); again`);
    }
  }
  const token = await platform.adminToken();
  const jsm = await jetstreamManager(nc);
  let have = 0;
  for (const size of SIZES) {
    console.log(`\n== ${size} stories ==`);
    const rate = await importUpTo(platform, token, have, size);
    have = size;
    const drainStarted = performance.now();
    let shown = 0;
    await waitFor(
      async () => {
        const b = await backlog(jsm);
        if (b.total && performance.now() - shown > 15_000) {
          shown = performance.now();
          console.log(`  behind: ${b.each.join(', ')}`);
        }
        return b.total === 0;
      },
      { what: 'the consumers to drain', timeoutMs: 3_600_000, intervalMs: 1000 },
    );
    const drainS = (performance.now() - drainStarted) / 1000;
    console.log(
      `imported at ${rate.toFixed(0)} stories/s; consumers drained ${drainS.toFixed(1)} s after the last batch`,
    );

    const restarts = [];
    const cpu = [];
    const loads = [];
    let articlesRss = NaN;
    for (let r = 0; r < Math.min(RUNS, 3); r++) {
      const started = performance.now();
      // As platform.restart does, with room for a long index load.
      await platform.proc('articles').stop();
      const previousOutput = platform.proc('articles').output();
      const p = new ServiceProcess('articles', platform.envFor('articles'));
      platform.procs.set('articles', p);
      await p.start(600_000);
      // Ready: the admin search answers (the story index is loaded).
      await waitFor(async () => (await platform.http('GET', '/api/v1/articles?limit=1', { token })).status === 200, {
        what: 'articles to answer',
        timeoutMs: 600_000,
        intervalMs: 100,
      });
      restarts.push((performance.now() - started) / 1000);
      cpu.push(cpuSeconds(p.pid));
      const loaded = /"ms":(\d+),"source":"(\w+)"[^\n]*story index loaded/.exec(p.output());
      const caught = /"caughtUp":(\d+)[^\n]*story index snapshot loaded/.exec(p.output());
      const skipped = /story index snapshot at shutdown (skipped|failed)/.test(previousOutput)
        ? ', last stop wrote none'
        : '';
      if (loaded)
        loads.push(
          `${(Number(loaded[1]) / 1000).toFixed(1)} s from ${loaded[2]}${caught ? `, ${caught[1]} caught up` : ''}${skipped}`,
        );
      articlesRss = rss(p.pid);
    }
    console.log(
      `articles ready after restart: ${restarts.map((s) => s.toFixed(1)).join(', ')} s, CPU ${cpu.map((s) => s.toFixed(1)).join(', ')} s (index loaded: ${loads.join(', ')}); RSS ${articlesRss} MiB; load average ${os.loadavg()[0].toFixed(1)}`,
    );
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await measure(platform, token, size + r, reference));
    const row = {
      size,
      load: os.loadavg()[0],
      rate,
      drainS,
      ready: median(restarts),
      articlesRss,
      gatewayRss: rss(platform.proc('gateway').pid),
    };
    for (const name of Object.keys(PATHS)) row[name] = median(runs.map((m) => m[name]));
    rows.push(row);
    console.log(
      `articles ready after restart ${row.ready.toFixed(1)} s (median of ${restarts.length}), RSS ${row.articlesRss} MiB; gateway RSS ${row.gatewayRss} MiB`,
    );
    for (const name of Object.keys(PATHS)) console.log(`  ${name.padEnd(26)} ${row[name].toFixed(1).padStart(9)} ms`);
  }
  const ref = rows[0];
  console.log(
    `\n| median ms (RUNS=${RUNS}) | ${rows.map((r) => r.size.toLocaleString('en')).join(' | ')} | ratio to ${ref.size.toLocaleString('en')} |`,
  );
  console.log(`|---|${rows.map(() => '---:').join('|')}|---:|`);
  const line = (name, fmt, key = name) =>
    console.log(
      `| ${name} | ${rows.map((r) => fmt(r[key])).join(' | ')} | ${rows.map((r) => (r[key] / ref[key]).toFixed(1)).join(' → ')} |`,
    );
  line('load average (1 min) when measured', (v) => v.toFixed(1), 'load');
  line('import, stories/s', (v) => v.toFixed(0), 'rate');
  line('consumers drained after the import, s', (v) => v.toFixed(1), 'drainS');
  line('articles ready after restart, s', (v) => v.toFixed(1), 'ready');
  line('articles RSS, MiB', (v) => String(v), 'articlesRss');
  line('gateway RSS, MiB', (v) => String(v), 'gatewayRss');
  for (const name of Object.keys(PATHS)) line(name, (v) => v.toFixed(1));
} finally {
  reference.stop();
  await nc.close();
  await platform.stop();
  stopInfra();
}
