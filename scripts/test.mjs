#!/usr/bin/env node
// The whole test suite from a fresh clone: dependencies, test infrastructure (its own ports and data), build,
// lint and type checks, unit and integration tests. Ends with the plain line `N passed, N failed`.
import fs from 'node:fs';
import path from 'node:path';
import { ensureDependencies, elapsed, readEnvFile, root, run, step } from './lib.mjs';
import { ensurePinnedNode } from './node-runtime.mjs';

await ensurePinnedNode();

const started = Date.now();
const keep = process.argv.includes('--keep-infra');
const vitestArgs = process.argv.slice(2).filter((a) => a !== '--keep-infra');
const env = { ...process.env, KHAO_INFRA_PROFILE: 'test' };
const dataDir = path.join(root, '.data', 'test');
const report = path.join(dataDir, 'vitest-report.json');
let failed = false;
// A report left by an earlier run must not be counted when this one stops before the tests.
fs.rmSync(report, { force: true });

try {
  step(`Node ${process.version}`);
  await ensureDependencies();
  await ensureChromium();
  step('schemathesis for the OpenAPI tests (a venv cached outside the clone; PyPI the first time)');
  await run('node', ['scripts/schemathesis.mjs'], { label: 'schemathesis install' });
  step('starting test infrastructure (NATS + JetStream, MongoDB-wire server, MinIO)');
  await run('node', ['scripts/infra.mjs', 'up', '--fresh'], { env });
  Object.assign(env, readEnvFile(path.join(dataDir, 'infra.env')));
  step('building');
  await run('npm', ['run', '--silent', 'build']);
  step('lint, format and type checks');
  // A lint failure fails the run, but the tests still run so one report shows everything.
  const lint = await run('npm', ['run', '--silent', 'lint']).then(
    () => true,
    (err) => {
      process.stderr.write(`${err.message}\n`);
      return false;
    },
  );
  if (!lint) failed = true;
  step('tests');
  await run(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs],
    { env, label: 'vitest' },
  ).catch((err) => {
    failed = true;
    process.stderr.write(`${err.message}\n`);
  });
} catch (err) {
  failed = true;
  process.stderr.write(`\n${err.message}\n`);
} finally {
  if (!keep) await run('node', ['scripts/infra.mjs', 'down'], { env, quiet: true }).catch(() => undefined);
}

/** The browser tests drive Debian's Chromium (never a downloaded browser): installed once when it is missing. */
async function ensureChromium() {
  if (fs.existsSync('/usr/bin/chromium')) return;
  step('installing Chromium from Debian for the browser tests (apt-get; needs root)');
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env: aptEnv, label: 'apt-get update' });
  await run('apt-get', ['install', '-y', 'chromium'], {
    env: aptEnv,
    label: 'apt-get install chromium',
  });
}

let passed = 0;
let failedTests = 0;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  // A file that fails to load has no failed tests of its own: count it, so it cannot pass silently.
  failedTests = r.numFailedTests + (r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
}
if (failed && failedTests === 0) failedTests = 1; // a step before or around the tests failed
process.stdout.write(`\ntest run took ${elapsed(started)}\n${passed} passed, ${failedTests} failed\n`);
process.exit(failed || failedTests > 0 ? 1 : 0);
