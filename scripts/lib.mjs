// Helpers shared by the project's scripts (no dependencies: they run before `npm ci`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The infrastructure profile (KHAO_INFRA_PROFILE, as scripts/infra.mjs reads it): its data lives in .data/<profile>. */
export const profile = /^[a-z0-9-]+$/.test(process.env.KHAO_INFRA_PROFILE ?? '')
  ? process.env.KHAO_INFRA_PROFILE
  : 'dev';

export function step(msg) {
  process.stdout.write(`\n==> ${msg}\n`);
}

/** Runs a command with inherited output; rejects on a non-zero exit. Prints elapsed time every 30 s. */
export function run(cmd, args, { env = process.env, label = `${cmd} ${args.join(' ')}`, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd: root, env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (quiet) {
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
    }
    const timer = setInterval(
      () => process.stdout.write(`    … ${label}: ${Math.round((Date.now() - started) / 1000)} s\n`),
      30_000,
    );
    child.on('close', (code) => {
      clearInterval(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${label} failed (exit ${code})${quiet ? `\n${output.slice(-4000)}` : ''}`));
    });
  });
}

/** Installs the locked dependencies when node_modules is missing or older than the lockfile. */
export async function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  step('installing dependencies (npm ci)');
  await run('npm', ['ci', '--no-audit', '--no-fund'], { label: 'npm ci' });
}

/** Parses KEY=value lines. */
export function readEnvFile(file) {
  const out = {};
  if (!fs.existsSync(file)) return out;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}

export function elapsed(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
