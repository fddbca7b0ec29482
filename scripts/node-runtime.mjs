// The project runs on the Node.js LTS pinned in .node-version. Every entry script (up, down, test, infra, the
// benches, the wrapped npm scripts) calls ensurePinnedNode() first: on an older Node it gets the official binary of
// the pinned version from the npm registry's node-<platform>-<arch> package, caches it outside the clone, and runs
// itself again on it with that binary first on PATH, so npm, npx and every child process run on it too.
// No dependencies: this runs before `npm ci`.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The pinned version, e.g. "24.22.3" (one source: .node-version; .nvmrc and the Dockerfile are tested to agree). */
export const pinnedVersion = fs.readFileSync(path.join(root, '.node-version'), 'utf8').trim().replace(/^v/, '');
const pinnedMajor = Number(pinnedVersion.split('.')[0]);

const cacheDir = process.env.KHAO_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'khao', 'bin');

const log = (msg) => process.stdout.write(`[node] ${msg}\n`);

/** True when this process may stay: its Node is the pinned major or newer ("a Node ≥ 24 on PATH is used"). */
export function runtimeIsSupported(version = process.versions.node) {
  return Number(version.split('.')[0]) >= pinnedMajor;
}

/** The cached pinned binary, fetched first when missing. Returns its path. */
export function pinnedNodeBinary() {
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = path.join(cacheDir, `node-v${pinnedVersion}-${process.platform}-${process.arch}`);
  const bin = path.join(dir, 'bin', 'node');
  if (fs.existsSync(bin)) return bin;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-node-'));
  try {
    log(`Node ${process.versions.node} is older than the pinned ${pinnedVersion}: fetching ${pkg}@${pinnedVersion}`);
    log('  (official binaries from the npm registry, ~50 MB, once; cached in ' + dir + ')');
    const started = Date.now();
    const timer = setInterval(() => log(`  … fetching: ${Math.round((Date.now() - started) / 1000)} s`), 10_000);
    try {
      // npm pack checks the tarball against the registry's integrity hash.
      execFileSync('npm', ['pack', `${pkg}@${pinnedVersion}`, '--pack-destination', work, '--silent'], {
        cwd: work,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    } finally {
      clearInterval(timer);
    }
    const tgz = fs.readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error(`npm pack ${pkg}@${pinnedVersion} produced no tarball`);
    const staging = `${dir}.partial-${process.pid}`;
    fs.mkdirSync(staging, { recursive: true });
    execFileSync('tar', ['xzf', path.join(work, tgz), '-C', staging, '--strip-components=1', 'package/bin/node']);
    const got = execFileSync(path.join(staging, 'bin', 'node'), ['--version'], { encoding: 'utf8' }).trim();
    if (got !== `v${pinnedVersion}`) throw new Error(`${pkg}@${pinnedVersion} holds Node ${got}`);
    // Renamed into place whole, so a concurrent or interrupted fetch never leaves a half-written binary behind.
    try {
      fs.renameSync(staging, dir);
    } catch (err) {
      fs.rmSync(staging, { recursive: true, force: true });
      if (!fs.existsSync(bin)) throw err;
    }
    log(`Node ${got} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return bin;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Runs this script again on the pinned Node when the current one is older, and exits with its exit code;
 * returns at once when the current Node will do.
 */
export async function ensurePinnedNode() {
  if (runtimeIsSupported()) return;
  if (process.env.KHAO_NODE_REEXEC) {
    throw new Error(`re-ran on the pinned Node but still on ${process.version}: check PATH and ${cacheDir}`);
  }
  const bin = pinnedNodeBinary();
  const env = {
    ...process.env,
    KHAO_NODE_REEXEC: '1',
    PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH ?? ''}`,
  };
  const child = spawn(bin, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
  // Ctrl-C reaches the whole foreground group already, so this process just waits for the child to finish; a TERM
  // or HUP sent to this process alone is passed on.
  process.on('SIGINT', () => undefined);
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) =>
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 128 + os.constants.signals[signal] : 1))),
  );
  process.exit(code);
}
