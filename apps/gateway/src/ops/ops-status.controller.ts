import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CheckSchema, JobCountsSchema, PostCountsSchema } from '@khao/contracts';
import { Roles } from '../auth/roles.decorator.js';
import { openApi } from '../common/openapi.js';
import type { KhaoRequest } from '../common/request.js';
import { OpsStatusService } from './ops-status.service.js';

const figure = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]);

const OpsStatusSchema = z.object({
  readiness: z.object({
    status: z.enum(['up', 'degraded', 'down']),
    checks: z.object({ nats: CheckSchema, mongodb: CheckSchema, minio: CheckSchema }),
    services: z.record(
      z.string(),
      z.object({
        service: z.string(),
        status: z.enum(['up', 'down']),
        checks: z.record(z.string(), CheckSchema).optional(),
        error: z.string().optional(),
      }),
    ),
  }),
  consumers: figure(
    z.array(
      z.object({
        name: z.string(),
        waiting: z.number().int(),
        inProgress: z.number().int(),
        deadLetters: z.number().int(),
      }),
    ),
  ),
  posts: figure(PostCountsSchema),
  translationJobs: figure(JobCountsSchema),
});

/** The health page of the admins' room. */
@ApiTags('ops')
@ApiBearerAuth()
@Controller('api/v1/ops/status')
export class OpsStatusController {
  constructor(private readonly ops: OpsStatusService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary:
      'Readiness of every dependency and service, with live figures: events waiting per consumer, dead letters, ' +
      'posts per status, translation jobs per status (a figure whose service is down says why instead)',
  })
  @ApiOkResponse({ schema: openApi(OpsStatusSchema, 'output') })
  status(@Req() req: KhaoRequest) {
    return this.ops.status(req.actor!);
  }
}
