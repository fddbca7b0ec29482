// Shared by the benchmark scripts: the infrastructure (profile "bench", its own ports and data) and a platform of
// real service processes on it, the same way the integration tests run them.
import { execFileSync } from 'node:child_process';
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
