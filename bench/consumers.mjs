#!/usr/bin/env node
// Benchmark: do the durable consumers keep up with a steady stream of publishes (what an archive import through the
// admin API is)? Real gateway, articles, translation and social processes; a social webhook channel on a local
// receiver and machine translation on a local zero-latency LibreTranslate stand-in.
//   npm run bench:consumers     (RATE=20 CONSUMERS_MINUTES=3 MAX_IN_FLIGHT=64 by default)
// The write path alone, 8 in flight as fast as it goes: RATE=1000 MAX_IN_FLIGHT=8 (PROFILE=DIR for CPU profiles).
// Each story is created and then published through the admin API, one started every 1/RATE s (at most
// MAX_IN_FLIGHT at once: a platform that cannot take the rate shows as publishes behind schedule, not as a pile of
// open requests). Every minute it prints each durable consumer's pending count from JetStream (not yet delivered +
// delivered and not yet acknowledged), the publishes of that minute and publish → social post p50/p99 (the
// webhook's arrival minus the start of the publish request, and minus its answer: what the consumers and the
// dispatcher add to a publish that is slow on a busy machine). After the last publish: the time until every
// consumer's pending count is 0 and every post arrived (the drain), and the latency over the whole run.
// Goals (issue 17): pending bounded, drain ≤ 1 min, p99 ≤ 1 s. Not a test: nothing is asserted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { TestPlatform } from '@khao/testing';
import {
  benchStory,
  percentile,
  prng,
  root,
  startInfra,
  webhookChannel,
  webhookReceiver,
  zeroLatencyProvider,
} from './lib.mjs';

const RATE = Number(process.env.RATE ?? 20);
const MINUTES = Number(process.env.CONSUMERS_MINUTES ?? 3);
const MAX_IN_FLIGHT = Number(process.env.MAX_IN_FLIGHT ?? 64);
const DRAIN_TIMEOUT_MS = Number(process.env.DRAIN_TIMEOUT_MS ?? 600_000);
const SECRET = 'bench-webhook-secret-0123456789';
const EVENTS = 'KHAO_EVENTS';

const stopInfra = startInfra();
const hook = await webhookReceiver(SECRET);
const provider = await zeroLatencyProvider();
const LOG_LEVEL = process.env.SERVICE_LOG_LEVEL ?? 'info';
// PROFILE=DIR: articles and the gateway run with --cpu-prof into DIR/<app>, summarised at the end.
const PROFILE = process.env.PROFILE ? path.resolve(process.env.PROFILE) : undefined;
const profiled = (app) => (PROFILE ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.join(PROFILE, app)}` } : {});
const platform = new TestPlatform({
  services: ['articles', 'translation', 'social'],
  env: {
    articles: { LOG_LEVEL, ...profiled('articles') },
    social: { LOG_LEVEL },
    translation: {
      LOG_LEVEL,
      TRANSLATION_PROVIDER: 'libretranslate',
      LIBRETRANSLATE_URL: provider.url,
      TRANSLATION_TRIGGER: 'publish',
    },
    // A request slowed by a busy machine waits rather than failing the run (the gateway's default is 5 s).
    gateway: { LOG_LEVEL, RPC_TIMEOUT_MS: '30000', ...profiled('gateway') },
  },
});
const nc = await connect({ servers: process.env.NATS_URL });
const jsm = await jetstreamManager(nc);
let completedJobs = 0;
const completions = nc.subscribe('events.translation.job.completed.v1');
void (async () => {
  for await (const m of completions) if (m.subject) completedJobs++;
})();

/** This platform's durable consumers of the event stream and what each has not acknowledged yet. */
async function pendingByConsumer() {
  const out = {};
  for await (const ci of jsm.consumers.list(EVENTS)) {
    if (!ci.name.endsWith(platform.suffix)) continue;
    out[ci.name.slice(0, -platform.suffix.length - 1)] = ci.num_pending + ci.num_ack_pending;
  }
  return out;
}

/** CPU seconds so far of each of our processes (services, FerretDB, NATS), from /proc (Linux). */
function cpuSeconds() {
  const pids = Object.fromEntries([...platform.procs].map(([app, p]) => [app, p.pid]));
  for (const server of ['mongo', 'nats']) {
    const file = path.join(root, '.data/bench/run', `${server}.pid`);
    if (fs.existsSync(file)) pids[server === 'mongo' ? 'ferretdb' : server] = Number(fs.readFileSync(file, 'utf8'));
  }
  const out = {};
  for (const [name, pid] of Object.entries(pids)) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      out[name] = (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in ticks of 10 ms
    } catch {
      // not Linux, or the process is gone: left out
    }
  }
  return out;
}
let cpuBefore = {};
let cpuAt = 0;
/** Each process's CPU since the last call, in % of one core. */
function cpuSince() {
  const now = cpuSeconds();
  const seconds = (performance.now() - cpuAt) / 1000;
  const out = Object.fromEntries(
    Object.entries(now).map(([k, v]) => [k, `${(((v - (cpuBefore[k] ?? 0)) / seconds) * 100).toFixed(0)}%`]),
  );
  cpuBefore = now;
  cpuAt = performance.now();
  return out;
}

/** The machine's 1-minute load average (2 cores here: above 2, every process waits for its turn). */
const loadavg = () => os.loadavg()[0].toFixed(1);

const fmt = (o) =>
  Object.entries(o)
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
const latencyOf = (ids, from) =>
  ids.filter((id) => hook.arrived.has(id)).map((id) => hook.arrived.get(id) - from.get(id));
const p5099 = (values) => `p50 ${percentile(values, 50).toFixed(0)} ms, p99 ${percentile(values, 99).toFixed(0)} ms`;
/** From the publish request's start, and from its answer (what the consumers and the dispatcher add). */
const pct = (ids) => {
  const sent = latencyOf(ids, sentAt);
  if (!sent.length) return 'no posts yet';
  return `${p5099(sent)}; from the publish's answer ${p5099(latencyOf(ids, acceptedAt))} (${sent.length} posts)`;
};

