#!/usr/bin/env node
// Starts the whole platform on this machine: dependencies, infrastructure, build, the five services, the first
// admin. Idempotent: services already running are left alone. Stop everything with `npm run down`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDependencies, elapsed, profile, readEnvFile, root, run, step } from './lib.mjs';
import { ensurePinnedNode } from './node-runtime.mjs';

await ensurePinnedNode();

const started = Date.now();
const dataDir = path.join(root, '.data', profile);
const runDir = path.join(dataDir, 'run');
const logDir = path.join(dataDir, 'logs');
const apps = ['articles', 'media', 'translation', 'social', 'gateway'];

/** Secrets generated once per checkout and kept in the git-ignored data folder; the environment wins. */
function localSecrets() {
  const file = path.join(dataDir, 'secrets.env');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const lines = [
      `JWT_SECRET=${randomBytes(32).toString('base64url')}`,
      'ADMIN_EMAIL=admin@khao.local',
      `ADMIN_PASSWORD=${randomBytes(12).toString('base64url')}`,
    ];
    fs.writeFileSync(file, lines.join('\n') + '\n', { mode: 0o600 });
  }
  // The social service's credentials key: added to checkouts whose secrets predate it. Losing it loses the
  // channels' credentials (they would have to be entered again), so it is kept like the JWT secret.
  if (!readEnvFile(file).SOCIAL_CREDENTIALS_KEY) {
    fs.appendFileSync(file, `SOCIAL_CREDENTIALS_KEY=${randomBytes(32).toString('base64')}\n`);
  }
  return readEnvFile(file);
}

function alive(app) {
  try {
    const pid = Number(fs.readFileSync(path.join(runDir, `${app}.pid`), 'utf8'));
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function waitReady(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(3000) });
      const body = await res.json();
      if (body.status === 'up') return body;
      last = JSON.stringify(body);
    } catch (err) {
      last = err.message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the platform did not become ready within ${timeoutMs / 1000} s: ${last}\nlogs: ${logDir}`);
}

try {
  step(`Node ${process.version}`);
  await ensureDependencies();
  step('infrastructure');
  await run('node', ['scripts/infra.mjs', 'up']);
  step('building');
  await run('npm', ['run', '--silent', 'build']);

  const secrets = localSecrets();
  const env = {
    ...process.env,
    ...readEnvFile(path.join(dataDir, 'infra.env')),
    ...Object.fromEntries(Object.entries(secrets).filter(([k]) => !process.env[k])),
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    // glibc's mmap threshold fixed, as the image runs the services (see MALLOC_ENV in libs/testing).
    MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? '131072',
    // A local platform may call local servers (a LibreTranslate, a webhook receiver); a deployment opens none by default.
    OUTBOUND_ALLOW: process.env.OUTBOUND_ALLOW ?? '127.0.0.1,::1,localhost',
  };
  const port = env.HTTP_PORT ?? '3000';
  const url = `http://${env.HTTP_HOST ?? '127.0.0.1'}:${port}`;

  step('services');
  fs.mkdirSync(runDir, { recursive: true });
  fs.mkdirSync(logDir, { recursive: true });
  for (const app of apps) {
    const pid = alive(app);
    if (pid) {
      process.stdout.write(`    ${app}: already running (pid ${pid})\n`);
      continue;
    }
    const out = fs.openSync(path.join(logDir, `${app}.log`), 'a');
    // The app's own Node flags (apps/<app>/node-options), as the image starts it with them.
    const flags = path.join(root, 'apps', app, 'node-options');
    const nodeOptions = fs.existsSync(flags) ? fs.readFileSync(flags, 'utf8').split(/\s+/).filter(Boolean) : [];
    const child = spawn(process.execPath, [...nodeOptions, path.join(root, 'apps', app, 'dist', 'main.js')], {
      cwd: root,
      env,
      detached: true,
      stdio: ['ignore', out, out],
    });
    child.unref();
    fs.writeFileSync(path.join(runDir, `${app}.pid`), String(child.pid));
    process.stdout.write(`    ${app}: started (pid ${child.pid}), log .data/${profile}/logs/${app}.log\n`);
  }

  step('waiting for /health/ready');
  await waitReady(url);
  process.stdout.write(`
Khao is up in ${elapsed(started)}.
  Studio         ${url}/studio  (the newsroom's web app: log in with the demo admin below)
  Admin API      ${url}/api/v1
  OpenAPI        ${url}/api/docs
  Health         ${url}/health/ready
  Metrics        ${url}/metrics
  Public site    ${url}/th  ${url}/en  (feeds under /feeds/<lang>/, ${url}/sitemap.xml)
  Demo admin     ${env.ADMIN_EMAIL} / ${process.env.ADMIN_PASSWORD ? '(your ADMIN_PASSWORD)' : env.ADMIN_PASSWORD}
                 (generated once, kept in .data/${profile}/secrets.env)
Stop with: npm run down
`);
} catch (err) {
  process.stderr.write(`\nkhao up failed: ${err.message}\n`);
  process.exit(1);
}
