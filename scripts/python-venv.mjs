// A Python tool in a virtual environment cached outside the clone, next to the server binaries: installed from PyPI
// the first time (pinned requirements), reused afterwards. Used for schemathesis and for SecantusDB.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const cacheDir = process.env.KHAO_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'khao', 'bin');

function runWithProgress(label, cmd, args, log) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    // Output goes to stderr: stdout carries only what the caller prints (a path).
    const child = spawn(cmd, args, { stdio: ['ignore', process.stderr, 'inherit'] });
    const timer = setInterval(() => log(`… ${label}: ${Math.round((Date.now() - started) / 1000)} s`), 15_000);
    child.on('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (exit ${code})`));
    });
  });
}

function python() {
  for (const candidate of ['python3', 'python']) {
    if (spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  throw new Error('this needs Python 3 (apt-get install -y python3 python3-venv)');
}

/** A lock directory, so that parallel runs wait for the one installing instead of installing twice. */
async function withLock(lock, log, fn) {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${lock} (remove it if no install is running)`);
      log(`waiting for another install (${lock})`);
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The path of `bin` inside the venv `name` (e.g. `schemathesis-4.32.5`), installing `requirements` (exact pins) into
 * it first when the venv is missing or an earlier install was cut short.
 */
export async function ensureVenvTool({ name, requirements, bin, log }) {
  const venv = path.join(cacheDir, name);
  const tool = path.join(venv, 'bin', bin);
  // The marker is written last: a venv without it is an install that was cut short.
  const done = path.join(venv, '.khao-installed');
  if (fs.existsSync(done)) return tool;
  fs.mkdirSync(cacheDir, { recursive: true });
  return withLock(`${venv}.lock`, log, async () => {
    if (fs.existsSync(done)) return tool;
    const started = Date.now();
    fs.rmSync(venv, { recursive: true, force: true });
    log(`installing ${requirements[0]} from PyPI into ${venv} (first time only)`);
    const py = python();
    if (spawnSync(py, ['-m', 'venv', venv], { stdio: ['ignore', 'inherit', 'inherit'] }).status !== 0) {
      throw new Error(`${py} -m venv failed: install the venv module (apt-get install -y python3-venv)`);
    }
    const pip = path.join(venv, 'bin', 'pip');
    await runWithProgress('pip install', pip, ['install', '--disable-pip-version-check', ...requirements], log);
    fs.writeFileSync(done, `${requirements.join('\n')}\n`);
    log(`installed in ${Math.round((Date.now() - started) / 1000)} s → cached`);
    return tool;
  });
}
