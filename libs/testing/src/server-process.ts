import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './paths.js';

/** The launcher's cached build of a server (building it the first time), for tests that run an instance of their own. */
export function cachedServerBinary(name: 'nats' | 'ferretdb' | 'minio'): string {
  const out = execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'infra.mjs'), 'bin', name], {
    encoding: 'utf8',
  });
  return out.trim().split('\n').at(-1)!;
}

/**
 * The command of the embedded MongoDB-wire server the launcher starts (KHAO_MONGO: FerretDB by default, or SecantusDB),
 * on `port` with its data in `dataDir`, for tests that run an instance of their own.
 */
export function embeddedMongoCommand(port: number, dataDir: string, debugPort: number): [string, string[]] {
  const out = execFileSync(
    process.execPath,
    [path.join(repoRoot, 'scripts', 'infra.mjs'), 'mongo-command', String(port), dataDir, String(debugPort)],
    { encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as [string, string[]];
}

/** A real server process a test can stop hard and start again with the same arguments (and so the same data). */
export class ServerProcess {
  private child?: ChildProcess;

  constructor(
    private readonly bin: string,
    private readonly args: string[],
    private readonly env: Record<string, string> = {},
    private readonly cwd?: string,
  ) {}

  start(): this {
    this.child = spawn(this.bin, this.args, { env: { ...process.env, ...this.env }, cwd: this.cwd, stdio: 'ignore' });
    return this;
  }

  /** SIGKILL: an outage, not a shutdown. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}

/** Schemathesis's `st`, from the venv cached outside the clone (installed from PyPI the first time). */
export function schemathesisBinary(): string {
  const out = execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'schemathesis.mjs')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim().split('\n').at(-1)!;
}
