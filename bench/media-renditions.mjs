#!/usr/bin/env node
// Benchmark: the renditions of a 12 MP phone JPEG (4000×3000, with GPS EXIF) made by the media service — `complete`
// through the gateway, so MinIO reads and writes, NATS and the database are included — against raw sharp doing the
// same image work in this process (decode + auto-orient once, JPEG and WebP at 320/640/1024/1600/2048, the 1200×630
// share image, the blurhash). AVIF is off in both (it is made in the background). Target: ratio ≤ 1.3.
//   npm run bench:media   (RUNS=5 by default)
// Prints per-run figures, the medians and the median of the per-run ratios. Not a test: nothing is asserted.
import { Buffer } from 'node:buffer';
import { encode as blurhash } from 'blurhash';
import sharp from 'sharp';
import { median, startInfra } from './lib.mjs';
import { fmt, mediaPlatform, ms, putDirect } from './media-lib.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const WIDTHS = [320, 640, 1024, 1600, 2048];

/** A 12 MP photo with texture (so it compresses like one), GPS EXIF and a per-run description (distinct bytes). */
async function phonePhoto(run, texture) {
  return sharp(texture, { raw: { width: 4000, height: 3000, channels: 3 } })
    .jpeg({ quality: 88 })
    .withExif({
      IFD0: { Make: 'KhaoPhone', ImageDescription: `bench run ${run}` },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '17/1 24/1 30/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '102/1 47/1 15/1',
      },
    })
    .toBuffer();
}

async function textureOf() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="3000"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#3a7"/><stop offset="1" stop-color="#fb4"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${Array.from({ length: 60 }, (_, i) => `<circle cx="${(i * 677) % 4000}" cy="${(i * 421) % 3000}" r="${80 + ((i * 37) % 300)}" fill="#${((i * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}" opacity="0.5"/>`).join('')}</svg>`;
  const noise = await sharp({
    create: { width: 4000, height: 3000, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 18 } },
  })
    .raw()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: noise, raw: { width: 4000, height: 3000, channels: 3 }, blend: 'overlay' }])
    .removeAlpha()
    .raw()
    .toBuffer();
}

/** What the service does with the pixels, written directly against sharp. */
async function rawSharp(input) {
  const meta = await sharp(input, { limitInputPixels: 120_000_000 }).metadata();
  const { data, info } = await sharp(input, { limitInputPixels: 120_000_000 })
    .autoOrient()
    .resize({ width: Math.min(2048, meta.width) })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const base = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  const outs = WIDTHS.flatMap((w) => [
    base()
      .resize({ width: w, height: Math.round((w * meta.height) / meta.width), fit: 'fill' })
      .flatten({ background: '#fff' })
      .jpeg({ quality: 80, progressive: true })
      .toBuffer(),
    base()
      .resize({ width: w, height: Math.round((w * meta.height) / meta.width), fit: 'fill' })
      .webp({ quality: 78 })
      .toBuffer(),
  ]);
  const scale = Math.max(1200 / info.width, 630 / info.height);
  const w = Math.round(info.width * scale);
  const h = Math.round(info.height * scale);
  outs.push(
    base()
      .resize({ width: w, height: h, fit: 'fill' })
      .extract({ left: Math.round(w / 2 - 600), top: Math.round(h / 2 - 315), width: 1200, height: 630 })
      .jpeg({ quality: 82, progressive: true })
      .toBuffer(),
  );
  const small = await base()
    .resize({ width: 32, height: 32, fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  blurhash(new Uint8ClampedArray(small.data), small.info.width, small.info.height, 4, 3);
  await Promise.all(outs);
}

const stopInfra = startInfra();
const { platform, token } = await mediaPlatform();
try {
  const texture = await textureOf();
  const photos = [];
  for (let i = 0; i <= RUNS; i++) photos.push(await phonePhoto(i, texture));
  process.stdout.write(`12 MP JPEG: ${fmt(photos[0].length / 1048576, 1)} MiB, ${RUNS} runs (+1 warm-up)\n`);
  const service = [];
  const raw = [];
  for (let i = 0; i <= RUNS; i++) {
    const slot = await putDirect(platform, token, photos[i]);
    let t0 = process.hrtime.bigint();
    const res = await platform.http('POST', `/api/v1/media/${slot.id}/complete`, { token, body: {} });
    const s = ms(t0);
    if (res.status !== 201) throw new Error(`complete: ${res.status} ${JSON.stringify(res.body)}`);
    t0 = process.hrtime.bigint();
    await rawSharp(photos[i]);
    const r = ms(t0);
    if (i === 0) continue; // warm-up
    service.push(s);
    raw.push(r);
    process.stdout.write(`run ${i}: service ${fmt(s)} ms, raw sharp ${fmt(r)} ms, ratio ${fmt(s / r, 2)}\n`);
  }
  // The ratio is taken run by run (each service run beside its raw sharp run), then its median: a noisy minute
  // slows both sides of one run instead of skewing one side's median.
  const ratio = median(service.map((s, i) => s / raw[i]));
  process.stdout.write(
    `\nmedian: service ${fmt(median(service))} ms, raw sharp ${fmt(median(raw))} ms, ` +
      `median of the run ratios ${fmt(ratio, 2)} (target ≤ 1.3)\n`,
  );
} finally {
  await platform.stop();
  stopInfra();
}
