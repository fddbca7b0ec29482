#!/usr/bin/env node
// Benchmark: what each single-document write by `_id` costs as the collection grows, on the MongoDB-wire server our
// launcher starts (FerretDB 1.24 on SQLite; MONGO_URL set = that server instead, e.g. a real MongoDB).
//   npm run bench:ferret-writes          (SIZES=100,2000 OPS=25 DOC_KB=10 by default; FORMS=<regex> picks forms)
// Each size gets a fresh collection of documents shaped like a translation job (Thai segments, skeleton, outbox);
// every form runs OPS times on random documents, one at a time. Prints the median per form and size, and the ratio
// of the largest size to the smallest: ~1 = the form finds its document by `_id`, ≫1 = it reads the collection.
// The forms go through libs/persistence: first unchecked (the driver's forms as they are, an inspector's handle), then
// checked against a collection's zod schema, as the repositories write.
// Not a test: nothing is asserted.
import { Buffer } from 'node:buffer';
import { z } from 'zod';
import { DatabaseInspector, defineCollection } from '@khao/persistence';
import { median, prng, sentences, startInfra } from './lib.mjs';

const SIZES = (process.env.SIZES ?? '100,2000').split(',').map(Number);
const OPS = Number(process.env.OPS ?? 25);
const DOC_KB = Number(process.env.DOC_KB ?? 10);
const FORMS = new RegExp(process.env.FORMS ?? '', 'i');

const stopInfra = process.env.MONGO_URL ? () => undefined : startInfra();
const inspector = await DatabaseInspector.open(process.env.MONGO_URL);
const db = inspector.db('bench_ferret_writes');
const rand = prng(7);

/** A translation job of about DOC_KB KB: segments of Thai text with their drafts, the body's skeleton, an outbox. */
function jobDoc(id) {
  const segments = [];
  let bytes = 0;
  for (let i = 0; bytes < DOC_KB * 1024; i++) {
    const source = `${sentences[i % sentences.length]} ${sentences[(i + 2) % sentences.length]} (${id}/${i})`;
    segments.push({
      kind: 'p',
      source,
      sourceHash: `h${i}`,
      target: `[en] ${source}`,
      status: 'machine',
      editedBy: null,
    });
    bytes += Buffer.byteLength(source) * 2 + 60;
  }
  const now = new Date();
  return {
    _id: id,
    storyId: id.split('-')[0],
    sourceLanguage: 'th',
    targetLanguage: 'en',
    sourceRevision: 1,
    revision: 1,
    owner: 'replica-a',
    title: sentences[0],
    status: 'machine_draft',
    provider: 'libretranslate',
    segments,
    skeleton: segments.map(() => '<p>'),
    attempts: 0,
    log: [],
    createdAt: now,
    updatedAt: now,
    outbox: [],
  };
}

const ids = (n) => Array.from({ length: n }, (_, i) => `story${String(i).padStart(6, '0')}-en`);
const pick = (list) => list[Math.floor(rand() * list.length)];

async function fill(name, n) {
  await db.collection(name).drop();
  const docs = ids(n).map(jobDoc);
  for (let i = 0; i < docs.length; i += 100) await db.collection(name).insertMany(docs.slice(i, i + 100));
  return ids(n);
}

