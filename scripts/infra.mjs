#!/usr/bin/env node
// Infrastructure launcher: NATS (JetStream), a MongoDB-wire server and MinIO on loopback.
//
//   node scripts/infra.mjs up [--fresh]   start what is not running (idempotent); --fresh wipes the data first
//   node scripts/infra.mjs down           stop what this launcher started
//   node scripts/infra.mjs status         one line per server
//   node scripts/infra.mjs env            the environment the services need, as KEY=value lines
//   node scripts/infra.mjs bin minio      the path of a cached server binary
//   node scripts/infra.mjs mongo-command PORT DIR DEBUGPORT   the embedded MongoDB-wire server's command, as JSON
//
// KHAO_INFRA_PROFILE=test uses other ports and data so that tests never touch a running dev platform.
// KHAO_INFRA_PORT_BASE shifts every port (the usual ports + base).
// MONGO_URL, NATS_URL or S3_ENDPOINT set in the environment mean "use that server": it is not started.
// KHAO_MONGO picks the embedded MongoDB-wire server when no mongod is on the PATH: ferretdb (the default) or secantus.
// Binaries are built once from pinned versions (Go module proxy) into ~/.cache/khao/bin and reused; SecantusDB is
// installed from PyPI into a venv beside them.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureVenvTool } from './python-venv.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const profile = /^[a-z0-9-]+$/.test(process.env.KHAO_INFRA_PROFILE ?? '') ? process.env.KHAO_INFRA_PROFILE : 'dev';
// dev uses the servers' usual ports; test shifts them by 10000; KHAO_INFRA_PORT_BASE picks another shift.
const portBase = Number(process.env.KHAO_INFRA_PORT_BASE ?? (profile === 'dev' ? 0 : 10000));
const dataDir = path.join(root, '.data', profile);
const runDir = path.join(dataDir, 'run');
const logDir = path.join(dataDir, 'logs');
const cacheDir = process.env.KHAO_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'khao', 'bin');

/** Pinned versions: change them here only, the cache key follows. */
const VERSIONS = {
  nats: { module: 'github.com/nats-io/nats-server/v2', version: 'v2.15.2', pkg: '.' },
  ferretdb: {
    module: 'github.com/FerretDB/FerretDB',
    version: 'v1.24.2',
    pkg: './cmd/ferretdb',
    // FerretDB's SQLite backend finds a document by `_id` with `->'$._id'`, but indexes `_id` as `->"_id"`: SQLite
    // cannot use the index for the other spelling, so every find, update and delete by `_id` read the whole table
    // (10–15× slower at 2,000 documents; `npm run bench:ferret-writes`). The same path in the index's own spelling.
    patch: {
      tag: 'id-index',
      file: 'internal/backends/sqlite/metadata/metadata.go',
      from: `IDColumn = DefaultColumn + "->'$._id'"`,
      to: `IDColumn = DefaultColumn + "->'_id'"`,
    },
  },
  minio: { module: 'github.com/minio/minio', version: 'v0.0.0-20260212201848-7aac2a2c5b7c', pkg: '.' },
};

/** SecantusDB's Python server (WiredTiger inside), with its dependencies pinned as resolved when it was chosen. */
const SECANTUS = {
  version: '0.7.0b3',
  requirements: [
    'SecantusDB==0.7.0b3',
    'pymongo==4.20.1',
    'dnspython==2.9.2',
    's2sphere==0.2.5',
    'future==1.0.0',
    'shapely==2.2.0',
    'numpy==2.4.6',
    'python-dateutil==4.0.0',
    'tzdata==2026.6',
  ],
};

const mongoKind = process.env.KHAO_MONGO || 'ferretdb';
if (!['ferretdb', 'secantus'].includes(mongoKind)) {
  process.stderr.write(`KHAO_MONGO must be ferretdb or secantus, not '${mongoKind}'\n`);
  process.exit(1);
}

const ports = {
  nats: 4222 + portBase,
  natsMonitor: 8222 + portBase,
  mongo: 27017 + portBase,
  ferretDebug: 8088 + portBase,
  minio: 9000 + portBase,
  minioConsole: 9001 + portBase,
};

const log = (msg) => process.stdout.write(`[infra:${profile}] ${msg}\n`);

