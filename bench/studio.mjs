#!/usr/bin/env node
// The studio's JavaScript as a browser downloads it: every built chunk with its gzipped size, then what the first
// visit loads before any page (the entry and its static imports) and what each page adds on top (route-split).
// Builds the studio first (vite build: a few seconds). Goal: initial JS ≤ 250 KB gzipped.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './lib.mjs';

const GOAL_KB = 250;
const dist = path.join(root, 'apps/studio/dist');
if (!process.argv.includes('--no-build')) {
  execFileSync('npm', ['run', '--silent', 'build', '-w', '@khao/app-studio'], { cwd: root, stdio: 'ignore' });
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