async function time(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Each form: one operation on the document `id` (kept in place, so every form sees the same collection). */
function driverForms(c) {
  return {
    'findOne({_id}) (reference)': (id) => c.findOne({ _id: id }),
    'insertOne (a new _id; reference)': (id) => c.insertOne({ ...jobDoc(id), _id: `${id}-${performance.now()}` }),
    'updateOne({_id}, $set)': (id) => c.updateOne({ _id: id }, { $set: { status: 'review', updatedAt: new Date() } }),
    'updateOne({_id}, $set whole job, upsert)': async (id) => {
      const { _id, ...fields } = jobDoc(id);
      await c.updateOne({ _id }, { $set: fields }, { upsert: true });
    },
    'updateOne({_id}, $push)': (id) => c.updateOne({ _id: id }, { $push: { log: { at: new Date(), what: 'seen' } } }),
    'updateOne({_id}, $inc)': (id) => c.updateOne({ _id: id }, { $inc: { attempts: 1 } }),
    "findOneAndUpdate({_id}, returnDocument:'after')": (id) =>
      c.findOneAndUpdate({ _id: id }, { $set: { status: 'review' } }, { returnDocument: 'after' }),
    'replaceOne({_id})': (id) => c.replaceOne({ _id: id }, jobDoc(id)),
    'updateOne({_id, revision}, $set)': (id) => c.updateOne({ _id: id, revision: 1 }, { $set: { status: 'review' } }),
    'findOneAndUpdate({_id, revision})': (id) =>
      c.findOneAndUpdate({ _id: id, revision: 1 }, { $set: { status: 'review' } }, { returnDocument: 'after' }),
    'updateOne({_id: {$eq}}, $set)': (id) => c.updateOne({ _id: { $eq: id } }, { $set: { status: 'review' } }),
    'deleteOne({_id}) + insertOne': async (id) => {
      const doc = await c.findOne({ _id: id });
      await c.deleteOne({ _id: id });
      await c.insertOne(doc);
    },
    'deleteOne({_id, owner}) + insertOne': async (id) => {
      const doc = await c.findOne({ _id: id });
      await c.deleteOne({ _id: id, owner: 'replica-a' });
      await c.insertOne(doc);
    },
  };
}

/** A job's collection as a service defines it (the fields these forms write; the rest kept as stored). */
const JobShape = z.looseObject({
  _id: z.string(),
  status: z.string(),
  revision: z.number().int(),
  attempts: z.number().int(),
  updatedAt: z.date(),
  log: z.array(z.object({ at: z.date(), what: z.string() })),
});

function persistenceForms(c) {
  return {
    'findById (reference)': (id) => c.findById(id),
    'insertOne (a new _id, checked)': (id) => c.insertOne({ ...jobDoc(id), _id: `${id}-${performance.now()}` }),
    'updateOne({_id}, $set, checked)': (id) =>
      c.updateOne({ _id: id }, { $set: { status: 'review', updatedAt: new Date() } }),
    'updateOne({_id}, $push, checked)': (id) =>
      c.updateOne({ _id: id }, { $push: { log: { at: new Date(), what: 'seen' } } }),
    'findOneAndUpdate({_id}, checked)': (id) => c.findOneAndUpdate({ _id: id }, { $set: { status: 'review' } }),
  };
}

async function measure(label, makeForms) {
  if (!Object.keys(makeForms('probe').run).some((f) => FORMS.test(f))) return;
  const results = {}; // form → size → median ms
  for (const size of SIZES) {
    const name = `jobs_${size}`;
    const list = await fill(name, size);
    const forms = makeForms(name);
    for (const [form, fn] of Object.entries(forms.run).filter(([f]) => FORMS.test(f))) {
      for (let i = 0; i < 3; i++) await fn(pick(list)); // warm-up
      const samples = [];
      for (let i = 0; i < OPS; i++) samples.push(await time(() => fn(pick(list))));
      (results[form] ??= {})[size] = median(samples);
    }
    await db.collection(name).drop();
  }
  const small = SIZES[0];
  const large = SIZES[SIZES.length - 1];
  console.log(`\n${label}: median ms per operation (${OPS} ops each, documents of ~${DOC_KB} KB)`);
  console.log(`| form | ${SIZES.map((s) => `${s} docs`).join(' | ')} | ${large}/${small} |`);
  console.log(`|---|${SIZES.map(() => '---:').join('|')}|---:|`);
  for (const [form, bySize] of Object.entries(results)) {
    const cells = SIZES.map((s) => bySize[s].toFixed(1));
    console.log(`| ${form} | ${cells.join(' | ')} | ${(bySize[large] / bySize[small]).toFixed(1)}× |`);
  }
}

try {
  await measure("unchecked (the driver's forms)", (name) => ({ run: driverForms(db.collection(name)) }));
  await measure('libs/persistence, checked (as the repositories write)', (name) => ({
    run: persistenceForms(db.typed(defineCollection({ name, schema: JobShape }))),
  }));
} finally {
  await inspector.close();
  stopInfra();
}
