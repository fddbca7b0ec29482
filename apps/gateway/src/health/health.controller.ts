import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/roles.decorator.js';
import { Metrics } from './metrics.js';
import { ReadinessService } from './readiness.service.js';

@ApiTags('ops')
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly metrics: Metrics,
  ) {}

  /** Liveness: the process answers. */
  @Get('health')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  health() {
    return { status: 'ok' };
  }

  /** Readiness: every dependency probed; 503 when NATS, MongoDB or MinIO is down. */
  @Get('health/ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: NATS, MongoDB, MinIO and each service probed' })
  @ApiOkResponse({ description: 'all dependencies up (services may be degraded)' })
  @ApiServiceUnavailableResponse({ description: 'a dependency is down' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const r = await this.readiness.check();
    void reply.status(r.status === 'down' ? 503 : 200);
    return r;
  }

  @Get('metrics')
  @Public()
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format)' })
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  metricsText() {
    return this.metrics.registry.metrics();
  }
}
