#!/usr/bin/env node
// Stops the services started by `npm run up` (SIGTERM: they drain in-flight work), then the infrastructure.
import fs from 'node:fs';
import path from 'node:path';
import { profile, root, run } from './lib.mjs';

const runDir = path.join(root, '.data', profile, 'run');
const apps = ['gateway', 'articles', 'media', 'translation', 'social'];

async function stop(app) {
  const file = path.join(runDir, `${app}.pid`);
  if (!fs.existsSync(file)) return;
  const pid = Number(fs.readFileSync(file, 'utf8'));
  try {
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 150; i++) {
      process.kill(pid, 0);
      await new Promise((r) => setTimeout(r, 100));
    }
    process.kill(pid, 'SIGKILL');
  } catch {
    // exited
  }
  fs.rmSync(file, { force: true });
  process.stdout.write(`${app}: stopped\n`);
}

await Promise.all(apps.map(stop));
await run('node', ['scripts/infra.mjs', 'down']);
