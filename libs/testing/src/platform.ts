import { createHash } from 'node:crypto';
import net from 'node:net';
import { infraEnv, uniqueSuffix } from './env.js';
import { ServiceProcess, type AppName } from './service-process.js';
import { waitFor } from './wait.js';

export const TEST_ADMIN = { email: 'admin@khao.test', password: 'ทดสอบ-correct-horse-battery' };

export interface PlatformOptions {
  /** Services to start besides the gateway (default: all four). */
  services?: Exclude<AppName, 'gateway'>[];
  /** Extra environment per app. */
  env?: Partial<Record<AppName, Record<string, string>>>;
}

/** Where the tests' third-party fakes listen: allowed to the services that call out. */
export const LOCAL_FAKES = '127.0.0.1,::1,localhost';

/** A per-instance credentials key for the social service (32 bytes, base64). */
function socialKey(suffix: string): string {
  return createHash('sha256').update(`social-credentials-${suffix}`).digest('base64');
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The gateway and services as real processes on the test infrastructure, each with databases of its own for this
 * platform instance (so test files never see each other's data).
 */
export class TestPlatform {
  readonly suffix = uniqueSuffix();
  readonly procs = new Map<AppName, ServiceProcess>();
  /** Further gateway processes on the same databases (see {@link startGatewayReplica}). */
  readonly gatewayReplicas: ServiceProcess[] = [];
  baseUrl = '';

  constructor(private readonly opts: PlatformOptions = {}) {}

  envFor(app: AppName): Record<string, string> {
    return {
      ...infraEnv(),
      MONGO_DB: `${app}_${this.suffix}`,
      OUTBOX_SWEEP_MS: '500',
      OUTBOX_GRACE_MS: '1000',
      // Durable consumer names of this instance, so test files never share a consumer's position.
      EVENTS_CONSUMER: `${app}-${this.suffix}`,
      ...(app === 'gateway'
        ? {
            JWT_SECRET: `test-secret-${this.suffix}-0123456789abcdef0123456789`,
            ADMIN_EMAIL: TEST_ADMIN.email,
            ADMIN_PASSWORD: TEST_ADMIN.password,
          }
        : {}),
      ...(app === 'social' ? { SOCIAL_CREDENTIALS_KEY: socialKey(this.suffix) } : {}),
      // The tests' platform fakes listen on loopback, which the outbound guard refuses unless allowed.
      ...(app === 'social' || app === 'translation' ? { OUTBOUND_ALLOW: LOCAL_FAKES } : {}),
      ...this.opts.env?.[app],
    };
  }

  async start(): Promise<this> {
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    const services = this.opts.services ?? ['articles', 'media', 'translation', 'social'];
    const gateway = new ServiceProcess('gateway', { ...this.envFor('gateway'), HTTP_PORT: String(port) });
    this.procs.set('gateway', gateway);
    for (const s of services) this.procs.set(s, new ServiceProcess(s, this.envFor(s)));
    await Promise.all([...this.procs.values()].map((p) => p.start()));
    return this;
  }

  proc(app: AppName): ServiceProcess {
    const p = this.procs.get(app);
    if (!p) throw new Error(`${app} is not part of this platform`);
    return p;
  }

  /** Replaces an app's process with a new one (same databases), optionally with other environment. */
  async restart(app: AppName, env: Record<string, string> = {}): Promise<ServiceProcess> {
    const old = this.procs.get(app);
    if (old?.running) await old.stop();
    const base = app === 'gateway' ? { HTTP_PORT: new URL(this.baseUrl).port } : {};
    const p = new ServiceProcess(app, { ...this.envFor(app), ...base, ...env });
    this.procs.set(app, p);
    await p.start();
    return p;
  }

  /**
   * Starts one more gateway, sharing the first one's databases and secrets (as replicas behind a load balancer do),
   * on a port of its own; returns its base URL, for `http(…, { baseUrl })`.
   */
  async startGatewayReplica(env: Record<string, string> = {}): Promise<string> {
    const port = await freePort();
    const p = new ServiceProcess('gateway', { ...this.envFor('gateway'), HTTP_PORT: String(port), ...env });
    this.gatewayReplicas.push(p);
    await p.start();
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.procs.values(), ...this.gatewayReplicas].map((p) => p.stop()));
  }

  /** Logs in as the seeded admin and returns its bearer token. */
  async adminToken(): Promise<string> {
    const res = await this.http('POST', '/api/v1/auth/login', { body: TEST_ADMIN });
    if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { accessToken: string }).accessToken;
  }

  async http(
    method: string,
    path: string,
    opts: {
      body?: unknown;
      rawBody?: string;
      token?: string;
      headers?: Record<string, string>;
      /** Another gateway replica's address (default: the first gateway). */
      baseUrl?: string;
    } = {},
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch((opts.baseUrl ?? this.baseUrl) + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON; keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  waitReady(): Promise<unknown> {
    return waitFor(async () => (await this.http('GET', '/health/ready')).status === 200, { what: 'readiness' });
  }
}
