#!/usr/bin/env node
// Benchmark: what the public search's own words cost the articles service's in-memory StoryIndex, in process.
//   npm run -s build && npm run bench:story-index      (STORIES=5000 RUNS=5 by default)
// Every story has a published Thai version (6 paragraphs) and an English draft. Measures derive() (what a save
// cuts), loading them all into a fresh index (at boot, and per event on a replica) with the public words kept in
// the document and without them (stories saved before: cut at load), and one public text match over every story.
// Prints the median of the runs and the ratio. Not a test.
import { searchTokens } from '@khao/thai';
import { StoryIndex } from '../apps/articles/dist/stories/story-index.js';
import { Stories } from '../apps/articles/dist/stories/story.schema.js';
import { derive } from '../apps/articles/dist/stories/story-state.js';
import { median, prng, sentences } from './lib.mjs';

const STORIES = Number(process.env.STORIES ?? 5000);
const RUNS = Number(process.env.RUNS ?? 5);

const provinces = ['อุดรธานี', 'ขอนแก่น', 'เชียงใหม่', 'นครศรีธรรมราช', 'สงขลา', 'อุบลราชธานี', 'น่าน'];
const english = 'Community councils and CODI held a two-day forum on secure housing by the lake.';

function version(language, title, body, status, at) {
  return {
    language,
    title,
    summary: '',
    body,
    seo: {},
    slug: '',
    status,
    revision: 1,
    scheduledAt: null,
    publishedAt: status === 'published' ? at : null,
    updatedAt: at,
    updatedBy: 'bench',
    translationOf: language === 'th' ? null : 'th',
  };
}

function stories(status) {
  const rnd = prng(2560);
  return Array.from({ length: STORIES }, (_, i) => {
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000);
    const province = provinces[Math.floor(rnd() * provinces.length)];
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
        version('th', `${province}: ชาวบ้านร่วมวางแผนพัฒนาที่อยู่อาศัย ครั้งที่ ${i}`, body, status, at),
        version('en', `${province}: residents plan housing, part ${i}`, `<p>${english}</p>`.repeat(6), 'draft', at),
      ],
      createdBy: 'bench',
      createdAt: at,
      updatedAt: at,
    }); // the stored defaults filled, as an insert does
    derive(doc);
    return doc;
  });
}

const time = (fn) => {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
};

const docs = stories('published');
// Stories saved before the public words were kept.
const legacy = docs.map(({ publicTerms: _p, ...d }) => d); // eslint-disable-line no-unused-vars
const tokens = searchTokens('ศาลาประชาคม');
const r = { kept: [], legacy: [], derive: [], match: [] };
for (let run = 0; run < RUNS; run++) {
  r.derive.push(time(() => docs.forEach((d) => derive(d))));
  const index = new StoryIndex();
  r.kept.push(time(() => docs.forEach((d) => index.put(d))));
  r.legacy.push(time(() => legacy.reduce((ix, d) => (ix.put(d), ix), new StoryIndex())));
  let hits = 0;
  r.match.push(
    time(() => docs.forEach((d) => (hits += index.matchesPublished(d._id, 'th', tokens, ['ศาลาประชาคม']) ? 1 : 0))),
  );
  if (!hits) throw new Error('the query found nothing: the bench measures the wrong thing');
}
const m = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, median(v)]));
const line = (what, ms) =>
  console.log(`${what}: median ${ms.toFixed(1)} ms (${((ms * 1000) / STORIES).toFixed(1)} µs a story)`);
console.log(`${STORIES} stories (Thai published, English draft), ${RUNS} runs`);
line('derive on save (all search words, cut once)', m.derive);
line('index load, public words kept in the document', m.kept);
line('index load, public words cut at load (stories saved before)', m.legacy);
line('one public text match over every story', m.match);
console.log(`ratio: load cutting / load kept ${(m.legacy / m.kept).toFixed(1)}×`);
