#!/usr/bin/env node
// Benchmark: the translation jobs and social posts admin lists at archive size. Seeds JOBS translation jobs (with
// their review-list summaries) and POSTS social posts straight into the services' collections, through the
// collections' own definitions (every document checked against its schema), then starts the platform and measures
// each list's filters and second pages through the gateway (RUNS requests each: p50 and p99), beside a bare Fastify
// server answering the same bytes (the same-run reference), and what the old list read for the same page from the
// database (the driver query it sent, timed alone); then posts pages each requested once (none of their posts kept
// by the replica). Also prints each service's list load time, rows and RSS, and the bytes per row of a 100,000-row
// list in process; then restarts each service and prints its boot from the snapshot its clean stop wrote (the
// snapshot's size and write time, the boot's read time, the first filtered page after).
//   npm run -s build && npm run bench:admin-lists          (JOBS=50000 POSTS=100000 RUNS=50 by default)
// Its infrastructure runs on its own ports (KHAO_INFRA_PORT_BASE, 12000 by default). Not a test.
import fs from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { DatabaseInspector } from '@khao/persistence';
import { SortedRows } from '@khao/messaging';
import { TestPlatform, waitFor } from '@khao/testing';
import { Jobs } from '../apps/translation/dist/jobs/job.schema.js';
import { JobIndex, indexDoc } from '../apps/translation/dist/jobs/jobs.repository.js';
import { Posts } from '../apps/social/dist/posts/post.schema.js';
import { bareReference, prng, sentences, startInfra } from './lib.mjs';

process.env.KHAO_INFRA_PORT_BASE ??= '12000';
const JOBS = Number(process.env.JOBS ?? 50_000);
const POSTS = Number(process.env.POSTS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 50);
const BATCH = 1000;

const rnd = prng(1717);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const storyId = (i) => (0x6c000000 + i).toString(16).padStart(24, '0');
const channelIds = Array.from({ length: 6 }, (_, i) => (0x6d000000 + i).toString(16).padStart(24, '0'));
const channelTypes = ['webhook', 'facebook_page', 'x', 'mastodon', 'telegram', 'bluesky'];
// An archive's mix: most work long done, a little waiting.
const jobStatuses = [
  ...Array(14).fill('applied'),
  'machine_translated',
  'in_review',
  'awaiting_translator',
  'approved',
];
const postStatuses = [...Array(16).fill('sent'), 'failed', 'unconfirmed', 'deleted', 'queued'];
const at = (i) => new Date(Date.UTC(2020, 0, 1) + i * 45 * 60_000);

function job(i) {
  const source = `${sentences[i % sentences.length]} (${i})`;
  const status = pick(jobStatuses);
  const done = status === 'applied' || status === 'approved';
  const segment = (kind, text) => ({
    kind,
    source: text,
    sourceHash: `h${i}${kind}`,
    target: status === 'awaiting_translator' ? null : `[en] ${text}`,
    status: done ? 'approved' : status === 'awaiting_translator' ? 'pending' : 'machine',
    editedBy: null,
  });
  return {
    _id: `${storyId(i)}-en`,
    storyId: storyId(i),
    sourceLanguage: 'th',
    targetLanguage: 'en',
    sourceRevision: 1,
    title: `ชาวบ้านร่วมวางแผนพัฒนาที่อยู่อาศัย ฉบับที่ ${i}`,
    status,
    provider: 'libretranslate',
    segments: [segment('title', `ชาวบ้านร่วมวางแผน ฉบับที่ ${i}`), segment('p', source)],
    skeleton: ['', '<p>', '</p>'],
    attempts: 1,
    nextAttemptAt: null,
    lastError: null,
    machineSegments: 2,
    memorySegments: 0,
    approvedBy: done ? { id: 'bench-editor', email: 'editor@example.org', role: 'editor' } : null,
    approvedAt: done ? at(i + 1) : null,
    appliedRevision: status === 'applied' ? 2 : null,
    createdAt: at(i),
    updatedAt: at(i + (i % 7)),
    outbox: [],
  };
}

