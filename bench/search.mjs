#!/usr/bin/env node
// Benchmark: the articles service's in-memory search at scale, in process (the StoryIndex and its engine, as the
// search RPCs use them; no servers). For 5,000 and 50,000 stories (SIZES=…), each a published Thai version of six
// paragraphs and a published English one: index load time, heap per story, and the latency of a mix of queries
// (common and rare words, unspaced words apart, abbreviations, years, English, misspellings) through the admin and
// the public paths.
//   npm run -s build && npm run bench:search       (node --expose-gc is applied by the script itself)
// Prints p50/p99 per query kind and overall. Not a test: nothing is asserted. PROFILE=DIR writes a CPU profile of
// the query phase of each size there (summarise it with bench/cpu-profile-summary.mjs).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { parseQuery, suggest } from '@khao/thai';
import { StoryIndex } from '../apps/articles/dist/stories/story-index.js';
import { derive, unsaved } from '../apps/articles/dist/stories/story-state.js';
import { prng, topics as archiveTopics } from './lib.mjs';

if (typeof globalThis.gc !== 'function') {
  execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: process.env,
  });
  process.exit(0);
}

const SIZES = (process.env.SIZES ?? '5000,50000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 30);

const provinces = ['อุดรธานี', 'ขอนแก่น', 'เชียงใหม่', 'นครศรีธรรมราช', 'สงขลา', 'อุบลราชธานี', 'น่าน', 'ตรัง', 'ลำปาง', 'สุรินทร์'];
const places = ['หนองบัว', 'บ้านดุง', 'แม่ทะ', 'หาดใหญ่', 'เกาะลิบง', 'ท่าตูม', 'คลองท่อม', 'สันติสุข', 'กุมภวาปี', 'นาข่า'];
const people = ['นายสมชาย ใจดี', 'นางสมหมาย ใจงาม', 'ผศ.ดร.วิไลวรรณ ทองดี', 'ว่าที่ร้อยตรีประเสริฐ บุญมา', 'นางสาวพรทิพย์ แสงทอง'];
const topics = [
  ...archiveTopics,
  ['สุขภาพ', 'สปสช. หนุนกองทุนสุขภาพตำบลดูแลผู้ป่วยติดเตียง'],
  ['ประมงพื้นบ้าน', 'ชาวประมงพื้นบ้านฟื้นแหล่งหญ้าทะเลให้พะยูน'],
];
const clauses = [
  'ผู้แทนชุมชนกล่าวว่าเราอยากให้ลูกหลานมีบ้านที่มั่นคง',
  'สถาบันพัฒนาองค์กรชุมชน (พอช.) สนับสนุนงบประมาณและการจัดทำแผน',
  'ชาวบ้านกว่าสองร้อยคนเข้าร่วมเวทีที่ศาลาประชาคม',
  'หน่วยงานท้องถิ่นรับข้อเสนอไปพิจารณาในการประชุมสภาครั้งหน้า',
  'กลุ่มออมทรัพย์มีสมาชิกเพิ่มขึ้นทุกปีตั้งแต่ก่อตั้ง',
  'อบต. ร่วมกับโรงเรียนในตำบลจัดอบรมเยาวชนเรื่องการคัดแยกขยะ',
  'อาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.) ออกเยี่ยมบ้านผู้สูงอายุทุกสัปดาห์',
  'ร้านค้าชุมชนรับซื้อผลผลิตในราคาเป็นธรรม แล้วขายตรงถึงผู้บริโภค',
  'เครือข่ายป่าชุมชนปลูกต้นไม้เพิ่มสามพันต้นก่อนฤดูฝน',
  'ธนาคารข้าวให้สมาชิกยืมเมล็ดพันธุ์แล้วคืนเป็นข้าวเปลือกหลังเก็บเกี่ยว',
];
const english = [
  'Community councils and CODI held a two-day forum on secure housing by the lake.',
  'Volunteers cooked a thousand meals a day for flooded households.',
  'Fishers replanted thirty rai of seagrass and dugongs came back to feed.',
  'The savings group lends to rice farmers and rubber tappers at low interest.',
];

function version(language, title, summary, body, at) {
  return {
    language,
    title,
    summary,
    body,
    seo: {},
    slug: '',
    status: 'published',
    revision: 1,
    scheduledAt: null,
    publishedAt: at,
    updatedAt: at,
    updatedBy: 'bench',
    translationOf: language === 'th' ? null : 'th',
  };
}

function makeStory(i, rnd) {
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const at = new Date(Date.UTC(2017, 0, 1) + i * 3_600_000);
  const province = pick(provinces);
  const place = pick(places);
  const [category, headline] = pick(topics);
  const body = Array.from({ length: 6 }, () => `<p>${pick(clauses)} ${pick(people)} กล่าว ${pick(clauses)}</p>`).join(
    '',
  );
  const doc = {
    _id: (0x6b000000 + i).toString(16).padStart(24, '0'),
    revision: 1,
    sourceLanguage: 'th',
    dateline: { place, province },
    eventDate: { start: at },
    categories: [category],
    tags: [province, category],
    byline: 'กองบรรณาธิการ',
    coverMediaId: null,
    galleryMediaIds: [],
    versions: [
      version('th', `${place} ${province}: ${headline} ครั้งที่ ${i}`, pick(clauses), body, at),
      version('en', `${province}: ${pick(english)}`, pick(english), `<p>${pick(english)} ${pick(english)}</p>`, at),
    ],
    createdBy: 'bench',
    createdAt: at,
    updatedAt: at,
    ...unsaved(),
  };
  derive(doc);
  // As read from the database: flat strings (the analysed terms are joined ropes until then, which would count as
  // heap the index frees when it reads them).
  return v8.deserialize(v8.serialize(doc));
}

const queries = {
  'common word': ['ชุมชน', 'ชาวบ้าน', 'community'],
  'rare word': ['ครั้งที่ 4321', 'พะยูน', 'ครัวกลาง'],
  'unspaced words apart': ['ป่าชุมชนน่าน', 'บ้านมั่นคงอุดรธานี', 'ผู้สูงอายุสุรินทร์'],
  'abbreviation, person': ['ส.ป.ส.ช.', 'อบต', 'ผศ.ดร.วิไลวรรณ'],
  year: ['2560', '2019'],
  english: ['flooded households', 'dugong seagrass'],
  'misspelt (did you mean)': ['ลาดตระเวร', 'seegrass'],
};

const heap = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
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
  const perStory = (heap() - before) / size;
  console.log(
    `${size} stories (Thai and English published): index load ${(loadMs / 1000).toFixed(1)} s (${((loadMs * 1000) / size).toFixed(0)} µs a story), heap ${(perStory / 1024).toFixed(1)} KiB a story (${((perStory * size) / 2 ** 20).toFixed(0)} MiB)`,
  );
  heap();
  const session = process.env.PROFILE ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const all = [];
  for (const [kind, list] of Object.entries(queries)) {
    const times = [];
    for (let r = 0; r < RUNS; r++) {
      for (const text of list) {
        const t = process.hrtime.bigint();
        const parsed = parseQuery(text);
        // The admin search's first page (20 and one to know there is more) and the public search's (10).
        const admin = index.textSearch(parsed, {}, undefined, 21);
        const pub = index.textSearch(parsed, {}, (v) => v.language === 'th' && v.status === 'published', 10);
        if (admin.total === 0 && pub.total === 0) {
          suggest(
            parsed,
            () => index.words.vocabulary(),
            (w) => index.words.documentFrequency(w) > 0,
          );
        }
        times.push(ms(t) / 2);
      }
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    console.log(`  ${kind.padEnd(26)} p50 ${pct(times, 50).toFixed(2)} ms  p99 ${pct(times, 99).toFixed(2)} ms`);
  }
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(process.env.PROFILE, { recursive: true });
    fs.writeFileSync(path.join(process.env.PROFILE, `search-${size}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
  all.sort((a, b) => a - b);
  console.log(`  all queries                p50 ${pct(all, 50).toFixed(2)} ms  p99 ${pct(all, 99).toFixed(2)} ms\n`);
}
