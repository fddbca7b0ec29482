#!/usr/bin/env node
// Benchmark: the articles service's in-memory search at scale, in process (the StoryIndex and its engine, as the
// search RPCs use them; no servers). For 5,000 and 50,000 stories (SIZES=…), each a published Thai version of six
// paragraphs and a published English one (bench/search-corpus.mjs): index load time, memory per story (JS heap and
// typed arrays), the time to put the index back from analysed fields (a snapshot's restart path), and the latency of
// a mix of queries (common and rare words, unspaced words apart, abbreviations, years, English, misspellings) through
// the admin and the public paths.
//   npm run -s build && npm run bench:search       (node --expose-gc is applied by the script itself)
// The machine is shared and noisy, so the queries run in ROUNDS (5) rounds of RUNS (10) passes over the mix, and each
// query is followed by a fixed reference workload in the same process: a plain linear scan scoring every document
// (BM25 over four field lengths and counts in typed arrays, what an index without postings would do for any word).
// Prints, per query kind and overall, the median over the rounds of each round's p50/p99, and the overall p50/p99
// as ratios to the same round's reference p50/p99: the reference shows how noisy the machine was meanwhile (a 2 ms
// loop with a p99 of 40 ms is the neighbours), and the ratios, not the milliseconds, compare runs on a busy machine. Not a test: nothing is asserted. PROFILE=DIR writes a CPU profile of the query phase of each size there
// (summarise it with bench/cpu-profile-summary.mjs).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseQuery, suggest } from '@khao/thai';
import { StoryIndex } from '../apps/articles/dist/stories/story-index.js';
import { median, prng } from './lib.mjs';
import { makeStory, queries } from './search-corpus.mjs';

if (typeof globalThis.gc !== 'function') {
  execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: process.env,
  });
  process.exit(0);
}

const SIZES = (process.env.SIZES ?? '5000,50000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 10);
const ROUNDS = Number(process.env.ROUNDS ?? 5);

/** The JS heap and the typed arrays' memory beside it (the engine's postings and documents live mostly there). */
const heap = () => {
  globalThis.gc();
  globalThis.gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heap: heapUsed, arrays: arrayBuffers };
};
const kib = (bytes) => (bytes / 1024).toFixed(1);
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

