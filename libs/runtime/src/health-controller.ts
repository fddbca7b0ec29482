import { Controller, Inject, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { HealthRpc, type Check, type HealthReply, type ServiceName } from '@khao/contracts';
import { pingMongo } from '@khao/persistence';
import { pingNats, serviceHealth } from './health.js';
import { INFRA, type ServiceInfra } from '@khao/messaging';

/**
 * The `<service>.health.v1` handler every service mounts: MongoDB and NATS round trips plus the service's own
 * checks (MinIO for media).
 */
export function healthControllerFor(
  service: ServiceName,
  extra: (infra: ServiceInfra) => Record<string, () => Promise<Check>> = () => ({}),
): Type {
  @Controller()
  class HealthController {
    constructor(@Inject(INFRA) private readonly infra: ServiceInfra) {}

    @MessagePattern(HealthRpc[service].subject)
    health(): Promise<HealthReply> {
      return serviceHealth(service, {
        mongodb: () => pingMongo(this.infra.mongo),
        nats: () => pingNats(this.infra.nats),
        ...extra(this.infra),
      });
    }
  }
  return HealthController;
}
