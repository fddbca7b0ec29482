#!/usr/bin/env node
// Benchmark: the queries FerretDB's SQLite backend answers by reading the whole collection, on both embedded
// MongoDB-wire servers the launcher can start (FerretDB and SecantusDB), side by side in one sitting.
//   npm run bench:mongo-scans            (SIZES=1000,4000,16000 OPS=11 by default; SERVERS=ferretdb,secantus)
// Each server is a fresh instance of its own on a free port. At each size both get the same collections: translation
// jobs (~2 KB, with the indexes an admin list and a lookup by story would use) and an inbox's processed_events. Every
// form runs OPS times, alternating between the servers op by op, so both see the same machine load. Prints the median
// per form, size and server, and the ratio of the largest size to the smallest: ~1 = the server uses an index, ≫1 =
// it reads the collection. Not a test: nothing is asserted.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DatabaseInspector } from '@khao/persistence';
import { median, prng, root, sentences } from './lib.mjs';

const SIZES = (process.env.SIZES ?? '1000,4000,16000').split(',').map(Number);
const OPS = Number(process.env.OPS ?? 11);
const SERVERS = (process.env.SERVERS ?? 'ferretdb,secantus').split(',');
const rand = prng(11);
const statuses = ['machine_draft', 'review', 'approved', 'failed'];
const children = new Set();
// Interrupted: the servers go too (the finally below does not run on a signal).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(130);
  });
}

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts one embedded server of `kind` with its data in a temporary folder; resolves with a connected client. */
async function startServer(kind) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `khao-bench-${kind}-`));
  const [port, debugPort] = [await freePort(), await freePort()];
  const out = execFileSync(
    process.execPath,
    [path.join(root, 'scripts/infra.mjs'), 'mongo-command', String(port), dir, String(debugPort)],
    { env: { ...process.env, KHAO_MONGO: kind }, encoding: 'utf8' },
  );
  const [bin, args] = JSON.parse(out.trim().split('\n').at(-1));
  const child = spawn(bin, args, { cwd: dir, stdio: 'ignore' });
  children.add(child);
  const client = await DatabaseInspector.open(`mongodb://127.0.0.1:${port}/`, 30_000);
  return {
    kind,
    db: client.db('bench_scans'),
    async stop() {
      await client.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      children.delete(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A translation job of ~2 KB: what the admin list and the lookup by story filter and sort on, and some body. */
function job(i) {
  const story = `story${String(i >> 1).padStart(6, '0')}`;
  return {
    _id: `${story}-${i % 2 ? 'en' : 'th'}`,
    storyId: story,
    targetLanguage: i % 2 ? 'en' : 'th',
    status: statuses[Math.floor(rand() * statuses.length)],
    updatedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000),
    segments: Array.from({ length: 8 }, (_, s) => ({ source: sentences[(i + s) % sentences.length], target: null })),
  };
}

function processed(i) {
  const eventId = `evt-${String(i).padStart(8, '0')}`;
  return { _id: `social:${eventId}`, consumer: 'social', eventId, processedAt: new Date() };
}

/** The two collections, with the indexes a list and a lookup would use. */
const jobsOf = (db) => db.collection('jobs', [{ keys: { status: 1, updatedAt: -1 } }, { keys: { storyId: 1 } }]);
const inboxOf = (db) => db.collection('processed_events', [{ keys: { consumer: 1, eventId: 1 }, unique: true }]);

async function fill(db, size) {
  for (const c of [jobsOf(db), inboxOf(db)]) {
    await c.drop();
    await c.ensureIndexes();
  }
  const jobs = Array.from({ length: size }, (_, i) => job(i));
  const events = Array.from({ length: size * 4 }, (_, i) => processed(i)); // ~4 handled events per story
  for (let i = 0; i < jobs.length; i += 500) await jobsOf(db).insertMany(jobs.slice(i, i + 500));
  for (let i = 0; i < events.length; i += 1000) await inboxOf(db).insertMany(events.slice(i, i + 1000));
}

/** Each form: one query on the server's db for item `i` (0 ≤ i < size). */
const forms = {
  'jobs findOne({_id}) (reference)': (db, i) => jobsOf(db).findById(job(i)._id),
  "admin list: find({status:'review'}).sort({updatedAt:-1}).limit(20)": (db) =>
    jobsOf(db).find({ status: 'review' }, { sort: { updatedAt: -1 }, limit: 20 }),
  'job lookup by story: find({storyId})': (db, i) => jobsOf(db).find({ storyId: job(i).storyId }),
  'inbox seen? processed_events findOne({_id}) (as Inbox does)': (db, i) =>
    inboxOf(db).findById(processed(i * 4)._id, { projection: { _id: 1 } }),
  'processed_events findOne({consumer, eventId})': (db, i) =>
    inboxOf(db).findOne({ consumer: 'social', eventId: processed(i * 4).eventId }),
};

async function time(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

const servers = [];
try {
  for (const kind of SERVERS) servers.push(await startServer(kind));
  const results = {}; // form → server → size → median ms
  const plans = {};
  for (const size of SIZES) {
    for (const s of servers) {
      const started = Date.now();
      await fill(s.db, size);
      console.log(`${s.kind}: ${size} jobs + ${size * 4} processed events inserted in ${Date.now() - started} ms`);
    }
    for (const [form, fn] of Object.entries(forms)) {
      const samples = Object.fromEntries(servers.map((s) => [s.kind, []]));
      for (let op = -3; op < OPS; op++) {
        const i = Math.floor(rand() * size);
        for (const s of op % 2 ? servers : [...servers].reverse()) {
          const ms = await time(() => fn(s.db, i));
          if (op >= 0) samples[s.kind].push(ms);
        }
      }
      for (const s of servers) ((results[form] ??= {})[s.kind] ??= {})[size] = median(samples[s.kind]);
    }
    if (size === SIZES.at(-1)) {
      for (const s of servers) {
        const explain = await jobsOf(s.db)
          .explain({ status: 'review' }, { sort: { updatedAt: -1 }, limit: 20 })
          .catch((err) => ({ error: err.message }));
        plans[s.kind] = JSON.stringify(explain.queryPlanner?.winningPlan ?? explain).slice(0, 300);
      }
    }
  }
  const small = SIZES[0];
  const large = SIZES.at(-1);
  console.log(`\nmedian ms per query (${OPS} each, servers alternating op by op)`);
  console.log(`| query | server | ${SIZES.map((s) => `${s} stories`).join(' | ')} | ${large}/${small} |`);
  console.log(`|---|---|${SIZES.map(() => '---:').join('|')}|---:|`);
  for (const [form, byServer] of Object.entries(results)) {
    for (const [kind, bySize] of Object.entries(byServer)) {
      const cells = SIZES.map((s) => bySize[s].toFixed(1));
      console.log(`| ${form} | ${kind} | ${cells.join(' | ')} | ${(bySize[large] / bySize[small]).toFixed(1)}× |`);
    }
  }
  for (const [kind, plan] of Object.entries(plans)) console.log(`  ${kind} plan of the admin list: ${plan}`);
} finally {
  for (const s of servers) await s.stop();
}