const sentAt = new Map(); // story id → performance.now() when its publish request started
const acceptedAt = new Map(); // … and when it was answered
const published = []; // story ids, in publish order
let retried = 0;
let failed = 0;

try {
  await platform.start();
  const token = await platform.adminToken();
  await webhookChannel(platform, token, hook.url, SECRET);

  /** A 503 (a service shedding load) is retried as a client would; the latency counts from the first try. */
  const call = async (method, path, body) => {
    for (let attempt = 1; ; attempt++) {
      const res = await platform.http(method, path, { token, body });
      if (res.status < 300) return res.body;
      if (res.status !== 503 || attempt === 10) throw new Error(`${method} ${path}: ${res.status}`);
      retried++;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  };
  const rnd = prng(1717);
  const publishOne = async (i) => {
    try {
      const story = await call('POST', '/api/v1/articles', benchStory(i, rnd));
      sentAt.set(story.id, performance.now());
      await call('POST', `/api/v1/articles/${story.id}/versions/th/publish`);
      acceptedAt.set(story.id, performance.now());
      published.push(story.id);
    } catch (err) {
      failed++;
      if (failed <= 5) console.error(`  publish failed: ${err.message}`);
    }
  };

  const total = Math.round(RATE * 60 * MINUTES);
  console.log(`publishing ${total} stories at ${RATE}/s for ${MINUTES} min (at most ${MAX_IN_FLIGHT} in flight)`);
  const start = performance.now();
  cpuSince();
  const inflight = new Set();
  let minute = 1;
  let minuteFrom = 0; // index into `published` where this minute's publishes start
  const report = async (label) => {
    const ids = published.slice(minuteFrom);
    minuteFrom = published.length;
    const p = await pendingByConsumer();
    console.log(
      `${label}: ${ids.length} published (${published.length} in all, ${failed} failed, ${retried} retried after a 503); ` +
        `pending ${fmt(p)}; translation jobs completed ${completedJobs}; publish → post ${pct(ids)}; ` +
        `CPU ${fmt(cpuSince())}; machine load ${loadavg()}`,
    );
  };
  // The run lasts MINUTES whatever the platform takes: what it could not take shows as "behind schedule".
  for (let i = 0; i < total && performance.now() - start < MINUTES * 60_000; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    while (inflight.size >= MAX_IN_FLIGHT) await Promise.race(inflight);
    const p = publishOne(i).finally(() => inflight.delete(p));
    inflight.add(p);
    if (performance.now() - start >= minute * 60_000) {
      // The minute's figures are read while publishing goes on (the posts of the last second may still be coming).
      void report(`minute ${minute}`);
      minute++;
    }
  }
  await Promise.all(inflight);
  const ended = performance.now();
  const seconds = (ended - start) / 1000;
  await report(`end (${seconds.toFixed(0)} s)`);
  console.log(
    `publishing: ${published.length} in ${seconds.toFixed(1)} s = ${(published.length / seconds).toFixed(1)}/s ` +
      `(asked ${RATE}/s: ${total - published.length - failed} behind schedule at the end); ${failed} failed`,
  );

  // The drain: until every consumer has acknowledged everything and every post arrived.
  let lastPrint = ended;
  let drainedAll = false;
  for (;;) {
    const p = await pendingByConsumer();
    const waiting = published.filter((id) => !hook.arrived.has(id)).length;
    const done = Object.values(p).every((n) => n === 0) && waiting === 0;
    if (done) {
      drainedAll = true;
      break;
    }
    if (performance.now() - ended > DRAIN_TIMEOUT_MS) {
      console.log(`drain: not done after ${DRAIN_TIMEOUT_MS / 1000} s: pending ${fmt(p)}, ${waiting} posts to come`);
      break;
    }
    if (performance.now() - lastPrint >= 30_000) {
      console.log(`  draining: pending ${fmt(p)}, ${waiting} posts to come, ${completedJobs} jobs completed`);
      lastPrint = performance.now();
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const drained = (performance.now() - ended) / 1000;
  console.log(`  CPU while draining: ${fmt(cpuSince())}; machine load ${loadavg()}`);
  if (drainedAll) {
    console.log(`drain: every consumer at 0 and every post arrived ${drained.toFixed(1)} s after the last publish`);
  }
  console.log(`publish → social post over the run: ${pct(published)}`);
  console.log(`translation jobs completed: ${completedJobs} of ${published.length}`);
  for (const path of ['/api/v1/translation-jobs', '/api/v1/social/posts']) {
    const t0 = performance.now();
    const res = await platform.http('GET', path, { token });
    console.log(`GET ${path}: ${res.status} in ${(performance.now() - t0).toFixed(0)} ms`);
  }
} finally {
  completions.unsubscribe();
  await nc.close();
  await platform.stop();
  hook.server.close();
  provider.close();
  stopInfra();
}
if (PROFILE) {
  const { summarise } = await import('./cpu-profile-summary.mjs');
  for (const app of ['articles', 'gateway']) {
    const dir = path.join(PROFILE, app);
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.cpuprofile')))
      console.log(`\n${app}: ${summarise(path.join(dir, f), 20)}`);
  }
}
