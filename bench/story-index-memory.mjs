#!/usr/bin/env node
// Benchmark: what the articles service's StoryIndex holds in memory once booted from its snapshot, part by part.
//   npm run -s build && npm run bench:story-index-memory          (STORIES=50000 by default)
// Builds STORIES published Thai stories like bench:archive's import (one version, six paragraphs), writes them as
// the snapshot's chunks (gzipped V8 serialization, CHUNK_STORIES a chunk) to a temporary directory, then loads them
// in a fresh process the way a boot does (StoryIndex.putIndexed, young generation capped as the service runs) and
// prints, after a full GC: RSS, V8's heap by space, the text engine's typed arrays by kind, and what dropping the
// engine and then the story records gives back (bytes a story each). Not a test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import zlib from 'node:zlib';
import { prng, sentences } from './lib.mjs';

const STORIES = Number(process.env.STORIES ?? 50_000);
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/articles/dist/stories');
const { StoryIndex } = await import(`${dist}/story-index.js`);
const { CHUNK_STORIES } = await import(`${dist}/story-index.snapshot.js`);

const MiB = 1024 * 1024;
const mib = (b) => `${(b / MiB).toFixed(1)} MiB`;
const perStory = (b) => `${Math.round(b / STORIES)} B/story`;

if (process.argv[2] === 'load') await load(process.argv[3]);
else await build();

