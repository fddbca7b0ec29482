#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time, and the share of
// time spent under chosen frames (inclusive), so a profile can be read in a terminal or quoted in a note.
//   node bench/cpu-profile-summary.mjs FILE.cpuprofile [TOP=25]
import fs from 'node:fs';
import path from 'node:path';

export function summarise(file, top = 25) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const label = (n) => {
    const f = n.callFrame;
    const where = f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}` : '';
    return `${f.functionName || '(anonymous)'} ${where}`.trim();
  };
  const bySelf = new Map();
  for (const [id, t] of self) {
    const key = label(nodes.get(id));
    bySelf.set(key, (bySelf.get(key) ?? 0) + t);
  }
  // Inclusive time per package or file: each sample counted once for every distinct group on its stack.
  const byGroup = new Map();
  for (const [id, t] of self) {
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const url = nodes.get(cur).callFrame.url;
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url) ?? /\/(apps|libs)\/([^/]+)\//.exec(url);
      const group = m ? (m[2] ? `${m[1]}/${m[2]}` : m[1]) : url.startsWith('node:') ? url : undefined;
      if (group && !seen.has(group)) {
        seen.add(group);
        byGroup.set(group, (byGroup.get(group) ?? 0) + t);
      }
    }
  }
  const pct = (t) => `${((t / total) * 100).toFixed(1).padStart(5)}%`;
  const lines = [`${path.basename(file)}: ${(total / 1000).toFixed(0)} ms sampled`, 'self time:'];
  for (const [k, t] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(t)}  ${k}`);
  lines.push('inclusive time by package / app / lib:');
  for (const [k, t] of [...byGroup].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(t)}  ${k}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv[2]) {
    process.stderr.write('usage: node bench/cpu-profile-summary.mjs FILE.cpuprofile [TOP]\n');
    process.exit(64);
  }
  process.stdout.write(summarise(process.argv[2], Number(process.argv[3] ?? 25)) + '\n');
}
