import { Inject, Injectable } from '@nestjs/common';
import { HealthRpc, ServiceNames, type Check, type HealthReply } from '@khao/contracts';
import { INFRA, RpcClient, type ServiceInfra } from '@khao/messaging';
import { pingNats } from '@khao/runtime';
import { pingMongo } from '@khao/persistence';
import { CONFIG } from '../tokens.js';
import type { GatewayConfig } from '../config.js';

export interface Readiness {
  status: 'up' | 'degraded' | 'down';
  checks: { nats: Check; mongodb: Check; minio: Check };
  services: Record<string, HealthReply | { service: string; status: 'down'; error: string }>;
}

/**
 * Readiness: NATS, MongoDB and MinIO each probed for real. The services behind NATS are reported too; one being
 * down degrades the platform but does not take the gateway out of rotation.
 */
@Injectable()
export class ReadinessService {
  constructor(
    @Inject(INFRA) private readonly infra: ServiceInfra,
    @Inject(CONFIG) private readonly config: GatewayConfig,
    private readonly rpc: RpcClient,
  ) {}

  async check(): Promise<Readiness> {
    const [nats, mongodb, minio, ...services] = await Promise.all([
      pingNats(this.infra.nats),
      pingMongo(this.infra.mongo),
      this.pingMinio(),
      ...ServiceNames.map((s) =>
        this.rpc
          .request(HealthRpc[s], {}, { timeoutMs: 2000 })
          .catch((err: Error) => ({ service: s, status: 'down' as const, error: err.message })),
      ),
    ]);
    const checks = { nats, mongodb, minio };
    const depsUp = Object.values(checks).every((c) => c.status === 'up');
    const servicesUp = services.every((s) => s.status === 'up');
    return {
      status: !depsUp ? 'down' : servicesUp ? 'up' : 'degraded',
      checks,
      services: Object.fromEntries(services.map((s) => [s.service, s])),
    };
  }

  private async pingMinio(): Promise<Check> {
    const started = performance.now();
    try {
      const res = await fetch(new URL('/minio/health/live', this.config.S3_ENDPOINT), {
        signal: AbortSignal.timeout(2000),
      });
      if (!res.ok) return { status: 'down', error: `MinIO answered ${res.status}` };
      return { status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (err) {
      return { status: 'down', error: (err as Error).message };
    }
  }
}