function post(i) {
  const story = Math.floor(i / 2);
  const c = (i * 7 + story) % channelIds.length;
  const language = i % 2 ? 'en' : 'th';
  const status = pick(postStatuses);
  const sent = status === 'sent';
  return {
    _id: `${storyId(story)}:${language}:${channelIds[c]}`,
    storyId: storyId(story),
    language,
    channelId: channelIds[c],
    channelType: channelTypes[c],
    generation: 0,
    status,
    attempts: 1,
    claims: 1,
    reconciliations: 0,
    lastError: status === 'failed' ? 'the platform answered 503' : null,
    errorKind: status === 'failed' ? 'retryable' : null,
    externalId: sent ? `ext-${i}` : null,
    externalUrl: sent ? `https://social.example.org/p/${i}` : null,
    platformData: {},
    text: `ชาวบ้านร่วมวางแผนพัฒนาที่อยู่อาศัย ฉบับที่ ${story} https://news.example.org/th/news/${story}`,
    content: {
      title: `ชาวบ้านร่วมวางแผนพัฒนาที่อยู่อาศัย ฉบับที่ ${story}`,
      summary: sentences[story % sentences.length],
      url: `https://news.example.org/th/news/${story}`,
      coverMediaId: null,
      revision: 1,
      publishedAt: at(story).toISOString(),
    },
    rkey: `rk${i}`,
    leaseUntil: null,
    nextAttemptAt: null,
    sentAt: sent ? at(story) : null,
    shownRevision: 1,
    createdAt: at(story),
    updatedAt: at(story),
    outbox: [],
  };
}