function fail(msg) {
  process.stderr.write(`[infra:${profile}] ERROR: ${msg}\n`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------- binaries

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Runs a slow command, printing elapsed time every 15 s so a first build is visibly alive. */
function runWithProgress(label, cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setInterval(() => log(`  … ${label}: ${Math.round((Date.now() - started) / 1000)} s`), 15_000);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

function requireGo() {
  if (which('go')) return;
  log('Go is not installed: installing Debian package golang-go');
  execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go'], {
    stdio: 'inherit',
  });
}

async function ensureBinary(name) {
  if (name === 'secantus') {
    return ensureVenvTool({
      name: `secantusdb-${SECANTUS.version}`,
      requirements: SECANTUS.requirements,
      bin: 'secantusd-py',
      log,
    });
  }
  const spec = VERSIONS[name];
  const binName = name === 'nats' ? 'nats-server' : name;
  const dir = path.join(cacheDir, `${name}-${spec.version}${spec.patch ? `-${spec.patch.tag}` : ''}`);
  const bin = path.join(dir, binName);
  if (fs.existsSync(bin)) return bin;
  requireGo();
  fs.mkdirSync(dir, { recursive: true });
  const lock = `${dir}.lock`;
  await acquireLock(lock);
  try {
    if (fs.existsSync(bin)) return bin;
    log(`building ${name} ${spec.version} from the Go module proxy (first time only; takes minutes)`);
    const started = Date.now();
    // The module is copied out of the read-only module cache so that FerretDB's build-time version file can be
    // written, exactly as its own release task does; the others build the same way for one code path.
    const src = execFileSync('go', ['mod', 'download', '-json', `${spec.module}@${spec.version}`], {
      encoding: 'utf8',
    });
    const srcDir = JSON.parse(src).Dir;
    const work = fs.mkdtempSync(path.join(os.tmpdir(), `khao-build-${name}-`));
    fs.cpSync(srcDir, work, { recursive: true });
    execFileSync('chmod', ['-R', 'u+w', work]);
    if (name === 'ferretdb') fs.writeFileSync(path.join(work, 'build/version/version.txt'), `${spec.version}\n`);
    if (spec.patch) applyPatch(work, spec.patch);
    const tmpBin = `${bin}.tmp-${process.pid}`;
    await runWithProgress(`go build ${name}`, 'go', ['build', '-trimpath', '-o', tmpBin, spec.pkg], {
      cwd: work,
      env: { ...process.env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
    });
    fs.renameSync(tmpBin, bin);
    fs.rmSync(work, { recursive: true, force: true });
    log(`built ${name} in ${Math.round((Date.now() - started) / 1000)} s → cached`);
    return bin;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** A one-line source change, refused loudly if the line is not there (a new version needs the patch looked at). */
function applyPatch(work, { file, from, to }) {
  const target = path.join(work, file);
  const text = fs.readFileSync(target, 'utf8');
  if (!text.includes(from)) fail(`cannot apply the patch to ${file}: '${from}' is not there`);
  fs.writeFileSync(target, text.replace(from, to));
}

async function acquireLock(lock) {
  for (let i = 0; ; i++) {
    try {
      fs.mkdirSync(lock);
      return;
    } catch {
      if (i === 0) log(`waiting for another build (${lock})`);
      if (i > 1200) fail(`lock ${lock} held for 20 minutes; remove it if no build is running`);
      await sleep(1000);
    }
  }
}

// ---------------------------------------------------------------------------------------------- processes

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function pidFile(name) {
  return path.join(runDir, `${name}.pid`);
}

function ownPid(name) {
  try {
    const pid = Number(fs.readFileSync(pidFile(name), 'utf8'));
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

function portOpen(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
    sock.setTimeout(1000, () => {
      sock.destroy();
      resolve(false);
    });
  });
}

async function waitUntil(label, check, timeoutMs = 60_000) {
  const started = Date.now();
  let last = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if (await check()) return;
    } catch {
      // not ready yet
    }
    if (Date.now() - last > 10_000) {
      log(`  … waiting for ${label} (${Math.round((Date.now() - started) / 1000)} s)`);
      last = Date.now();
    }
    await sleep(200);
  }
  throw new Error(`${label} did not become ready within ${timeoutMs / 1000} s; see ${logDir}`);
}

async function httpOk(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return res.ok;
}

async function mongoAnswers(url) {
  const { MongoClient } = await import('mongodb').catch(() => ({ MongoClient: null }));
  if (!MongoClient) return portOpen(new URL(url).port ? Number(new URL(url).port) : 27017);
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 1500 });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } finally {
    await client.close();
  }
}

