#!/usr/bin/env node
// The studio's speed, in two parts.
// 1. Its JavaScript as a browser downloads it: every built chunk with its gzipped size, then what the first visit
//    loads before any page (the entry and its static imports) and what each page adds on top (route-split).
//    Goal: initial JS ≤ 250 KB gzipped.
// 2. The story list over 5,000 stories, in Debian's Chromium: the time from the list API's response (the resource
//    timing's responseEnd) to the first page of stories painted (the app's `khao:story-list:painted` mark, set by a
//    message posted from the next frame's callback, i.e. just after that frame), per run and the median.
//    Goal: ≤ 300 ms. The same run loads a reference page in turn with each studio load: a bare page on the same
//    origin that fetches the same API URL and paints the same rows as a plain table with no framework, so the
//    studio's figure is also printed as a ratio against what this machine does at that moment.
//   npm run bench:studio                 (STORIES=5000 RUNS=7; --chunks-only for part 1 alone; --no-build;
//                                         --profile: one more studio load under Chromium's CPU profiler, written to
//                                         bench/out/studio-list.cpuprofile and summarised)
// Builds the studio (and, for part 2, everything) first. Not a test: nothing is asserted.
/* global document -- measureInPage runs in the browser */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { median, root, seedStories, startInfra } from './lib.mjs';

const GOAL_KB = 250;
const GOAL_MS = 300;
const STORIES = Number(process.env.STORIES ?? 5000);
const RUNS = Number(process.env.RUNS ?? 7);
const chunksOnly = process.argv.includes('--chunks-only');
const profile = process.argv.includes('--profile');
const dist = path.join(root, 'apps/studio/dist');
if (!process.argv.includes('--no-build')) {
  const build = chunksOnly ? ['run', '--silent', 'build', '-w', '@khao/app-studio'] : ['run', '--silent', 'build'];
  execFileSync('npm', build, { cwd: root, stdio: 'ignore' });
}
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));

const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    const body = fs.readFileSync(path.join(dist, file));
    sizes.set(file, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  return sizes.get(file);
}
const kb = (n) => (n / 1024).toFixed(1).padStart(7);

/** The JS files a chunk needs before it runs: itself and its static imports, transitively. */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const dep of chunk.imports ?? []) closure(dep, seen);
  return seen;
}
const total = (files) => [...files].reduce((sum, f) => sum + size(f).gzip, 0);

const chunks = Object.values(manifest).filter((c) => c.file.endsWith('.js'));
process.stdout.write('chunk                                          raw KB  gzip KB\n');
for (const c of chunks.sort((a, b) => size(b.file).gzip - size(a.file).gzip)) {
  const s = size(c.file);
  process.stdout.write(`${c.file.padEnd(45)} ${kb(s.raw)} ${kb(s.gzip)}\n`);
}
const css = Object.values(manifest).flatMap((c) => c.css ?? []);
for (const f of new Set(css)) process.stdout.write(`${f.padEnd(45)} ${kb(size(f).raw)} ${kb(size(f).gzip)}\n`);

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const initial = closure(entryKey);
const initialKb = total(initial) / 1024;
process.stdout.write(
  `\ninitial JS (entry + static imports, ${initial.size} files): ${kb(total(initial))} KB gzipped\n`,
);
for (const key of manifest[entryKey].dynamicImports ?? []) {
  const page = closure(key);
  const extra = [...page].filter((f) => !initial.has(f));
  process.stdout.write(
    `  + ${path.basename(key).padEnd(28)} ${kb(total(extra))} KB  (page total ${kb(total(new Set([...initial, ...page])))} KB)\n`,
  );
}
process.stdout.write(`goal: initial JS ≤ ${GOAL_KB} KB gzipped — ${initialKb <= GOAL_KB ? 'met' : 'NOT met'}\n`);

if (!chunksOnly) await listSpeed();