for (const size of SIZES) {
  const rnd = prng(2560);
  const before = heap();
  const docs = Array.from({ length: size }, (_, i) => makeStory(i, rnd));
  const index = new StoryIndex();
  const started = process.hrtime.bigint();
  for (const d of docs) index.put(d);
  const loadMs = ms(started);
  // What the index holds once the documents it was loaded from are gone (the stories' listing fields included).
  docs.length = 0;
  const after = heap();
  const [perHeap, perArrays] = [(after.heap - before.heap) / size, (after.arrays - before.arrays) / size];
  const perStory = perHeap + perArrays;
  console.log(
    `${size} stories (Thai and English published): index load ${(loadMs / 1000).toFixed(1)} s (${((loadMs * 1000) / size).toFixed(0)} µs a story), ` +
      `${kib(perStory)} KiB a story (${((perStory * size) / 2 ** 20).toFixed(0)} MiB): heap ${kib(perHeap)} KiB, typed arrays ${kib(perArrays)} KiB`,
  );
  // The restart path: the same stories put back from a snapshot's analysed fields (no ICU), into a second index.
  const snapshot = [...index.indexed()];
  const again = new StoryIndex();
  const rebuilt = process.hrtime.bigint();
  for (const { story, analyzed } of snapshot) again.putIndexed(story, analyzed);
  const rebuildMs = ms(rebuilt);
  console.log(
    `  rebuilt from analysed fields (a snapshot's restart): ${(rebuildMs / 1000).toFixed(1)} s (${((rebuildMs * 1000) / size).toFixed(0)} µs a story)`,
  );
  snapshot.length = 0;
  again.clear();
  heap();
  const session = process.env.PROFILE ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const scan = referenceScan(2 * size);
  // One untimed pass first: the first call of each path compiles it.
  for (const text of Object.values(queries).flat()) timeQuery(index, text);
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const kinds = new Map(Object.keys(queries).map((kind) => [kind, []]));
    const scans = [];
    for (let r = 0; r < RUNS; r++) {
      for (const [kind, list] of Object.entries(queries)) {
        for (const text of list) {
          kinds.get(kind).push(timeQuery(index, text));
          scans.push(timed(scan));
        }
      }
    }
    const all = stats([...kinds.values()].flat());
    const ref = stats(scans);
    rounds.push({ kinds: new Map([...kinds].map(([k, t]) => [k, stats(t)])), all, ref });
    console.log(
      `  round ${round + 1}: p50 ${all.p50.toFixed(2)} ms  p99 ${all.p99.toFixed(2)} ms; ` +
        `scan p50 ${ref.p50.toFixed(2)} ms  p99 ${ref.p99.toFixed(2)} ms`,
    );
  }
  const med = (f) => median(rounds.map(f)).toFixed(2);
  console.log(`  median of ${ROUNDS} rounds:`);
  for (const kind of Object.keys(queries)) {
    const k = (r) => r.kinds.get(kind);
    console.log(`  ${kind.padEnd(26)} p50 ${med((r) => k(r).p50)} ms  p99 ${med((r) => k(r).p99)} ms`);
  }
  console.log(
    `  all queries                p50 ${med((r) => r.all.p50)} ms  p99 ${med((r) => r.all.p99)} ms\n` +
      `  reference scan of ${2 * size} documents: p50 ${med((r) => r.ref.p50)} ms  p99 ${med((r) => r.ref.p99)} ms; ` +
      `queries/scan: p50 ${med((r) => r.all.p50 / r.ref.p50)}×, p99 ${med((r) => r.all.p99 / r.ref.p99)}×`,
  );
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(process.env.PROFILE, { recursive: true });
    fs.writeFileSync(path.join(process.env.PROFILE, `search-${size}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
  console.log('');
}

/** p50 and p99 of milliseconds. */
function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: pct(sorted, 50), p99: pct(sorted, 99) };
}

/** Milliseconds `fn()` takes. */
function timed(fn) {
  const t = process.hrtime.bigint();
  fn();
  return ms(t);
}

/**
 * One query as the services ask it: the admin search's first page (20 and one to know there is more) and the public
 * search's (10), with "did you mean" when neither finds anything; half the time (one search's worth).
 */
function timeQuery(index, text) {
  return (
    timed(() => {
      const parsed = parseQuery(text);
      const admin = index.textSearch(parsed, {}, undefined, 21);
      const pub = index.textSearch(parsed, {}, (v) => v.language === 'th' && v.status === 'published', 10);
      if (admin.total === 0 && pub.total === 0) {
        suggest(
          parsed,
          () => index.words.vocabulary(),
          (w) => index.words.documentFrequency(w) > 0,
        );
      }
    }) / 2
  );
}

/** The reference workload: BM25 of one word in every one of `docs` documents, read from typed arrays in order. */
function referenceScan(docs) {
  const rnd = prng(50);
  const lengths = Float64Array.from({ length: docs * 4 }, () => 1 + Math.floor(rnd() * 300));
  const counts = Uint8Array.from({ length: docs * 4 }, () => Math.floor(rnd() * 3));
  const weights = [4, 2, 1, 2];
  return () => {
    let sum = 0;
    for (let d = 0; d < docs; d++) {
      let tf = 0;
      for (let f = 0; f < 4; f++) tf += (weights[f] * counts[d * 4 + f]) / (0.25 + (0.75 * lengths[d * 4 + f]) / 150);
      sum += (tf * 2.2) / (tf + 1.2);
    }
    return sum;
  };
}