function minioCredentials() {
  const file = path.join(dataDir, 'minio.credentials.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const creds = { user: 'khao-admin', password: randomBytes(18).toString('base64url') };
    fs.writeFileSync(file, JSON.stringify(creds), { mode: 0o600 });
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The embedded MongoDB-wire server KHAO_MONGO picks, on `port` with its data in `dir` (created). */
async function embeddedMongoCommand(port, dir, debugPort) {
  fs.mkdirSync(dir, { recursive: true });
  if (mongoKind === 'secantus') {
    return [
      await ensureBinary('secantus'),
      ['--host', '127.0.0.1', '--port', String(port), `--storage-path=${dir}`, '--log-level=WARNING'],
    ];
  }
  return [
    await ensureBinary('ferretdb'),
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      `--debug-addr=127.0.0.1:${debugPort}`,
      `--state-dir=${dir}`,
      '--telemetry=disable',
      '--log-level=warn',
    ],
  ];
}

function servers() {
  const mongod = which('mongod');
  const creds = minioCredentials();
  return [
    {
      name: 'nats',
      external: process.env.NATS_URL,
      ports: [ports.nats, ports.natsMonitor],
      env: { NATS_URL: `nats://127.0.0.1:${ports.nats}` },
      command: async () => [
        await ensureBinary('nats'),
        [
          '-a',
          '127.0.0.1',
          '-p',
          String(ports.nats),
          '-m',
          String(ports.natsMonitor),
          '-js',
          '-sd',
          path.join(dataDir, 'nats'),
          '-n',
          `khao-${profile}`,
        ],
      ],
      ready: () => httpOk(`http://127.0.0.1:${ports.natsMonitor}/healthz?js-enabled-only=true`),
    },
    {
      name: 'mongo',
      external: process.env.MONGO_URL,
      ports: mongod || mongoKind === 'secantus' ? [ports.mongo] : [ports.mongo, ports.ferretDebug],
      env: { MONGO_URL: `mongodb://127.0.0.1:${ports.mongo}/` },
      command: async () => {
        if (mongod) {
          fs.mkdirSync(path.join(dataDir, 'mongod'), { recursive: true });
          return [
            mongod,
            ['--dbpath', path.join(dataDir, 'mongod'), '--bind_ip', '127.0.0.1', '--port', String(ports.mongo)],
          ];
        }
        return embeddedMongoCommand(ports.mongo, path.join(dataDir, mongoKind), ports.ferretDebug);
      },
      ready: () => mongoAnswers(`mongodb://127.0.0.1:${ports.mongo}/`),
    },
    {
      name: 'minio',
      external: process.env.S3_ENDPOINT,
      ports: [ports.minio, ports.minioConsole],
      env: {
        S3_ENDPOINT: `http://127.0.0.1:${ports.minio}`,
        S3_ACCESS_KEY: creds.user,
        S3_SECRET_KEY: creds.password,
      },
      processEnv: { MINIO_ROOT_USER: creds.user, MINIO_ROOT_PASSWORD: creds.password, MINIO_BROWSER: 'off' },
      command: async () => [
        await ensureBinary('minio'),
        [
          'server',
          path.join(dataDir, 'minio'),
          '--address',
          `127.0.0.1:${ports.minio}`,
          '--console-address',
          `127.0.0.1:${ports.minioConsole}`,
          '--quiet',
        ],
      ],
      ready: () => httpOk(`http://127.0.0.1:${ports.minio}/minio/health/live`),
    },
  ];
}

async function up(server) {
  if (server.external) {
    log(`${server.name}: using ${redact(server.external)} from the environment`);
    return;
  }
  const pid = ownPid(server.name);
  if (pid) {
    await waitUntil(server.name, server.ready);
    log(`${server.name}: already running (pid ${pid})`);
    return;
  }
  const [bin, args] = await server.command();
  fs.mkdirSync(runDir, { recursive: true });
  fs.mkdirSync(logDir, { recursive: true });
  const out = fs.openSync(path.join(logDir, `${server.name}.log`), 'a');
  const child = spawn(bin, args, {
    cwd: dataDir, // whatever a server writes beside itself stays in the git-ignored data folder
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, ...server.processEnv },
  });
  child.unref();
  fs.writeFileSync(pidFile(server.name), String(child.pid));
  const started = Date.now();
  await waitUntil(server.name, async () => {
    if (!ownPid(server.name)) throw new Error(`${server.name} exited; see ${path.join(logDir, `${server.name}.log`)}`);
    return server.ready();
  });
  log(`${server.name}: up in ${Date.now() - started} ms (pid ${child.pid})`);
}

