// Shared by the benchmark scripts: the infrastructure (profile "bench", its own ports and data) and a platform of
// real service processes on it, the same way the integration tests run them.
import { Buffer } from 'node:buffer';
import { execFileSync, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePinnedNode } from '../scripts/node-runtime.mjs';

// Benchmarks run on the pinned Node, like the services and tests they measure.
await ensurePinnedNode();

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function startInfra() {
  const env = {
    ...process.env,
    KHAO_INFRA_PROFILE: 'bench',
    KHAO_INFRA_PORT_BASE: process.env.KHAO_INFRA_PORT_BASE ?? '12000',
  };
  execFileSync(process.execPath, [path.join(root, 'scripts/infra.mjs'), 'up', '--fresh'], { env, stdio: 'inherit' });
  const out = execFileSync(process.execPath, [path.join(root, 'scripts/infra.mjs'), 'env'], { env, encoding: 'utf8' });
  for (const line of out.trim().split('\n')) {
    const [k, ...v] = line.split('=');
    process.env[k] = v.join('=');
  }
  return () =>
    execFileSync(process.execPath, [path.join(root, 'scripts/infra.mjs'), 'down'], { env, stdio: 'inherit' });
}

/**
 * A bare Fastify server (bench/bare-fastify.mjs) in a process of its own, answering each captured path
 * (`{ [path]: { headers, body } }`) with those exact bytes: a benchmark's same-run reference.
 */
export async function bareReference(captured) {
  const file = path.join(os.tmpdir(), `khao-bench-captured-${process.pid}-${Date.now()}.json`);
  fs.writeFileSync(file, JSON.stringify(captured));
  const child = spawn(process.execPath, [path.join(root, 'bench', 'bare-fastify.mjs'), file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      const m = /listening (\d+)/.exec(String(d));
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the bare reference exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: () => {
      child.kill('SIGTERM');
      fs.rmSync(file, { force: true });
    },
  };
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** A small deterministic PRNG (mulberry32), so every run seeds the same stories. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function pool(items, limit, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/** Sentences in a Thai newsroom's style, written for the benchmarks' story bodies. */
export const sentences = [
  'ผู้แทนชุมชนกล่าวว่าเราอยากให้ลูกหลานมีบ้านที่มั่นคง',
  'สถาบันพัฒนาองค์กรชุมชนสนับสนุนงบประมาณและการจัดทำแผน',
  'ชาวบ้านกว่าสองร้อยคนเข้าร่วมเวทีที่ศาลาประชาคม',
  'หน่วยงานท้องถิ่นรับข้อเสนอไปพิจารณาในการประชุมสภาครั้งหน้า',
  'กลุ่มออมทรัพย์มีสมาชิกเพิ่มขึ้นทุกปีตั้งแต่ก่อตั้ง',
];

const provinces = [
  'อุดรธานี',
  'ขอนแก่น',
  'เชียงใหม่',
  'นครศรีธรรมราช',
  'สงขลา',
  'อุบลราชธานี',
  'นครราชสีมา',
  'ลำปาง',
  'ตรัง',
  'น่าน',
];
/** The archive's subjects: a category and a headline each. */
export const topics = [
  ['บ้านมั่นคง', 'ชาวบ้านร่วมวางแผนพัฒนาที่อยู่อาศัยริมคลอง'],
  ['สภาองค์กรชุมชน', 'สภาองค์กรชุมชนตำบลจัดเวทีแลกเปลี่ยนเรื่องการจัดการน้ำ'],
  ['ภัยพิบัติ', 'ชุมชนตั้งครัวกลางช่วยเหลือผู้ประสบอุทกภัย'],
  ['ป่าชุมชน', 'อาสาสมัครทำแนวกันไฟปกป้องป่าชุมชน'],
  ['สวัสดิการชุมชน', 'กองทุนสวัสดิการชุมชนดูแลผู้สูงอายุในหมู่บ้าน'],
  ['เกษตรกรรม', 'กลุ่มเกษตรกรปลูกผักปลอดสารส่งโรงพยาบาลอำเภอ'],
];

/** Story `i` of the benchmarks' archive: a Thai headline, province, category and tags, a body of six sentences. */
export function benchStory(i, rnd) {
  const [category, headline] = topics[Math.floor(rnd() * topics.length)];
  const province = provinces[Math.floor(rnd() * provinces.length)];
  const body = Array.from({ length: 6 }, () => `<p>${sentences[Math.floor(rnd() * sentences.length)]}</p>`).join('');
  const day = 1 + Math.floor(rnd() * 27);
  return {
    sourceLanguage: 'th',
    dateline: { province },
    eventDate: {
      start: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}T09:00:00+07:00`,
    },
    categories: [category],
    tags: [category, province],
    version: { title: `${province}: ${headline} ครั้งที่ ${i}`, summary: sentences[i % sentences.length], body },
  };
}

/**
 * Writes `count` stories through the admin API (what an import would do), `concurrency` in flight, with progress
 * every 250; the same stories on every run (a fixed seed).
 */
export async function seedStories(platform, token, count, concurrency = 4) {
  const rnd = prng(2560);
  const started = Date.now();
  let done = 0;
  let lap = Date.now();
  await pool(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      const res = await platform.http('POST', '/api/v1/articles', { token, body: benchStory(i, rnd) });
      if (res.status !== 201) throw new Error(`seeding failed: ${res.status} ${JSON.stringify(res.body)}`);
      if (++done % 250 === 0) {
        console.log(`  seeded ${done} (${(250 / ((Date.now() - lap) / 1000)).toFixed(0)} creates/s over the last 250)`);
        lap = Date.now();
      }
    },
  );
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `seeded ${count} stories in ${seconds.toFixed(1)} s (${(count / seconds).toFixed(0)} creates/s, ${concurrency} in flight)`,
  );
}

/** The `p`th percentile (nearest rank) of `values`. */
export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1))];
}

/** A LibreTranslate stand-in that answers at once: every text comes back tagged, markup kept. */
export function zeroLatencyProvider() {
  let calls = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      calls++;
      const { q } = JSON.parse(raw);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ translatedText: q.map((t) => `[en] ${t}`) }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, calls: () => calls, close: () => server.close() }),
    ),
  );
}

/**
 * A social webhook endpoint: checks the signature against `secret`, and notes when each story first arrived
 * (`arrived`: story id → performance.now()).
 */
export function webhookReceiver(secret) {
  const arrived = new Map();
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(req.headers['x-khao-signature'] ?? '') ?? [];
      const ok = v1 === createHmac('sha256', secret).update(`${t}.${raw}`).digest('hex');
      if (ok) {
        const body = JSON.parse(raw);
        if (!arrived.has(body.storyId)) arrived.set(body.storyId, performance.now());
      }
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, arrived, url: `http://127.0.0.1:${server.address().port}` })),
  );
}

/** A Thai webhook channel named 'bench' posting to `url`, signed with `secret`: what the social benches post to. */
export async function webhookChannel(platform, token, url, secret) {
  const ch = await platform.http('POST', '/api/v1/social/channels', {
    token,
    body: { type: 'webhook', name: 'bench', language: 'th', options: { url }, credentials: { secret } },
  });
  if (ch.status !== 201) throw new Error(`channel: ${ch.status} ${JSON.stringify(ch.body)}`);
  return ch.body;
}
