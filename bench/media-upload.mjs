#!/usr/bin/env node
// Benchmark: 50 MB through the gateway's multipart route (streamed into an S3 multipart upload) against the direct
// path with the same bytes (ask for a presigned URL, PUT them to MinIO, complete). Target: throughput ratio ≥ 0.7. Also the gateway's resident
// memory: its peak (VmHWM) before and after, and the highest RSS sampled every 10 ms during the uploads.
// The bytes are random, so the media service refuses them by their sniffed head (415) right after the stream has
// landed: the figure is the transport, not image processing (that is bench/media-renditions.mjs).
//   npm run bench:media   (RUNS=5, SIZE_MB=50 by default)
import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { median, startInfra } from './lib.mjs';
import { fmt, mediaPlatform, ms, putDirect } from './media-lib.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const SIZE = Number(process.env.SIZE_MB ?? 50) * 1024 * 1024;
/** One more upload this large, after the others: the gateway's memory should not follow the file's size. */
const BIG = Number(process.env.BIG_MB ?? 200) * 1024 * 1024;

const kb = (pid, field) => {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
};

const stopInfra = startInfra();
const { platform, token } = await mediaPlatform({ MEDIA_MAX_BYTES: String(Math.max(SIZE, BIG) + 1024 * 1024) });

function formOf(bytes, boundary) {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

async function viaGatewayOnce(form, boundary) {
  const t0 = process.hrtime.bigint();
  const res = await fetch(`${platform.baseUrl}/api/v1/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: form,
  });
  await res.text();
  if (res.status !== 415)
    throw new Error(`expected the random bytes to be refused by content (415), got ${res.status}`);
  return ms(t0);
}
try {
  const pid = platform.proc('gateway').pid;
  const bytes = randomBytes(SIZE);
  // The form as any HTTP client sends it (built before the clock starts, like the direct PUT's body).
  const boundary = '----khaoBenchBoundary0123456789';
  const form = formOf(bytes, boundary);
  const hwmBefore = kb(pid, 'VmHWM');
  const rssBefore = kb(pid, 'VmRSS');
  let sampled = 0;
  const sampler = setInterval(() => (sampled = Math.max(sampled, kb(pid, 'VmRSS'))), 10);
  const viaGateway = [];
  const direct = [];
  for (let i = 0; i <= RUNS; i++) {
    const g = await viaGatewayOnce(form, boundary);
    // The direct path as a client does it: ask for a URL, PUT, complete (refused by content the same way).
    const t0 = process.hrtime.bigint();
    const slot = await putDirect(platform, token, bytes);
    const done = await platform.http('POST', `/api/v1/media/${slot.id}/complete`, { token, body: {} });
    const d = ms(t0);
    if (done.status !== 415) throw new Error(`expected 415 from complete, got ${done.status}`);
    if (i === 0) continue; // warm-up
    viaGateway.push(g);
    direct.push(d);
    const mbps = (t) => fmt(SIZE / 1048576 / (t / 1000), 0);
    process.stdout.write(
      `run ${i}: gateway ${fmt(g)} ms (${mbps(g)} MiB/s), direct PUT ${fmt(d)} ms (${mbps(d)} MiB/s)\n`,
    );
  }
  const sampledAt50 = sampled;
  const big = formOf(randomBytes(BIG), boundary);
  sampled = 0;
  const bigMs = await viaGatewayOnce(big, boundary);
  clearInterval(sampler);
  const g = median(viaGateway);
  const d = median(direct);
  // Run by run, then the median (see media-renditions.mjs).
  const ratio = median(viaGateway.map((t, i) => direct[i] / t));
  process.stdout.write(
    `\n${SIZE / 1048576} MiB, median: gateway ${fmt(g)} ms (${fmt(SIZE / 1048576 / (g / 1000), 0)} MiB/s), ` +
      `direct ${fmt(d)} ms (${fmt(SIZE / 1048576 / (d / 1000), 0)} MiB/s), median of the run throughput ratios ${fmt(ratio, 2)} (target ≥ 0.7)\n` +
      `gateway RSS: ${fmt(rssBefore / 1024)} MiB before, highest sampled during the ${SIZE / 1048576} MiB uploads ` +
      `${fmt(sampledAt50 / 1024)} MiB, during one ${BIG / 1048576} MiB upload (${fmt(bigMs)} ms) ${fmt(sampled / 1024)} MiB; ` +
      `peak (VmHWM) ${fmt(hwmBefore / 1024)} MiB before (boot), ${fmt(kb(pid, 'VmHWM') / 1024)} MiB after\n`,
  );
} finally {
  await platform.stop();
  stopInfra();
}