async function down(server) {
  const pid = ownPid(server.name);
  if (!pid) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && ownPid(server.name); i++) await sleep(100);
  if (ownPid(server.name)) process.kill(pid, 'SIGKILL');
  fs.rmSync(pidFile(server.name), { force: true });
  log(`${server.name}: stopped`);
}

function redact(url) {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

function envLines() {
  const env = {};
  for (const s of servers()) {
    if (s.external) continue;
    Object.assign(env, s.env);
  }
  return env;
}

async function main() {
  const [cmd = 'status', ...rest] = process.argv.slice(2);
  const list = servers();
  switch (cmd) {
    case 'up': {
      if (rest.includes('--fresh')) {
        for (const s of list) await down(s);
        for (const sub of ['nats', 'ferretdb', 'secantus', 'mongod', 'minio']) {
          fs.rmSync(path.join(dataDir, sub), { recursive: true, force: true });
        }
      }
      // Refuse before starting anything, so a conflict never leaves half a platform running.
      const conflicts = [];
      for (const s of list) {
        if (s.external || ownPid(s.name)) continue;
        for (const port of s.ports) {
          if (await portOpen(port)) {
            conflicts.push(
              `${s.name}: port ${port} on 127.0.0.1 is taken by a process this launcher did not start. ` +
                `Stop it, or point the platform at it with ${Object.keys(s.env)[0]}.`,
            );
          }
        }
      }
      if (conflicts.length) fail(conflicts.join('\n'));
      // Build missing binaries one after another (2 cores), then start the servers together.
      for (const s of list) if (!s.external) await s.command().catch(() => undefined);
      await Promise.all(list.map((s) => up(s)));
      const envFile = path.join(dataDir, 'infra.env');
      fs.writeFileSync(
        envFile,
        Object.entries(envLines())
          .map(([k, v]) => `${k}=${v}`)
          .join('\n') + '\n',
        { mode: 0o600 },
      );
      log(`ready; connection settings in ${path.relative(root, envFile)}`);
      break;
    }
    case 'down':
      for (const s of list) await down(s);
      break;
    case 'status':
      for (const s of list) {
        if (s.external) log(`${s.name}: external ${redact(s.external)}`);
        else {
          const pid = ownPid(s.name);
          const ok = pid ? await s.ready().catch(() => false) : false;
          log(
            `${s.name}: ${pid ? `running (pid ${pid})` : 'stopped'}${pid ? (ok ? ', answering' : ', NOT answering') : ''}`,
          );
        }
      }
      break;
    case 'bin': {
      // The cached binary of one server (building it if needed), for tests that run a second instance.
      const name = rest[0];
      const known = [...Object.keys(VERSIONS), 'secantus'];
      if (!known.includes(name)) fail(`unknown server '${name}': use one of ${known.join(', ')}`);
      process.stdout.write(`${await ensureBinary(name)}\n`);
      break;
    }
    case 'mongo-command': {
      // The embedded MongoDB-wire server KHAO_MONGO picks, as JSON [binary, args], for tests that run their own.
      const [port, dir, debugPort] = rest;
      if (!port || !dir || !debugPort) fail('usage: mongo-command <port> <data dir> <debug port>');
      process.stdout.write(`${JSON.stringify(await embeddedMongoCommand(Number(port), dir, Number(debugPort)))}\n`);
      break;
    }
    case 'env':
      for (const [k, v] of Object.entries(envLines())) process.stdout.write(`${k}=${v}\n`);
      break;
    default:
      fail(`unknown command '${cmd}': use up [--fresh] | down | status | env | bin <server> | mongo-command …`);
  }
}

main().catch((err) => fail(err.message));