/** Builds the stories, writes their snapshot chunks and measures a load of them in a process of its own. */
async function build() {
  if (process.env.SNAPSHOT_DIR && fs.existsSync(process.env.SNAPSHOT_DIR)) return measure(process.env.SNAPSHOT_DIR);
  const { Stories } = await import(`${dist}/story.schema.js`);
  const { derive } = await import(`${dist}/story-state.js`);
  const provinces = ['อุดรธานี', 'ขอนแก่น', 'เชียงใหม่', 'นครศรีธรรมราช', 'สงขลา', 'อุบลราชธานี', 'น่าน'];
  const rnd = prng(2560);
  const index = new StoryIndex();
  const started = performance.now();
  for (let i = 0; i < STORIES; i++) {
    const province = provinces[Math.floor(rnd() * provinces.length)];
    const at = new Date(Date.UTC(2020, 0, 1) + i * 45 * 60_000);
    const body = Array.from({ length: 6 }, () => `<p>${sentences[Math.floor(rnd() * sentences.length)]}</p>`).join('');
    const doc = Stories.schema.parse({
      _id: (0x6b000000 + i).toString(16).padStart(24, '0'),
      revision: 1,
      sourceLanguage: 'th',
      dateline: { province },
      eventDate: null,
      categories: ['บ้านมั่นคง'],
      tags: [province],
      byline: 'กองบรรณาธิการ',
      coverMediaId: null,
      galleryMediaIds: [],
      versions: [
        {
          language: 'th',
          title: `${province}: ชาวบ้านร่วมวางแผนพัฒนาที่อยู่อาศัย ฉบับที่ ${i}`,
          summary: 'สภาองค์กรชุมชนร่วมกับ พอช. จัดเวทีวางแผนบ้านมั่นคง',
          body,
          seo: {},
          slug: '',
          status: 'published',
          revision: 1,
          scheduledAt: null,
          publishedAt: at,
          updatedAt: at,
          updatedBy: 'bench',
          translationOf: null,
        },
      ],
      createdBy: 'bench',
      createdAt: at,
      updatedAt: at,
    });
    derive(doc);
    index.put(doc);
  }
  const dir = process.env.SNAPSHOT_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'story-index-memory-'));
  fs.mkdirSync(dir, { recursive: true });
  let batch = [];
  let chunks = 0;
  const flush = () => {
    fs.writeFileSync(path.join(dir, `${chunks++}`), zlib.gzipSync(v8.serialize(batch), { level: 1 }));
    batch = [];
  };
  for (const e of index.indexed()) {
    batch.push(e);
    if (batch.length === CHUNK_STORIES) flush();
  }
  if (batch.length) flush();
  console.log(
    `${STORIES} stories built and written as ${chunks} chunks in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  measure(dir);
  if (!process.env.SNAPSHOT_DIR) fs.rmSync(dir, { recursive: true, force: true });
}

/** Measures a load of the chunks in `dir` in a process of its own. */
function measure(dir) {
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      `--max-semi-space-size=${process.env.SEMI_SPACE_MB ?? 16}`,
      fileURLToPath(import.meta.url),
      'load',
      dir,
    ],
    { stdio: 'inherit', env: process.env },
  );
  process.exitCode = child.status ?? 1;
}

/** Resident MiB by kind of mapping: the C heap (brk), anonymous mappings (V8's pages, large mallocs), files. */
function resident() {
  const out = { heap: 0, anonymous: 0, files: 0 };
  let kind = 'files';
  for (const line of fs.readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (head)
      kind = head[1] === '[heap]' ? 'heap' : head[1] === '' || head[1].startsWith('[anon') ? 'anonymous' : 'files';
    else if (line.startsWith('Rss:')) out[kind] += Number(line.split(/\s+/)[1]) / 1024;
  }
  return Object.entries(out)
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(', ');
}

async function gcd() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed, external: m.external };
}

/** Loads the chunks in `dir` as a boot does and takes the memory apart. */
async function load(dir) {
  const base = await gcd();
  console.log(`empty process resident MiB: ${resident()}`);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const index = new StoryIndex();
  const files = fs.readdirSync(dir).sort((a, b) => Number(a) - Number(b));
  for (const f of files) {
    const entries = v8.deserialize(zlib.gunzipSync(fs.readFileSync(path.join(dir, f))));
    for (const { story, analyzed } of entries) index.putIndexed(story, analyzed);
  }
  index.loaded();
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `loaded ${index.size} stories in ${((performance.now() - t0) / 1000).toFixed(1)} s (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU)`,
  );
  const rssPeak = process.memoryUsage().rss;
  index.query({ limit: 1 }); // what the first listing builds (the newest-first order)
  const loaded = await gcd();
  console.log(
    `RSS ${mib(rssPeak)} right after the load, ${mib(loaded.rss)} after a full GC (empty process: ${mib(base.rss)})`,
  );
  console.log(`  resident MiB: ${resident()}`);
  for (const s of v8.getHeapSpaceStatistics())
    if (s.space_size > MiB)
      console.log(`  ${s.space_name.padEnd(22)} used ${mib(s.space_used_size)} of ${mib(s.space_size)}`);
  console.log(
    `heap used ${mib(loaded.heap - base.heap)} and off heap ${mib(loaded.external - base.external)} above an empty process`,
  );

  // What a snapshot write reads from the index (its analysed fields back from the engine), and the chunks' encoding.
  const write0 = process.cpuUsage();
  let analysed = 0;
  for (const e of index.indexed()) analysed += e.analyzed.length;
  const read = process.cpuUsage(write0);
  console.log(
    `a snapshot's entries read back (${analysed} versions): ${((read.user + read.system) / 1e6).toFixed(2)} s CPU`,
  );
  if (process.env.HEAP_SNAPSHOT) v8.writeHeapSnapshot(process.env.HEAP_SNAPSHOT);
  typedArrays(index.text);
  index.text = null;
  const noText = await gcd();
  console.log(
    `the text engine: ${mib(loaded.heap - noText.heap)} heap + ${mib(loaded.external - noText.external)} off heap (${perStory(loaded.heap - noText.heap + loaded.external - noText.external)})`,
  );
  index.entries.clear();
  index.sorted = [];
  index.slugs.clear();
  index.strings.clear();
  const none = await gcd();
  const records = noText.heap - none.heap;
  console.log(`story records, sort keys and slugs: ${mib(records)} heap (${perStory(records)})`);
  console.log(`left: ${mib(none.heap)} heap, RSS ${mib(none.rss)} (${resident()})`);
}

/** The engine's typed arrays, by kind (its fields are private to TypeScript only). */
function typedArrays(text) {
  const bytes = { pairs: 0, positions: 0, blocks: 0, docs: 0, 'per-slot and per-term arrays': 0 };
  const slack = { pairs: 0, positions: 0 };
  for (const p of text.postings) {
    bytes.pairs += p.pairs.byteLength;
    slack.pairs += p.pairs.byteLength - p.length * 8;
    bytes.positions += p.positions.byteLength;
    slack.positions += p.positions.byteLength - p.used * p.positions.BYTES_PER_ELEMENT;
    bytes.blocks += p.blocks.byteLength;
  }
  for (const e of text.entries) if (e) bytes.docs += e.data.byteLength;
  for (const v of Object.values(text)) if (ArrayBuffer.isView(v)) bytes['per-slot and per-term arrays'] += v.byteLength;
  console.log(`text engine: ${text.words.length} terms, ${text.entries.length} documents`);
  for (const [k, b] of Object.entries(bytes)) console.log(`  ${k.padEnd(30)} ${mib(b).padStart(10)}  ${perStory(b)}`);
  console.log(`  slack: pairs ${mib(slack.pairs)}, positions ${mib(slack.positions)}`);
}
