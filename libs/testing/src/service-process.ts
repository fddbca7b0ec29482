import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, testDataDir } from './paths.js';
import { waitFor } from './wait.js';

export type AppName = 'gateway' | 'articles' | 'media' | 'translation' | 'social';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * The Node flags an app starts with (`apps/<app>/node-options`, as every launcher and the image read them): the
 * articles service caps V8's young generation at 8 MB a semi-space, which its boot load would otherwise grow to 64 MB
 * (all of it resident after the boot).
 */
function nodeOptionsOf(app: AppName): string[] {
  const file = path.join(repoRoot, 'apps', app, 'node-options');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split(/\s+/).filter(Boolean) : [];
}

/**
 * glibc's allocator with a fixed mmap threshold, as every launcher and the image start the services: left dynamic, it
 * rises to the size of the first large buffer freed (a decoded snapshot chunk, a grown postings array), and every
 * later buffer up to that size is cut from the C heap, whose freed space stays resident (35 MiB of the articles
 * service's RSS after a boot at 50,000 stories).
 */
export const MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' };

/** A real service process (the built `apps/<name>/dist/main.js`), its output kept for assertions. */
export class ServiceProcess {
  private child?: ChildProcess;
  private out = '';
  private exited?: Promise<ExitInfo>;
  readonly logFile: string;

  constructor(
    readonly app: AppName,
    readonly env: Record<string, string | undefined>,
    label: string = app,
  ) {
    fs.mkdirSync(path.join(testDataDir, 'logs'), { recursive: true });
    this.logFile = path.join(testDataDir, 'logs', `${label}-${Date.now()}.log`);
  }

  /** Starts the process; resolves once it logged that it is ready. */
  async start(timeoutMs = 30_000): Promise<this> {
    this.spawn();
    await waitFor(() => this.output().includes('"event":"service.ready"') || this.failIfExited(), {
      timeoutMs,
      what: `${this.app} to be ready (log: ${this.logFile})`,
    });
    return this;
  }

  /** Starts the process without waiting (for processes expected to fail at boot). */
  spawn(): this {
    this.out = '';
    const main = path.join(repoRoot, 'apps', this.app, 'dist', 'main.js');
    const child = spawn(process.execPath, [...nodeOptionsOf(this.app), main], {
      cwd: repoRoot,
      // A process left behind by a run that died would join the next run's queue groups (same NATS port).
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'debug',
        STOP_WITH_PARENT: 'true',
        ...MALLOC_ENV,
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = fs.createWriteStream(this.logFile, { flags: 'a' });
    const collect = (d: Buffer) => {
      this.out += d.toString();
      log.write(d);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        log.end();
        resolve({ code, signal });
      }),
    );
    this.child = child;
    return this;
  }

  output(): string {
    return this.out;
  }

  /** Parsed JSON log lines. */
  logLines(): Record<string, unknown>[] {
    return this.out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => {
        try {
          return JSON.parse(l) as Record<string, unknown>;
        } catch {
          return {};
        }
      });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  waitForExit(timeoutMs = 15_000): Promise<ExitInfo> {
    if (!this.exited) throw new Error('not started');
    return Promise.race([
      this.exited,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`${this.app} did not exit within ${timeoutMs} ms`)), timeoutMs),
      ),
    ]);
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<ExitInfo> {
    if (this.running) this.child!.kill(signal);
    return this.waitForExit();
  }

  /** Graceful stop (SIGTERM), then SIGKILL if it hangs. */
  async stop(): Promise<ExitInfo | undefined> {
    if (!this.running) return this.exited;
    this.child!.kill('SIGTERM');
    try {
      return await this.waitForExit(15_000);
    } catch {
      return this.kill('SIGKILL');
    }
  }

  private failIfExited(): false {
    if (this.child && !this.running) {
      throw new Error(`${this.app} exited during start:\n${this.out.slice(-2000)}`);
    }
    return false;
  }
}