async function seed(platform) {
  const started = performance.now();
  const url = process.env.MONGO_URL;
  const inspector = await DatabaseInspector.open(url);
  const tr = inspector.db(`translation_${platform.suffix}`);
  const so = inspector.db(`social_${platform.suffix}`);
  try {
    const jobs = tr.typed(Jobs);
    const index = tr.typed(JobIndex);
    for (let i = 0; i < JOBS; i += BATCH) {
      const docs = Array.from({ length: Math.min(BATCH, JOBS - i) }, (_, k) => job(i + k));
      await jobs.insertMany(docs, { ordered: false });
      await index.insertMany(docs.map(indexDoc), { ordered: false });
    }
    const posts = so.typed(Posts);
    for (let i = 0; i < POSTS; i += BATCH) {
      await posts.insertMany(
        Array.from({ length: Math.min(BATCH, POSTS - i) }, (_, k) => post(i + k)),
        { ordered: false },
      );
    }
    console.log(`seeded ${JOBS} jobs and ${POSTS} posts in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return { tr, so, inspector };
  } catch (err) {
    await inspector.close();
    throw err;
  }
}

const rss = (pid) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};

const quantile = (values, q) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** Bytes per row of a list of `n` rows shaped as each service keeps them (strings as a load decodes them). */
function bytesPerRow(n, make) {
  const gc = globalThis.gc ?? vm.runInNewContext('gc');
  gc();
  const before = v8.getHeapStatistics().used_heap_size;
  const rows = SortedRows.of(
    Array.from({ length: n }, (_, i) => make(i)),
    (a, b) => (a.id < b.id ? -1 : 1),
  );
  gc();
  const after = v8.getHeapStatistics().used_heap_size;
  if (rows.size !== n) throw new Error('rows lost');
  return (after - before) / n;
}

v8.setFlagsFromString('--expose-gc');
const jobRowBytes = bytesPerRow(100_000, (i) => ({
  id: JSON.parse(JSON.stringify(`${storyId(i)}-en`)),
  language: 'en',
  status: 'applied',
  changed: false,
  updatedAt: at(i).getTime(),
}));
const postRowBytes = bytesPerRow(100_000, (i) => ({
  id: JSON.parse(JSON.stringify(`${storyId(i)}:th:${channelIds[i % 6]}`)),
  status: 'sent',
  updatedAt: at(i).getTime(),
}));
console.log(`bytes per row at 100,000: job ${jobRowBytes.toFixed(0)}, post ${postRowBytes.toFixed(0)}`);

const stopInfra = startInfra();
const platform = new TestPlatform({ services: ['translation', 'social'] });
let conns;
let reference;
try {
  conns = await seed(platform);
  const booted = performance.now();
  await platform.start();
  const token = await platform.adminToken();
  const loads = {};
  for (const [app, what] of [
    ['translation', 'translation jobs'],
    ['social', 'social posts'],
  ]) {
    const p = platform.proc(app);
    const line = await waitFor(
      () => p.output().match(new RegExp(`"rows":(\\d+),"ms":(\\d+)[^\\n]*${what} list loaded`)) ?? undefined,
      { what: `the ${what} list to load`, timeoutMs: 600_000, intervalMs: 200 },
    );
    loads[app] = { rows: Number(line[1]), ms: Number(line[2]), rss: rss(p.pid) };
    console.log(
      `${what}: ${line[1]} rows loaded in ${line[2]} ms (platform started ${((performance.now() - booted) / 1000).toFixed(1)} s before); RSS ${loads[app].rss} MiB`,
    );
  }

  // The translation service reconciles its job index at boot (a read of every job): measure once it is done.
  const cpu = (pid) => {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  };
  const pids = ['translation', 'social'].map((app) => platform.proc(app).pid);
  await waitFor(
    async () => {
      const before = pids.map(cpu);
      await new Promise((r) => setTimeout(r, 2000));
      return pids.every((pid, i) => cpu(pid) - before[i] < 0.1);
    },
    { what: 'the services to settle', timeoutMs: 900_000, intervalMs: 0 },
  );

  const oneStory = storyId(4242);
  const firstJobs = await platform.http('GET', '/api/v1/translation-jobs', { token });
  const firstPosts = await platform.http('GET', '/api/v1/social/posts', { token });
  const lists = {
    'jobs: first page (20)': ['/api/v1/translation-jobs', {}],
    'jobs: second page': [`/api/v1/translation-jobs?cursor=${firstJobs.body.nextCursor}`, {}],
    'jobs: in_review': ['/api/v1/translation-jobs?status=in_review', { status: 'in_review' }],
    'jobs: en, awaiting_translator': [
      '/api/v1/translation-jobs?language=en&status=awaiting_translator',
      { status: 'awaiting_translator', targetLanguage: 'en' },
    ],
    'jobs: one story': [`/api/v1/translation-jobs?storyId=${oneStory}`, { storyId: oneStory }],
    'jobs: changed=true (none)': ['/api/v1/translation-jobs?changed=true', {}],
    'posts: first page (50)': ['/api/v1/social/posts', {}],
    'posts: second page': [
      `/api/v1/social/posts?after=${firstPosts.body.nextCursor}`,
      { _id: { $gt: firstPosts.body.nextCursor } },
    ],
    'posts: failed': ['/api/v1/social/posts?status=failed', { status: 'failed' }],
    'posts: one channel, en': [
      `/api/v1/social/posts?channelId=${channelIds[4]}&language=en`,
      { channelId: channelIds[4], language: 'en' },
    ],
    'posts: one story': [`/api/v1/social/posts?storyId=${oneStory}`, { storyId: oneStory }],
  };
  const captured = {};
  for (const [name, [url]] of Object.entries(lists)) {
    const res = await fetch(`${platform.baseUrl}${url}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`${name}: ${res.status} ${await res.text()}`);
    captured[`/${encodeURIComponent(name)}`] = {
      headers: { 'content-type': 'application/json' },
      body: await res.text(),
    };
  }
  reference = await bareReference(captured);

  // What the old lists read: the whole job index for a filter (then sorted in the service); posts by filter,
  // sorted by `_id`, 50 at a time. Timed alone, through the inspector (the driver, unchecked).
  const oldRead = async (name, filter) => {
    const started = performance.now();
    if (name.startsWith('jobs')) await conns.tr.collection('job_index').find(filter);
    else await conns.so.collection('posts').find(filter, { sort: { _id: 1 }, limit: 50, projection: { outbox: 0 } });
    return performance.now() - started;
  };

  const rows = [];
  for (const [name, [url, filter]] of Object.entries(lists)) {
    const ms = [];
    const refMs = [];
    for (let r = 0; r < RUNS; r++) {
      let started = performance.now();
      const res = await fetch(`${platform.baseUrl}${url}`, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.json();
      ms.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
      started = performance.now();
      await (await fetch(`${reference.url}/${encodeURIComponent(name)}`)).text();
      refMs.push(performance.now() - started);
      if (r === 0) rows.push({ name, items: body.items.length });
    }
    // One read each: at this size each is seconds of FerretDB's CPU.
    const old = filter ? [await oldRead(name, filter)] : [];
    Object.assign(rows.at(-1), {
      p50: quantile(ms, 0.5),
      p99: quantile(ms, 0.99),
      ref50: quantile(refMs, 0.5),
      ref99: quantile(refMs, 0.99),
      old: old.length ? old[0] : NaN,
    });
  }
  // Pages each seen once, as a person paging through deep in the list: no post of them kept by the replica yet.
  {
    const ms = [];
    const refMs = [];
    let after = storyId(Math.floor(POSTS / 4));
    for (let r = 0; r < RUNS && after; r++) {
      let started = performance.now();
      const res = await fetch(`${platform.baseUrl}/api/v1/social/posts?after=${after}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = await res.json();
      ms.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`posts walked once: ${res.status}`);
      after = body.nextCursor;
      started = performance.now();
      await (await fetch(`${reference.url}/${encodeURIComponent('posts: second page')}`)).text();
      refMs.push(performance.now() - started);
    }
    rows.push({
      name: `posts: ${ms.length} pages walked once (none kept)`,
      items: 50,
      p50: quantile(ms, 0.5),
      p99: quantile(ms, 0.99),
      ref50: quantile(refMs, 0.5),
      ref99: quantile(refMs, 0.99),
      old: NaN,
    });
  }
  console.log(
    `\n${JOBS.toLocaleString('en')} jobs, ${POSTS.toLocaleString('en')} posts; ${RUNS} requests per list; load average ${os.loadavg()[0].toFixed(1)}`,
  );
  console.log('| list | items | p50 ms | p99 ms | bare Fastify p50 / p99 ms | the old read alone, ms |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.items} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.ref50.toFixed(1)} / ${r.ref99.toFixed(1)} | ${Number.isNaN(r.old) ? '–' : r.old.toFixed(0)} |`,
    );
  }
  console.log(
    `list load at boot: jobs ${loads.translation.rows} rows in ${loads.translation.ms} ms (translation RSS ${loads.translation.rss} MiB), posts ${loads.social.rows} rows in ${loads.social.ms} ms (social RSS ${loads.social.rss} MiB)`,
  );

  // A restart: the clean stop writes the rows' snapshot, the next boot reads it instead of the collection.
  for (const [app, what, url] of [
    ['translation', 'translation jobs', '/api/v1/translation-jobs?status=in_review'],
    ['social', 'social posts', '/api/v1/social/posts?status=failed'],
  ]) {
    const old = platform.proc(app);
    await old.stop();
    const written = old
      .output()
      .match(new RegExp(`"rows":(\\d+),"bytes":(\\d+),"ms":(\\d+)[^\\n]*${what} list snapshot written`));
    const started = performance.now();
    const p = await platform.restart(app);
    const line = await waitFor(
      () =>
        p.output().match(new RegExp(`"rows":(\\d+),"ms":(\\d+),"source":"(\\w+)"[^\\n]*${what} list loaded`)) ??
        undefined,
      { what: `the restarted ${what} list to load`, timeoutMs: 600_000, intervalMs: 50 },
    );
    const listed = performance.now() - started;
    const first = performance.now();
    const res = await platform.http('GET', url, { token });
    if (res.status !== 200) throw new Error(`${what} after the restart: ${res.status}`);
    console.log(
      `${what} restart: snapshot at stop ${written ? `${written[1]} rows, ${(Number(written[2]) / 1024).toFixed(0)} KiB in ${written[3]} ms` : 'not written'}; boot from ${line[3]}: ${line[1]} rows in ${line[2]} ms (${(listed / 1000).toFixed(1)} s from the process start to the list loaded), first filtered page ${(performance.now() - first).toFixed(0)} ms; RSS ${rss(p.pid)} MiB`,
    );
  }
} finally {
  reference?.stop();
  await conns?.inspector.close();
  await platform.stop();
  stopInfra();
}
