#!/usr/bin/env node
// Compares this checkout's search engine with another build of it, hit by hit, on the search benchmark's archive
// (bench/search-corpus.mjs): for several hundred queries (the benchmark's mix, the labelled set's and words and
// word pairs drawn from the index, spaced and unspaced), the first page of the admin search (21) and of the public
// one (10, Thai published) must give the same documents, scores, exact flags and totals, and `match` the same set.
// Also times every query on both, interleaved, and lists the slowest: the queries that make the p99. The time is this
// thread's CPU time, the least of TRIES (3) tries: on a shared machine the wall clock mostly measures the neighbours.
//   OLD_THAI=<a checkout built at another commit>/libs/thai/dist npm run -s bench:search-compare
//   SIZE=50000 (default 20000) stories; TOP=15 slowest queries listed.
// Exits 1 when a hit differs. Not a test.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseQuery, SearchIndex } from '@khao/thai';
import { searchDocOf } from '../apps/articles/dist/stories/story-search.js';
import { prng } from './lib.mjs';
import { makeStory, queries as mix } from './search-corpus.mjs';
import { queries as labelled } from './search-quality/queries.mjs';

if (!process.env.OLD_THAI) throw new Error('OLD_THAI: the dist directory of @khao/thai built at the commit to compare');
const old = await import(pathToFileURL(path.resolve(process.env.OLD_THAI, 'search-engine/engine.js')).href);
const SIZE = Number(process.env.SIZE ?? 20000);
const TOP = Number(process.env.TOP ?? 15);
const TRIES = Number(process.env.TRIES ?? 3);

const engines = { new: new SearchIndex(), old: new old.SearchIndex() };
const rnd = prng(2560);
for (let i = 0; i < SIZE; i++) {
  const story = makeStory(i, rnd);
  for (const v of story.versions) {
    const doc = { ...searchDocOf(story, v), ref: { language: v.language, status: v.status } };
    engines.new.put(doc);
    engines.old.put(doc);
  }
}

// Words of the index by how many documents hold them: common, middling and rare ones, alone and in pairs.
const vocabulary = [...engines.new.vocabulary()].filter(([w]) => w.length > 1).sort((a, b) => b[1] - a[1]);
const pick = prng(14);
const word = () => vocabulary[Math.floor(pick() ** 2 * vocabulary.length)][0];
const drawn = [];
for (let i = 0; i < 150; i++) drawn.push(word(), `${word()} ${word()}`, `${word()}${word()}`);
const texts = [...new Set([...Object.values(mix).flat(), ...labelled.map((q) => q.q), ...drawn])];

const publicThai = (r) => r.language === 'th' && r.status === 'published';
const cpu = () => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};
const ask = (engine, parsed) => {
  let best = Infinity;
  let admin;
  let pub;
  for (let i = 0; i < TRIES; i++) {
    const t = cpu();
    admin = engine.search(parsed, { limit: 21 });
    pub = engine.search(parsed, { accept: publicThai, limit: 10 });
    best = Math.min(best, (cpu() - t) / 2);
  }
  return { admin, pub, ms: best, match: engine.match(parsed).map((h) => h.key) };
};
const show = ({ hits, total }) =>
  `${total}: ${hits.map((h) => `${h.key}/${h.score.toFixed(6)}${h.exact ? '' : '~'}`).join(' ')}`;

let differ = 0;
const timed = [];
for (const [n, text] of texts.entries()) {
  const parsed = parseQuery(text);
  // Alternate which engine goes first, so that neither always finds the caches warm.
  const [a, b] = n % 2 ? ['new', 'old'] : ['old', 'new'];
  const got = { [a]: ask(engines[a], parsed) };
  got[b] = ask(engines[b], parsed);
  timed.push({ text, new: got.new.ms, old: got.old.ms, total: got.new.admin.total });
  for (const page of ['admin', 'pub']) {
    const [x, y] = [show(got.new[page]), show(got.old[page])];
    if (x === y) continue;
    if (++differ <= 10) console.log(`DIFFERS ${page} «${text}»\n  new ${x.slice(0, 600)}\n  old ${y.slice(0, 600)}`);
  }
  const [mx, my] = [got.new.match.sort().join(), got.old.match.sort().join()];
  if (mx !== my && ++differ <= 10)
    console.log(`DIFFERS match «${text}»: ${got.new.match.length} vs ${got.old.match.length}`);
}

const sum = (k) => timed.reduce((s, q) => s + q[k], 0);
console.log(`${SIZE} stories, ${texts.length} queries: ${differ} differ`);
console.log(
  `CPU time in all new ${sum('new').toFixed(0)} ms, old ${sum('old').toFixed(0)} ms; slowest on the new engine:`,
);
for (const q of timed.sort((x, y) => y.new - x.new).slice(0, TOP)) {
  console.log(
    `  ${q.new.toFixed(2).padStart(8)} ms (old ${q.old.toFixed(2).padStart(8)})  ${q.total} hits  «${q.text}»`,
  );
}
process.exit(differ ? 1 : 0);