/** Part 2: the story list's first page, from the API's answer to the paint, over STORIES stories. */
async function listSpeed() {
  const { chromium } = await import('playwright-core');
  const { TestPlatform, TEST_ADMIN } = await import('@khao/testing');
  process.stdout.write(`\nstory list over ${STORIES} stories, ${RUNS} runs in Chromium\n`);
  const stopInfra = startInfra();
  const platform = new TestPlatform({ services: ['articles'] });
  let browser;
  try {
    await platform.start();
    await seedStories(platform, await platform.adminToken(), STORIES);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const ctx = await browser.newContext({
      locale: 'th-TH',
      timezoneId: 'Asia/Bangkok',
      viewport: { width: 1280, height: 1000 },
    });
    const page = await ctx.newPage();
    await page.goto(`${platform.baseUrl}/studio/login`);
    await page.getByLabel('อีเมล').fill(TEST_ADMIN.email);
    await page.locator('input[type=password]').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.waitForURL(/\/studio\/stories$/);

    // The reference: served by the browser itself on the studio's origin, so the session cookie goes with its fetch.
    const referenceUrl = `${platform.baseUrl}/__bench/reference-list`;
    let apiUrl = '';
    await page.route(referenceUrl, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: referencePage(apiUrl) }),
    );

    const runs = [];
    const refs = [];
    for (let run = 0; run <= RUNS; run++) {
      // A fresh load each time (run 0 warms the caches and is not counted): the whole path a person meets.
      await page.goto(`${platform.baseUrl}/studio/stories`);
      const m = await page.evaluate(measureInPage);
      if (run === 0) {
        apiUrl = m.apiUrl;
        process.stdout.write(`  loaded on the list page (${m.scripts.length} scripts):\n`);
        for (const sc of m.scripts) {
          process.stdout.write(`    ${sc.name.padEnd(45)} ${kb(sc.decoded)} KB, ${kb(sc.encoded)} KB sent\n`);
        }
        continue;
      }
      runs.push(m);
      await page.goto(referenceUrl);
      const ref = await page.evaluate(measureInPage);
      refs.push(ref);
      process.stdout.write(
        `  run ${run}: ${m.rows} rows; the API answered ${m.responseEnd.toFixed(0)} ms into the load ` +
          `(its call took ${m.apiMs.toFixed(0)} ms); first page painted ${m.paintMs.toFixed(1)} ms after; ` +
          `reference page: ${ref.rows} rows painted ${ref.paintMs.toFixed(1)} ms after its API answer\n`,
      );
    }
    const paint = median(runs.map((r) => r.paintMs));
    process.stdout.write(
      `median API response → first page painted: ${paint.toFixed(1)} ms ` +
        `(min ${Math.min(...runs.map((r) => r.paintMs)).toFixed(1)}, max ${Math.max(...runs.map((r) => r.paintMs)).toFixed(1)}); ` +
        `the list API call itself ${median(runs.map((r) => r.apiMs)).toFixed(0)} ms\n`,
    );
    const refPaint = median(refs.map((r) => r.paintMs));
    process.stdout.write(
      `median for the bare reference page (same rows, no framework): ${refPaint.toFixed(1)} ms; ` +
        `studio / reference: ${(paint / Math.max(refPaint, 0.1)).toFixed(1)}×\n`,
    );
    if (profile) await profileOneLoad(ctx, page, `${platform.baseUrl}/studio/stories`);
    process.stdout.write(
      `goal: first page ≤ ${GOAL_MS} ms after the API answers — ${paint <= GOAL_MS ? 'met' : 'NOT met'}\n`,
    );
  } finally {
    await browser?.close();
    await platform.stop();
    stopInfra();
  }
}

/** One more load of the list under the browser's sampling profiler; the profile is kept and summarised. */
async function profileOneLoad(ctx, page, url) {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.evaluate(measureInPage);
  const { profile: cpuProfile } = await cdp.send('Profiler.stop');
  const out = path.join(root, 'bench/out/studio-list.cpuprofile');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(cpuProfile));
  const { summarise } = await import('./cpu-profile-summary.mjs');
  process.stdout.write(`\n${summarise(out, 20)}\n`);
}

/** Runs in the page: waits for the app's paint mark and the list API's resource timing (both from navigation start). */
function measureInPage() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const check = () => {
      const mark = performance.getEntriesByName('khao:story-list:painted')[0];
      const api = performance
        .getEntriesByType('resource')
        .find((e) => /\/api\/v1\/articles\?/.test(e.name) && e.responseEnd > 0);
      if (performance.now() - started > 30_000) return reject(new Error('the story list did not paint within 30 s'));
      if (!mark || !api) return setTimeout(check, 20);
      resolve({
        rows: document.querySelectorAll('tbody tr[data-story-id]').length,
        apiUrl: api.name,
        responseEnd: api.responseEnd,
        apiMs: api.responseEnd - api.startTime,
        paintMs: mark.startTime - api.responseEnd,
        scripts: performance
          .getEntriesByType('resource')
          .filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'))
          .map((e) => ({
            name: new URL(e.name).pathname.split('/').pop(),
            decoded: e.decodedBodySize,
            encoded: e.encodedBodySize,
          })),
      });
    };
    check();
  });
}

/** A page with no framework that fetches the list API and paints its rows as a plain table, then sets the same mark. */
function referencePage(apiUrl) {
  const script = `
    fetch(${JSON.stringify(apiUrl)}, { credentials: 'include' })
      .then((r) => r.json())
      .then((body) => {
        const date = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { dateStyle: 'medium', timeStyle: 'short' });
        const tbody = document.querySelector('tbody');
        for (const s of body.items) {
          const v = s.versions[0] ?? {};
          const tr = document.createElement('tr');
          tr.dataset.storyId = s.id;
          const cells = [v.title ?? s.id, s.dateline?.province ?? '—', s.versions.map((x) => x.status).join(' '),
            date.format(new Date(s.updatedAt))];
          for (const text of cells) {
            const td = document.createElement('td');
            td.textContent = text;
            tr.append(td);
          }
          tbody.append(tr);
        }
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => performance.mark('khao:story-list:painted');
          channel.port2.postMessage(null);
        });
      });`;
  return `<!doctype html><html lang="th"><meta charset="utf-8"><title>reference</title>
<table><thead><tr><th>title</th><th>province</th><th>versions</th><th>updated</th></tr></thead><tbody></tbody></table>
<script>${script}</script></html>`;
}
